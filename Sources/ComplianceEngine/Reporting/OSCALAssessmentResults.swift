public import ComplianceRules
internal import Foundation

/// OSCAL assessment results for a run (`--format oscal`).
///
/// One result for the run: each system is a component (local definitions); every finding is an
/// observation (its facts as properties, its evidence as relevant evidence) and an OSCAL finding
/// whose target is the rule's statement, `satisfied` or `not-satisfied` with our status as a
/// property; failing findings carry a risk (`open`; `deviation-approved` when waived); each derived
/// classification is an observation too. Assessment results must import an assessment plan, which
/// we do not have: one is generated for the run (the systems as subjects, the rules reviewed) and
/// embedded in the back matter, which `import-ap` points to. UUIDs are version 5 from the pack,
/// system and rule ids; every timestamp is the as-of date, so a rerun is byte-identical.
public enum OSCALAssessmentResults {
    /// OSCAL assessment results are one JSON document whose identifiers and summary cover every
    /// system (the run's UUID is derived from all system ids), so this stream keeps the systems and
    /// writes the document at the end: unlike the other formats, its memory grows with the batch.
    public struct Stream: ReportStream {
        private var report: Report

        public init(header: Report) {
            report = header
            report.systems = []
            report.errors = []
        }

        public mutating func begin() -> String { "" }

        public mutating func add(_ system: SystemReport) -> String {
            report.systems.append(system)
            return ""
        }

        public mutating func add(unevaluated problems: [Diagnostic]) -> String {
            report.errors += problems
            return ""
        }

        public mutating func end() -> String { OSCALAssessmentResults.render(report) }
    }

