import Testing

@testable import ComplianceRules

/// (pattern, text, expected result of `matches`).
private let matchCases: [(String, String, Bool)] = [
    // Literals, unanchored search, case sensitivity, Unicode scalars.
    ("abc", "abc", true),
    ("abc", "xxabcxx", true),
    ("abc", "ab", false),
    ("abc", "ABC", false),
    ("aab", "aaab", true),
    ("bc", "abdbc", true),
    ("", "", true),
    ("", "anything", true),
    ("a/b", "a/b", true),
    ("a]", "a]", true),
    ("a}", "a}", true),
    ("é", "café", true),
    ("^.$", "é", true),
    ("^.$", "e\u{301}", false),
    ("^..$", "e\u{301}", true),
    ("^[а-я]+$", "привет", true),
    ("^[а-я]+$", "Привет", false),
    ("🙂+", "ok🙂🙂", true),
    // Dot.
    (".", "", false),
    ("a.c", "abc", true),
    ("a.c", "a\tc", true),
    ("a.c", "a\nc", false),
    // Classes, ranges, negation, escapes inside classes.
    ("[abc]", "b", true),
    ("[abc]", "d", false),
    ("^[a-z0-9._-]+$", "kz-moh.x_ray9", true),
    ("^[a-z0-9._-]+$", "Kz", false),
    ("^[a-z0-9._-]+$", "a b", false),
    ("[^abc]", "abc", false),
    ("[^abc]", "abcd", true),
    ("^[^a]$", "\n", true),
    ("[-a]", "-", true),
    ("[a-]", "-", true),
    ("[a-c-e]", "-", true),
    ("[a-c-e]", "d", false),
    ("[a\\-z]", "-", true),
    ("[a\\-z]", "b", false),
    ("[\\]]", "]", true),
    ("[\\[]", "[", true),
    ("[\\\\]", "\\", true),
    ("[\\^]", "^", true),
    ("[a^]", "^", true),
    ("[$]", "$", true),
    ("[.]", ".", true),
    ("[.]", "a", false),
    ("[\\d]", "5", true),
    ("[^\\d]", "5", false),
    ("[\\D]", "x", true),
    ("[\\d-z]", "-", true),
    ("[\\w.]", ".", true),
    ("[\\s]", "\t", true),
    ("[^\\S]", " ", true),
    ("[\\n]", "\n", true),
    ("[\\t-\\r]", "\u{0B}", true),
    ("^[\\s\\S]$", "\n", true),
    // Escapes.
    ("\\d", "a1", true),
    ("^\\d+$", "12a", false),
    ("^\\d$", "٣", false),
    ("\\D", "123", false),
    ("\\w", "_", true),
    ("^\\w+$", "a-b", false),
    ("\\W", "ab_9", false),
    ("\\s", "a b", true),
    ("\\S", " \t\n", false),
    ("a\\.b", "a.b", true),
    ("a\\.b", "axb", false),
    ("\\\\", "\\", true),
    ("\\-", "-", true),
    ("\\[\\]", "[]", true),
    ("\\(\\)", "()", true),
    ("\\{\\}", "{}", true),
    ("\\*\\+\\?", "*+?", true),
    ("\\|", "|", true),
    ("a\\|b", "a", false),
    ("\\^", "a^", true),
    ("\\$", "$a", true),
    ("\\/", "a/b", true),
    ("a\\nb", "a\nb", true),
    ("a\\tb", "a\tb", true),
    ("a\\rb", "a\rb", true),
    // Anchors: start and end of the whole text only.
    ("^abc", "abcd", true),
    ("^abc", "xabc", false),
    ("abc$", "xabc", true),
    ("abc$", "abcx", false),
    ("^abc$", "abc", true),
    ("^abc$", "abc\n", false),
    ("^abc$", "x\nabc", false),
    ("^$", "", true),
    ("^$", "a", false),
    ("^", "anything", true),
    ("$", "", true),
    ("a^b", "a^b", false),
    ("a$b", "a$b", false),
    ("(^a|b)c", "xac", false),
    ("(^a|b)c", "xbc", true),
    // Alternation has the lowest precedence; concatenation binds tighter; quantifiers tightest.
    ("^ab|cd$", "abx", true),
    ("^ab|cd$", "xcd", true),
    ("^ab|cd$", "xabx", false),
    ("^(ab|cd)$", "abcd", false),
    ("^(ab|cd)$", "cd", true),
    ("^a(b|c)d$", "acd", true),
    ("^a(b|c)d$", "abcd", false),
    ("^a|b|c$", "xxc", true),
    ("^(?:x|y|z)$", "y", true),
    ("^(?:x|y|z)$", "xy", false),
    ("a|", "zzz", true),
    ("^(|a)$", "", true),
    ("^(|a)$", "a", true),
    ("^(a|ab)(c|bcd)$", "abcd", true),
    ("^ab*$", "abbb", true),
    ("^ab*$", "abab", false),
    ("^(ab)*$", "abab", true),
    ("^(ab)*$", "aba", false),
    // Nested and empty groups.
    ("^((a|b)c)+$", "acbc", true),
    ("^((a|b)c)+$", "acb", false),
    ("^(?:a(?:b(?:c|d))?)+$", "aabdabc", true),
    ("^(?:a(?:b(?:c|d))?)+$", "abe", false),
    ("^()$", "", true),
    ("^(())a()$", "a", true),
    ("^(a|)*$", "aaa", true),
    ("^(a*)*$", "", true),
    // Quantifiers, lazy forms (treated as greedy).
    ("^a*$", "", true),
    ("^a*$", "aaa", true),
    ("^a*$", "aab", false),
    ("^a+$", "", false),
    ("^a+$", "aaa", true),
    ("^colou?r$", "color", true),
    ("^colou?r$", "colour", true),
    ("^colou?r$", "colouur", false),
    ("^a*?b$", "aab", true),
    ("^a+?$", "aa", true),
    ("^a??b$", "b", true),
    ("^a{2,3}?$", "aaa", true),
    ("^(a|b)*c$", "ababc", true),
    ("^.*$", "any thing", true),
    ("^.*$", "two\nlines", false),
    ("^[\\s\\S]*$", "two\nlines", true),
    ("^\\^*$", "^^", true),
    // Bounded repeats.
    ("^a{3}$", "aa", false),
    ("^a{3}$", "aaa", true),
    ("^a{3}$", "aaaa", false),
    ("^a{2,}$", "a", false),
    ("^a{2,}$", "aa", true),
    ("^a{2,}$", "aaaaaaa", true),
    ("^a{2,4}$", "a", false),
    ("^a{2,4}$", "aa", true),
    ("^a{2,4}$", "aaaa", true),
    ("^a{2,4}$", "aaaaa", false),
    ("^a{0}$", "", true),
    ("^a{0}b$", "ab", false),
    ("^a{0,1}$", "a", true),
    ("^a{0,}$", "aaa", true),
    ("^a{1}$", "a", true),
    ("^(ab){2}$", "abab", true),
    ("^(ab){2}$", "ab", false),
    ("^(?:a|bc){2,3}$", "abca", true),
    ("^(?:a|bc){2,3}$", "a", false),
    ("^(?:a|bc){2,3}$", "aaaa", false),
    ("^(a{2}){3}$", "aaaaaa", true),
    ("^(a{2}){3}$", "aaaaa", false),
    ("x{0,2}y", "xxxy", true),
    ("^x{0,2}y", "xxxy", false),
    ("^(){1000}$", "", true),
    ("^\\d{4}-\\d{2}-\\d{2}$", "2024-01-31", true),
    ("^\\d{4}-\\d{2}-\\d{2}$", "2024-1-31", false),
    ("^kz-ai-law Art\\. \\d+(\\(\\d+\\))?$", "kz-ai-law Art. 21(1)", true),
    ("^kz-ai-law Art\\. \\d+(\\(\\d+\\))?$", "kz-ai-law Art. 21(1", false),
]

