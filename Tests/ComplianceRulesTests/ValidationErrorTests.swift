import Testing

@testable import ComplianceRules

/// `text` with one line replaced (the line must exist).
private func minimalSystem(
    replacing line: String, with replacement: String, in text: String = minimalSystem
) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let index = lines.firstIndex(of: line) else {
        Issue.record("no line '\(line)' in the minimal system")
        return text
    }
    lines[index] = replacement
    return lines.joined(separator: "\n")
}

/// Reads `text` as `system.yaml` and validates it against the built-in vocabulary.
private func validate(_ text: String, strict: Bool = false) throws -> (document: Document?, diagnostics: [String]) {
    let document = try YAMLReader().read(text, file: "system.yaml")
    let result = SystemValidator(vocabulary: try BuiltInRules.vocabulary(), strict: strict).validate(document)
    return (result.document, result.diagnostics.map(\.description))
}

/// The diagnostics of validating `text`.
private func diagnostics(_ text: String, strict: Bool = false) throws -> [String] {
    try validate(text, strict: strict).diagnostics
}

/// Evidence values written at `documentation.technical` (line 11, the value at column 14) and the
/// diagnostic each gets.
private let invalidEvidenceCases: [(value: String, expected: String)] = [
    (
        "http://example.org/technical",
        "system.yaml:11:14: error: documentation.technical: evidence URLs must use https, found "
            + "'http://example.org/technical'"
    ),
    ("''", "system.yaml:11:14: error: documentation.technical: evidence is empty"),
    (
        "[docs/technical.md]",
        "system.yaml:11:14: error: documentation.technical: expected evidence (a relative file path, an https URL, "
            + "or a mapping with file or url), found list"
    ),
    (
        "{file: docs/technical.md, url: https://example.org/technical}",
        "system.yaml:11:14: error: documentation.technical: evidence names both 'file' and 'url'; give one"
    ),
    ("{title: Technical}", "system.yaml:11:14: error: documentation.technical: evidence needs 'file' or 'url'"),
    ("{file: 12}", "system.yaml:11:14: error: documentation.technical: 'file' and 'url' must be strings"),
    (
        "{url: http://example.org/technical}",
        "system.yaml:11:20: error: documentation.technical.url: evidence URLs must use https, found "
            + "'http://example.org/technical'"
    ),
    (
        "{url: docs/technical.md}",
        "system.yaml:11:20: error: documentation.technical.url: expected an https URL, found 'docs/technical.md'"
    ),
    (
        "{file: https://example.org/technical}",
        "system.yaml:11:21: error: documentation.technical.file: 'file' must be a path relative to the evidence root; "
            + "use 'url' for 'https://example.org/technical'"
    ),
    (
        "{file: docs/technical.md, sha256: abc}",
        "system.yaml:11:48: error: documentation.technical.sha256: expected 64 lower-case hexadecimal digits"
    ),
    (
        "{file: docs/technical.md, sha256: " + String(repeating: "AB", count: 32) + "}",
        "system.yaml:11:48: error: documentation.technical.sha256: expected 64 lower-case hexadecimal digits"
    ),
    (
        "{file: docs/technical.md, date: 2026-02-30}",
        "system.yaml:11:46: error: documentation.technical.date: expected a date YYYY-MM-DD, found string '2026-02-30'"
    ),
    (
        "{file: docs/technical.md, expires: 31.12.2027}",
        "system.yaml:11:49: error: documentation.technical.expires: expected a date YYYY-MM-DD, found string '31.12.2027'"
    ),
    (
        "{file: docs/technical.md, title: [a]}",
        "system.yaml:11:47: error: documentation.technical.title: expected a string"
    ),
    (
        "{file: docs/technical.md, titel: Technical}",
        "system.yaml:11:40: error: documentation.technical: unknown evidence key 'titel'; expected file, url, sha256, "
            + "date, expires, title; did you mean 'title'?"
    ),
]

