import Testing

@testable import ComplianceRules

/// The diagnostic `YAMLReader` throws for `bytes` read as `system.yaml`, or `nil` (recorded as an
/// issue) when it reads them.
private func readError(
    _ bytes: [UInt8], reader: YAMLReader = YAMLReader(), sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String? {
    do {
        let document = try reader.read(bytes, file: "system.yaml")
        Issue.record("the input was read, as \(document.root.typeName)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error.description
    }
}

private func readError(
    _ text: String, reader: YAMLReader = YAMLReader(), sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String? {
    readError(Array(text.utf8), reader: reader, sourceLocation: sourceLocation)
}

/// Every diagnostic of reading and then validating `text` against `vocabulary`.
private func validationDiagnostics(
    _ text: String, vocabulary: Vocabulary? = nil, partial: Bool = false
) throws -> [String] {
    let document = try YAMLReader().read(text, file: "system.yaml")
    let validator = SystemValidator(vocabulary: try vocabulary ?? BuiltInRules.vocabulary())
    return validator.validate(document, partial: partial).diagnostics.map(\.description)
}

@Suite("hostile input ends in a positioned diagnostic")
struct HostileInputTests {
    @Test("the minimal system used below is valid")
    func minimalSystemIsValid() throws {
        #expect(try validationDiagnostics(minimalSystem) == [])
    }

    @Test("an alias bomb (billion laughs, 9 levels) is refused, not expanded")
    func aliasBomb() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        // a holds 11 values, b 111, c 1,111, d 11,111: the eighth *d of line 5 passes 100,000.
        #expect(
            readError(lines.joined(separator: "\n") + "\n")
                == "system.yaml:5:36: error: aliases expand to more than 100000 values; the document is refused so "
                + "that it cannot exhaust memory (\"billion laughs\")")
    }

    @Test("10,000 nested flow lists stop at depth 128")
    func deepLists() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(readError(text) == "system.yaml:1:129: error: nesting is deeper than 128 levels")
    }

    @Test("10,000 nested flow mappings stop at depth 128")
    func deepMappings() {
        let text = String(repeating: "{a: ", count: 10_000) + String(repeating: "}", count: 10_000) + "\n"
        #expect(readError(text) == "system.yaml:1:513: error: nesting is deeper than 128 levels")
    }

    @Test("200 nested block mappings stop at depth 128")
    func deepBlockMappings() {
        var text = ""
        for level in 0..<200 {
            text += String(repeating: " ", count: level) + "a:\n"
        }
        #expect(readError(text) == "system.yaml:129:129: error: nesting is deeper than 128 levels")
    }

    @Test("aliases cannot repeat a deep value below more nesting than 128 levels")
    func deepThroughAliases() {
        let deep = String(repeating: "[", count: 100) + "x" + String(repeating: "]", count: 100)
        let wrapper = String(repeating: "[", count: 40) + "*a" + String(repeating: "]", count: 40)
        #expect(
            readError("a: &a \(deep)\nb: \(wrapper)\n")
                == "system.yaml:2:44: error: nesting is deeper than 128 levels (through alias *a)")
    }

    @Test("aliases may repeat a value up to 128 levels deep")
    func deepestThroughAliases() throws {
        let deep = String(repeating: "[", count: 100) + "x" + String(repeating: "]", count: 100)
        let wrapper = String(repeating: "[", count: 27) + "*a" + String(repeating: "]", count: 27)
        let document = try YAMLReader().read("a: &a \(deep)\nb: \(wrapper)\n", file: "system.yaml")
        var depth = 1  // the root mapping
        var value = document.root["b"]
        while case .list(let items)? = value {
            depth += 1
            value = items.first
        }
        #expect(depth == 128)
        #expect(value == "x")
    }

    @Test("a chain of aliases cannot build a value thousands of levels deep")
    func aliasChainDepth() {
        // Each line nests the previous one 120 levels deeper: without a depth check through aliases,
        // 41 lines make a 4,920-level value that overflows the stack when rendered.
        var lines: [String] = []
        for index in 0..<41 {
            let inner = index == 0 ? "x" : "*n\(index - 1)"
            lines.append(
                "n\(index): &n\(index) " + String(repeating: "[", count: 120) + inner + String(repeating: "]", count: 120))
        }
        #expect(
            readError(lines.joined(separator: "\n") + "\n")
                == "system.yaml:2:129: error: nesting is deeper than 128 levels (through alias *n0)")
    }

    @Test("an invalid UTF-8 byte is reported where it is")
    func invalidUTF8() {
        let bytes = Array("system:\n  name: ab".utf8) + [0xFF] + Array("cd\n".utf8)
        #expect(
            readError(bytes)
                == "system.yaml:2:11: error: invalid UTF-8: invalid leading UTF-8 octet (#xFF); save the file as UTF-8")
    }

    @Test("an invalid UTF-8 byte deep in a file is reported where it is, counting characters")
    func invalidUTF8FarIn() {
        let bytes =
            Array(String(repeating: "- v\n", count: 30_000).utf8) + Array("- é".utf8) + [0xFF] + Array("\n".utf8)
        #expect(
            readError(bytes)
                == "system.yaml:30001:4: error: invalid UTF-8: invalid leading UTF-8 octet (#xFF); save the file as UTF-8")
    }

    @Test("a byte-order mark is refused by default")
    func byteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(minimalSystem.utf8)
        #expect(
            readError(bytes) == "system.yaml:1:1: error: file starts with a byte-order mark; save it as UTF-8 without a BOM")
    }

    @Test("a byte-order mark is skipped when allowed, and positions ignore it")
    func byteOrderMarkAllowed() throws {
        let reader = YAMLReader(allowsByteOrderMark: true)
        let document = try reader.read([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8), file: "system.yaml")
        #expect(document.root == ["a": 1, "b": 2])
        #expect(Node(document).keyLocation("a").description == "system.yaml:1:1")
        #expect(
            readError([0xEF, 0xBB, 0xBF] + Array("a: [1\n".utf8), reader: reader)
                == "system.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' "
                + "(while parsing a flow sequence at line 1, column 4)")
    }

    @Test("a tab that indents is refused with a hint")
    func tabIndentation() {
        #expect(
            readError("apiVersion: compliance-check/v1\nsystem:\n\tid: demo\n")
                == "system.yaml:3:1: error: invalid YAML: a tab character cannot indent YAML; use spaces "
                + "(found character that cannot start any token)")
    }

    @Test("a duplicate key is an error at the second key, with a note at the first")
    func duplicateKey() {
        #expect(
            readError("system:\n  id: a\n  name: b\n  id: c\n")
                == "system.yaml:4:3: error: duplicate key 'id'\nsystem.yaml:2:3: note: 'id' first defined here")
    }

    @Test("a repeated key is found in a large mapping too, inside a list, and a nested mapping's keys are its own")
    func duplicateKeyInLargeMappings() throws {
        // Keys k0…k39: past the first 16, repeated keys are looked up in a table instead of scanned.
        let keys = (0..<40).map { "  k\($0): \($0)\n" }.joined()
        #expect(
            readError("m:\n" + keys + "  k3: again\n")
                == "system.yaml:42:3: error: duplicate key 'k3'\nsystem.yaml:5:3: note: 'k3' first defined here")
        #expect(
            readError("m:\n" + keys + "  k39: again\n")
                == "system.yaml:42:3: error: duplicate key 'k39'\nsystem.yaml:41:3: note: 'k39' first defined here")
        let listed = "l:\n  - a: 1\n    b: 2\n  - a: 3\n    a: 4\n"
        #expect(readError(listed) == "system.yaml:5:5: error: duplicate key 'a'\nsystem.yaml:4:5: note: 'a' first defined here")
        // The same key at two depths, and in two sibling mappings, is no repetition; order is kept.
        let nested = "a:\n  a:\n    a: 1\n  b: {a: 2, b: 3}\nb: [{a: 1}, {a: 2}]\n" + keys.replacing("  k", with: "k")
        let document = try YAMLReader().read(nested, file: "system.yaml")
        #expect(document.root.value(at: ["a", "b", "b"]) == .int(3))
        #expect(document.root.mapValue?.keys == ["a", "b"] + (0..<40).map { "k\($0)" })
        #expect(document.location(of: [.key("k39")]) == SourceLocation(file: "system.yaml", line: 45, column: 6))
    }

    @Test("a 9 MiB file is refused before it is parsed")
    func hugeFile() {
        var bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 9 * 1024 * 1024)  // comment lines of 64 bytes
        for end in stride(from: 63, to: bytes.count, by: 64) { bytes[end] = 0x0A }
        #expect(bytes.count == 9_437_184)
        #expect(readError(bytes) == "system.yaml:1:1: error: file is 9437184 bytes, more than the limit of 8388608 bytes")
    }

    @Test("an integer that overflows 64 bits is an error at its position")
    func integerOverflow() {
        let text = minimalSystem + "oversight:\n  logging:\n    retention_days: 99999999999999999999\n"
        #expect(readError(text) == "system.yaml:12:21: error: integer 99999999999999999999 does not fit in 64 bits")
    }

    @Test("a top-level list is not a system description")
    func topLevelList() throws {
        #expect(
            try validationDiagnostics("- system: {}\n- purpose: {}\n")
                == ["system.yaml:1:1: error: a system description must be a YAML mapping, found list"])
    }

    @Test("two documents in one file are refused at the second")
    func twoDocuments() {
        #expect(
            readError("apiVersion: compliance-check/v1\n---\nkind: AISystem\n")
                == "system.yaml:2:1: error: the file holds more than one YAML document; put one document in each file")
    }

    @Test("an empty file, or one with only comments, is refused", arguments: ["", "# nothing here\n\n"])
    func emptyFile(text: String) {
        #expect(readError(text) == "system.yaml:1:1: error: the file is empty; expected a YAML mapping")
    }

    @Test("an empty document is not a system description")
    func emptyDocument() throws {
        #expect(
            try validationDiagnostics("---\n")
                == ["system.yaml:2:1: error: a system description must be a YAML mapping, found null"])
    }

    @Test("a NUL byte is refused where it is")
    func nulByte() {
        #expect(
            readError(Array("system:\n  id: a".utf8) + [0x00] + Array("b\n".utf8))
                == "system.yaml:2:8: error: control characters are not allowed (#x0)")
    }

    @Test("an unknown tag on a scalar is refused")
    func unknownScalarTag() {
        #expect(
            readError("system:\n  id: !!python/object:os.system ls\n")
                == "system.yaml:2:7: error: unsupported tag 'tag:yaml.org,2002:python/object:os.system'; "
                + "only the YAML core schema is accepted")
    }

    @Test("an unknown tag on a mapping is refused")
    func unknownMappingTag() {
        #expect(
            readError("system: !!python/object\n  id: demo\n")
                == "system.yaml:1:9: error: unsupported tag 'tag:yaml.org,2002:python/object'; "
                + "only the YAML core schema is accepted")
    }

    @Test("an unknown tag on a list is refused")
    func unknownListTag() {
        #expect(
            readError("system: !!python/object/apply:os.system [ls]\n")
                == "system.yaml:1:9: error: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'; "
                + "only the YAML core schema is accepted")
    }

    @Test(".nan and .inf are not numbers a fact may hold", arguments: [".nan", ".inf", "-.inf"])
    func notFiniteNumber(text: String) throws {
        let vocabulary = Vocabulary(facts: [
            Fact(path: "score", type: .number, meaning: "A score.", location: .init(file: "v.yaml", line: 1, column: 1))
        ])
        #expect(
            try validationDiagnostics("score: \(text)\n", vocabulary: vocabulary, partial: true)
                == ["system.yaml:1:8: error: score: expected a finite number, found \(text)"])
    }

    @Test(".nan is not an integer")
    func notANumberForAnInteger() throws {
        let text = minimalSystem + "oversight:\n  logging:\n    retention_days: .nan\n"
        #expect(
            try validationDiagnostics(text)
                == ["system.yaml:12:21: error: oversight.logging.retention_days: expected an integer, found number '.nan'"])
    }

    @Test("a key that is a mapping or a list is refused")
    func complexKey() {
        #expect(
            readError("? [a, b]\n: c\n")
                == "system.yaml:1:3: error: a mapping key must be a plain string, not a list, mapping or alias")
    }

    @Test("an alias to an undefined anchor is refused")
    func undefinedAlias() {
        #expect(readError("a: *nowhere\n") == "system.yaml:1:4: error: alias *nowhere refers to no anchor defined before it")
    }

    @Test("an anchor on a key can be aliased as a value")
    func anchoredKey() throws {
        let document = try YAMLReader().read("&k name: x\nother: *k\n", file: "system.yaml")
        #expect(document.root == ["name": "x", "other": "name"])
    }

    @Test("malformed YAML is an error with libyaml's reason and position")
    func malformed() {
        #expect(
            readError("system:\n  id: [demo\n")
                == "system.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' "
                + "(while parsing a flow sequence at line 2, column 7)")
    }
}
