import ArgumentParser
import ComplianceEngine
import ComplianceRules

/// An output format of `check`.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
    case jsonl
    case sarif
    case junit
    case markdown
    case html
    case oscal

    func render(_ report: Report, style: TextReporter.Style, unknownPolicy: UnknownPolicy) -> String {
        switch self {
        case .text: TextReporter.render(report, style: style)
        case .json: JSONReporter.render(report)
        case .jsonl:
            report.systems.map(JSONReporter.renderLine).joined()
                + report.errors.filter { $0.severity == .error }.map(JSONReporter.renderLine).joined()
        case .sarif: SARIFReporter.render(report)
        case .junit: JUnitReporter.render(report, unknownPolicy: unknownPolicy)
        case .markdown: MarkdownReporter.render(report)
        case .html: HTMLReporter.render(report, failOn: style.failOn, unknownPolicy: unknownPolicy)
        case .oscal: OSCALAssessmentResults.render(report)
        }
    }
}

/// `--report FORMAT=FILE`.
struct ReportTarget: ExpressibleByArgument {
    var format: ReportFormat
    var file: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
            let format = ReportFormat(rawValue: String(argument[..<equals]))
        else { return nil }
        let file = String(argument[argument.index(after: equals)...])
        guard !file.isEmpty else { return nil }
        self.format = format
        self.file = file
    }

    static var defaultCompletionKind: CompletionKind { .file() }
}
