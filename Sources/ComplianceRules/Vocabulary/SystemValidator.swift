internal import OrderedCollections

/// Checks a system description against the vocabulary: unknown keys (a warning, or an error when
/// strict), wrong types, values outside an enum, missing required facts, the two shapes of
/// evidence. Dates written as strings become `.date` values in the result.
public struct SystemValidator: Sendable {
    public let vocabulary: Vocabulary
    /// Unknown keys are errors instead of warnings.
    public var strict: Bool

    public init(vocabulary: Vocabulary, strict: Bool = false) {
        self.vocabulary = vocabulary
        self.strict = strict
    }

    /// The top-level keys every description may hold besides the vocabulary's facts.
    static let headerKeys = ["apiVersion", "kind", "waivers"]
    /// The keys a waiver may have (in a system file or a `--waivers` file).
    public static let waiverKeys = ["rule", "reason", "approved_by", "ticket", "expires", "system"]
    static let evidenceKeys = ["file", "url", "sha256", "date", "expires", "title"]

    /// The host of an `http(s)://` URL: what lies between the scheme and the first `/`, `?` or `#`,
    /// without user information or port.
    static func urlHost(_ url: String) -> Substring {
        // Scanned as UTF-8 bytes: every delimiter is ASCII.
        let bytes = url.utf8
        var scheme = bytes.startIndex
        var found = false
        while scheme != bytes.endIndex {
            if bytes[scheme] == UInt8(ascii: ":"), bytes[scheme...].starts(with: "://".utf8) {
                found = true
                break
            }
            scheme = bytes.index(after: scheme)
        }
        guard found else { return "" }
        let start = bytes.index(scheme, offsetBy: 3)
        var end = start
        var host = start
        while end != bytes.endIndex {
            let byte = bytes[end]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            end = bytes.index(after: end)
            if byte == UInt8(ascii: "@") { host = end }  // after the user information
        }
        var hostEnd = host
        while hostEnd != end, bytes[hostEnd] != UInt8(ascii: ":") { hostEnd = bytes.index(after: hostEnd) }
        return Substring(bytes[host..<hostEnd])
    }

    /// Validates a whole system description. The result holds the normalized document when there
    /// is no error, and every diagnostic found.
    public func validate(_ document: Document) -> (document: Document?, diagnostics: [Diagnostic]) {
        validate(document, partial: false)
    }

    /// Validates a whole description, or with `partial` a fragment (a rule example): no header and
    /// no required facts are demanded.
    public func validate(_ document: Document, partial: Bool) -> (document: Document?, diagnostics: [Diagnostic]) {
        var walk = Walk(validator: self, file: document.file, partial: partial)
        let root = Node(document)
        guard case .map = root.value else {
            return (nil, [.error("a system description must be a YAML mapping, found \(root.value.typeName)", at: root.location)])
        }
        if !partial {
            var header = FieldReader(root, context: "the system description")
            Vocabulary.checkHeader(&header, kind: "AISystem")
            walk.diagnostics.append(contentsOf: header.diagnostics)
        }
        let normalized = walk.object(root, path: "", extraKeys: partial ? ["waivers"] : Self.headerKeys)
        if let waivers = root["waivers"] {
            walk.waivers(waivers)
        }
        let diagnostics = walk.diagnostics
        if diagnostics.containsErrors { return (nil, diagnostics) }
        return (Document(file: document.file, root: normalized, marks: document.marks), diagnostics)
    }
}

/// One pass over a document.
private struct Walk {
    let validator: SystemValidator
    let file: String
    let partial: Bool
    var diagnostics: [Diagnostic] = []

    var vocabulary: Vocabulary { validator.vocabulary }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// Checks a mapping whose fields are the children of `path`; returns it normalized.
    mutating func object(_ node: Node, path: String, display: String? = nil, extraKeys: [String] = []) -> Value {
        normalized(object: node, path: path, display: display ?? path, extraKeys: extraKeys) ?? node.value
    }

    // Below, a check returns the value normalized, or `nil` when normalizing changes nothing (the
    // common case: only dates written as strings change), so that an unchanged mapping or list is
    // kept as it is instead of being copied and rebuilt key by key.

