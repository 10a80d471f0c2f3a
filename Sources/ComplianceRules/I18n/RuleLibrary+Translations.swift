/// One English text a catalogue translates: its key, the text, and where the English is written.
public struct SourceText: Sendable, Hashable {
    public var key: String
    public var text: String
    public var location: SourceLocation
}

extension RulePack {
    /// The English texts of the pack that its catalogues translate, in file order: `pack.title`,
    /// `instruments.<id>.title`, `rules.<id>.<field>`, `derivations.<name>.<field>` and
    /// `derivations.<name>.because.<case>`.
    public var sourceTexts: [SourceText] {
        var texts = [SourceText(key: "pack.title", text: title, location: location)]
        for instrument in instruments {
            texts.append(SourceText(key: "instruments.\(instrument.id).title", text: instrument.title, location: location))
        }
        for rule in rules {
            let fields: [(String, String?)] = [
                ("title", rule.title), ("description", rule.description), ("message", rule.message),
                ("remediation", rule.remediation),
            ]
            for case (let field, let text?) in fields {
                texts.append(SourceText(key: "rules.\(rule.id).\(field)", text: text, location: rule.location))
            }
        }
        for derivation in derivations {
            let key = "derivations.\(derivation.name)"
            let check = derivation.check
            let fields: [(String, String?)] = [
                ("title", check.title), ("description", check.description), ("remediation", check.remediation),
            ]
            for case (let field, let text?) in fields where derivation.writtenTexts.contains(field) {
                texts.append(SourceText(key: "\(key).\(field)", text: text, location: derivation.location))
            }
            for (index, candidate) in derivation.cases.enumerated() {
                texts.append(SourceText(key: "\(key).because.\(index)", text: candidate.because, location: derivation.location))
            }
        }
        return texts
    }
}

extension Vocabulary {
    /// Each fact's `meaning`, keyed `facts.<path>`.
    public var sourceTexts: [SourceText] {
        facts.map { SourceText(key: "facts.\($0.path)", text: $0.meaning, location: $0.location) }
    }
}

extension RuleLibrary {
    /// The library with every human-readable text in `language`: pack and instrument titles, rule
    /// titles, descriptions, messages and remediations, derivation texts and `because`, fact
    /// meanings. A text without a translation stays English. Ids, paths and values never change.
    public func localized(_ language: Language) -> RuleLibrary {
        guard language != .en else { return self }
        let strings = ReportStrings.builtIn(language)
        let packs = self.packs.map { pack -> RulePack in
            guard let catalogue = catalogues.packs[pack.id]?[language] else { return pack }
            var pack = pack
            pack.title = catalogue["pack.title"] ?? pack.title
            for index in pack.instruments.indices {
                pack.instruments[index].title =
                    catalogue["instruments.\(pack.instruments[index].id).title"] ?? pack.instruments[index].title
            }
            for index in pack.rules.indices {
                let key = "rules.\(pack.rules[index].id)"
                pack.rules[index].title = catalogue["\(key).title"] ?? pack.rules[index].title
                if pack.rules[index].description != nil {
                    pack.rules[index].description = catalogue["\(key).description"] ?? pack.rules[index].description
                }
                pack.rules[index].message = catalogue["\(key).message"] ?? pack.rules[index].message
                pack.rules[index].remediation = catalogue["\(key).remediation"] ?? pack.rules[index].remediation
            }
            for index in pack.derivations.indices {
                let key = "derivations.\(pack.derivations[index].name)"
                var derivation = pack.derivations[index]
                let path = derivation.declared?.text ?? derivation.path
                if derivation.writtenTexts.contains("title") {
                    derivation.check.title = catalogue["\(key).title"] ?? derivation.check.title
                } else if strings.has("declared.default_title") {
                    derivation.check.title = strings("declared.default_title", ["path": path])
                }
                if derivation.writtenTexts.contains("description") {
                    derivation.check.description = catalogue["\(key).description"] ?? derivation.check.description
                }
                if derivation.writtenTexts.contains("remediation") {
                    derivation.check.remediation = catalogue["\(key).remediation"] ?? derivation.check.remediation
                } else if strings.has("declared.default_remediation") {
                    derivation.check.remediation = strings("declared.default_remediation", ["path": path])
                }
                for case_ in derivation.cases.indices {
                    derivation.cases[case_].because = catalogue["\(key).because.\(case_)"] ?? derivation.cases[case_].because
                }
                pack.derivations[index] = derivation
            }
            return pack
        }
        var vocabulary = self.vocabulary
        if let catalogue = catalogues.vocabulary[language] {
            vocabulary = Vocabulary(
                facts: vocabulary.facts.map { fact in
                    guard let meaning = catalogue["facts.\(fact.path)"] else { return fact }
                    return Fact(
                        path: fact.path, type: fact.type, required: fact.required, pattern: fact.pattern,
                        minItems: fact.minItems, meaning: meaning, law: fact.law, example: fact.example,
                        location: fact.location)
                })
        }
        return RuleLibrary(vocabulary: vocabulary, packs: packs, catalogues: catalogues)
    }
}
