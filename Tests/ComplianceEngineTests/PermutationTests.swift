import Testing

@testable import ComplianceEngine

/// Findings are put in report order by following the sorted order's cycles with swaps: every
/// permutation gives what picking each position's element from a copy gives.
@Suite struct PermutationTests {
    @Test func everyPermutationOfFiveMatchesTheCopy() {
        let elements = ["a", "b", "c", "d", "e"]
        var count = 0
        func visit(_ prefix: [Int], _ rest: [Int]) {
            guard !rest.isEmpty else {
                var permuted = elements
                SystemEvaluation.permute(&permuted, into: prefix)
                #expect(permuted == prefix.map { elements[$0] }, "\(prefix)")
                count += 1
                return
            }
            for (position, index) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: position)
                visit(prefix + [index], remaining)
            }
        }
        visit([], Array(elements.indices))
        #expect(count == 120)
    }

    @Test func emptyAndSingle() {
        var none: [Int] = []
        SystemEvaluation.permute(&none, into: [])
        #expect(none.isEmpty)
        var one = [7]
        SystemEvaluation.permute(&one, into: [0])
        #expect(one == [7])
    }
}
