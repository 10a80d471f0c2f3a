public import ComplianceRules

/// The facts a system still has to declare, ranked by how many rules each decides: what
/// `compliance-check questions` prints.
public enum Questionnaire {
    /// One fact to declare.
    public struct Question: Sendable, Hashable {
        /// The fact's dotted vocabulary path.
        public var path: String
        /// What the fact means (from the vocabulary; empty for a path it does not declare).
        public var meaning: String
        /// The law that makes the fact matter, if the vocabulary names one.
        public var law: String?
        /// The ids of the rules whose `unknown` outcome the fact would help decide, sorted.
        public var rules: [String]
        /// The derived facts (e.g. `derived.kz.risk_level`) that cannot be derived without it, sorted.
        public var derives: [String]

        public init(path: String, meaning: String, law: String? = nil, rules: [String], derives: [String] = []) {
            self.path = path
            self.meaning = meaning
            self.law = law
            self.rules = rules
            self.derives = derives
        }
    }

    /// Every fact named as missing by the system's `unknown` findings and by its unknown derived
    /// facts, once each: most rules decided first, then by path. `derived.*` paths are not
    /// questions: the facts they are derived from are.
    public static func questions(for report: SystemReport, vocabulary: Vocabulary) -> [Question] {
        var rules: [String: Set<String>] = [:]
        var derives: [String: Set<String>] = [:]
        for finding in report.findings where finding.status == .unknown {
            for path in finding.missing where !isDerived(path) {
                rules[path, default: []].insert(finding.rule)
            }
        }
        for fact in report.derived where fact.value == nil {
            for path in fact.missing where !isDerived(path) {
                derives[path, default: []].insert("derived.\(fact.namespace).\(fact.name)")
            }
        }
        let paths = Set(rules.keys).union(derives.keys)
        let questions = paths.map { path in
            let fact = vocabulary.fact(at: path)
            return Question(
                path: path, meaning: fact?.meaning ?? "", law: fact?.law,
                rules: (rules[path] ?? []).sorted(), derives: (derives[path] ?? []).sorted())
        }
        return questions.sorted {
            $0.rules.count != $1.rules.count ? $0.rules.count > $1.rules.count : $0.path < $1.path
        }
    }

    /// The questions as text: a count line, then one line per fact,
    /// `path — meaning (decides K rules: ids)`.
    public static func render(_ questions: [Question], strings: ReportStrings = .english) -> String {
        let say = strings
        var output =
            say(questions.count == 1 ? "questions.count_one" : "questions.count", ["count": String(questions.count)]) + "\n"
        for question in questions {
            var reasons: [String] = []
            if !question.rules.isEmpty {
                let count = question.rules.count
                reasons.append(
                    say(
                        count == 1 ? "questions.decides_one" : "questions.decides",
                        ["count": String(count), "rules": question.rules.joined(separator: ", ")]))
            }
            if !question.derives.isEmpty {
                reasons.append(say("questions.derives", ["facts": question.derives.joined(separator: ", ")]))
            }
            let meaning = question.meaning.isEmpty ? "" : " — \(question.meaning)"
            output += "\(question.path)\(meaning) (\(reasons.joined(separator: "; ")))\n"
        }
        return output
    }

    private static func isDerived(_ path: String) -> Bool {
        path == "derived" || path.hasPrefix("derived.")
    }
}
