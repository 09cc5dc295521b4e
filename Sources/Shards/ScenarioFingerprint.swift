import FunnelModel

/// The identity of a scenario as loaded, for a part's header: FNV-1a-64
/// (64-bit Fowler-Noll-Vo, variant 1a; offset basis 0xcbf29ce484222325,
/// prime 0x100000001b3) of a canonical text of every field of the
/// `Scenario` value, with `trials` and `seed` left out (the header carries
/// them apart, so a seed mismatch is named as such).
///
/// The canonical text walks the value with `Mirror`: labels and leaves in
/// declaration order, doubles by their bit pattern, strings with their
/// length, pointers (a C table's handle) skipped. It depends on the
/// scenario's values, not on the file's spelling (comments, key order,
/// aliases), and not on the process (no hashing seed, no addresses). Not a
/// cryptographic hash: it tells parts of different scenarios apart; it does
/// not stop a forger.
public enum ScenarioFingerprint {
    /// The fingerprint of `scenario`.
    public static func of(_ scenario: Scenario) -> UInt64 {
        var s = scenario
        s.trials = 0
        s.seed = 0
        return FNV1a64.hash(Array(canonicalText(s).utf8))
    }

    /// The text hashed.
    public static func canonicalText(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) {
        switch value {
        case let d as Double: out += "d" + String(d.bitPattern, radix: 16)
        case let f as Float: out += "f" + String(f.bitPattern, radix: 16)
        case let s as String: out += "s\(s.utf8.count):" + s
        case let b as Bool: out += b ? "T" : "F"
        case let i as any BinaryInteger: out += "i\(i)"
        case is OpaquePointer: out += "p"
        default:
            let m = Mirror(reflecting: value)
            let type = String(describing: m.subjectType)
            if type.hasPrefix("Unsafe") { out += "p"; return }
            switch m.displayStyle {
            case .optional:
                if let some = m.children.first { out += "?"; write(some.value, into: &out) } else { out += "nil" }
            case .enum where m.children.isEmpty:
                out += "e" + String(describing: value)
            case .dictionary, .set:
                var items = m.children.map { c -> String in canonicalText(c.value) }
                items.sort()
                out += "{" + items.joined(separator: ",") + "}"
            default:
                out += type + "("
                for c in m.children {
                    out += (c.label ?? "_") + "="
                    write(c.value, into: &out)
                    out += ";"
                }
                out += ")"
            }
        }
    }
}

/// FNV-1a, 64 bits: the scenario fingerprint and the parts' checksum.
public enum FNV1a64 {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    public static func hash(_ bytes: some Collection<UInt8>, from start: UInt64 = offsetBasis) -> UInt64 {
        var h = start
        if let done = bytes.withContiguousStorageIfAvailable({ buffer -> UInt64 in
            for b in buffer { h = (h ^ UInt64(b)) &* prime }
            return h
        }) { return done }
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }
}
