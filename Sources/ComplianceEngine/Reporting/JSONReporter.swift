public import ComplianceRules

/// The JSON report (`--format json`, DESIGN §5.1) and its one-system-per-line form (`jsonl`).
public enum JSONReporter {
    /// The whole report, pretty-printed, ending with a newline.
    public static func render(_ report: Report) -> String {
        var entries: [(String, JSON)] = [
            ("schema", .string(Report.schema)),
            ("tool", .object([("name", .string(report.toolName)), ("version", .string(report.toolVersion))])),
            ("as_of", .string(report.asOf.description)),
            ("lang", .string(report.language.rawValue)),
            ("packs", .array(report.packs.map(pack))),
            ("gate", .string(report.gate.rawValue)),
            ("systems", .array(report.systems.map(system))),
        ]
        if !report.errors.isEmpty {
            entries.append(("errors", .array(report.errors.map(error))))
        }
        entries.append(("disclaimer", .string(Disclaimer.text(report.strings))))
        if let notice = Disclaimer.translationNotice(report.strings) {
            entries.append(("translation_notice", .string(notice)))
        }
        return JSON.object(entries).rendered() + "\n"
    }

    /// One system object on one line, ending with a newline (for `jsonl`).
    public static func renderLine(_ system: SystemReport) -> String {
        self.system(system).rendered(pretty: false) + "\n"
    }

    /// One input that could not be evaluated, on one line (for `jsonl`).
    public static func renderLine(_ diagnostic: Diagnostic) -> String {
        JSON.object([("error", error(diagnostic))]).rendered(pretty: false) + "\n"
    }

    static func error(_ diagnostic: Diagnostic) -> JSON {
        .object([
            ("file", JSON.optional(diagnostic.location?.file)),
            ("line", diagnostic.location.map { .int($0.line) } ?? .null),
            ("column", diagnostic.location.map { .int($0.column) } ?? .null),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
        ])
    }

    static func system(_ system: SystemReport) -> JSON {
        var derived: [(String, JSON)] = []
        for namespace in Array(Set(system.derived.map(\.namespace))).sorted() {
            let facts = system.derived.filter { $0.namespace == namespace }.map { fact -> (String, JSON) in
                var fields: [(String, JSON)] = [
                    ("value", JSON.optional(fact.value)),
                    ("declared", JSON.optional(fact.declared)),
                    ("because", JSON.optional(fact.because)),
                    ("citation", fact.citation.map(citation) ?? .null),
                ]
                if !fact.missing.isEmpty { fields.append(("missing", .array(fact.missing.map(JSON.string)))) }
                return (fact.name, .object(fields))
            }
            derived.append((namespace, .object(facts)))
        }
        return .object([
            ("file", .string(system.file)),
            ("system", .object([("id", .string(system.systemID)), ("name", .string(system.systemName))])),
            ("gate", .string(system.gate.rawValue)),
            ("derived", .object(derived)),
            (
                "summary",
                .object([
                    ("pass", .int(system.summary.pass)), ("fail", .int(system.summary.fail)),
                    ("unknown", .int(system.summary.unknown)), ("not_applicable", .int(system.summary.notApplicable)),
                    ("waived", .int(system.summary.waived)), ("upcoming", .int(system.summary.upcoming)),
                ])
            ),
            ("findings", .array(system.findings.map(finding))),
            ("warnings", .array(system.warnings.map(JSON.string))),
        ])
    }

    /// A pack as the pack lists name it: id, version and, when stated, the date of the law text.
    static func pack(_ pack: PackInfo) -> JSON {
        var fields: [(String, JSON)] = [("id", .string(pack.id)), ("version", .string(pack.version))]
        if let date = pack.lawVersionDate { fields.append(("law_version_date", .string(date.description))) }
        return .object(fields)
    }

    static func citation(_ citation: Citation) -> JSON {
        var fields: [(String, JSON)] = [("instrument", .string(citation.instrument)), ("article", .string(citation.article))]
        if let paragraph = citation.paragraph { fields.append(("paragraph", .string(paragraph))) }
        if let subparagraph = citation.subparagraph { fields.append(("subparagraph", .string(subparagraph))) }
        fields.append(("basis", .string(citation.basis.rawValue)))
        return .object(fields)
    }

    static func finding(_ finding: Finding) -> JSON {
        var fields: [(String, JSON)] = [
            ("rule", .string(finding.rule)), ("title", .string(finding.title)), ("status", .string(finding.status.rawValue)),
            ("severity", .string(finding.severity.rawValue)), ("category", .string(finding.category.rawValue)),
            ("pack", .string(finding.pack)), ("sector", .string(finding.sector)), ("citation", citation(finding.citation)),
            ("citations", .array(finding.allCitations.map(citation))),
            ("message", .string(finding.message)), ("remediation", .string(finding.remediation)),
            ("facts", .array(finding.facts.map(fact))),
            ("missing", .array(finding.missing.map(JSON.string))),
        ]
        if let reason = finding.reason { fields.append(("reason", .string(reason))) }
        if let original = finding.originalStatus { fields.append(("original_status", .string(original.rawValue))) }
        if let effective = finding.effective { fields.append(("effective", .string(effective.description))) }
        if let waiver = finding.waiver {
            fields.append(
                (
                    "waiver",
                    .object([
                        ("reason", .string(waiver.reason)), ("approved_by", .string(waiver.approvedBy)),
                        ("ticket", JSON.optional(waiver.ticket)), ("expires", .string(waiver.expires.description)),
                    ])
                ))
        }
        return .object(fields)
    }

    static func fact(_ fact: Finding.Fact) -> JSON {
        var fields: [(String, JSON)] = [
            ("path", .string(fact.path)),
            ("actual", fact.actual.map(JSON.init) ?? .null),
            ("expected", .string(fact.expected)),
            (
                "location",
                .object([
                    ("file", .string(fact.location.file)), ("line", .int(fact.location.line)),
                    ("column", .int(fact.location.column)),
                ])
            ),
        ]
        if let note = fact.note { fields.append(("note", .string(note))) }
        if fact.role != .required { fields.append(("role", .string(fact.role.rawValue))) }
        return .object(fields)
    }
}

/// The statement every report carries.
public enum Disclaimer {
    public static let text =
        "compliance-check gives compliance signals from the facts declared; it is not legal advice. Rules paraphrase the law and say how sure each citation is (basis)."

    /// The statement in the language of `strings`.
    public static func text(_ strings: ReportStrings) -> String { strings("disclaimer.full") }

    /// In a `ru` or `kk` report: one line, in that language, saying that the translations are ours
    /// and not official; `nil` in English.
    public static func translationNotice(_ strings: ReportStrings) -> String? {
        strings.language == .en ? nil : strings("disclaimer.translation")
    }
}
