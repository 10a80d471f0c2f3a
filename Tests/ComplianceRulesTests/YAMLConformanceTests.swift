import Foundation
import Testing

@testable import ComplianceRules

/// The YAML test suite (../shared/yaml-test-suite), read in place.
private enum YAMLTestSuite {
    /// `<repo>/../shared/yaml-test-suite`, from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ComplianceRulesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/yaml-test-suite", isDirectory: true)

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("LICENSE").path)
    }

    /// One case: a folder with `in.yaml` and `test.event`.
    struct Case {
        /// `2G84/00` or `229Q`.
        var id: String
        var folder: URL

        func file(_ name: String) -> [UInt8]? {
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { Array($0) }
        }

        var isError: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path) }
    }

    /// Every case, including the numbered sub-cases of a folder, sorted by id.
    static func cases() throws -> [Case] {
        let manager = FileManager.default
        var result: [Case] = []
        for name in try manager.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(name, isDirectory: true)
            if manager.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                result.append(Case(id: name, folder: folder))
                continue
            }
            guard name.count == 4, name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
                continue  // LICENSE, name/, tags/: indexes, not cases
            }
            for sub in try manager.contentsOfDirectory(atPath: folder.path).sorted()
            where manager.fileExists(atPath: folder.appendingPathComponent("\(sub)/in.yaml").path) {
                result.append(Case(id: "\(name)/\(sub)", folder: folder.appendingPathComponent(sub, isDirectory: true)))
            }
        }
        return result
    }

    /// The lines of a `test.event` file (split on line feeds only; scalars inside are escaped).
    static func eventLines(_ bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Cases libyaml 0.2.5 (the parser under `YAMLEventParser`) does not pass, with the reason: valid
/// YAML it rejects, events it gets wrong, and errors it does not detect. Each was checked against a
/// plain C program printing libyaml's events, so none is a fault of `YAMLEventParser`. A listed case
/// that starts passing fails the test, so that the list stays honest.
private let libyamlDeviations: [String: String] = [
    // Valid YAML that libyaml rejects.
    "2JQS": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "6M2F": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "M2N8/00": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "NHX8": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "NKF9": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "S3PD": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "SM9W/01": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "UKK6/00": "libyaml does not support an empty implicit key (an entry line starting with ':')",
    "CFD4": "libyaml does not support an empty key in a flow collection ('[ : empty key ]')",
    "FRK4": "libyaml does not support empty flow nodes ('? foo :,' and ': bar' in a flow mapping)",
    "4ABK": "libyaml rejects a flow mapping entry whose ':' is followed directly by ',' (an omitted value)",
    "58MP": "libyaml does not allow a plain scalar to start with ':' inside a flow collection",
    "5T43": "libyaml does not allow a plain scalar to start with ':' inside a flow collection",
    "DBG4": "libyaml does not allow a plain scalar to start with ':' inside a flow collection",
    "HM87/00": "libyaml does not allow a plain scalar to start with ':' inside a flow collection",
    "4MUZ/00": "libyaml needs a flow mapping key and its ':' on the same line",
    "4MUZ/01": "libyaml needs a flow mapping key and its ':' on the same line",
    "4MUZ/02": "libyaml needs a flow mapping key and its ':' on the same line",
    "5MUD": "libyaml needs a flow mapping key and its ':' on the same line",
    "K3WX": "libyaml needs a flow mapping key and its ':' on the same line",
    "VJP3/01": "libyaml needs a flow mapping key and its ':' on the same line",
    "9SA2": "libyaml does not support a flow mapping key that spans lines",
    "NJ66": "libyaml does not support a flow mapping key that spans lines",
    "UT92": "libyaml does not support a flow mapping key that spans lines",
    "2LFX": "libyaml rejects a reserved directive instead of ignoring it",
    "6LVF": "libyaml rejects a reserved directive instead of ignoring it",
    "MUS6/05": "libyaml rejects a reserved directive instead of ignoring it",
    "MUS6/06": "libyaml rejects a reserved directive instead of ignoring it",
    "BEC7": "libyaml rejects %YAML 1.3 instead of parsing it with a warning",
    "DK3J": "libyaml does not support a top-level block scalar whose content is not indented",
    "FP8R": "libyaml does not support a top-level block scalar whose content is not indented",
    "W4TN": "libyaml does not support a top-level block scalar whose content is not indented (it reads '%' as a directive)",
    "7Z25": "libyaml needs '---' before a document that follows a '...' document end marker",
    "M7A3": "libyaml needs '---' before a document that follows a '...' document end marker",
    "HWV9": "libyaml rejects a stream holding only a '...' document end marker (an empty stream)",
    "QT73": "libyaml rejects a stream holding only a comment and a '...' document end marker (an empty stream)",
    "2SXE": "libyaml allows only ASCII letters, digits, '-' and '_' in anchor names",
    "8XYN": "libyaml allows only ASCII letters, digits, '-' and '_' in anchor names",
    "W5VH": "libyaml allows only ASCII letters, digits, '-' and '_' in anchor names",
    "6BCT": "libyaml rejects a tab as the separator after a block indicator ('-' or ':')",
    "A2M4": "libyaml rejects a tab as the separator after a block indicator ('-' or ':')",
    "Y79Y/010": "libyaml rejects a tab as the separator after a block indicator ('-' or ':')",
    "6CA3": "libyaml rejects a tab before a node at the start of a line",
    "DK95/00": "libyaml rejects a tab before a node at the start of a line",
    "Q5MG": "libyaml rejects a tab before a node at the start of a line",
    "DK95/03": "libyaml rejects a tab in a line that holds only white space",
    "DK95/04": "libyaml rejects a tab in a line that holds only white space",
    "96NN/00": "libyaml rejects a tab right after the indentation of a block scalar line, where it is content",
    "96NN/01": "libyaml rejects a tab right after the indentation of a block scalar line, where it is content",
    "R4YG": "libyaml rejects a tab right after the indentation of a block scalar line, where it is content",
    "Y79Y/001": "libyaml rejects a tab right after the indentation of a block scalar line, where it is content",
    // Valid YAML for which libyaml reports different events.
    "652Z": "libyaml reads '?' followed by a character in a flow mapping as a key indicator, not as part of '?foo'",
    "HM87/01": "libyaml reads '?' followed by a character in a flow sequence as a key indicator, not as part of '?x'",
    "Y2GN": "libyaml ends an anchor name at ':' ('&an:chor' becomes anchor 'an' and scalar ':chor value')",
    "JEF9/02": "libyaml drops the line break of a kept block scalar when the stream ends in a line of spaces",
    "L24T/01": "libyaml drops the last line break of a block scalar when the stream ends in a line of spaces",
    // Invalid YAML that libyaml accepts.
    "9C9N": "libyaml does not check the indentation of the lines of a flow collection",
    "Y79Y/003": "libyaml does not check the indentation of the lines of a flow collection (a tab indents one)",
    "QB6E": "libyaml does not check the indentation of the continuation lines of a quoted scalar",
    "DK95/01": "libyaml does not check the indentation of the continuation lines of a quoted scalar (a tab indents one)",
    "9JBA": "libyaml accepts a '#' comment that is not preceded by white space",
    "CVW2": "libyaml accepts a '#' comment that is not preceded by white space",
    "SU5Z": "libyaml accepts a '#' comment that is not preceded by white space",
    "X4QW": "libyaml accepts a '#' comment that is not preceded by white space",
    "MUS6/00": "libyaml accepts a '#' comment that is not preceded by white space (after a %YAML directive)",
    "G5U8": "libyaml accepts a lone '-' as a plain scalar in a flow sequence",
    "YJV2": "libyaml accepts a lone '-' as a plain scalar in a flow sequence",
    "S98Z": "libyaml accepts leading empty lines of a block scalar that are more indented than its first content line",
]

/// Error cases libyaml's parser accepts that `YAMLReader` still refuses, with the reason. The
/// suite counts them as passing: the input is rejected.
private let rejectedOnlyByReader: [String: String] = [
    "9HCY": "libyaml misses a directive after a document without '...'; YAMLReader refuses the second document",
    "EB22": "libyaml misses a directive after a document without '...'; YAMLReader refuses the second document",
    "MUS6/01": "libyaml misses a directive after a document without '...'; YAMLReader refuses the second document",
    "RHX7": "libyaml misses a directive after a document without '...'; YAMLReader refuses the second document",
]

/// Cases with `in.json` whose single document libyaml parses correctly but that `YAMLReader`
/// refuses on purpose (a feature outside what a system description may use).
private let readerRefusals: [String: String] = [
    "26DV": "an alias as a mapping key",
    "E76Z": "an alias as a mapping key",
]

/// How one case came out.
private enum Outcome: Equatable {
    case passed
    /// An error case that only `YAMLReader` (not the event parser) rejects.
    case passedByReader
    case failed(String)
}

@Suite("YAML test suite conformance")
struct YAMLConformanceTests {
    private static let reader = YAMLReader(allowsUnknownTags: true, allowsByteOrderMark: true)

    @Test(
        "every case of the YAML test suite, except listed libyaml deviations",
        .enabled(
            if: YAMLTestSuite.isAvailable,
            "../shared/yaml-test-suite is absent (it sits beside the repository); conformance not checked"))
    func yamlTestSuite() throws {
        let cases = try YAMLTestSuite.cases()
        #expect(cases.count > 300, "found only \(cases.count) cases in \(YAMLTestSuite.root.path)")
        var passed = 0
        var byReader: [String] = []
        var jsonCompared = 0
        var deviationsSeen: Set<String> = []
        for testCase in cases {
            let (outcome, comparedJSON) = try Self.run(testCase)
            if comparedJSON { jsonCompared += 1 }
            if let reason = libyamlDeviations[testCase.id] {
                deviationsSeen.insert(testCase.id)
                if case .failed = outcome { continue }
                Issue.record("\(testCase.id) is listed as a libyaml deviation (\(reason)) but now passes; remove it")
                continue
            }
            switch outcome {
            case .passed:
                passed += 1
                if let reason = rejectedOnlyByReader[testCase.id] {
                    Issue.record("\(testCase.id) is listed as rejected only by YAMLReader (\(reason)) but libyaml rejects it")
                }
            case .passedByReader:
                passed += 1
                byReader.append(testCase.id)
                if rejectedOnlyByReader[testCase.id] == nil {
                    Issue.record("\(testCase.id): an error case that only YAMLReader rejects; list it with the reason")
                }
            case .failed(let problem):
                Issue.record("\(testCase.id): \(problem)")
            }
        }
        let ids = Set(cases.map(\.id))
        let stale = Set(libyamlDeviations.keys).union(rejectedOnlyByReader.keys).union(readerRefusals.keys)
            .subtracting(ids)
        #expect(stale.isEmpty, "listed cases that are not in the suite: \(stale.sorted())")
        #expect(passed + deviationsSeen.count == cases.count)
        print(
            "yaml-test-suite: \(passed) of \(cases.count) cases pass; \(deviationsSeen.count) known libyaml "
                + "deviations; \(jsonCompared) single documents compared with their in.json; "
                + "\(byReader.count) error cases rejected only by YAMLReader (\(byReader.joined(separator: ", ")))"
        )
    }

    @Test("the comparison with in.json tells booleans, numbers, strings and nulls apart")
    func jsonComparison() throws {
        let json = try JSONSerialization.jsonObject(with: Data(#"{"a": true, "b": 1, "c": "1", "d": [1.5, null]}"#.utf8))
        #expect(JSONComparison.difference(["a": true, "b": 1.0, "c": "1", "d": [1.5, nil]], json, at: "") == nil)
        #expect(JSONComparison.difference(["a": 1, "b": 1, "c": "1", "d": [1.5, nil]], json, at: "") != nil)
        #expect(JSONComparison.difference(["a": true, "b": true, "c": "1", "d": [1.5, nil]], json, at: "") != nil)
        #expect(JSONComparison.difference(["a": true, "b": 1, "c": 1, "d": [1.5, nil]], json, at: "") != nil)
        #expect(JSONComparison.difference(["a": true, "b": 1, "c": "1", "d": [1.5, ""]], json, at: "") != nil)
        #expect(JSONComparison.difference(["a": true, "b": 1, "c": "1", "d": [1.5]], json, at: "") != nil)
        #expect(JSONComparison.difference(["a": true, "b": 1, "c": "1"], json, at: "") != nil)
    }

    /// Runs one case; also says whether its value was compared with `in.json`.
    private static func run(_ testCase: YAMLTestSuite.Case) throws -> (Outcome, Bool) {
        let input = try #require(testCase.file("in.yaml"), "\(testCase.id): no in.yaml")
        let expected = YAMLTestSuite.eventLines(try #require(testCase.file("test.event"), "\(testCase.id): no test.event"))
        let events: [String]
        do {
            events = try YAMLEventParser.testEvents(of: input)
        } catch {
            if testCase.isError { return (.passed, false) }
            return (.failed("libyaml rejects a valid document: \(error)"), false)
        }
        if testCase.isError {
            do {
                _ = try reader.read(input, file: "in.yaml")
                return (.failed("accepted although the suite marks it as an error"), false)
            } catch {
                return (.passedByReader, false)
            }
        }
        if events != expected {
            let index =
                zip(events, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(events.count, expected.count)
            let found = index < events.count ? events[index] : "(end)"
            let wanted = index < expected.count ? expected[index] : "(end)"
            return (.failed("event \(index + 1) is '\(found)', expected '\(wanted)'"), false)
        }
        guard let json = testCase.file("in.json"), events.filter({ $0.hasPrefix("+DOC") }).count == 1 else {
            return (.passed, false)
        }
        let document: Document
        do {
            document = try reader.read(input, file: "in.yaml")
        } catch {
            if readerRefusals[testCase.id] != nil { return (.passed, false) }
            return (.failed("YAMLReader rejects it: \(error)"), false)
        }
        if let reason = readerRefusals[testCase.id] {
            return (.failed("listed as refused by YAMLReader (\(reason)) but it is read; remove it"), false)
        }
        let expectedValue = try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed])
        if let difference = JSONComparison.difference(document.root, expectedValue, at: "") {
            return (.failed("value differs from in.json at \(difference)"), true)
        }
        return (.passed, true)
    }
}

/// Compares a `Value` with what `JSONSerialization` parsed; numbers compare numerically.
private enum JSONComparison {
    /// The path of the first difference, or `nil` when equal.
    static func difference(_ value: Value, _ json: Any, at path: String) -> String? {
        let here = path.isEmpty ? "the root" : path
        switch value {
        case .null:
            return json is NSNull ? nil : "\(here): null vs \(json)"
        case .bool(let flag):
            guard let number = json as? NSNumber, isBoolean(number), number.boolValue == flag else {
                return "\(here): \(flag) vs \(json)"
            }
            return nil
        case .int(let integer):
            guard let number = json as? NSNumber, !isBoolean(number), number.doubleValue == Double(integer) else {
                return "\(here): \(integer) vs \(json)"
            }
            return nil
        case .double(let double):
            guard let number = json as? NSNumber, !isBoolean(number), number.doubleValue == double else {
                return "\(here): \(double) vs \(json)"
            }
            return nil
        case .string(let text):
            return json as? String == text ? nil : "\(here): '\(text)' vs \(json)"
        case .date(let date):
            return "\(here): the reader made a date \(date)"
        case .list(let elements):
            guard let array = json as? [Any], array.count == elements.count else {
                return "\(here): list of \(elements.count) vs \(json)"
            }
            for (index, (element, item)) in zip(elements, array).enumerated() {
                if let found = difference(element, item, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case .map:
            let entries = Node(value: value, marks: nil, file: "in.yaml").entries
            guard let object = json as? [String: Any], Set(object.keys) == Set(entries.map { $0.key }) else {
                return "\(here): keys \(entries.map { $0.key }) vs \(json)"
            }
            for entry in entries {
                guard let item = object[entry.key] else { return "\(here): no key '\(entry.key)' in in.json" }
                let childPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
                if let found = difference(entry.node.value, item, at: childPath) { return found }
            }
            return nil
        }
    }

    /// Whether `JSONSerialization` made this number from `true` or `false`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
