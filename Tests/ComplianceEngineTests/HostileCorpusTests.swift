import Foundation
import Testing

@testable import ComplianceEngine
@testable import ComplianceRules

/// The hostile corpus (DESIGN §7): malformed and adversarial system descriptions and rule packs
/// (Fixtures/hostile, plus big inputs generated here). Each ends in a positioned error, asserted
/// whole, or in a correct result; none may crash or hang.
@Suite struct HostileCorpusTests {
    static let folder = Fixtures.repositoryRoot + "/Tests/ComplianceEngineTests/Fixtures/hostile"

    static let engine = Result { try Engine.builtIn() }

    static func path(_ name: String) -> String { folder + "/" + name }

    /// Evaluates a file with the built-in packs, as `compliance-check` does.
    static func evaluate(_ path: String, asOf: String = "2026-06-01") throws -> Result<SystemReport, DiagnosticList> {
        try engine.get().evaluate(file: path, options: EvaluationOptions(asOf: Fixtures.date(asOf)))
    }

    /// Evaluates in-memory bytes as a file named `name`.
    static func evaluate(bytes: [UInt8], name: String = "generated.yaml") throws -> Result<SystemReport, DiagnosticList> {
        let engine = try engine.get()
        let document: Document
        do {
            document = try YAMLReader().read(bytes, file: name)
        } catch {
            return .failure(DiagnosticList([error]))
        }
        return engine.evaluate(document, options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil)
    }

    /// The diagnostics of a refused input as `compliance-check` prints them, paths relative to the
    /// corpus folder; "evaluated" when it was not refused.
    static func refusal(_ result: Result<SystemReport, DiagnosticList>) -> String {
        switch result {
        case .success: "evaluated"
        case .failure(let problems): problems.description.replacingOccurrences(of: folder + "/", with: "")
        }
    }

    /// A description that is valid apart from `body`, appended at the top level.
    static func system(_ body: String = "") -> String {
        Fixtures.system(body, sectors: "[education]")
    }

    // MARK: YAML: refused with a positioned error

