/// A compiled regular expression, matched in time linear in the input (Thompson NFA / Pike VM; no backtracking).
///
/// Syntax, over Unicode scalars and case-sensitive: literals; `.` (any scalar but `\n`); classes `[a-z0-9._-]`,
/// `[^...]`; escapes `\d \D \w \W \s \S` (ASCII), `\n \t \r` and `\` before any of `. \ - [ ] ( ) { } * + ? | ^ $ /`;
/// anchors `^` `$` (start and end of the whole text); groups `( )` `(?: )`; alternation `|`; quantifiers
/// `* + ? {n} {n,} {n,m}` (counts up to 1000; a lazy `?` suffix is accepted and ignored). Anything else is
/// rejected, as is a program of more than 10,000 instructions. Matching is O(text length × program size).
public struct Pattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    /// The compiled program; execution starts at index 0.
    let program: [Instruction]

    /// Limits: instructions in a program (including the final `.match`), count in `{n,m}`, group nesting.
    static let maxInstructions = 10_000
    static let maxRepeat = 1000
    static let maxDepth = 100

    /// Compiles `source`; throws `Pattern.SyntaxError` (with `message` and 0-based `offset` into the pattern, in Unicode scalars) when it is invalid or too large.
    public init(_ source: String) throws(Pattern.SyntaxError) {
        var parser = Parser(scalars: Array(source.unicodeScalars))
        self.source = source
        self.program = try parser.parse() + [.match]
    }

    /// The work of matching a text of `length` scalars, in instruction steps: the bound that lets a
    /// caller refuse a match before running it.
    public func cost(forLength length: Int) -> Int {
        let (product, overflow) = program.count.multipliedReportingOverflow(by: length + 1)
        return overflow ? Int.max : product
    }

    /// True when the pattern matches somewhere in `text` (unanchored search, like grep; use ^ and $ to anchor).
    public func matches(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        var run = Run(marks: Array(repeating: -1, count: program.count))
        var current: [Int] = []
        var next: [Int] = []
        var index = scalars.startIndex
        var step = 0
        if addThread(0, to: &current, run: &run, step: step, atEnd: scalars.isEmpty) { return true }
        while index != scalars.endIndex {
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            step += 1
            let atEnd = index == scalars.endIndex
            next.removeAll(keepingCapacity: true)
            for pc in current where program[pc].accepts(scalar) {
                if addThread(pc + 1, to: &next, run: &run, step: step, atEnd: atEnd) { return true }
            }
            // Unanchored search: a new attempt starts at every position.
            if addThread(0, to: &next, run: &run, step: step, atEnd: atEnd) { return true }
            swap(&current, &next)
        }
        return false
    }

    /// The pattern as written.
    public var description: String { source }
    /// Patterns are equal when their sources are.
    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }
    /// Hashes the source.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Why a pattern could not be compiled.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, e.g. `lookahead is not supported`.
        public let message: String
        /// 0-based offset into the pattern, in Unicode scalars, of the offending construct.
        public let offset: Int
        /// `message (at offset N)`.
        public var description: String { "\(message) (at offset \(offset))" }
    }
}

extension Pattern {
    /// One step of the compiled program.
    enum Instruction: Sendable, Hashable {
        case scalar(Unicode.Scalar)
        case anyExceptNewline
        case set(ScalarSet)
        case assertStart
        case assertEnd
        /// Continue at both targets (an NFA fork). Targets of `split` and `jump` are relative to the instruction.
        case split(Int, Int)
        case jump(Int)
        case match

