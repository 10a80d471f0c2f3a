/// Where a rule comes from in the law.
public struct Citation: Sendable, Hashable, Codable {
    /// How sure the citation is.
    public enum Basis: String, Sendable, Hashable, CaseIterable, Codable {
        /// Checked against the legal text.
        case statute
        /// From official or legal commentary.
        case secondary
        /// Our reading, applying a general duty.
        case interpretation
    }

    /// The id of an instrument declared in the pack manifest.
    public var instrument: String
    public var article: String
    public var paragraph: String?
    public var subparagraph: String?
    public var basis: Basis

    public init(instrument: String, article: String, paragraph: String? = nil, subparagraph: String? = nil, basis: Basis) {
        self.instrument = instrument
        self.article = article
        self.paragraph = paragraph
        self.subparagraph = subparagraph
        self.basis = basis
    }

    /// `Art. 17(3)(1)`.
    public var articleReference: String {
        var text = "Art. \(article)"
        if let paragraph { text += "(\(paragraph))" }
        if let subparagraph { text += "(\(subparagraph))" }
        return text
    }
}

/// A legal instrument a pack cites.
public struct Instrument: Sendable, Hashable {
    public var id: String
    public var title: String
    public var number: String?
    public var adopted: CalendarDate?
    /// The date from which its rules apply by default.
    public var effective: CalendarDate
    public var url: String?

    public init(
        id: String, title: String, number: String? = nil, adopted: CalendarDate? = nil, effective: CalendarDate,
        url: String? = nil
    ) {
        self.id = id
        self.title = title
        self.number = number
        self.adopted = adopted
        self.effective = effective
        self.url = url
    }
}
