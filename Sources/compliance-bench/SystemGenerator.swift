import ComplianceRules
import Foundation
import OrderedCollections

/// Generates realistic system descriptions from a seed: each starts from one of the repository's
/// examples (two per sector) and varies its facts through the vocabulary (enums, booleans,
/// numbers, dates, lists, data sets, evidence of every shape), gets its own id and name, and is
/// padded with prose to a size drawn between 2 and 8 KiB. The same seed gives the same bytes.
struct SystemGenerator {
    /// Evidence files written beside generated systems (in `docs/`), so that file checks find some.
    static let evidenceFiles = [
        "risk-procedure.md", "risk-register.md", "bias-report.md", "system-card.md", "dsar-procedure.md",
        "incident-response.md", "pentest-summary.md", "robustness-report.md", "technical-description.md",
    ]

    let templates: [(sector: String, value: Value)]
    let vocabulary: Vocabulary
    private let words = """
        the system model data people citizens review officer decision score record service request office result \
        team clinic school ministry district region quality audit report notice appeal human oversight monitoring \
        accuracy bias training dataset incident response privacy consent storage transfer language support channel \
        weekly monthly annual process procedure evidence risk level impact assessment policy safeguard fallback
        """.split(separator: " ").map(String.init)

    /// Reads the templates from `examples` (every `*.yaml` below it, sector from its folder).
    init(examples: String, vocabulary: Vocabulary) throws {
        var templates: [(String, Value)] = []
        let reader = YAMLReader()
        for sector in ["governance", "social_policy", "education", "healthcare"] {
            let folder = examples + "/" + sector
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            for name in names {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                templates.append((sector, try reader.read(bytes, file: name).root))
            }
        }
        guard !templates.isEmpty else { throw BenchError("no example systems found below \(examples)") }
        self.templates = templates
        self.vocabulary = vocabulary
    }

    /// The `index`-th system of the corpus seeded with `seed`, as YAML bytes.
    func system(_ index: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let template = random.pick(templates)
        var root = template.value
        vary(&root, path: "", random: &random)
        // Identity and scope.
        let slug = "gen-\(index)-" + (0..<2).map { _ in random.pick(words) }.joined(separator: "-")
        set(&root, ["system", "id"], .string(slug))
        set(&root, ["system", "name"], .string(sentence(3 + Int.random(in: 0...4, using: &random), &random).capitalized))
        set(&root, ["system", "jurisdictions"], ["KZ"])
        var sectors: [Value] = [.string(template.sector)]
        if random.chance(0.2) {
            let other = random.pick(["governance", "social_policy", "education", "healthcare"])
            if other != template.sector { sectors.append(.string(other)) }
        }
        set(&root, ["system", "sectors"], .list(sectors))
        if random.chance(0.3) {
            set(
                &root, ["waivers"],
                [["rule": "KZ-07-01", "reason": "Being published.", "approved_by": "Legal", "expires": "2026-12-31"]])
        }
        // Pad with prose to the target size.
        let target = Int.random(in: 2048...8192, using: &random)
        let comment = "Generated system \(index) (seed \(seed)) from a \(template.sector) example."
        var text = YAMLWriter.document(root, comment: comment)
        var prose = root.value(at: ["purpose", "intended_use"])?.stringValue ?? ""
        // Folded text costs about 6% more than its characters (line breaks and indentation).
        var missing = (target - text.utf8.count) * 94 / 100
        while text.utf8.count < target {
            repeat {
                let words = sentence(Int.random(in: 6...16, using: &random), &random) + "."
                prose += " " + words
                missing -= words.utf8.count + 1
            } while missing > 0
            set(&root, ["purpose", "intended_use"], .string(prose))
            text = YAMLWriter.document(root, comment: comment)
        }
        return Array(text.utf8)
    }

    // MARK: Variation