    static let refusedYAMLCases: [(file: String, diagnostics: String)] = [
        (
            "yaml-alias-bomb-lists.yaml",
            """
            yaml-alias-bomb-lists.yaml:16:12: error: aliases expand to more than 100000 values; the document is refused so that \
            it cannot exhaust memory ("billion laughs")
            """
        ),
        (
            "yaml-alias-bomb-maps.yaml",
            """
            yaml-alias-bomb-maps.yaml:16:23: error: aliases expand to more than 100000 values; the document is refused so that \
            it cannot exhaust memory ("billion laughs")
            """
        ),
        (
            "yaml-alias-bomb-block.yaml",
            """
            yaml-alias-bomb-block.yaml:63:5: error: aliases expand to more than 100000 values; the document is refused so that \
            it cannot exhaust memory ("billion laughs")
            """
        ),
        (
            "yaml-alias-key.yaml",
            "yaml-alias-key.yaml:13:3: error: a mapping key must be a plain string, not a list, mapping or alias"
        ),
        (
            "yaml-alias-undefined.yaml",
            "yaml-alias-undefined.yaml:6:9: error: alias *nothing refers to no anchor defined before it"
        ),
        ("yaml-alias-self.yaml", "yaml-alias-self.yaml:11:17: error: alias *loop refers to no anchor defined before it"),
        ("yaml-alias-depth.yaml", "yaml-alias-depth.yaml:12:67: error: nesting is deeper than 128 levels (through alias *deep)"),
        ("yaml-deep-maps.yaml", "yaml-deep-maps.yaml:139:129: error: nesting is deeper than 128 levels"),
        ("yaml-deep-lists.yaml", "yaml-deep-lists.yaml:11:134: error: nesting is deeper than 128 levels"),
        ("yaml-deep-flow-maps.yaml", "yaml-deep-flow-maps.yaml:11:515: error: nesting is deeper than 128 levels"),
        ("yaml-deep-mixed.yaml", "yaml-deep-mixed.yaml:11:325: error: nesting is deeper than 128 levels"),
        (
            "yaml-invalid-utf8.yaml",
            "yaml-invalid-utf8.yaml:6:18: error: invalid UTF-8: invalid trailing UTF-8 octet (#x28); save the file as UTF-8"
        ),
        (
            "yaml-invalid-utf8-continuation.yaml",
            """
            yaml-invalid-utf8-continuation.yaml:11:6: error: invalid UTF-8: invalid leading UTF-8 octet (#x80); save the file \
            as UTF-8
            """
        ),
        (
            "yaml-invalid-utf8-overlong.yaml",
            """
            yaml-invalid-utf8-overlong.yaml:10:25: error: invalid UTF-8: invalid length of a UTF-8 sequence; save the file as \
            UTF-8
            """
        ),
        ("yaml-nul-byte.yaml", "yaml-nul-byte.yaml:6:16: error: control characters are not allowed (#x0)"),
        ("yaml-control-char.yaml", "yaml-control-char.yaml:6:16: error: control characters are not allowed (#x7)"),
        (
            "yaml-bom-utf8.yaml",
            "yaml-bom-utf8.yaml:1:1: error: file starts with a byte-order mark; save it as UTF-8 without a BOM"
        ),
        (
            "yaml-bom-utf16.yaml",
            "yaml-bom-utf16.yaml:1:1: error: invalid UTF-8: invalid leading UTF-8 octet (#xFF); save the file as UTF-8"
        ),
        (
            "yaml-crlf-error.yaml",
            "yaml-crlf-error.yaml:12:26: error: rights.objection.available: expected true or false, found string 'maybe'"
        ),
        (
            "yaml-tab-indent.yaml",
            """
            yaml-tab-indent.yaml:12:1: error: invalid YAML: a tab character cannot indent YAML; use spaces (found character \
            that cannot start any token)
            """
        ),
        (
            "yaml-duplicate-key.yaml",
            """
            yaml-duplicate-key.yaml:13:3: error: duplicate key 'human_review'
            yaml-duplicate-key.yaml:12:3: note: 'human_review' first defined here
            """
        ),
        (
            "yaml-duplicate-section.yaml",
            """
            yaml-duplicate-section.yaml:11:1: error: duplicate key 'purpose'
            yaml-duplicate-section.yaml:9:1: note: 'purpose' first defined here
            """
        ),
        (
            "yaml-key-list.yaml",
            "yaml-key-list.yaml:11:3: error: a mapping key must be a plain string, not a list, mapping or alias"
        ),
        (
            "yaml-key-map.yaml",
            "yaml-key-map.yaml:11:1: error: a mapping key must be a plain string, not a list, mapping or alias"
        ),
        ("yaml-int-overflow.yaml", "yaml-int-overflow.yaml:12:47: error: integer 99999999999999999999 does not fit in 64 bits"),
        (
            "yaml-int-overflow-hex.yaml",
            "yaml-int-overflow-hex.yaml:12:44: error: integer 0x1FFFFFFFFFFFFFFFF does not fit in 64 bits"
        ),
        (
            "yaml-nan.yaml",
            "yaml-nan.yaml:12:44: error: oversight.logging.retention_days: expected an integer, found number '.nan'"
        ),
        (
            "yaml-infinity.yaml",
            "yaml-infinity.yaml:12:47: error: rights.objection.response_days: expected an integer, found number '-.inf'"
        ),
        (
            "yaml-tag-custom.yaml",
            "yaml-tag-custom.yaml:6:9: error: unsupported tag '!shell'; only the YAML core schema is accepted"
        ),
        (
            "yaml-tag-binary.yaml",
            "yaml-tag-binary.yaml:11:7: error: unsupported tag 'tag:yaml.org,2002:binary'; only the YAML core schema is accepted"
        ),
        (
            "yaml-tag-set.yaml",
            "yaml-tag-set.yaml:11:9: error: unsupported tag 'tag:yaml.org,2002:set'; only the YAML core schema is accepted"
        ),
        (
            "yaml-tag-verbatim.yaml",
            """
            yaml-tag-verbatim.yaml:11:6: error: unsupported tag 'tag:yaml.org,2002:python/object:os.system'; only the YAML \
            core schema is accepted
            """
        ),
        (
            "yaml-tag-int-mismatch.yaml",
            "yaml-tag-int-mismatch.yaml:12:47: error: 'three' is not a valid value for tag 'tag:yaml.org,2002:int'"
        ),
        (
            "yaml-tag-str-bool.yaml",
            "yaml-tag-str-bool.yaml:12:17: error: rights.human_review: expected true or false, found string 'true'"
        ),
        ("yaml-directive-version.yaml", "yaml-directive-version.yaml:1:1: error: invalid YAML: found incompatible YAML document"),
        (
            "yaml-multi-document.yaml",
            """
            yaml-multi-document.yaml:11:1: error: the file holds more than one YAML document; put one document in each file
            """
        ),
        ("yaml-empty.yaml", "yaml-empty.yaml:1:1: error: the file is empty; expected a YAML mapping"),
        ("yaml-only-comments.yaml", "yaml-only-comments.yaml:1:1: error: the file is empty; expected a YAML mapping"),
        (
            "yaml-scalar-root.yaml",
            "yaml-scalar-root.yaml:2:1: error: a system description must be a YAML mapping, found string"
        ),
        ("yaml-list-root.yaml", "yaml-list-root.yaml:2:1: error: a system description must be a YAML mapping, found list"),
        (
            "yaml-unterminated-quote.yaml",
            """
            yaml-unterminated-quote.yaml:11:1: error: invalid YAML: found unexpected end of stream (while scanning a quoted \
            scalar at line 6, column 9)
            """
        ),
        (
            "yaml-unclosed-flow.yaml",
            """
            yaml-unclosed-flow.yaml:10:8: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence \
            at line 8, column 12)
            """
        ),
    ]

