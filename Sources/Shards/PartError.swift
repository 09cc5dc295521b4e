/// Why a part file was refused: each a one-line message naming the file
/// (docs/scale-out.md lists them). A merge that meets one writes nothing.
public enum PartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// Not a part file at all (no `FCPART` signature).
    case notAPart(path: String)
    /// Shorter than its header says: a copy or a write cut off.
    case truncated(path: String)
    /// The checksum does not match: bytes changed after writing.
    case damaged(path: String)
    /// A layout this funnelcast does not read.
    case wrongVersion(path: String, found: UInt32, expected: UInt32)
    /// A body this funnelcast cannot read (`reason` says what).
    case invalid(path: String, reason: String)
    /// From another run than the first part (`field` differs).
    case foreign(path: String, field: String, found: String, expected: String, reference: String)
    /// No part for a shard.
    case missingShard(shard: String, range: String, count: Int)
    /// Two parts of the same shard.
    case duplicateShard(path: String, other: String, shard: String)
    /// The part's range is not its shard's (MODEL.md 20) or overlaps another's.
    case overlap(path: String, range: String, expected: String)
    /// No parts given.
    case noParts

    public var description: String {
        switch self {
        case let .io(path, reason): return "\(path): \(reason)"
        case let .notAPart(path): return "\(path): not a funnelcast part file (.fcpart)"
        case let .truncated(path): return "\(path): truncated: the part file ends early (an interrupted write or copy); rerun its shard"
        case let .damaged(path): return "\(path): damaged: its checksum does not match its contents; rerun its shard"
        case let .wrongVersion(path, found, expected):
            return "\(path): part format version \(found), this funnelcast reads version \(expected); merge with the funnelcast that wrote it"
        case let .invalid(path, reason): return "\(path): unreadable part body: \(reason)"
        case let .foreign(path, field, found, expected, reference):
            return "\(path): not from the same run as \(reference): \(field) \(found), expected \(expected)"
        case let .missingShard(shard, range, count):
            return "missing shard \(shard) (\(range)): a merge of \(count) shards needs every one once"
        case let .duplicateShard(path, other, shard): return "\(path): shard \(shard) given twice (also \(other))"
        case let .overlap(path, range, expected):
            return "\(path): covers \(range), which overlaps another shard or is not its own range \(expected)"
        case .noParts: return "no part files given"
        }
    }
}
