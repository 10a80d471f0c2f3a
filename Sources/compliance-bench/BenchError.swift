/// A failure of the benchmark itself (not of the code it measures).
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
