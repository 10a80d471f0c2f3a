/// This tool's stand-in for the generated file of the same name: no compiled library, so that the
/// linked ComplianceRules code loads and checks the rule files the slow way, once, here.
enum CompiledBuiltInLibrary {
    static let strings: [String] = []
    static let body: String? = nil
}