@Suite("validation of a system description against the built-in vocabulary")
struct ValidationErrorTests {
    @Test("the minimal system is valid")
    func minimalSystemIsValid() throws {
        let result = try validate(minimalSystem)
        #expect(result.diagnostics == [])
        #expect(result.document?.root["system"]?["sectors"] == ["education"])
    }

    @Test("dates written as strings become dates at every depth; everything else is kept as written")
    func datesAreNormalizedWhereverTheyAre() throws {
        let text =
            minimalSystem + """
                risk:
                  classified_on: '2026-02-01'
                  management:
                    last_review: 2026-03-01
                    register: {file: docs/register.xlsx, date: '2026-03-10', expires: 2027-03-10, title: Register}
                data:
                  datasets:
                    - name: Scans
                      metadata: {file: docs/scans.md, date: '2026-01-05'}
                    - name: Notes
                      metadata: docs/notes.md

                """
        let result = try validate(text)
        #expect(result.diagnostics == [])
        let root = try #require(result.document?.root)
        let date = { (text: String) in Value.date(try #require(CalendarDate(text))) }
        #expect(root["risk"]?["classified_on"] == (try date("2026-02-01")))
        #expect(root["risk"]?["management"]?["last_review"] == (try date("2026-03-01")))
        let register: Value = [
            "file": "docs/register.xlsx", "date": try date("2026-03-10"), "expires": try date("2027-03-10"),
            "title": "Register",
        ]
        #expect(root["risk"]?["management"]?["register"] == register)
        let datasets: Value = [
            ["name": "Scans", "metadata": ["file": "docs/scans.md", "date": try date("2026-01-05")]],
            ["name": "Notes", "metadata": "docs/notes.md"],
        ]
        #expect(root["data"]?["datasets"] == datasets)
        // The rest of the document is what was read, key order included.
        let read = try YAMLReader().read(text, file: "system.yaml").root
        #expect(root["system"] == read["system"])
        #expect(root.mapValue?.keys == read.mapValue?.keys)
        #expect(root["risk"]?["management"]?.mapValue?.keys == ["last_review", "register"])
    }

    @Test("an unknown key is a warning with a suggestion; the document is still valid")
    func unknownKeyWarning() throws {
        let result = try validate(minimalSystem + "autonomy:\n  levle: low\n")
        #expect(result.diagnostics == ["system.yaml:11:3: warning: unknown key 'levle' in autonomy; did you mean 'level'?"])
        #expect(result.document != nil)
    }

    @Test("an unknown key is an error when strict")
    func unknownKeyStrict() throws {
        let result = try validate(minimalSystem + "autonomy:\n  levle: low\n", strict: true)
        #expect(result.diagnostics == ["system.yaml:11:3: error: unknown key 'levle' in autonomy; did you mean 'level'?"])
        #expect(result.document == nil)
    }

    @Test("an unknown top-level key, with and without a close match")
    func unknownTopLevelKeys() throws {
        #expect(
            try diagnostics(minimalSystem + "transparancy: {}\ncolour: red\n") == [
                "system.yaml:10:1: warning: unknown key 'transparancy'; did you mean 'transparency'?",
                "system.yaml:11:1: warning: unknown key 'colour'",
            ])
    }

    @Test("a value of the wrong type is an error naming the fact and the value")
    func wrongType() throws {
        let text =
            minimalSystem + "  affects_rights: yes\n" + "autonomy: high\n" + "rights:\n  objection:\n    response_days: 2.5\n"
            + "oversight:\n  responsible_person: [a, b]\n" + "data:\n  special_categories: health\n"
        #expect(
            try diagnostics(text) == [
                "system.yaml:10:19: error: purpose.affects_rights: expected true or false, found string 'yes'",
                "system.yaml:11:11: error: autonomy: expected a mapping, found string",
                "system.yaml:14:20: error: rights.objection.response_days: expected an integer, found number '2.5'",
                "system.yaml:16:23: error: oversight.responsible_person: expected a string, found list '[a, b]'",
                "system.yaml:18:23: error: data.special_categories: expected a list of enum, found string 'health'",
            ])
    }

