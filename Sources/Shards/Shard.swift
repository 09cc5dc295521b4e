/// One shard of a run split in `count` (MODEL.md 20): shard `index`
/// (0-based) runs the contiguous range floor(kN/n) ..< floor((k+1)N/n) of
/// the N units (trials; a Sobol design's evaluations; a tornado's runs).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Shard `index` of `count`; nil unless 0 <= index < count.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// The whole run as one shard.
    public static let whole = Shard(index: 0, count: 1)!

    /// Reads `K/N` (`--shard 3/8`: the fourth of eight).
    public static func parse(_ text: String) -> Result<Shard, ShardParseError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return .failure(.notKOfN(text)) }
        guard n >= 1 else { return .failure(.noShards(text)) }
        guard let s = Shard(index: k, count: n) else { return .failure(.outOfRange(text, count: n)) }
        return .success(s)
    }

    /// This shard's units of `total`.
    public func range(of total: Int) -> Range<Int> { Shard.bound(index, count, total)..<Shard.bound(index + 1, count, total) }

    /// floor(k N / n) without overflow for any N an Int holds.
    static func bound(_ k: Int, _ n: Int, _ total: Int) -> Int {
        Int((Int128(k) * Int128(total)) / Int128(n))
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}

/// Why a shard's `K/N` text was refused (the command line names its option).
public enum ShardParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case notKOfN(String)
    case noShards(String)
    case outOfRange(String, count: Int)

    public var description: String {
        switch self {
        case .notKOfN(let t): return "'\(t)' is not K/N, such as 0/4 for the first of four shards"
        case .noShards(let t): return "'\(t)': a run splits into at least 1 shard"
        case .outOfRange(let t, let n):
            return "'\(t)': K counts from 0, so it must be 0 to \(n - 1) for \(n) shard\(n == 1 ? "" : "s")"
        }
    }
}
