/// A language of the human-readable text (DESIGN §10): English, the source, and the Russian and
/// Kazakh translations. Machine fields (ids, fact paths, keys, statuses) never change with it.
public enum Language: String, Sendable, Hashable, CaseIterable, Comparable {
    case en
    case ru
    case kk

    /// The language's own name for itself, as a usage message names it.
    public var englishName: String {
        switch self {
        case .en: "English"
        case .ru: "Russian"
        case .kk: "Kazakh"
        }
    }

    /// The language a mistaken code most likely meant: `kz` (the country code) means Kazakh `kk`.
    public static func suggestion(for code: String) -> Language? {
        switch code.lowercased() {
        case "kz", "kaz", "kazakh", "qq": .kk
        case "rus", "russian": .ru
        case "eng", "english": .en
        default: nil
        }
    }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