        /// True when this is a consuming instruction that accepts `scalar`.
        func accepts(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .scalar(let expected): scalar == expected
            case .anyExceptNewline: scalar != "\n"
            case .set(let set): set.contains(scalar)
            case .assertStart, .assertEnd, .split, .jump, .match: false
            }
        }
    }

    /// A set of scalars: those in `ranges` (of scalar values), or all others when `negated`.
    struct ScalarSet: Sendable, Hashable {
        let ranges: [ClosedRange<UInt32>]
        var negated = false

        func contains(_ scalar: Unicode.Scalar) -> Bool { ranges.contains { $0.contains(scalar.value) } != negated }

        /// `ranges` (sorted and disjoint), or the scalar values outside them when `complemented`.
        static func ranges(_ ranges: [ClosedRange<UInt32>], complemented: Bool) -> [ClosedRange<UInt32>] {
            guard complemented else { return ranges }
            var gaps: [ClosedRange<UInt32>] = []
            var start: UInt32 = 0
            for range in ranges {
                if range.lowerBound > start { gaps.append(start...(range.lowerBound - 1)) }
                start = range.upperBound + 1
            }
            return start <= 0x10FFFF ? gaps + [start...0x10FFFF] : gaps
        }
    }

    /// Scratch space for one `matches` call: the step at which each pc was last added, and a work stack.
    private struct Run { var marks: [Int], stack: [Int] = [] }

    /// Adds to the threads of `step` the consuming instructions reachable from `pc` without consuming input
    /// (each pc is visited at most once per step); true when that reaches `.match`.
    private func addThread(_ pc: Int, to list: inout [Int], run: inout Run, step: Int, atEnd: Bool) -> Bool {
        run.stack.append(pc)
        while var pc = run.stack.popLast() {
            // Follow one path; it ends at a pc already visited (the one just handled, when that was a
            // consuming instruction or a failed anchor).
            while run.marks[pc] != step {
                run.marks[pc] = step
                switch program[pc] {
                case .match:
                    run.stack.removeAll()
                    return true
                case .jump(let offset): pc += offset
                case .split(let first, let second):
                    run.stack.append(pc + second)
                    pc += first
                case .assertStart where step == 0, .assertEnd where atEnd: pc += 1
                case .assertStart, .assertEnd: break
                case .scalar, .anyExceptNewline, .set: list.append(pc)
                }
            }
        }
        return false
    }

    /// A recursive-descent parser that emits code as it goes.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var depth = 0

        mutating func parse() throws(SyntaxError) -> [Instruction] {
            let root = try parseAlternation()
            if position < scalars.count { throw failure("unmatched ')'", at: position) }
            return root
        }

        private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
        private func failure(_ message: String, at offset: Int) -> SyntaxError { SyntaxError(message: message, offset: offset) }

        /// Rejects a fragment that, with the final `.match`, would exceed the instruction limit.
        private func check(_ size: Int, at offset: Int) throws(SyntaxError) {
            if size >= Pattern.maxInstructions { throw failure("pattern is too large", at: offset) }
        }

        /// `scalar` as text for a message; invisible ones (controls, format characters, ...) as escapes like `\n`.
        private static func shown(_ scalar: Unicode.Scalar) -> String {
            scalar.properties.isGraphemeBase ? String(scalar) : scalar.escaped(asASCII: true)
        }

        /// The scalar that `ranges` consists of, if it is exactly one.
        private static func single(_ ranges: [ClosedRange<UInt32>]) -> Unicode.Scalar? {
            guard ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound else { return nil }
            return Unicode.Scalar(ranges[0].lowerBound)
        }

        private mutating func parseAlternation() throws(SyntaxError) -> [Instruction] {
            var branches = [try parseSequence()]
            var size = branches[0].count
            while peek == "|" {
                position += 1
                let start = position
                let branch = try parseSequence()
                size += branch.count + 2
                try check(size, at: start)
                branches.append(branch)
            }
            guard branches.count > 1 else { return branches[0] }
            var program: [Instruction] = []
            program.reserveCapacity(size)
            for branch in branches.dropLast() {
                program.append(.split(1, branch.count + 2))
                program += branch
                program.append(.jump(size - program.count))
            }
            return program + branches[branches.count - 1]
        }

        private mutating func parseSequence() throws(SyntaxError) -> [Instruction] {
            var program: [Instruction] = []
            while let scalar = peek, scalar != "|", scalar != ")" {
                let start = position
                let piece = try parsePiece(scalar)
                try check(program.count + piece.count, at: start)
                program += piece
            }
            return program
        }

        /// An atom and its quantifier, expanded by copying (jumps are relative, so copies need no fixing).
        private mutating func parsePiece(_ first: Unicode.Scalar) throws(SyntaxError) -> [Instruction] {
            let start = position
            let atom = try parseAtom(first)
            guard let (min, max) = try parseQuantifier() else { return atom }
            if peek == "?" { position += 1 }  // lazy: the same answer, as there are no captures
            if let next = peek, "*+?{".unicodeScalars.contains(next) {
                let message =
                    next == "+" ? "possessive quantifiers are not supported" : "quantifier '\(next)' follows another quantifier"
                throw failure(message, at: position)
            }
            let count = atom.count
            guard count > 0 else { return [] }
            let size = max.map { min * count + ($0 - min) * (count + 1) } ?? (min == 0 ? count + 2 : min * count + 1)
            try check(size, at: start)
            var program: [Instruction] = []
            program.reserveCapacity(size)
            if let max {
                for _ in 0..<min { program += atom }
                for _ in min..<max {
                    program.append(.split(1, size - program.count))
                    program += atom
                }
            } else if min == 0 {
                program = [.split(1, count + 2)] + atom + [.jump(-count - 1)]
            } else {
                for _ in 0..<min { program += atom }
                program.append(.split(-count, 1))
            }
            return program
        }

        private mutating func parseQuantifier() throws(SyntaxError) -> (min: Int, max: Int?)? {
            guard let scalar = peek, "*+?{".unicodeScalars.contains(scalar) else { return nil }
            let start = position
            position += 1
            switch scalar {
            case "*": return (0, nil)
            case "+": return (1, nil)
            case "?": return (0, 1)
            default: break
            }
            let min = parseNumber()
            var max = min
            if peek == "," {
                position += 1
                max = parseNumber()
            }
            guard let min, peek == "}" else {
                throw failure("malformed repetition; expected {n}, {n,} or {n,m} (write \\{ for a literal '{')", at: start)
            }
            position += 1
            if min > Pattern.maxRepeat || (max ?? 0) > Pattern.maxRepeat {
                throw failure("repetition count exceeds \(Pattern.maxRepeat)", at: start)
            }
            if let max, max < min { throw failure("repetition {\(min),\(max)} has min greater than max", at: start) }
            return (min, max)
        }

        /// Decimal digits, saturating far above the repeat limit; nil when there are none.
        private mutating func parseNumber() -> Int? {
            var value: Int?
            while let scalar = peek, ("0"..."9").contains(scalar) {
                value = Swift.min((value ?? 0) * 10 + Int(scalar.value - 48), 1_000_000)
                position += 1
            }
            return value
        }

        private mutating func parseAtom(_ scalar: Unicode.Scalar) throws(SyntaxError) -> [Instruction] {
            let start = position
            position += 1
            switch scalar {
            case ".": return [.anyExceptNewline]
            case "^": return [.assertStart]
            case "$": return [.assertEnd]
            case "[": return [.set(try parseClass(start: start))]
            case "(": return try parseGroup(start: start)
            case "*", "+", "?", "{": throw failure("quantifier '\(scalar)' has nothing to repeat", at: start)
            case "\\":
                let ranges = try parseEscape(start: start)
                return [Self.single(ranges).map(Instruction.scalar) ?? .set(ScalarSet(ranges: ranges))]
            default: return [.scalar(scalar)]
            }
        }

        private mutating func parseGroup(start: Int) throws(SyntaxError) -> [Instruction] {
            if peek == "?" {
                position += 1
                let after = position + 1 < scalars.count ? scalars[position + 1] : nil
                switch peek {
                case ":": position += 1
                case "=", "!": throw failure("lookahead is not supported", at: start)
                case "<" where after == "=" || after == "!": throw failure("lookbehind is not supported", at: start)
                case "P" where after == "=": throw failure("backreferences are not supported", at: start)
                case "<", "'", "P": throw failure("named groups are not supported", at: start)
                case ">": throw failure("atomic groups are not supported", at: start)
                case "#": throw failure("comments are not supported", at: start)
                case "i", "m", "s", "x", "n", "U", "-", "^": throw failure("inline flags are not supported", at: start)
                case .some(let other): throw failure("unsupported group syntax '(?\(Self.shown(other))'", at: start)
                case nil: throw failure("unclosed group (missing ')')", at: start)
                }
            }
            guard depth < Pattern.maxDepth else {
                throw failure("groups are nested more than \(Pattern.maxDepth) deep", at: start)
            }
            depth += 1
            let inner = try parseAlternation()
            depth -= 1
            guard peek == ")" else { throw failure("unclosed group (missing ')')", at: start) }
            position += 1
            return inner
        }

        private mutating func parseClass(start: Int) throws(SyntaxError) -> ScalarSet {
            let negated = peek == "^"
            if negated { position += 1 }
            if peek == "]" { throw failure("empty character class (write \\] for a literal ']')", at: start) }
            var ranges: [ClosedRange<UInt32>] = []
            while let scalar = peek, scalar != "]" {
                let itemStart = position
                let item = try parseClassItem()
                guard let low = Self.single(item), peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]"
                else {
                    ranges += item
                    continue
                }
                position += 1
                let highStart = position
                guard let high = Self.single(try parseClassItem()) else {
                    throw failure("invalid range endpoint in character class", at: highStart)
                }
                guard low <= high else {
                    throw failure("reversed range '\(Self.shown(low))-\(Self.shown(high))' in character class", at: itemStart)
                }
                ranges.append(low.value...high.value)
            }
            guard peek == "]" else { throw failure("unclosed character class", at: start) }
            position += 1
            return ScalarSet(ranges: ranges, negated: negated)
        }

        /// The scalars of one item inside `[...]` (a scalar or an escape); the caller ensures there is input left.
        private mutating func parseClassItem() throws(SyntaxError) -> [ClosedRange<UInt32>] {
            let start = position
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\\": return try parseEscape(start: start)
            case "[" where peek == ":": throw failure("POSIX character classes are not supported", at: start)
            case "[": throw failure("nested '[' in a character class is not supported (write \\[ for a literal '[')", at: start)
            default: return [scalar.value...scalar.value]
            }
        }

        /// The scalars an escape stands for; its backslash is at `start` and `position` just after it.
        private mutating func parseEscape(start: Int) throws(SyntaxError) -> [ClosedRange<UInt32>] {
            guard let scalar = peek else { throw failure("trailing backslash", at: start) }
            position += 1
            switch scalar {
            case "d", "D": return ScalarSet.ranges([48...57], complemented: scalar == "D")
            case "w", "W": return ScalarSet.ranges([48...57, 65...90, 95...95, 97...122], complemented: scalar == "W")
            case "s", "S": return ScalarSet.ranges([9...13, 32...32], complemented: scalar == "S")
            case "n": return [10...10]
            case "t": return [9...9]
            case "r": return [13...13]
            case ".", "\\", "-", "[", "]", "(", ")", "{", "}", "*", "+", "?", "|", "^", "$", "/":
                return [scalar.value...scalar.value]
            case "1"..."9", "k", "g": throw failure("backreferences are not supported", at: start)
            case "b", "B": throw failure("word boundaries (\\b, \\B) are not supported", at: start)
            case "A", "z", "Z", "G": throw failure("anchor '\\\(scalar)' is not supported (use ^ or $)", at: start)
            case "p", "P": throw failure("Unicode property escapes (\\p, \\P) are not supported", at: start)
            default: throw failure("unsupported escape '\\\(Self.shown(scalar))'", at: start)
            }
        }
    }
}
