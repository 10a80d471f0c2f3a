internal import CYAML

/// Pulls events from libyaml over a byte buffer. It lives only inside `YAMLEventParser.withParser`,
/// because libyaml keeps a raw pointer to the bytes and to the parser itself.
final class YAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private var finished = false

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(Diagnostic) {
        self.bytes = bytes
        self.file = file
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw Diagnostic.error("out of memory while starting the YAML parser", at: nil)
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        if let base = bytes.baseAddress, !bytes.isEmpty {
            yaml_parser_set_input_string(parser, base, bytes.count)
        } else {
            yaml_parser_set_input_string(parser, Self.emptyInput, 0)
        }
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// A stable address for an empty input (libyaml needs a non-null pointer).
    private nonisolated(unsafe) static let emptyInput: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// Runs `body` with a parser over `bytes`; the parser must not escape `body`.
    static func withParser<T>(
        over bytes: [UInt8],
        file: String,
        _ body: (YAMLEventParser) throws(Diagnostic) -> T
    ) throws(Diagnostic) -> T {
        let result: Result<T, Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
            do throws(Diagnostic) {
                let parser = try YAMLEventParser(bytes: buffer, file: file)
                return .success(try body(parser))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The next event; after `streamEnd`, keeps returning `streamEnd`.
    func next() throws(Diagnostic) -> YAMLEvent {
        if finished { return YAMLEvent(kind: .streamEnd, start: .start) }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }
        let start = SourceMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return YAMLEvent(kind: .streamStart, start: start)
        case YAML_STREAM_END_EVENT:
            finished = true
            return YAMLEvent(kind: .streamEnd, start: start)
        case YAML_DOCUMENT_START_EVENT:
            return YAMLEvent(kind: .documentStart(explicit: event.data.document_start.implicit == 0), start: start)
        case YAML_DOCUMENT_END_EVENT:
            return YAMLEvent(kind: .documentEnd(explicit: event.data.document_end.implicit == 0), start: start)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return YAMLEvent(
                kind: .mappingStart(flow: data.style == YAML_FLOW_MAPPING_STYLE),
                anchor: Self.string(data.anchor), tag: Self.string(data.tag), start: start)
        case YAML_MAPPING_END_EVENT:
            return YAMLEvent(kind: .mappingEnd, start: start)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return YAMLEvent(
                kind: .sequenceStart(flow: data.style == YAML_FLOW_SEQUENCE_STYLE),
                anchor: Self.string(data.anchor), tag: Self.string(data.tag), start: start)
        case YAML_SEQUENCE_END_EVENT:
            return YAMLEvent(kind: .sequenceEnd, start: start)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text: String
            if let value = data.value, data.length > 0 {
                text = String(decoding: UnsafeBufferPointer(start: value, count: data.length), as: UTF8.self)
            } else {
                text = ""
            }
            let style: YAMLEvent.ScalarStyle =
                switch data.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            return YAMLEvent(
                kind: .scalar(text, style), anchor: Self.string(data.anchor), tag: Self.string(data.tag),
                start: start)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias(Self.string(event.data.alias.anchor) ?? ""), start: start)
        default:
            throw Diagnostic.error("the YAML parser returned an unexpected event", at: start.located(in: file))
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libyaml's error as a positioned diagnostic a person can read.
    private func currentError() -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown error"
        switch state.error {
        case YAML_READER_ERROR:
            let offset = Int(state.problem_offset)
            var message = problem
            if state.problem_value >= 0, state.problem_value != -1 {
                let byte = String(UInt32(bitPattern: state.problem_value), radix: 16, uppercase: true)
                message += " (#x\(byte))"
            }
            if problem.contains("UTF-8") || problem.contains("octet") {
                message = "invalid UTF-8: \(message); save the file as UTF-8"
            }
            return .error(message, at: mark(atByteOffset: offset).located(in: file))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let problemMark = SourceMark(
                line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1)
            var message = problem
            if let context = state.context.map({ String(cString: $0) }) {
                let contextMark = SourceMark(
                    line: Int(state.context_mark.line) + 1, column: Int(state.context_mark.column) + 1)
                message += " (\(context) at line \(contextMark.line), column \(contextMark.column))"
            }
            if problem.contains("cannot start any token"), isTab(atLine: problemMark.line, column: problemMark.column) {
                message = "a tab character cannot indent YAML; use spaces (\(problem))"
            }
            return .error("invalid YAML: \(message)", at: problemMark.located(in: file))
        case YAML_MEMORY_ERROR:
            return .error("out of memory while reading YAML", at: nil)
        default:
            return .error("invalid YAML: \(problem)", at: SourceMark.start.located(in: file))
        }
    }

    /// The line and column (in Unicode scalars) of a byte offset.
    private func mark(atByteOffset offset: Int) -> SourceMark {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceMark(line: line, column: column)
    }

    private func isTab(atLine line: Int, column: Int) -> Bool {
        var currentLine = 1
        var currentColumn = 1
        for byte in bytes {
            if currentLine == line, currentColumn == column { return byte == 0x09 }
            if byte == 0x0A {
                currentLine += 1
                currentColumn = 1
            } else if byte & 0xC0 != 0x80 {
                currentColumn += 1
            }
            if currentLine > line { break }
        }
        return false
    }
}