    private mutating func normalized(object node: Node, path: String, display: String, extraKeys: [String]) -> Value? {
        guard case .map(let map) = node.value else {
            error(
                "\(display.isEmpty ? "the document" : display): expected a mapping, found \(node.value.typeName)",
                at: node.location)
            return nil
        }
        let declared = vocabulary.children(of: path)
        var changed: ValueMap?
        for index in map.indices {
            let (key, child) = map[index]
            guard let fact = declared.first(where: { $0.name == key }) else {
                if extraKeys.contains(key) { continue }
                let names = declared.map(\.name) + extraKeys
                let message =
                    "unknown key '\(key)'" + (display.isEmpty ? "" : " in \(display)")
                    + Suggestion.phrase(for: key, in: names)
                let location = node.keyLocation(at: index)
                diagnostics.append(validator.strict ? .error(message, at: location) : .warning(message, at: location))
                continue
            }
            if case .null = child { continue }  // an empty value is an undeclared fact
            // The path is made into text only for a message or a nested object.
            if let value = check(
                node.child(at: index), type: fact.type, fact: fact, path: display.isEmpty ? key : "\(display).\(key)")
            {
                if changed == nil { changed = map }
                changed?.setValue(value, at: index)
            }
        }
        if !partial {
            for fact in declared where fact.required {
                if map[fact.name] == nil || map[fact.name] == .null {
                    let name = display.isEmpty ? fact.name : "\(display).\(fact.name)"
                    error("missing required fact '\(name)': \(fact.meaning)", at: node.location)
                }
            }
        }
        return changed.map(Value.map)
    }

    /// Checks one value against its fact; returns it normalized.
    mutating func value(_ node: Node, fact: Fact, path: String) -> Value {
        check(node, type: fact.type, fact: fact, path: path) ?? node.value
    }

    private mutating func check(_ node: Node, type: FactType, fact: Fact, path: @autoclosure () -> String) -> Value? {
        let value = node.value
        func mismatch(_ expected: String) -> Value? {
            error("\(path()): expected \(expected), found \(value.typeName) '\(value)'", at: node.location)
            return nil
        }
        switch type {
        case .string:
            guard case .string(let text) = value else { return mismatch("a string") }
            if let pattern = vocabulary.patterns[fact.path], !pattern.matches(text) {
                error("\(path()): '\(text)' does not match the pattern \(pattern.source)", at: node.location)
            }
            return nil
        case .bool:
            guard case .bool = value else { return mismatch("true or false") }
            return nil
        case .int:
            guard case .int = value else { return mismatch("an integer") }
            return nil
        case .number:
            switch value {
            case .int: return nil
            case .double(let number):
                if !number.isFinite { error("\(path()): expected a finite number, found \(value)", at: node.location) }
                return nil
            default: return mismatch("a number")
            }
        case .date:
            return normalizedDate(node, path: path())
        case .enumeration(let allowed):
            guard case .string(let text) = value else {
                return mismatch("one of \(allowed.joined(separator: ", "))")
            }
            if !allowed.contains(text) {
                error(
                    "\(path()): '\(text)' is not allowed; expected one of \(allowed.joined(separator: ", "))"
                        + Suggestion.phrase(for: text, in: allowed), at: node.location)
            }
            return nil
        case .list(let element):
            guard case .list(let items) = value else { return mismatch("a list of \(element)") }
            if let minimum = fact.minItems, items.count < minimum, !partial {
                error("\(path()): expected at least \(minimum) item(s), found \(items.count)", at: node.location)
            }
            var changed: [Value]?
            for offset in items.indices {
                let item = node.element(at: offset)
                let normalized =
                    element == .object
                    ? normalized(object: item, path: fact.path, display: "\(path())[\(offset)]", extraKeys: [])
                    : check(item, type: element, fact: fact, path: "\(path())[\(offset)]")
                if let normalized {
                    if changed == nil { changed = items }
                    changed?[offset] = normalized
                }
            }
            return changed.map(Value.list)
        case .object:
            return normalized(object: node, path: fact.path, display: path(), extraKeys: [])
        case .evidence:
            return evidence(node, path: path())
        }
    }

