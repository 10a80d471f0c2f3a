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

    func render(_ report: Report, style: TextReporter.Style, settings: OutputSettings = OutputSettings()) -> String {
        switch self {
        case .text: TextReporter.render(report, style: style)
        case .json: JSONReporter.render(report)
        case .jsonl:
            report.systems.map(JSONReporter.renderLine).joined()
                + report.errors.filter { $0.severity == .error }.map(JSONReporter.renderLine).joined()
        case .sarif: SARIFReporter.render(report, paths: settings.sarifPaths)
        case .junit: JUnitReporter.render(report)
        case .markdown: MarkdownReporter.render(report, limit: settings.markdownLimit)
        case .html: HTMLReporter.render(report, failOn: report.settings.failOn, unknownPolicy: report.settings.unknownPolicy)
        case .oscal: OSCALAssessmentResults.render(report)
        }
    }
}

/// Options of single formats: the SARIF source root and the Markdown size cap.
struct OutputSettings {
    var sarifPaths = SARIFReporter.Paths()
    var markdownLimit = MarkdownReporter.defaultLimit
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