    @Test("a value outside an enum is an error listing the allowed values")
    func valueOutsideEnum() throws {
        #expect(
            try diagnostics(minimalSystem + "autonomy:\n  level: hgh\n") == [
                "system.yaml:11:10: error: autonomy.level: 'hgh' is not allowed; expected one of low, medium, high; "
                    + "did you mean 'high'?"
            ])
    }

    @Test("a value outside the enum of a list element names the element")
    func listElementOutsideEnum() throws {
        let text = minimalSystem(replacing: "  sectors: [education]", with: "  sectors: [education, health]")
        #expect(
            try diagnostics(text) == [
                "system.yaml:7:24: error: system.sectors[1]: 'health' is not allowed; expected one of governance, "
                    + "social_policy, education, healthcare, other"
            ])
    }

    @Test("a non-string for an enum is a type error listing the allowed values")
    func enumOfWrongType() throws {
        #expect(
            try diagnostics(minimalSystem + "autonomy:\n  level: 3\n") == [
                "system.yaml:11:10: error: autonomy.level: expected one of low, medium, high, found int '3'"
            ])
    }

    @Test("missing required facts are errors at the mapping that should hold them")
    func missingRequiredFacts() throws {
        let text = "apiVersion: compliance-check/v1\nkind: AISystem\nsystem:\n  id: demo\n"
        #expect(
            try diagnostics(text) == [
                "system.yaml:4:3: error: missing required fact 'system.name': Human-readable name of the system.",
                "system.yaml:4:3: error: missing required fact 'system.jurisdictions': Where the system is operated or "
                    + "offered, as ISO 3166-1 alpha-2 codes, or EU; a pack applies when its jurisdiction is listed.",
                "system.yaml:4:3: error: missing required fact 'system.sectors': Sectors the system is used in; selects "
                    + "the sector rule files that apply.",
                "system.yaml:1:1: error: missing required fact 'purpose': What the system is for, who uses it, who is "
                    + "affected, and what its results are.",
            ])
    }

    @Test("a required fact written as null is missing")
    func requiredFactNull() throws {
        let text = minimalSystem(replacing: "  name: Demo", with: "  name: ~")
        #expect(
            try diagnostics(text) == [
                "system.yaml:4:3: error: missing required fact 'system.name': Human-readable name of the system."
            ])
    }

    @Test("a required fact of a list element is missing at the element")
    func missingRequiredFactInListElement() throws {
        let text = minimalSystem + "data:\n  datasets:\n    - name: xray-2024\n    - source: partner hospitals\n"
        #expect(
            try diagnostics(text) == [
                "system.yaml:13:7: error: missing required fact 'data.datasets[1].name': Name of the data set."
            ])
    }

    @Test("evidence as a path, an https URL or a mapping is valid; its dates become dates")
    func validEvidence() throws {
        let hash = String(repeating: "0123456789abcdef", count: 4)
        let text =
            minimalSystem + """
                risk:
                  management:
                    procedure: docs/risk-procedure.md
                    register: https://example.org/risk-register
                    suspension_procedure:
                      file: docs/suspension.md
                      sha256: \(hash)
                      date: 2026-03-10
                      expires: 2027-03-10
                      title: Suspension procedure
                data:
                  subject_requests: {url: https://example.org/dsar, title: Requests}

                """
        let result = try validate(text)
        #expect(result.diagnostics == [])
        let management = try #require(result.document?.root["risk"]?["management"])
        #expect(management["procedure"] == "docs/risk-procedure.md")
        #expect(management["register"] == "https://example.org/risk-register")
        let date = try #require(CalendarDate("2026-03-10"))
        let expires = try #require(CalendarDate("2027-03-10"))
        #expect(
            management["suspension_procedure"]
                == [
                    "file": "docs/suspension.md", "sha256": .string(hash), "date": .date(date), "expires": .date(expires),
                    "title": "Suspension procedure",
                ])
        #expect(result.document?.root["data"]?["subject_requests"] == ["url": "https://example.org/dsar", "title": "Requests"])
    }

    @Test("invalid evidence is an error at the offending value", arguments: invalidEvidenceCases)
    func invalidEvidence(value: String, expected: String) throws {
        #expect(try diagnostics(minimalSystem + "documentation:\n  technical: \(value)\n") == [expected])
    }

    @Test("a date fact must be a real YYYY-MM-DD date; a valid one becomes a date")
    func dates() throws {
        #expect(
            try diagnostics(minimalSystem + "risk:\n  classified_on: 2026-02-30\n") == [
                "system.yaml:11:18: error: risk.classified_on: expected a date YYYY-MM-DD, found string '2026-02-30'"
            ])
        #expect(
            try diagnostics(minimalSystem + "risk:\n  classified_on: 20260201\n") == [
                "system.yaml:11:18: error: risk.classified_on: expected a date YYYY-MM-DD, found int '20260201'"
            ])
        let result = try validate(minimalSystem + "risk:\n  classified_on: 2026-02-01\n")
        #expect(result.diagnostics == [])
        #expect(result.document?.root["risk"]?["classified_on"] == CalendarDate("2026-02-01").map(Value.date))
    }

    @Test("a list shorter than min_items is an error")
    func listMinItems() throws {
        let text = minimalSystem(replacing: "  sectors: [education]", with: "  sectors: []")
        #expect(try diagnostics(text) == ["system.yaml:7:12: error: system.sectors: expected at least 1 item(s), found 0"])
    }

    @Test("system.id must match its pattern")
    func idPattern() throws {
        let text = minimalSystem(replacing: "  id: demo", with: "  id: Demo System")
        #expect(
            try diagnostics(text) == [
                "system.yaml:4:7: error: system.id: 'Demo System' does not match the pattern ^[a-z0-9._-]+$"
            ])
    }

    @Test("each element of a list of strings must match the fact's pattern")
    func listElementPattern() throws {
        let text = minimalSystem(replacing: "  jurisdictions: [KZ]", with: "  jurisdictions: [KZ, kz]")
        #expect(
            try diagnostics(text) == [
                "system.yaml:6:23: error: system.jurisdictions[1]: 'kz' does not match the pattern ^([A-Z]{2}|EU)$"
            ])
    }

    @Test("an unsupported apiVersion is an error at its value")
    func wrongAPIVersion() throws {
        let text = minimalSystem(replacing: "apiVersion: compliance-check/v1", with: "apiVersion: compliance-check/v2")
        #expect(
            try diagnostics(text) == [
                "system.yaml:1:13: error: unsupported apiVersion 'compliance-check/v2'; this tool reads 'compliance-check/v1'"
            ])
    }

    @Test("a kind other than AISystem is an error at its value")
    func wrongKind() throws {
        let text = minimalSystem(replacing: "kind: AISystem", with: "kind: Vocabulary")
        #expect(try diagnostics(text) == ["system.yaml:2:7: error: expected kind 'AISystem', found 'Vocabulary'"])
    }

    @Test("a missing apiVersion and kind are errors at the start of the document")
    func missingHeader() throws {
        let text = minimalSystem(replacing: "apiVersion: compliance-check/v1", with: "# no header")
        let withoutKind = minimalSystem(replacing: "kind: AISystem", with: "", in: text)
        #expect(
            try diagnostics(withoutKind) == [
                "system.yaml:3:1: error: the system description is missing required key 'apiVersion'",
                "system.yaml:3:1: error: the system description is missing required key 'kind'",
            ])
    }

    @Test("a waiver must name its rule, reason, approver and expiry")
    func incompleteWaiver() throws {
        #expect(
            try diagnostics(minimalSystem + "waivers:\n  - {rule: KZ-21-02, reason: Pending, expires: soon, note: x}\n") == [
                "system.yaml:11:5: error: waivers[0] is missing required key 'approved_by'",
                "system.yaml:11:48: error: 'expires' must be a date YYYY-MM-DD, found 'soon'",
                "system.yaml:11:54: error: unknown key 'note' in waivers[0]",
            ])
    }
}
