/// Parts that belong together, in shard order: the check a merge makes
/// before it reads any body (docs/scale-out.md, "Checking a merge").
public struct PartSet: Sendable {
    public struct Part: Sendable {
        public var path: String
        public var file: PartFile
        public init(path: String, file: PartFile) { self.path = path; self.file = file }
    }

    /// The parts, shard 0 first.
    public let parts: [Part]

    /// The common header (shard 0's).
    public var header: PartHeader { parts[0].file.header }

    /// Checks that `parts` (in any order) are every shard of one run once:
    /// the same tool version, command, scenario, seed, N and options as the
    /// first one given; every shard 0 ..< n once, each with its own range.
    public init(_ given: [Part]) throws(PartError) {
        guard let first = given.first else { throw .noParts }
        let ref = first.file.header
        for p in given.dropFirst() {
            let h = p.file.header
            func differs(_ field: String, _ found: String, _ expected: String) throws(PartError) {
                if found != expected {
                    throw .foreign(path: p.path, field: field, found: found, expected: expected, reference: first.path)
                }
            }
            try differs("command", h.command, ref.command)
            try differs("scenario", PartSet.scenario(h), PartSet.scenario(ref))
            try differs("seed", String(h.seed), String(ref.seed))
            try differs("trials", String(h.trials), String(ref.trials))
            try differs("N", "\(h.total) \(h.unit)", "\(ref.total) \(ref.unit)")
            try differs("options", h.optionsText, ref.optionsText)
            try differs("shard count", String(h.shard.count), String(ref.shard.count))
            try differs("funnelcast version", h.toolVersion, ref.toolVersion)
        }
        var byIndex: [Part?] = Array(repeating: nil, count: ref.shard.count)
        for p in given {
            let h = p.file.header
            if let other = byIndex[h.shard.index] {
                throw .duplicateShard(path: p.path, other: other.path, shard: h.shard.description)
            }
            let own = h.shard.range(of: h.total)
            guard h.range == own else {
                throw .overlap(path: p.path, range: PartSet.text(h.range, h.unit), expected: PartSet.text(own, h.unit))
            }
            byIndex[h.shard.index] = p
        }
        for (k, p) in byIndex.enumerated() where p == nil {
            let s = Shard(index: k, count: ref.shard.count)!
            throw .missingShard(shard: s.description, range: PartSet.text(s.range(of: ref.total), ref.unit), count: ref.shard.count)
        }
        parts = byIndex.map { $0! }
    }

    static func scenario(_ h: PartHeader) -> String {
        "'\(h.scenarioName)' (fingerprint \(String(h.scenarioHash, radix: 16)))"
    }

    static func text(_ r: Range<Int>, _ unit: String) -> String {
        r.isEmpty ? "no \(unit)" : "\(unit) \(r.lowerBound)-\(r.upperBound - 1)"
    }
}