    /// A date fact: `.date` when written as a `YYYY-MM-DD` string, `nil` when already a date or not
    /// a date (an error).
    private mutating func normalizedDate(_ node: Node, path: @autoclosure () -> String) -> Value? {
        if case .date = node.value { return nil }
        guard case .string(let text) = node.value, let date = CalendarDate(text) else {
            error("\(path()): expected a date YYYY-MM-DD, found \(node.value.typeName) '\(node.value)'", at: node.location)
            return nil
        }
        return .date(date)
    }

    private mutating func evidence(_ node: Node, path: @autoclosure () -> String) -> Value? {
        switch node.value {
        case .string(let text):
            checkReference(text, at: node.location, path: path())
            return nil
        case .map(let map):
            var entries = map
            for index in map.indices where !SystemValidator.evidenceKeys.contains(map[index].key) {
                let key = map[index].key
                error(
                    "\(path()): unknown evidence key '\(key)'; expected file, url, sha256, date, expires, title"
                        + Suggestion.phrase(for: key, in: SystemValidator.evidenceKeys), at: node.keyLocation(at: index))
            }
            let file = node["file"]
            let url = node["url"]
            switch (file?.value, url?.value) {
            case (.string(let text)?, nil):
                checkReference(text, at: file?.location ?? node.location, path: "\(path()).file", url: false)
            case (nil, .string(let text)?):
                checkReference(text, at: url?.location ?? node.location, path: "\(path()).url", url: true)
            case (.some, .some):
                error("\(path()): evidence names both 'file' and 'url'; give one", at: node.location)
            case (nil, nil):
                error("\(path()): evidence needs 'file' or 'url'", at: node.location)
            default:
                error("\(path()): 'file' and 'url' must be strings", at: node.location)
            }
            if let hash = node["sha256"] {
                let valid: Bool
                if case .string(let text) = hash.value {
                    valid = text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
                } else {
                    valid = false
                }
                if !valid { error("\(path()).sha256: expected 64 lower-case hexadecimal digits", at: hash.location) }
            }
            var changed = false
            for key in ["date", "expires"] {
                if let child = node[key], let normalized = normalizedDate(child, path: "\(path()).\(key)") {
                    entries[key] = normalized
                    changed = true
                }
            }
            if let title = node["title"], title.value.stringValue == nil {
                error("\(path()).title: expected a string", at: title.location)
            }
            return changed ? .map(entries) : nil
        default:
            error(
                "\(path()): expected evidence (a relative file path, an https URL, or a mapping with file or url), found \(node.value.typeName)",
                at: node.location)
            return nil
        }
    }

    private mutating func checkReference(
        _ text: String, at location: @autoclosure () -> SourceLocation, path: @autoclosure () -> String, url: Bool? = nil
    ) {
        let isURL = text.hasPrefix("https://") || text.hasPrefix("http://")
        if text.isEmpty {
            error("\(path()): evidence is empty", at: location())
        } else if text.utf8.contains(0) {
            error("\(path()): evidence contains a NUL character, which would cut the path short", at: location())
        } else if isURL, SystemValidator.urlHost(text).isEmpty {
            error("\(path()): evidence URL '\(text)' has no host", at: location())
        } else if text.hasPrefix("http://") {
            error("\(path()): evidence URLs must use https, found '\(text)'", at: location())
        } else if url == true, !isURL {
            error("\(path()): expected an https URL, found '\(text)'", at: location())
        } else if url == false, isURL {
            error("\(path()): 'file' must be a path relative to the evidence root; use 'url' for '\(text)'", at: location())
        }
    }

    mutating func waivers(_ node: Node) {
        guard case .list = node.value else {
            error("waivers: expected a list, found \(node.value.typeName)", at: node.location)
            return
        }
        for (offset, element) in node.elements.enumerated() {
            var fields = FieldReader(element, context: "waivers[\(offset)]")
            _ = fields.string("rule", required: true)
            _ = fields.string("reason", required: true)
            _ = fields.string("approved_by", required: true)
            _ = fields.string("ticket")
            _ = fields.date("expires", required: true)
            _ = fields.string("system")
            fields.rejectUnknownKeys()
            diagnostics.append(contentsOf: fields.diagnostics)
        }
    }
}