    @Test(arguments: refusedYAMLCases)
    func refusedYAML(file: String, diagnostics: String) throws {
        #expect(Self.refusal(try Self.evaluate(Self.path(file))) == diagnostics)
    }

    // MARK: YAML: accepted and evaluated correctly

    /// CRLF line endings read exactly like LF: same findings, same positions.
    @Test func crlfEvaluatesLikeLF() throws {
        let crlf = try Self.evaluate(Self.path("yaml-crlf.yaml")).get()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path("yaml-crlf.yaml"))))
        #expect(bytes.contains(0x0D))
        let lf = try Self.evaluate(bytes: bytes.filter { $0 != 0x0D }, name: Self.path("yaml-crlf.yaml")).get()
        #expect(crlf.findings.map(\.rule) == lf.findings.map(\.rule))
        #expect(crlf.findings.map(\.status) == lf.findings.map(\.status))
        #expect(crlf.findings.map(\.facts) == lf.findings.map(\.facts))
        #expect(crlf.systemName == "Hostile demo")
        let notice = try #require(crlf.findings.first { $0.rule == "KZ-21-01" })
        #expect(notice.status == .fail)
        #expect(
            notice.facts.map { "\($0.path)=\($0.actual?.description ?? "-")@\($0.location)" } == [
                "transparency.ai_notice.provided=false@\(Self.path("yaml-crlf.yaml")):14:25"
            ])
    }

    /// Old Mac line endings (CR alone) are line breaks too.
    @Test func crOnlyLineEndings() throws {
        let report = try Self.evaluate(Self.path("yaml-cr-only.yaml")).get()
        #expect(report.systemID == "hostile-demo")
        #expect(report.systemName == "Hostile demo")
        #expect(report.warnings.isEmpty)
    }

    @Test func tabsAsSeparatorsAndInQuotedValues() throws {
        let report = try Self.evaluate(Self.path("yaml-tab-separator.yaml")).get()
        #expect(report.systemName == "Hostile\tdemo")
        #expect(report.warnings.isEmpty)
    }

    @Test func harmlessAliasesAreExpanded() throws {
        let document = try YAMLReader().read(
            [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path("yaml-alias-harmless.yaml")))), file: "a.yaml")
        #expect(document.root.value(at: ["purpose", "users"]) == ["citizens", "students"])
        #expect(document.root.value(at: ["purpose", "affected_persons"]) == ["citizens", "students"])
        #expect(try Self.evaluate(Self.path("yaml-alias-harmless.yaml")).get().warnings.isEmpty)
    }

    /// Keys YAML would read as an integer, a boolean or null are strings, reported as unknown keys.
    @Test func scalarKeysAreUnknownKeys() throws {
        let report = try Self.evaluate(Self.path("yaml-key-scalars.yaml")).get()
        #expect(
            report.warnings.map { $0.description.replacingOccurrences(of: Self.folder + "/", with: "") } == [
                "yaml-key-scalars.yaml:11:1: warning: unknown key '1'",
                "yaml-key-scalars.yaml:12:1: warning: unknown key 'true'",
                "yaml-key-scalars.yaml:13:1: warning: unknown key '~'",
            ])
        let empty = try Self.evaluate(Self.path("yaml-key-empty.yaml")).get()
        #expect(
            empty.warnings.map { $0.description.replacingOccurrences(of: Self.folder + "/", with: "") } == [
                "yaml-key-empty.yaml:11:1: warning: unknown key ''"
            ])
    }

    /// The smallest and largest 64-bit integers are read exactly and compared without overflow.
    @Test func integerExtremes() throws {
        let report = try Self.evaluate(Self.path("yaml-int-extremes.yaml")).get()
        let objection = try #require(report.findings.first { $0.rule == "KZ-10-04" })
        #expect(objection.status == .pass)
        #expect(objection.facts.map(\.actual) == [.int(Int.min)])
        let logging = try #require(report.findings.first { $0.rule == "KZ-GOV-07" })
        #expect(logging.status == .unknown)
        let retention = try #require(
            report.findings.first { $0.facts.contains { $0.path == "oversight.logging.retention_days" } })
        #expect(retention.facts.first { $0.path == "oversight.logging.retention_days" }?.actual == .int(Int.max))
        #expect(retention.status == .pass)
    }

    // MARK: Big inputs, generated

    @Test func fileOverTheSizeLimit() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/big.yaml"
        let bytes = Array(Self.system().utf8) + [UInt8](repeating: UInt8(ascii: "#"), count: 8 * 1024 * 1024)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(Self.refusal(try Self.evaluate(file)) == "\(file):1:1: error: file is larger than the limit of 8388608 bytes")
        #expect(
            Self.refusal(try Self.evaluate(bytes: bytes))
                == "generated.yaml:1:1: error: file is \(bytes.count) bytes, more than the limit of 8388608 bytes")
    }

    @Test func scalarOverTheLengthLimit() throws {
        let long = String(repeating: "n", count: 1024 * 1024 + 1)
        let text = Self.system().replacingOccurrences(of: "name: Demo", with: "name: \(long)")
        #expect(
            Self.refusal(try Self.evaluate(bytes: Array(text.utf8)))
                == "generated.yaml:5:9: error: value is longer than 1048576 bytes")
        // Just within the limit: read and evaluated.
        let fits = Self.system().replacingOccurrences(of: "name: Demo", with: "name: \(long.dropFirst())")
        #expect(try Self.evaluate(bytes: Array(fits.utf8)).get().systemName.utf8.count == 1024 * 1024)
    }

    /// Long keys and values within the limits: evaluated, the long key reported as unknown.
    @Test func longKeysAndValues() throws {
        let report = try Self.evaluate(Self.path("schema-long-strings.yaml")).get()
        #expect(report.systemName == String(repeating: "n", count: 5000))
        #expect(
            report.warnings.map { $0.description.replacingOccurrences(of: Self.folder + "/", with: "") } == [
                "schema-long-strings.yaml:11:3: warning: unknown key '\(String(repeating: "k", count: 2000))'"
            ])
    }

    /// A list of 100,000 items is read and evaluated; one more item is refused.
    @Test func hundredThousandItems() throws {
        func users(_ count: Int) -> [UInt8] {
            Array(
                Self.system("").replacingOccurrences(
                    of: "  intended_use: Testing.\n", with: "  intended_use: Testing.\n  users:\n"
                ).utf8)
                + Array(repeating: Array("  - citizens\n".utf8), count: count).flatMap { $0 }
        }
        let report = try Self.evaluate(bytes: users(100_000)).get()
        #expect(report.systemID == "demo")
        #expect(
            Self.refusal(try Self.evaluate(bytes: users(100_001)))
                == "generated.yaml:11:3: error: list has more than 100000 items")
    }

    @Test func mappingOverTheEntryLimit() throws {
        let keys = (0...100_000).map { "  k\($0): 1\n" }.joined()
        #expect(
            Self.refusal(try Self.evaluate(bytes: Array((Self.system() + "extra:\n" + keys).utf8)))
                == "generated.yaml:11:3: error: mapping has more than 100000 entries")
    }

    /// One big anchor repeated: linear growth, still bounded.
    @Test func wideAliasBomb() throws {
        let anchor = "wide: &w [" + Array(repeating: "x", count: 10_000).joined(separator: ", ") + "]\n"
        let copies = "copies: [" + Array(repeating: "*w", count: 11).joined(separator: ", ") + "]\n"
        #expect(
            Self.refusal(try Self.evaluate(bytes: Array((Self.system() + anchor + copies).utf8)))
                == """
                generated.yaml:11:46: error: aliases expand to more than 100000 values; the document is refused so that it \
                cannot exhaust memory ("billion laughs")
                """)
    }

    // MARK: Schema

    @Test func wrongTypesEverywhere() throws {
        #expect(
            Self.refusal(try Self.evaluate(Self.path("schema-wrong-types.yaml"))) == """
                schema-wrong-types.yaml:5:7: error: system.id: 'Not An Id!' does not match the pattern ^[a-z0-9._-]+$
                schema-wrong-types.yaml:6:9: error: system.name: expected a string, found list '[a, list]'
                schema-wrong-types.yaml:7:18: error: system.jurisdictions: expected a list of string, found string 'KZ'
                schema-wrong-types.yaml:8:24: error: system.sectors[1]: 'space' is not allowed; expected one of governance, \
                social_policy, education, healthcare, other
                schema-wrong-types.yaml:9:14: error: system.lifecycle: expected one of design, development, pilot, production, \
                retired, found int '3'
                schema-wrong-types.yaml:11:17: error: purpose.intended_use: expected a string, found mapping '{a: mapping}'
                schema-wrong-types.yaml:12:19: error: purpose.affects_rights: expected true or false, found string 'yes'
                schema-wrong-types.yaml:13:21: error: purpose.users[1]: 'aliens' is not allowed; expected one of citizens, \
                patients, students, minors, civil_servants, clinicians, teachers, social_workers, employees, businesses, \
                general_public
                schema-wrong-types.yaml:15:25: error: autonomy.human_final_decision: expected true or false, found int '1'
                schema-wrong-types.yaml:17:18: error: risk.classified_on: expected a date YYYY-MM-DD, found string '2026-02-30'
                schema-wrong-types.yaml:18:22: error: risk.disruption_impact: expected a list of enum, found string 'none'
                schema-wrong-types.yaml:20:12: error: data.consent: expected a mapping, found bool
                schema-wrong-types.yaml:22:47: error: rights.objection.response_days: expected an integer, found number '3.5'
                schema-wrong-types.yaml:24:16: error: transparency.system_card: expected evidence (a relative file path, an \
                https URL, or a mapping with file or url), found int
                schema-wrong-types.yaml:26:24: error: quality.security_assessment: evidence names both 'file' and 'url'; give one
                """)
    }

    @Test func sectionsOfTheWrongShape() throws {
        #expect(
            Self.refusal(try Self.evaluate(Self.path("schema-sections-wrong.yaml"))) == """
                schema-sections-wrong.yaml:4:9: error: system: expected a mapping, found list
                schema-sections-wrong.yaml:5:10: error: purpose: expected a mapping, found string
                schema-sections-wrong.yaml:7:12: error: oversight: expected a mapping, found list
                schema-sections-wrong.yaml:8:1: warning: unknown key 'sytem'; did you mean 'system'?
                """)
        #expect(
            Self.refusal(try Self.evaluate(Self.path("schema-header-wrong.yaml"))) == """
                schema-header-wrong.yaml:2:13: error: unsupported apiVersion 'v2'; this tool reads 'compliance-check/v1'
                schema-header-wrong.yaml:3:7: error: expected kind 'AISystem', found 'Deployment'
                """)
    }

    @Test func hostileWaivers() throws {
        #expect(
            Self.refusal(try Self.evaluate(Self.path("schema-waivers-wrong.yaml"))) == """
                schema-waivers-wrong.yaml:12:5: error: rule KZ-17-07 cannot be waived (prohibited_practice); remove the waiver
                schema-waivers-wrong.yaml:16:5: error: waiver names unknown rule 'KZ-NOPE-01'; did you mean 'KZ-GOV-01'?
                """)
        #expect(
            Self.refusal(try Self.evaluate(Self.path("schema-waivers-not-list.yaml")))
                == "schema-waivers-not-list.yaml:11:10: error: waivers: expected a list, found string")
    }

    @Test func evidenceOfEveryWrongShape() throws {
        #expect(
            Self.refusal(try Self.evaluate(Self.path("schema-evidence-wrong.yaml"))) == """
                schema-evidence-wrong.yaml:13:16: error: risk.management.procedure: expected evidence (a relative file path, an \
                https URL, or a mapping with file or url), found int
                schema-evidence-wrong.yaml:14:65: error: risk.management.register: unknown evidence key 'color'; expected file, \
                url, sha256, date, expires, title
                schema-evidence-wrong.yaml:14:36: error: risk.management.register.sha256: expected 64 lower-case hexadecimal digits
                schema-evidence-wrong.yaml:14:54: error: risk.management.register.date: expected a date YYYY-MM-DD, found string \
                'yesterday'
                schema-evidence-wrong.yaml:15:27: error: risk.management.suspension_procedure: evidence URLs must use https, found \
                'http://insecure.example.kz/p.pdf'
                schema-evidence-wrong.yaml:17:23: error: quality.robustness_testing: evidence is empty
                schema-evidence-wrong.yaml:18:24: error: quality.security_assessment: evidence needs 'file' or 'url'
                """)
    }

    /// Dates at the ends of the calendar are judged against the as-of date.
    @Test func extremeDates() throws {
        let report = try Self.evaluate(Self.path("schema-dates-extreme.yaml")).get()
        let procedure = try #require(report.findings.first { $0.rule == "KZ-15-01" })
        #expect(procedure.status == .fail)
        #expect(procedure.facts.map(\.note) == ["dated 9999-12-31, after the as-of date 2026-06-01"])
        let review = try #require(report.findings.first { $0.rule == "KZ-18-02" })
        #expect(review.status == .fail)
        #expect(review.facts.map(\.actual) == [.date(Fixtures.date("0001-01-01"))])
    }

    // MARK: Evidence paths

    /// The note of the KZ-15-01 finding (`risk.management.procedure: {evidence: {}}`).
    static func procedureNote(_ result: Result<SystemReport, DiagnosticList>) throws -> [String?] {
        let finding = try #require(try result.get().findings.first { $0.rule == "KZ-15-01" })
        #expect(finding.status == .fail)
        return finding.facts.map(\.note)
    }

    @Test func evidenceEscapingTheRoot() throws {
        #expect(
            try Self.procedureNote(Self.evaluate(Self.path("evidence-dotdot.yaml")))
                == ["path ../secret.md escapes the evidence root with '..'"])
        #expect(
            try Self.procedureNote(Self.evaluate(Self.path("evidence-dotdot-hidden.yaml")))
                == ["path docs/../../secret.md escapes the evidence root with '..'"])
        #expect(
            try Self.procedureNote(Self.evaluate(Self.path("evidence-absolute.yaml")))
                == ["absolute path /etc/passwd is outside the evidence root"])
        #expect(try Self.procedureNote(Self.evaluate(Self.path("evidence-root-itself.yaml"))) == [". is not a regular file"])
    }

    /// A fresh folder under the temporary directory.
    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "cc-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A symbolic link out of the root, a folder and a FIFO as evidence: each fails with its reason,
    /// and the FIFO is never opened (it has no writer, so opening it would block).
    @Test func specialFilesAsEvidence() throws {
        let base = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let root = base + "/root"
        try FileManager.default.createDirectory(atPath: root + "/docs/folder.md", withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: base + "/outside.md"))
        try FileManager.default.createSymbolicLink(atPath: root + "/docs/link.md", withDestinationPath: base + "/outside.md")
        #expect(mkfifo(root + "/docs/fifo.md", 0o600) == 0)
        try FileManager.default.copyItem(atPath: Self.path("evidence-special.yaml"), toPath: root + "/system.yaml")

        let report = try Self.evaluate(root + "/system.yaml").get()
        func notes(_ rule: String) -> [String?] {
            report.findings.first { $0.rule == rule }.map { finding in
                [finding.status.rawValue] + finding.facts.map(\.note)
            } ?? []
        }
        #expect(notes("KZ-15-01") == ["fail", "docs/link.md resolves outside the evidence root (symbolic link)"])
        #expect(notes("KZ-11-01") == ["fail", "docs/folder.md is not a regular file"])
        #expect(notes("KZ-15-02") == ["fail", "docs/fifo.md is not a regular file"])
    }

    /// A FIFO or a folder given as the system file itself: refused, not waited on.
    @Test func specialFilesAsTheSystemFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo.yaml", 0o600) == 0)
        #expect(
            Self.refusal(try Self.evaluate(folder + "/fifo.yaml"))
                == "\(folder)/fifo.yaml:1:1: error: the file is empty; expected a YAML mapping")
        #expect(Self.refusal(try Self.evaluate(folder)) == "\(folder):1:1: error: is a directory, not a file")
        #expect(Self.refusal(try Self.evaluate(folder + "/none.yaml")) == "\(folder)/none.yaml:1:1: error: no such file")
        // A folder search lists regular files only, so it never opens the FIFO either.
        try Data(Self.system().utf8).write(to: URL(fileURLWithPath: folder + "/system.yaml"))
        #expect(FileSystem.files(under: folder, extensions: ["yaml"]) == [folder + "/system.yaml"])
    }

    // MARK: Rule packs

    static let packs = folder + "/packs"

    /// Loads one pack folder with the built-in vocabulary.
    static func loadPack(_ name: String) -> Result<RuleLibrary, DiagnosticList> {
        Result { () throws(DiagnosticList) in try RuleLibrary.load([RuleSource.directory(packs + "/" + name)]) }
    }

    /// The diagnostics of a refused pack, paths relative to the packs folder.
    static func packRefusal(_ name: String) -> String {
        switch loadPack(name) {
        case .success: "loaded"
        case .failure(let problems): problems.description.replacingOccurrences(of: packs + "/", with: "")
        }
    }

    static let refusedPackCases: [(pack: String, diagnostics: String)] = [
        (
            "regex-invalid",
            """
            regex-invalid/rules.yaml:11:30: error: invalid regular expression: unclosed group (missing ')') (at offset 0)
            regex-invalid/rules.yaml:23:30: error: invalid regular expression: backreferences are not supported (at offset 3)
            """
        ),
        ("condition-deep-thousands", "condition-deep-thousands/rules.yaml:10:454: error: nesting is deeper than 128 levels"),
        (
            "derived-cycle",
            """
            derived-cycle/pack.yaml:16:16: error: derived fact 'derived.h.second' is read before it is derived; a derivation \
            may read only the derivations listed before it
            """
        ),
        (
            "derived-self",
            """
            derived-self/pack.yaml:16:16: error: derived fact 'derived.h.itself' is read before it is derived; a derivation \
            may read only the derivations listed before it
            """
        ),
        ("derived-unknown", "derived-unknown/rules.yaml:10:15: error: unknown derived fact 'derived.h.nothing'"),
        (
            "yaml-alias-bomb",
            """
            yaml-alias-bomb/rules.yaml:10:47: error: aliases expand to more than 100000 values; the document is refused so that \
            it cannot exhaust memory ("billion laughs")
            """
        ),
        (
            "manifest-wrong",
            """
            manifest-wrong/pack.yaml:4:5: error: 'id' must be a string, found list
            manifest-wrong/pack.yaml:2:1: error: the pack manifest is missing required key 'title'
            manifest-wrong/pack.yaml:8:14: error: 'instruments' must list at least one instrument
            manifest-wrong/pack.yaml:9:9: error: 'derive' must be a list
            manifest-wrong/pack.yaml:5:1: error: 'namespace' must be lower-case letters, digits or '_', found 'Has Spaces'
            """
        ),
        (
            "wrong-types",
            """
            wrong-types/rules.yaml:9:60: error: 'basis' must be one of statute, secondary, interpretation, found 'hearsay'
            wrong-types/rules.yaml:9:28: error: unknown instrument 'no-such-law'; declare it under 'instruments' in pack.yaml
            wrong-types/rules.yaml:5:9: error: rule id 'lower-case' must be upper-case words joined by '-', like KZ-21-01
            wrong-types/rules.yaml:6:12: error: 'title' must be a string, found list
            wrong-types/rules.yaml:7:15: error: 'category' must be one of transparency, citizen_rights, risk_management, \
            data_protection, human_oversight, prohibited_practice, documentation, security, found 'cooking'
            wrong-types/rules.yaml:8:15: error: 'severity' must be one of critical, high, medium, low, info, found '7'
            wrong-types/rules.yaml:12:15: error: 'waivable' must be true or false, found string 'sometimes'
            wrong-types/rules.yaml:15:22: error: 'pass' must be a non-empty list of partial system descriptions
            wrong-types/rules.yaml:15:32: error: 'fail' must be a non-empty list of partial system descriptions
            wrong-types/rules.yaml:16:5: error: a rule must be a mapping, found string
            wrong-types/rules.yaml:16:5: error: a rule is missing required key 'id'
            wrong-types/rules.yaml:16:5: error: a rule is missing required key 'title'
            wrong-types/rules.yaml:16:5: error: a rule is missing required key 'category'
            wrong-types/rules.yaml:16:5: error: a rule is missing required key 'severity'
            wrong-types/rules.yaml:16:5: error: a rule has no citation: every rule cites the law it comes from
            wrong-types/rules.yaml:16:5: error: a rule is missing required key 'require'
            wrong-types/rules.yaml:16:5: error: a rule is missing required key 'message'
            wrong-types/rules.yaml:16:5: error: a rule is missing required key 'remediation'
            wrong-types/rules.yaml:16:5: error: a rule has no examples: give at least one 'pass' and one 'fail' example
            wrong-types/rules.yaml:10:11: error: a condition must be a mapping of fact paths and combinators, found list
            wrong-types/rules.yaml:11:29: error: operator 'gt' does not apply to 'system.name' of type string; it needs an \
            int, a number or a date
            wrong-types/rules.yaml:11:37: error: unknown fact 'purpose.nothing'
            wrong-types/rules.yaml:11:87: error: 'space' is not a value of 'system.sectors'; expected one of governance, \
            social_policy, education, healthcare, other
            """
        ),
    ]

    @Test(arguments: refusedPackCases)
    func refusedPack(pack: String, diagnostics: String) {
        #expect(Self.packRefusal(pack) == diagnostics)
    }

    /// An engine over one hostile pack that must load, with its examples all behaving.
    static func packEngine(_ name: String) throws -> Engine {
        let engine = try Engine(library: loadPack(name).get())
        #expect(engine.checkExamples().map(\.description) == [])
        return engine
    }

    /// Statuses of the pack's rules for a system whose name is `name`.
    static func statuses(_ engine: Engine, name: String) throws -> [String] {
        let document = try YAMLReader().read(
            Self.system().replacingOccurrences(of: "name: Demo", with: "name: \(name)"), file: "s.yaml")
        let report = try engine.evaluate(document, options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil).get()
        return report.findings.map { "\($0.rule) \($0.status.rawValue)" }.sorted()
    }

    /// Patterns that take exponential time on a backtracking engine run in linear time here and
    /// give the right answer on long input.
    @Test func backtrackingPatterns() throws {
        let engine = try Self.packEngine("regex-backtracking")
        let aaa = String(repeating: "a", count: 9_999)
        #expect(try Self.statuses(engine, name: aaa) == ["H-REGEX-01 pass", "H-REGEX-02 pass"])
        #expect(try Self.statuses(engine, name: aaa + "!") == ["H-REGEX-01 fail", "H-REGEX-02 fail"])
        // Longer than the `matches` input cap: undecided (never a silent no-match).
        #expect(try Self.statuses(engine, name: aaa + "aa") == ["H-REGEX-01 unknown", "H-REGEX-02 unknown"])
    }

    /// A condition nested 100 deep (50 pairs of `not`) is evaluated like the predicate it wraps.
    @Test func deepConditionWithinTheLimit() throws {
        let engine = try Self.packEngine("condition-deep-ok")
        #expect(try Self.statuses(engine, name: "ok") == ["H-DEEP-01 pass"])
        #expect(try Self.statuses(engine, name: "bad") == ["H-DEEP-01 fail"])
    }

    /// Anchors and aliases that reuse a citation, a condition and examples across rules.
    @Test func aliasesInPacks() throws {
        let engine = try Self.packEngine("yaml-aliases-ok")
        #expect(engine.library.rules.map(\.id) == ["H-ALIAS-01", "H-ALIAS-02"])
        let text = Self.system("capabilities: {interacts_with_people: true}\ntransparency: {ai_notice: {provided: false}}\n")
        let report = try engine.evaluate(
            YAMLReader().read(text, file: "s.yaml"), options: EvaluationOptions(asOf: Fixtures.asOf), evidenceRoot: nil
        ).get()
        #expect(report.findings.map { "\($0.rule) \($0.status.rawValue)" } == ["H-ALIAS-01 fail", "H-ALIAS-02 fail"])
    }
}