    /// The assessment results as OSCAL JSON, ending with a newline.
    public static func render(_ report: Report) -> String {
        let asOf = report.asOf
        let time = OSCAL.timestamp(asOf)
        let packs = report.packs.map { "\($0.id)@\($0.version)" }.joined(separator: ",")
        let runName = "\(asOf)/\(packs)/" + report.systems.map(\.systemID).joined(separator: ",")

        var components: [[String: Any]] = []
        var observations: [[String: Any]] = []
        var risks: [[String: Any]] = []
        var findings: [[String: Any]] = []
        var reviewed: [String] = []
        var seenRules: Set<String> = []

        for system in report.systems {
            let component = OSCAL.uuid("system", system.systemID)
            let subject: [String: Any] = ["subject-uuid": component, "type": "component"]
            components.append([
                "uuid": component, "type": "software",
                "title": OSCAL.line(system.systemName) ?? system.systemID,
                "description": "AI system \(system.systemID) as described in \(system.file).",
                "status": ["state": "other", "remarks": "The lifecycle stage is the one its description declares."],
                "props": [
                    OSCAL.prop("system-id", system.systemID), OSCAL.prop("file", system.file),
                    OSCAL.prop("gate", system.gate.rawValue),
                ].compactMap { $0 },
            ])
            for fact in system.derived {
                var props = [
                    OSCAL.prop("derived-fact", "derived.\(fact.namespace).\(fact.name)"),
                    OSCAL.prop("derived-value", fact.value ?? "unknown"),
                    fact.declared.flatMap { OSCAL.prop("declared-value", $0) },
                ].compactMap { $0 }
                if let citation = fact.citation { props += OSCAL.citationProps(citation) }
                var observation: [String: Any] = [
                    "uuid": OSCAL.uuid("derived", system.systemID, fact.namespace, fact.name),
                    "title": OSCAL.line("Derived \(fact.namespace) \(fact.name): \(fact.value ?? "unknown")") ?? fact.name,
                    "description": fact.because ?? "Not derivable: declare \(fact.missing.joined(separator: ", ")).",
                    "methods": ["EXAMINE"], "subjects": [subject], "collected": time, "props": props,
                ]
                if !fact.missing.isEmpty { observation["remarks"] = "Facts to declare: " + fact.missing.joined(separator: ", ") }
                observations.append(observation)
            }
            for finding in system.findings {
                if seenRules.insert(finding.rule).inserted { reviewed.append(finding.rule) }
                let observationID = OSCAL.uuid("observation", finding.pack, system.systemID, finding.rule)
                observations.append(observation(finding, system: system, uuid: observationID, subject: subject, time: time))
                var entry: [String: Any] = [
                    "uuid": OSCAL.uuid("finding", finding.pack, system.systemID, finding.rule),
                    "title": OSCAL.line("\(finding.rule) \(finding.title) (\(system.systemID))") ?? finding.rule,
                    "description": finding.message,
                    "props": [
                        OSCAL.prop("status", finding.status.rawValue), OSCAL.prop("severity", finding.severity.rawValue),
                        OSCAL.prop("system-id", system.systemID), OSCAL.prop("pack", finding.pack),
                    ].compactMap { $0 },
                    "target": target(finding),
                    "related-observations": [["observation-uuid": observationID]],
                ]
                if let risk = risk(finding, system: system, observation: observationID, report: report) {
                    risks.append(risk)
                    entry["related-risks"] = [["risk-uuid": risk["uuid"] ?? ""]]
                }
                findings.append(entry)
            }
        }

        let controls: [String: Any] = [
            "description": "The rules of the loaded packs that the systems were checked against.",
            "control-selections": [
                reviewed.isEmpty
                    ? ["include-all": [String: Any]()] : ["include-controls": reviewed.map { ["control-id": OSCAL.token($0)] }]
            ],
        ]
        var result: [String: Any] = [
            "uuid": OSCAL.uuid("result", runName),
            "title": "compliance-check run as of \(asOf)",
            "description":
                "\(report.systems.count) system description(s) evaluated against \(report.packs.map(\.id).joined(separator: ", ")); gate \(report.gate.rawValue). \(Disclaimer.text)",
            "start": time, "end": time,
            "props": [OSCAL.prop("gate", report.gate.rawValue), OSCAL.prop("as-of", asOf.description)].compactMap { $0 },
            "reviewed-controls": controls,
        ]
        if !components.isEmpty { result["local-definitions"] = ["components": components] }
        if !observations.isEmpty { result["observations"] = observations }
        if !risks.isEmpty { result["risks"] = risks }
        if !findings.isEmpty { result["findings"] = findings }
        if !report.errors.isEmpty {
            result["remarks"] =
                "Inputs that could not be evaluated:\n"
                + report.errors.map { "- " + ($0.location.map { "\($0.file):\($0.line):\($0.column): " } ?? "") + $0.message }
                .joined(separator: "\n")
        }

        let planResource = OSCAL.uuid("assessment-plan-resource", runName)
        let plan = assessmentPlan(report, runName: runName, components: components, controls: controls)
        var resources: [[String: Any]] = [
            [
                "uuid": planResource,
                "title": "Assessment plan generated by compliance-check",
                "description":
                    "compliance-check has no separate assessment plan: this one is generated for the run (the systems as subjects, the rules reviewed) and embedded here.",
                "base64": [
                    "filename": "assessment-plan.json", "media-type": "application/oscal.ap+json",
                    "value": Data(plan.utf8).base64EncodedString(),
                ],
            ]
        ]
        for pack in report.packs {
            resources.append([
                "uuid": OSCAL.uuid("catalog-resource", pack.id, pack.version),
                "title": OSCAL.line("Catalog of \(pack.title)") ?? pack.id,
                "description": "Written by `compliance-check rules catalog --format oscal --pack \(pack.id)`.",
                "rlinks": [["href": "\(pack.id).catalog.json", "media-type": "application/oscal.catalog+json"]],
            ])
        }
        let document: [String: Any] = [
            "uuid": OSCAL.uuid("assessment-results", runName),
            "metadata": OSCAL.metadata(
                title: "Compliance assessment results as of \(asOf)", version: report.toolVersion, asOf: asOf),
            "import-ap": ["href": "#\(planResource)", "remarks": "Generated and embedded in the back matter."],
            "results": [result],
            "back-matter": ["resources": resources],
        ]
        return OSCAL.render(["assessment-results": document])
    }

    /// The finding's target: the rule's statement, satisfied or not.
    private static func target(_ finding: Finding) -> [String: Any] {
        let satisfied: Bool
        let reason: String
        switch finding.status {
        case .pass: (satisfied, reason) = (true, "pass")
        case .notApplicable, .upcoming: (satisfied, reason) = (true, "other")
        case .fail: (satisfied, reason) = (false, "fail")
        case .unknown, .waived: (satisfied, reason) = (false, "other")
        }
        var status: [String: Any] = ["state": satisfied ? "satisfied" : "not-satisfied", "reason": reason]
        var remarks: [String] = ["compliance-check status: \(finding.status.rawValue)."]
        if let original = finding.originalStatus { remarks.append("Would otherwise be \(original.rawValue).") }
        if let why = finding.reason { remarks.append(why) }
        status["remarks"] = remarks.joined(separator: " ")
        return [
            "type": "statement-id",
            "target-id": "\(OSCAL.token(finding.rule))_smt",
            "status": status,
            "props": [
                OSCAL.prop("status", finding.status.rawValue),
                finding.originalStatus.flatMap { OSCAL.prop("original-status", $0.rawValue) },
            ]
            .compactMap { $0 },
        ]
    }

