import Testing

@testable import ComplianceRules

/// `ReportStrings.fill`, which every translated sentence of every report goes through: each
/// `{name}` with a value is replaced once, anything else stays as written, in any script.
@Suite struct ReportStringsFillTests {
    @Test(arguments: [
        ("no placeholders", "no placeholders"),
        ("{a}", "1"),
        ("{a} and {b}", "1 and two"),
        ("{a}{a}", "11"),
        ("{unknown} {a}", "{unknown} 1"),
        ("{{a}}", "{1}"),
        ("{a{b}", "{atwo"),
        ("open { only", "open { only"),
        ("close } only {a", "close } only {a"),
        ("{}", "{}"),
        ("ст. {a} п. {b}", "ст. 1 п. two"),
        ("{b}-бап", "two-бап"),
        ("{v}", "{a}"),
    ])
    func fillsEachNamedPlaceholderOnce(template: String, expected: String) {
        #expect(ReportStrings.fill(template, ["a": "1", "b": "two", "v": "{a}"]) == expected)
    }
}