    /// Varies the facts of the mapping at `path` in place.
    private func vary(_ value: inout Value, path: String, random: inout SeededRandom) {
        guard case .map(var entries) = value else { return }
        for fact in vocabulary.children(of: path) {
            let present = entries[fact.name] != nil
            if fact.hasFields {
                if fact.type == .object {
                    if !present, !random.chance(0.1) { continue }
                    var child = entries[fact.name] ?? .map([:])
                    vary(&child, path: fact.path, random: &random)
                    entries[fact.name] = child
                } else if case .list(let elements)? = entries[fact.name], let first = elements.first {
                    // A list of objects (data sets): one to four varied copies of the first element.
                    entries[fact.name] = .list(
                        (0..<Int.random(in: 1...4, using: &random)).map { number in
                            var element = first
                            vary(&element, path: fact.path, random: &random)
                            if case .map(var fields) = element, fields["name"] != nil {
                                fields["name"] = .string("dataset-\(number)-" + random.pick(words))
                                element = .map(fields)
                            }
                            return element
                        })
                }
                continue
            }
            guard fact.pattern == nil, fact.path != "system.jurisdictions", fact.path != "system.sectors" else { continue }
            if present ? random.chance(0.35) : random.chance(0.08) {
                if let generated = self.value(for: fact, random: &random) { entries[fact.name] = generated }
            }
        }
        value = .map(entries)
    }

    /// A random value of the fact's type, or `nil` when there is no sensible one.
    private func value(for fact: Fact, random: inout SeededRandom) -> Value? {
        switch fact.type {
        case .bool: return .bool(random.chance(0.6))
        case .int: return .int(random.pick([0, 1, 3, 7, 30, 90, 180, 365, 1095, 1825]))
        case .number: return .double(Double(Int.random(in: 0...1000, using: &random)) / 10)
        case .date: return .string(date(&random))
        case .string: return .string(sentence(Int.random(in: 2...9, using: &random), &random))
        case .enumeration(let values): return .string(random.pick(values))
        case .list(.enumeration(let values)): return .list(random.subset(values, limit: 3).map(Value.string))
        case .list(.string): return .list((0..<Int.random(in: 1...3, using: &random)).map { _ in .string(random.pick(words)) })
        case .evidence: return evidence(&random)
        default: return nil
        }
    }

    private func evidence(_ random: inout SeededRandom) -> Value {
        let file = "docs/" + (random.chance(0.8) ? random.pick(Self.evidenceFiles) : "missing-\(random.pick(words)).pdf")
        let url = "https://example.kz/\(random.pick(words))/\(random.pick(words)).pdf"
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return .string(file)
        case 1: return .string(url)
        case 2: return ["file": .string(file), "date": .string(date(&random))]
        case 3: return ["url": .string(url), "date": .string(date(&random)), "title": .string(sentence(4, &random))]
        default:
            let hex = (0..<64).map { _ in String(Int.random(in: 0..<16, using: &random), radix: 16) }.joined()
            return ["file": .string(file), "sha256": .string(hex), "date": .string(date(&random))]
        }
    }

    private func date(_ random: inout SeededRandom) -> String {
        let year = random.pick([2024, 2025, 2026])
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    private func sentence(_ count: Int, _ random: inout SeededRandom) -> String {
        (0..<count).map { _ in random.pick(words) }.joined(separator: " ")
    }

    private func set(_ root: inout Value, _ path: [String], _ value: Value) {
        guard case .map(var entries) = root, let key = path.first else { return }
        if path.count == 1 {
            entries[key] = value
        } else {
            var child = entries[key] ?? .map([:])
            set(&child, Array(path.dropFirst()), value)
            entries[key] = child
        }
        root = .map(entries)
    }

    /// Writes `count` systems into `folder` (one file each, plus the evidence files in `docs/`).
    func write(_ count: Int, seed: UInt64, to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder + "/docs", withIntermediateDirectories: true)
        for name in Self.evidenceFiles {
            try Data("Evidence: \(name)\n".utf8).write(to: URL(fileURLWithPath: folder + "/docs/" + name))
        }
        var paths: [String] = []
        paths.reserveCapacity(count)
        for index in 0..<count {
            let path = folder + "/system-\(index).yaml"
            try Data(system(index, seed: seed)).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return paths
    }
}
