/// An exact sum of doubles: a fixed-point "superaccumulator" wide enough
/// for every finite double, so adding values in any order, or adding two
/// partial sums, gives the same bits (MODEL.md 20: a merge of shards equals
/// one run). Rounded once, when read.
///
/// The value is an integer multiple of 2^-1074 (the smallest subnormal),
/// held as signed base-2^32 digits in `Int64` limbs: digit i weighs
/// 2^(32 i - 1074). A double's 53-bit significand lands on at most three
/// digits; limbs carry lazily (every 2^30 additions), so an addition is a
/// few integer adds. 68 limbs cover 2^1024 times 2^64 additions.
public struct ExactSum: Sendable, Equatable {
    static let limbCount = 68
    private static let carryEvery = 1 << 30
    /// Base-2^32 digits, least significant first (any sign until normalized).
    var limbs: [Int64]
    /// Additions since the last carry.
    var pending = 0
    /// An infinite or NaN term was added (or a square overflowed): the sum is
    /// that, not a number.
    var nonFinite: Double? = nil

    public init() { limbs = Array(repeating: 0, count: ExactSum.limbCount) }

    /// Adds `v` exactly.
    public mutating func add(_ v: Double) {
        guard v.isFinite else {
            nonFinite = nonFinite.map { $0 + v } ?? v
            return
        }
        if v == 0 { return }
        let bits = v.significandBitPattern
        let exponent = Int(v.exponentBitPattern)
        // v = m * 2^(p - 1074) with m < 2^53.
        let m = exponent == 0 ? bits : bits | (1 << 52)
        let p = exponent == 0 ? 0 : exponent - 1
        let shifted = UInt128(m) << (p & 31)
        let i = p >> 5
        let sign: Int64 = v < 0 ? -1 : 1
        limbs[i] += sign * Int64(shifted & 0xFFFF_FFFF)
        limbs[i + 1] += sign * Int64((shifted >> 32) & 0xFFFF_FFFF)
        limbs[i + 2] += sign * Int64((shifted >> 64) & 0xFFFF_FFFF)
        pending += 1
        if pending >= ExactSum.carryEvery { normalize() }
    }

    /// Adds `a * b` exactly (the product as two doubles, through a fused
    /// multiply-add).
    public mutating func addProduct(_ a: Double, _ b: Double) {
        let p = a * b
        guard p.isFinite else { add(p); return }
        add(p)
        add((-p).addingProduct(a, b))
    }

    /// Adds everything `other` holds.
    public mutating func merge(_ other: ExactSum) {
        if let x = other.nonFinite { nonFinite = nonFinite.map { $0 + x } ?? x }
        normalize()
        var o = other
        o.normalize()
        for i in limbs.indices { limbs[i] += o.limbs[i] }
        pending = 1
        normalize()
    }

    /// Carries so that every limb but the last is a digit in [0, 2^32); the
    /// last holds the sign.
    mutating func normalize() {
        var carry: Int64 = 0
        for i in 0..<(limbs.count - 1) {
            let x = limbs[i] + carry
            carry = x >> 32
            limbs[i] = x & 0xFFFF_FFFF
        }
        limbs[limbs.count - 1] += carry
        pending = 0
    }

    /// The sum rounded to the nearest double (ties to even).
    public var value: Double {
        if let x = nonFinite { return x }
        var s = self
        s.normalize()
        let negative = s.limbs[s.limbs.count - 1] < 0
        var digits = s.limbs.map { UInt64(bitPattern: $0) }
        if negative {
            // Two's complement over the base-2^32 digits.
            var carry: UInt64 = 1
            for i in digits.indices {
                let x = (~digits[i] & 0xFFFF_FFFF) + carry
                digits[i] = x & 0xFFFF_FFFF
                carry = x >> 32
            }
        }
        guard let top = digits.lastIndex(where: { $0 != 0 }) else { return 0 }
        // The top three digits (missing ones below digit 0 count as 0): the
        // highest set bit and at least 64 below it.
        func digit(_ i: Int) -> UInt128 { i >= 0 ? UInt128(digits[i]) : 0 }
        let window = digit(top) << 64 | digit(top - 1) << 32 | digit(top - 2)
        let lead = 63 - digits[top].leadingZeroBitCount   // highest set bit of the top digit
        let drop = lead + 1                                // window bits below the 64 kept
        var word = UInt64(truncatingIfNeeded: window >> drop)
        let below = window & ((1 << drop) - 1) != 0 || (top >= 3 && digits[..<(top - 2)].contains { $0 != 0 })
        if below { word |= 1 }                             // sticky: rounds as the exact value would
        // word * 2^(32 (top - 2) + drop - 1074), rounded once by the conversion.
        let magnitude = Double(sign: .plus, exponent: 32 * (top - 2) + drop - 1074, significand: Double(word))
        return negative ? -magnitude : magnitude
    }

    /// The sum as the unevaluated sum of doubles, largest first, whose
    /// exact total is the sum (each the rounding of what the previous left).
    func parts() -> [Double] {
        var rest = self
        var out: [Double] = []
        while out.count < 48 {
            let v = rest.value
            if v == 0 || !v.isFinite { if out.isEmpty { out.append(v) }; break }
            out.append(v)
            rest.add(-v)
        }
        return out
    }
}
