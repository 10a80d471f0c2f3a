import Testing

@testable import ComplianceRules

/// Plain scalars and what the YAML 1.2 core schema makes of them.
private let plainScalars: [(text: String, expected: CoreSchema.Resolution)] = [
    // Null.
    ("", .value(.null)),
    ("~", .value(.null)),
    ("null", .value(.null)),
    ("Null", .value(.null)),
    ("NULL", .value(.null)),
    ("nULL", .value(.string("nULL"))),
    ("none", .value(.string("none"))),
    // Booleans: only the three spellings of true and false.
    ("true", .value(.bool(true))),
    ("True", .value(.bool(true))),
    ("TRUE", .value(.bool(true))),
    ("false", .value(.bool(false))),
    ("False", .value(.bool(false))),
    ("FALSE", .value(.bool(false))),
    ("tRUE", .value(.string("tRUE"))),
    // YAML 1.1 booleans stay strings.
    ("NO", .value(.string("NO"))),
    ("no", .value(.string("no"))),
    ("yes", .value(.string("yes"))),
    ("Yes", .value(.string("Yes"))),
    ("on", .value(.string("on"))),
    ("off", .value(.string("off"))),
    ("y", .value(.string("y"))),
    ("n", .value(.string("n"))),
    // Integers: decimal with an optional sign, octal 0o, hexadecimal 0x.
    ("0", .value(.int(0))),
    ("-0", .value(.int(0))),
    ("-12", .value(.int(-12))),
    ("+3", .value(.int(3))),
    ("012", .value(.int(12))),
    ("-012", .value(.int(-12))),
    ("0o17", .value(.int(15))),
    ("0o0", .value(.int(0))),
    ("0x1F", .value(.int(31))),
    ("0x1f", .value(.int(31))),
    ("0xff", .value(.int(255))),
    ("9223372036854775807", .value(.int(Int.max))),
    ("-9223372036854775808", .value(.int(Int.min))),
    ("0x7FFFFFFFFFFFFFFF", .value(.int(Int.max))),
    // Integers that do not fit in 64 bits.
    ("9223372036854775808", .overflow),
    ("-9223372036854775809", .overflow),
    ("99999999999999999999", .overflow),
    ("0x10000000000000000", .overflow),
    ("0o1777777777777777777777", .overflow),
    // Not integers of the core schema: strings.
    ("1_000", .value(.string("1_000"))),
    ("0o18", .value(.string("0o18"))),
    ("0o", .value(.string("0o"))),
    ("0x", .value(.string("0x"))),
    ("0xG1", .value(.string("0xG1"))),
    ("0X1F", .value(.string("0X1F"))),
    ("-0x1F", .value(.string("-0x1F"))),
    ("+0o17", .value(.string("+0o17"))),
    ("0b101", .value(.string("0b101"))),
    ("1,000", .value(.string("1,000"))),
    ("12abc", .value(.string("12abc"))),
    ("-", .value(.string("-"))),
    ("+", .value(.string("+"))),
    ("--1", .value(.string("--1"))),
    // Floats.
    ("1.5", .value(.double(1.5))),
    (".5", .value(.double(0.5))),
    ("-.5", .value(.double(-0.5))),
    ("1.", .value(.double(1))),
    ("+1.25", .value(.double(1.25))),
    ("1e3", .value(.double(1000))),
    ("1E3", .value(.double(1000))),
    ("1.5e-3", .value(.double(0.0015))),
    ("+1E+2", .value(.double(100))),
    ("0.278", .value(.double(0.278))),
    (".inf", .value(.double(.infinity))),
    (".Inf", .value(.double(.infinity))),
    (".INF", .value(.double(.infinity))),
    ("+.inf", .value(.double(.infinity))),
    ("-.inf", .value(.double(-.infinity))),
    ("-.Inf", .value(.double(-.infinity))),
    ("-.INF", .value(.double(-.infinity))),
    // Not floats of the core schema: strings.
    (".", .value(.string("."))),
    ("1.2.3", .value(.string("1.2.3"))),
    ("e3", .value(.string("e3"))),
    ("1e", .value(.string("1e"))),
    ("1e+", .value(.string("1e+"))),
    (".e3", .value(.string(".e3"))),
    ("1.5x", .value(.string("1.5x"))),
    (".Nan", .value(.string(".Nan"))),
    ("-.nan", .value(.string("-.nan"))),
    ("inf", .value(.string("inf"))),
    ("nan", .value(.string("nan"))),
    ("NaN", .value(.string("NaN"))),
    ("Infinity", .value(.string("Infinity"))),
    // Dates are strings to the reader (the validator turns them into dates).
    ("2026-01-31", .value(.string("2026-01-31"))),
    ("12:30", .value(.string("12:30"))),
    ("hello world", .value(.string("hello world"))),
]