/// (pattern, message, offset of the error in Unicode scalars).
private let errorCases: [(String, String, Int)] = [
    ("(", "unclosed group (missing ')')", 0),
    ("a(b(c)", "unclosed group (missing ')')", 1),
    ("(?", "unclosed group (missing ')')", 0),
    ("é(", "unclosed group (missing ')')", 1),
    ("e\u{301}(", "unclosed group (missing ')')", 2),
    ("a)b", "unmatched ')'", 1),
    ("🙂)", "unmatched ')'", 1),
    ("[abc", "unclosed character class", 0),
    ("x[^", "unclosed character class", 1),
    ("[a-", "unclosed character class", 0),
    ("[]", "empty character class (write \\] for a literal ']')", 0),
    ("[^]a]", "empty character class (write \\] for a literal ']')", 0),
    ("[z-a]", "reversed range 'z-a' in character class", 1),
    ("[a-\\d]", "invalid range endpoint in character class", 3),
    ("[[:alpha:]]", "POSIX character classes are not supported", 1),
    ("[a[]", "nested '[' in a character class is not supported (write \\[ for a literal '[')", 2),
    ("*a", "quantifier '*' has nothing to repeat", 0),
    ("a|+", "quantifier '+' has nothing to repeat", 2),
    ("(*)", "quantifier '*' has nothing to repeat", 1),
    ("?", "quantifier '?' has nothing to repeat", 0),
    ("{2}", "quantifier '{' has nothing to repeat", 0),
    ("a**", "quantifier '*' follows another quantifier", 2),
    ("a???", "quantifier '?' follows another quantifier", 3),
    ("a{2}{3}", "quantifier '{' follows another quantifier", 4),
    ("a*+", "possessive quantifiers are not supported", 2),
    ("a{", "malformed repetition; expected {n}, {n,} or {n,m} (write \\{ for a literal '{')", 1),
    ("a{x}", "malformed repetition; expected {n}, {n,} or {n,m} (write \\{ for a literal '{')", 1),
    ("a{,3}", "malformed repetition; expected {n}, {n,} or {n,m} (write \\{ for a literal '{')", 1),
    ("a{1,2", "malformed repetition; expected {n}, {n,} or {n,m} (write \\{ for a literal '{')", 1),
    ("a{1 }", "malformed repetition; expected {n}, {n,} or {n,m} (write \\{ for a literal '{')", 1),
    ("a{1001}", "repetition count exceeds 1000", 1),
    ("a{1,1001}", "repetition count exceeds 1000", 1),
    ("a{99999999999999999999999}", "repetition count exceeds 1000", 1),
    ("a{3,2}", "repetition {3,2} has min greater than max", 1),
    ("(a)\\1", "backreferences are not supported", 3),
    ("\\k<x>", "backreferences are not supported", 0),
    ("(?P=x)", "backreferences are not supported", 0),
    ("(?=a)", "lookahead is not supported", 0),
    ("x(?!a)", "lookahead is not supported", 1),
    ("(?<=a)b", "lookbehind is not supported", 0),
    ("(?<!a)b", "lookbehind is not supported", 0),
    ("(?<name>a)", "named groups are not supported", 0),
    ("(?P<name>a)", "named groups are not supported", 0),
    ("(?'name'a)", "named groups are not supported", 0),
    ("(?>a)", "atomic groups are not supported", 0),
    ("(?#note)", "comments are not supported", 0),
    ("(?i)abc", "inline flags are not supported", 0),
    ("(?R)", "unsupported group syntax '(?R'", 0),
    ("\\b", "word boundaries (\\b, \\B) are not supported", 0),
    ("a\\B", "word boundaries (\\b, \\B) are not supported", 1),
    ("\\A", "anchor '\\A' is not supported (use ^ or $)", 0),
    ("a\\z", "anchor '\\z' is not supported (use ^ or $)", 1),
    ("\\p{L}", "Unicode property escapes (\\p, \\P) are not supported", 0),
    ("\\x41", "unsupported escape '\\x'", 0),
    ("\\u0041", "unsupported escape '\\u'", 0),
    ("\\<", "unsupported escape '\\<'", 0),
    ("[\\q]", "unsupported escape '\\q'", 1),
    ("\\\u{202E}", "unsupported escape '\\\\u{202E}'", 0),
    ("[b-\\n]", "reversed range 'b-\\n' in character class", 1),
    ("a\\", "trailing backslash", 1),
    ("[a\\", "trailing backslash", 2),
    ("(?:a{1000}){10}", "pattern is too large", 0),
    ("(?:a{1000}){9}a{1000}", "pattern is too large", 14),
    ("(?:a{1000}){5}|(?:b{1000}){5}", "pattern is too large", 15),
    ("((a{1000}){1000}){1000}", "pattern is too large", 1),
    (String(repeating: "x{1000}", count: 10), "pattern is too large", 63),
    (String(repeating: "(", count: 101) + String(repeating: ")", count: 101), "groups are nested more than 100 deep", 100),
]

