/// Reads the fields of a mapping node, collecting every problem with its position instead of
/// stopping at the first. Used by all loaders.
struct FieldReader {
    let node: Node
    let context: String
    private(set) var diagnostics: [Diagnostic] = []
    private var consumed: Set<String> = []

    /// Starts reading `node`, which must be a mapping (an error is recorded otherwise).
    init(_ node: Node, context: String) {
        self.node = node
        self.context = context
        if case .map = node.value {
        } else {
            diagnostics.append(.error("\(context) must be a mapping, found \(node.value.typeName)", at: node.location))
        }
    }

    mutating func error(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    mutating func append(_ more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    /// The node at `key`, marking it as read; records an error when it is required and absent.
    mutating func node(_ key: String, required: Bool = false) -> Node? {
        consumed.insert(key)
        guard let child = node[key], child.value != .null else {
            if required {
                diagnostics.append(.error("\(context) is missing required key '\(key)'", at: node.location))
            }
            return nil
        }
        return child
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let child = node(key, required: required) else { return nil }
        switch child.value {
        case .string(let text): return text
        case .int, .double, .bool, .date: return child.value.description
        default:
            diagnostics.append(.error("'\(key)' must be a string, found \(child.value.typeName)", at: child.location))
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let child = node(key) else { return nil }
        guard case .bool(let flag) = child.value else {
            diagnostics.append(
                .error("'\(key)' must be true or false, found \(child.value.typeName) '\(child.value)'", at: child.location))
            return nil
        }
        return flag
    }

    mutating func int(_ key: String) -> Int? {
        guard let child = node(key) else { return nil }
        guard case .int(let number) = child.value else {
            diagnostics.append(.error("'\(key)' must be an integer, found \(child.value.typeName)", at: child.location))
            return nil
        }
        return number
    }

    mutating func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let child = node(key, required: required) else { return nil }
        if case .date(let date) = child.value { return date }
        guard case .string(let text) = child.value, let date = CalendarDate(text) else {
            diagnostics.append(.error("'\(key)' must be a date YYYY-MM-DD, found '\(child.value)'", at: child.location))
            return nil
        }
        return date
    }

    /// A string that must be one of `allowed`.
    mutating func choice(_ key: String, _ allowed: [String], required: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard allowed.contains(text) else {
            let where_ = node[key]?.location ?? node.location
            diagnostics.append(
                .error(
                    "'\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(text)'"
                        + Suggestion.phrase(for: text, in: allowed), at: where_))
            return nil
        }
        return text
    }

    /// A list of strings.
    mutating func strings(_ key: String) -> [String]? {
        guard let child = node(key) else { return nil }
        guard case .list(let list) = child.value else {
            diagnostics.append(.error("'\(key)' must be a list, found \(child.value.typeName)", at: child.location))
            return nil
        }
        var result: [String] = []
        for (element, elementNode) in zip(list, child.elements) {
            guard case .string(let text) = element else {
                diagnostics.append(.error("'\(key)' must list strings, found \(element.typeName)", at: elementNode.location))
                continue
            }
            result.append(text)
        }
        return result
    }

    /// Records an error for every key not read, with a suggestion among the read ones.
    mutating func rejectUnknownKeys(allowed extra: [String] = []) {
        let known = consumed.union(extra)
        for entry in node.entries where !known.contains(entry.key) {
            diagnostics.append(
                .error(
                    "unknown key '\(entry.key)' in \(context)" + Suggestion.phrase(for: entry.key, in: known.sorted()),
                    at: entry.keyLocation))
        }
    }
}
