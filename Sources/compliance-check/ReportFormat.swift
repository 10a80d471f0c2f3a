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

    /// A stream writing this format for a run whose header (as-of date, settings, packs) is `header`.
    func stream(header: Report, style: TextReporter.Style, settings: OutputSettings, quiet: Bool = false)
        -> any ReportStream
    {
        switch self {
        case .text: TextReporter.Stream(header: header, style: style, quiet: quiet)
        case .json: JSONReportStream(header: header)
        case .jsonl: JSONReporter.LineStream(detail: header.settings.detail)
        case .sarif: SARIFReporter.Stream(header: header, paths: settings.sarifPaths)
        case .junit: JUnitReporter.Stream(header: header)
        case .markdown: MarkdownReporter.Stream(header: header, limit: settings.markdownLimit)
        case .html: HTMLReporter(header: header, failOn: header.settings.failOn, unknownPolicy: header.settings.unknownPolicy)
        case .oscal: OSCALAssessmentResults.Stream(header: header)
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
