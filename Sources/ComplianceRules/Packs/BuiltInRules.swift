/// The rule files shipped inside the library (generated at build time from the repository's
/// `rules/` folder), so that library users and a copied binary have them with no files beside.
public enum BuiltInRules {
    /// Every embedded file: its path relative to `rules/` (e.g. `kz/general.yaml`) and its text.
    public static var files: [(path: String, text: String)] { BundledRuleFiles.all }

    /// The name diagnostics use for an embedded file: `rules/<path>`.
    public static func displayName(of path: String) -> String { "rules/\(path)" }

    /// The text of one embedded file.
    public static func text(of path: String) -> String? {
        BundledRuleFiles.all.first { $0.path == path }?.text
    }

    /// The built-in vocabulary (`rules/vocabulary.yaml`).
    public static func vocabulary() throws(DiagnosticList) -> Vocabulary {
        guard let text = text(of: "vocabulary.yaml") else {
            throw DiagnosticList([.error("the built-in vocabulary is missing from this build", at: nil)])
        }
        let document: Document
        do {
            document = try YAMLReader().read(text, file: displayName(of: "vocabulary.yaml"))
        } catch {
            throw DiagnosticList([error])
        }
        return try Vocabulary.load(document)
    }
}