@Suite("YAML 1.2 core schema")
struct CoreSchemaTests {
    @Test("plain scalars resolve by the core schema", arguments: plainScalars)
    func plainScalar(text: String, expected: CoreSchema.Resolution) {
        #expect(CoreSchema.resolve(plain: text) == expected, "plain scalar '\(text)'")
    }

    @Test("NaN spellings resolve to a NaN double", arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        guard case .value(.double(let number)) = CoreSchema.resolve(plain: text) else {
            Issue.record("'\(text)' resolved to \(CoreSchema.resolve(plain: text))")
            return
        }
        #expect(number.isNaN)
    }

    @Test("a float too large for a double is infinite, not an error")
    func hugeFloat() {
        #expect(CoreSchema.resolve(plain: "1e400") == .value(.double(.infinity)))
    }

    @Test("quoted and block scalars stay strings, whatever they spell")
    func quotedScalarsStayStrings() throws {
        let text = """
            a: '1'
            b: "true"
            c: 'null'
            d: ""
            e: '~'
            f: "0x1F"
            g: '.nan'
            h: "-12"
            i: |
              12
            j: >-
              .inf
            k: 'NO'
            """
        let document = try YAMLReader().read(text, file: "quoted.yaml")
        #expect(
            document.root
                == [
                    "a": "1", "b": "true", "c": "null", "d": "", "e": "~", "f": "0x1F", "g": ".nan", "h": "-12",
                    "i": "12\n", "j": ".inf", "k": "NO",
                ])
    }

    @Test("plain scalars in a document resolve by the core schema")
    func plainScalarsInADocument() throws {
        let text = """
            a: ~
            b:
            c: TRUE
            d: no
            e: 0o17
            f: 0x1F
            g: 1.5
            h: -.Inf
            i: 1_000
            j: 012
            """
        let document = try YAMLReader().read(text, file: "plain.yaml")
        #expect(
            document.root
                == [
                    "a": .null, "b": .null, "c": true, "d": "no", "e": 15, "f": 31, "g": 1.5, "h": .double(-.infinity),
                    "i": "1_000", "j": 12,
                ])
    }

    @Test("core schema tags force or check a type")
    func coreSchemaTags() throws {
        let text = """
            a: !!str 12
            b: !!int "12"
            c: !!float 1
            d: !!bool "true"
            e: !!null ""
            f: ! 12
            g: !!str
            """
        let document = try YAMLReader().read(text, file: "tags.yaml")
        #expect(document.root == ["a": "12", "b": 12, "c": 1.0, "d": true, "e": .null, "f": "12", "g": ""])
    }

    @Test("a value that does not fit its core schema tag is an error")
    func tagMismatch() {
        #expect(throws: Diagnostic.self) { try YAMLReader().read("a: !!bool yes\n", file: "tags.yaml") }
        do {
            _ = try YAMLReader().read("a: !!int 1.5\n", file: "tags.yaml")
            Issue.record("!!int 1.5 was accepted")
        } catch {
            #expect(error.description == "tags.yaml:1:4: error: '1.5' is not a valid value for tag 'tag:yaml.org,2002:int'")
        }
    }

    @Test("an integer that overflows is an error at its position")
    func overflowInADocument() {
        do {
            _ = try YAMLReader().read("a: 1\nb: -9223372036854775809\n", file: "big.yaml")
            Issue.record("an overflowing integer was accepted")
        } catch {
            #expect(error.description == "big.yaml:2:4: error: integer -9223372036854775809 does not fit in 64 bits")
        }
    }
}