@Suite struct PatternTests {
    @Test(arguments: matchCases)
    func matching(pattern: String, text: String, expected: Bool) throws {
        #expect(try Pattern(pattern).matches(text) == expected)
    }

    @Test(arguments: errorCases)
    func rejecting(pattern: String, message: String, offset: Int) {
        #expect(throws: Pattern.SyntaxError(message: message, offset: offset)) { try Pattern(pattern) }
    }

    /// Inputs that make backtracking engines take exponential time; here each is one linear pass.
    @Test func hostileInputsFinish() throws {
        let run = String(repeating: "a", count: 30_000)
        #expect(try Pattern("(a+)+$").matches(run))
        #expect(try !Pattern("^(a+)+$").matches(run + "!"))
        #expect(try !Pattern("(a|a)*b").matches(run))
        #expect(try !Pattern("(a*)*b").matches(run))
        #expect(try !Pattern("(a|aa)+b").matches(run))
        #expect(try !Pattern("^(.*a){20}b").matches(run))
        #expect(try Pattern("^(a?){500}a{500}$").matches(String(repeating: "a", count: 500)))
    }

    @Test func largeRepeatsAndSizeLimit() throws {
        #expect(try Pattern("^a{1000}$").matches(String(repeating: "a", count: 1000)))
        #expect(try !Pattern("^a{1000}$").matches(String(repeating: "a", count: 999)))
        #expect(try Pattern("(?:a{1000}){9}a{999}").program.count == Pattern.maxInstructions)
        #expect(try Pattern(String(repeating: "()", count: 100_000)).program.count == 1)
        let deepest = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(try Pattern(deepest).matches("a"))
    }

    @Test func valueSemantics() throws {
        let pattern = try Pattern("^a+$")
        #expect(pattern.description == "^a+$")
        #expect(pattern.source == "^a+$")
        #expect(try pattern == Pattern("^a+$"))
        #expect(try pattern != Pattern("^a*$"))
        #expect(try Set([pattern, Pattern("^a+$"), Pattern("b")]).count == 2)
        #expect(Pattern.SyntaxError(message: "unmatched ')'", offset: 3).description == "unmatched ')' (at offset 3)")
    }

    @Test func sendableAcrossTasks() async throws {
        let pattern = try Pattern("^\\d+$")
        let result = await Task.detached { pattern.matches("2024") }.value
        #expect(result)
    }
}
