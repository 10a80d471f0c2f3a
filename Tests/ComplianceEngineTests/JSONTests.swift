import Testing

@testable import ComplianceEngine

/// The JSON writer escapes what JSON and JavaScript need and copies everything else unchanged.
@Suite struct JSONTests {
    @Test func stringsAreEscaped() {
        let text = "quote \" backslash \\ newline \n tab \t cr \r nul \u{0} bell \u{7} sep \u{2028}\u{2029} Қазақ ✓ 🇰🇿 €"
        #expect(
            JSON.string(text).rendered()
                == #""quote \" backslash \\ newline \n tab \t cr \r nul \u0000 bell \u0007 sep \u2028\u2029 Қазақ ✓ 🇰🇿 €""#)
    }

    @Test func nestedValuesArePrettyOrCompact() {
        let value = JSON.object([
            ("a", .array([.int(1), .double(2.5), .double(3), .null])), ("b", .object([])), ("c", .bool(true)),
        ])
        #expect(value.rendered(pretty: false) == #"{"a":[1,2.5,3.0,null],"b":{},"c":true}"#)
        #expect(value.rendered() == "{\n  \"a\": [\n    1,\n    2.5,\n    3.0,\n    null\n  ],\n  \"b\": {},\n  \"c\": true\n}")
    }
}