    private static func observation(
        _ finding: Finding, system: SystemReport, uuid: String, subject: [String: Any], time: String
    ) -> [String: Any] {
        var props = [
            OSCAL.prop("rule", finding.rule), OSCAL.prop("status", finding.status.rawValue),
            OSCAL.prop("severity", finding.severity.rawValue),
        ].compactMap { $0 }
        for fact in finding.facts {
            var words = "\(fact.path) is \(fact.actual?.description ?? "absent")"
            if fact.role != .given { words += ", expected \(fact.expected)" }
            if let note = fact.note { words += " (\(note))" }
            words += " at \(fact.location.file):\(fact.location.line):\(fact.location.column)"
            if var property = OSCAL.prop("fact", words) {
                property["class"] = fact.role.rawValue
                props.append(property)
            }
        }
        for path in finding.missing { if let property = OSCAL.prop("missing-fact", path) { props.append(property) } }
        var observation: [String: Any] = [
            "uuid": uuid,
            "title": OSCAL.line("\(finding.rule) \(finding.title)") ?? finding.rule,
            "description": finding.message,
            "methods": ["EXAMINE"],
            "subjects": [subject],
            "collected": time,
            "props": props,
        ]
        if finding.status == .fail || finding.status == .unknown { observation["types"] = ["finding"] }
        let evidence = EvidenceRow.rows(of: [finding]).compactMap { row -> [String: Any]? in
            guard let href = row.url ?? row.file else { return nil }
            var entry: [String: Any] = [
                "href": href,
                "description": "\(row.path): \(row.state.label)" + (row.note.map { " (\($0))" } ?? ""),
                "props": [
                    OSCAL.prop("evidence-state", row.state.rawValue), row.sha256.flatMap { OSCAL.prop("sha256", $0) },
                    row.date.flatMap { OSCAL.prop("date", $0) }, row.expires.flatMap { OSCAL.prop("expires", $0) },
                ].compactMap { $0 },
            ]
            if (entry["props"] as? [[String: Any]])?.isEmpty ?? true { entry["props"] = nil }
            return entry
        }
        if !evidence.isEmpty { observation["relevant-evidence"] = evidence }
        if let reason = finding.reason { observation["remarks"] = reason }
        return observation
    }

    /// A risk for a failing finding (`open`) or a waived one (`deviation-approved`).
    private static func risk(_ finding: Finding, system: SystemReport, observation: String, report: Report) -> [String: Any]? {
        let waived = finding.status == .waived && finding.originalStatus == .fail
        guard finding.status == .fail || waived else { return nil }
        let cites = finding.allCitations.map { OSCAL.citationText($0, instruments: report.instruments) }.joined(separator: "; ")
        var risk: [String: Any] = [
            "uuid": OSCAL.uuid("risk", finding.pack, system.systemID, finding.rule),
            "title": OSCAL.line("\(finding.rule) \(finding.title) (\(system.systemID))") ?? finding.rule,
            "description": finding.message,
            "statement": "A breach of \(cites) (severity \(finding.severity.rawValue)). Remediation: \(finding.remediation)",
            "status": waived ? "deviation-approved" : "open",
            "props": [OSCAL.prop("severity", finding.severity.rawValue)].compactMap { $0 },
            "related-observations": [["observation-uuid": observation]],
        ]
        if let waiver = finding.waiver {
            risk["deadline"] = OSCAL.timestamp(waiver.expires)
            risk["description"] =
                finding.message + " Waived until \(waiver.expires), approved by \(waiver.approvedBy)"
                + (waiver.ticket.map { " (\($0))" } ?? "") + ": \(waiver.reason)"
        }
        return risk
    }

    /// The generated assessment plan: the systems as subjects, the reviewed rules, and the system
    /// descriptions as the (SSP-like) documents it imports.
    private static func assessmentPlan(
        _ report: Report, runName: String, components: [[String: Any]], controls: [String: Any]
    ) -> String {
        let descriptions = OSCAL.uuid("system-descriptions", runName)
        var plan: [String: Any] = [
            "uuid": OSCAL.uuid("assessment-plan", runName),
            "metadata": OSCAL.metadata(
                title: "Compliance assessment plan as of \(report.asOf)", version: report.toolVersion, asOf: report.asOf),
            "import-ssp": [
                "href": "#\(descriptions)",
                "remarks": "The system descriptions (compliance-check input format v1) stand in for a system security plan.",
            ],
            "reviewed-controls": controls,
        ]
        var resource: [String: Any] = [
            "uuid": descriptions,
            "title": "System descriptions evaluated",
            "description": "The YAML system descriptions compliance-check evaluated.",
        ]
        let files = report.systems.map(\.file)
        if !files.isEmpty { resource["rlinks"] = files.map { ["href": $0, "media-type": "application/yaml"] } }
        plan["back-matter"] = ["resources": [resource]]
        if !components.isEmpty {
            plan["local-definitions"] = ["components": components]
            plan["assessment-subjects"] = [
                [
                    "type": "component",
                    "include-subjects": components.map { ["subject-uuid": $0["uuid"] ?? "", "type": "component"] },
                ]
            ]
        }
        return OSCAL.render(["assessment-plan": plan])
    }
}
