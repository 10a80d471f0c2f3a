internal import CYAML

extension YAMLReader {
    /// The number of events libyaml reports for `bytes`, pulling every event straight from libyaml
    /// and building nothing (no Swift events, strings or values): the floor `compliance-bench`
    /// compares the reader against. Throws when libyaml reports an error.
    package static func scanEventCount(_ bytes: [UInt8]) throws(Diagnostic) -> Int {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw Diagnostic.error("out of memory while starting the YAML parser", at: nil)
        }
        defer { yaml_parser_delete(parser) }
        let count: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, buffer.count)
            var count = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else { return nil }
                count += 1
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { return count }
            }
        }
        guard let count else {
            let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown error"
            throw Diagnostic.error("invalid YAML: \(problem)", at: nil)
        }
        return count
    }
}
