/// One event of libyaml's parser, copied into Swift values.
struct YAMLEvent: Sendable, Hashable {
    enum ScalarStyle: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    enum Kind: Sendable, Hashable {
        case streamStart
        case streamEnd
        case documentStart(explicit: Bool)
        case documentEnd(explicit: Bool)
        case mappingStart(flow: Bool)
        case mappingEnd
        case sequenceStart(flow: Bool)
        case sequenceEnd
        case scalar(String, ScalarStyle)
        case alias(String)
    }

    var kind: Kind
    var anchor: String?
    var tag: String?
    var start: SourceMark
}
