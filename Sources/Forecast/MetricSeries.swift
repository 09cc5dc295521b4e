import Foundation

/// The values of one metric across trials, kept so that memory does not
/// grow with the number of trials (issue 4), yet summaries stay exact where
/// it matters.
///
/// - Up to `exactLimit` values it keeps them all, and its summary is exactly
///   `Statistics.summarize` of them.
/// - Past that it keeps counts instead: an exact `IntegerHistogram` when
///   every value so far is a whole number in 0...2^20 (counts, 0/1 metrics),
///   else a log-bucket histogram whose percentiles are within a relative
///   error of `LogBuckets.relativeAccuracy` (0.1%) of the exact ones.
///   Mean, sd and se come from exact sums of the finite values and of their
///   squares (`ExactSum`), rounded once when read.
///
/// Every state is a function of the multiset of values added, never of
/// their order: so a series built in shards and merged (`merge`, MODEL.md
/// 20) is bit-identical to one built in one go, and results stay so
/// whatever the thread count.
public struct MetricSeries: Sendable {
    /// How many values are kept exactly before switching to counts.
    public let exactLimit: Int
    /// Every value, while `isExact`; empty after.
    var exact: [Double] = []
    var integers: IntegerHistogram? = nil
    var buckets: LogBuckets? = nil
    var allIntegers = true
    var infinite = 0
    /// Finite values added.
    var n = 0
    /// Sums of the finite values and of their squares (exact; kept only
    /// once counted, filled from `exact` at the switch).
    var sum = ExactSum(), squares = ExactSum()

    public init(exactLimit: Int) { self.exactLimit = exactLimit }

    /// The number of values added.
    public var count: Int { n + infinite }

    /// True while every value is held (percentiles exact).
    public var isExact: Bool { integers == nil && buckets == nil }

    /// Adds one value; +infinity means "did not happen".
    public mutating func add(_ v: Double) {
        if v.isFinite {
            n += 1
            if allIntegers && !(v >= 0 && v <= 1_048_576 && v == v.rounded()) { allIntegers = false }
        } else {
            infinite += 1
        }
        if isExact {
            exact.append(v)
            if exact.count > exactLimit { spill() }
        } else if v.isFinite {
            accumulate(v)
            if allIntegers, integers != nil { integers!.add(Int(v)) } else { bucket(v) }
        }
    }

    private mutating func accumulate(_ v: Double) {
        sum.add(v)
        squares.addProduct(v, v)
    }

    /// Moves the exact values into counts.
    private mutating func spill() {
        for v in exact where v.isFinite { accumulate(v) }
        if allIntegers {
            var h = IntegerHistogram(maxValue: 0)
            for v in exact where v.isFinite { h.add(Int(v)) }
            integers = h
        } else {
            var b = LogBuckets()
            for v in exact where v.isFinite { b.add(v) }
            buckets = b
        }
        exact = []
    }

    private mutating func bucket(_ v: Double) {
        if let h = integers {
            // A non-integer arrived after the switch: move to log buckets.
            integers = nil
            buckets = LogBuckets(h)
        }
        buckets!.add(v)
    }

    /// Adds every value `other` holds, as if they had been added here one
    /// by one: the state (exact values, or counts and exact sums) is the
    /// same whatever the order, so shards merge to the bits of one run.
    public mutating func merge(_ other: MetricSeries) {
        precondition(exactLimit == other.exactLimit, "merging series of exact limits \(exactLimit) and \(other.exactLimit)")
        let a = self
        n += other.n
        infinite += other.infinite
        allIntegers = allIntegers && other.allIntegers
        if a.isExact && other.isExact && a.exact.count + other.exact.count <= exactLimit {
            exact.append(contentsOf: other.exact)
            return
        }
        let x = a.counted(), y = other.counted()
        exact = []
        sum = x.sum; sum.merge(y.sum)
        squares = x.squares; squares.merge(y.squares)
        if allIntegers {
            var h = x.integers!
            h.merge(y.integers!)
            integers = h
            buckets = nil
        } else {
            var b = x.buckets ?? LogBuckets(x.integers!)
            b.merge(y.buckets ?? LogBuckets(y.integers!))
            integers = nil
            buckets = b
        }
    }

    /// This series' finite values as counts and exact sums (what `spill`
    /// would make of them).
    private func counted() -> (sum: ExactSum, squares: ExactSum, integers: IntegerHistogram?, buckets: LogBuckets?) {
        guard isExact else { return (sum, squares, integers, buckets) }
        var s = self
        s.spill()
        return (s.sum, s.squares, s.integers, s.buckets)
    }

    /// The summary of MODEL.md 17.4-17.7.
    public func summary(binary: Bool = false) -> MetricSummary {
        if isExact { return Statistics.summarize(exact, binary: binary) }
        let total = count
        let sumValue = sum.value
        let m: Double? = n > 0 ? sumValue / Double(n) : nil
        let sd: Double? = n > 1 ? (max(0, deviations(from: m!)) / Double(n - 1)).squareRoot() : nil
        let se = sd.map { $0 / Double(n).squareRoot() }
        var low: Double? = nil, high: Double? = nil
        if binary {
            if n > 0 { (low, high) = Statistics.wilson(successes: sumValue, n: n) }
        } else if let m, let se {
            low = m - Statistics.normalZ95 * se
            high = m + Statistics.normalZ95 * se
        }
        let percentiles = Statistics.percentileLevels.map { quantile($0, total: total) }
        return MetricSummary(n: n, mean: m, sd: sd, se: se, ciLow: low, ciHigh: high,
                             percentiles: percentiles, beyondHorizon: total == 0 ? 0 : Double(infinite) / Double(total))
    }

    /// The sum of squared deviations from `m`, exactly
    /// `squares - 2 m sum + n m^2` rounded once: every product goes into
    /// an exact sum as two doubles, so no cancellation loses digits.
    private func deviations(from m: Double) -> Double {
        var d = squares
        for part in sum.parts() { d.addProduct(-2 * m, part) }
        let mm = m * m, mmError = (-mm).addingProduct(m, m)   // m^2 = mm + mmError exactly
        d.addProduct(Double(n), mm)
        d.addProduct(Double(n), mmError)
        return d.value
    }

    /// Type 7 on the counted data, +infinity after every finite value; nil
    /// where the interpolation touches +infinity.
    private func quantile(_ p: Double, total: Int) -> Double? {
        guard total > 0 else { return nil }
        let h = p * Double(total - 1)
        let lo = Int(h)
        let delta = h - Double(lo)
        guard lo < n else { return nil }
        let x0 = orderStatistic(lo)
        if delta == 0 || lo + 1 >= total { return x0 }
        guard lo + 1 < n else { return nil }
        let x1 = orderStatistic(lo + 1)
        return (1 - delta) * x0 + delta * x1
    }

    /// The k-th smallest finite value (0-based), k < n.
    private func orderStatistic(_ k: Int) -> Double {
        if let h = integers {
            var seen = 0
            for (v, c) in h.counts.enumerated() {
                seen += c
                if k < seen { return Double(v) }
            }
        }
        return buckets!.orderStatistic(k)
    }
}

/// Counts of positive values in logarithmic buckets (as in DDSketch): a
/// bucket's representative is within `relativeAccuracy` of every value in
/// it. Zero has its own count. Memory grows with the range of the values
/// (about 1,150 buckets per factor 10), never with their number.
struct LogBuckets: Sendable {
    /// The relative accuracy of every value read back.
    static let relativeAccuracy = 0.001
    private static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    private static let logGamma = Foundation.log(gamma)

    private(set) var zeros = 0
    /// counts[i]: values in bucket i (see `representative`).
    private(set) var counts: [Int: Int] = [:]

    init() {}

    /// The values an integer histogram counts.
    init(_ h: IntegerHistogram) {
        for (value, c) in h.counts.enumerated() where c > 0 { add(Double(value), times: c) }
    }

    /// Buckets read back from `zeros` and `counts`.
    init(zeros: Int, counts: [Int: Int]) {
        self.zeros = zeros
        self.counts = counts
    }

    /// Adds every value `other` counts.
    mutating func merge(_ other: LogBuckets) {
        zeros += other.zeros
        for (i, c) in other.counts { counts[i, default: 0] += c }
    }

    mutating func add(_ v: Double, times: Int = 1) {
        if v <= 0 { zeros += times; return }
        counts[Int((Foundation.log(v) / LogBuckets.logGamma).rounded(.up)), default: 0] += times
    }

    /// Bucket i holds (gamma^(i-1), gamma^i]; its representative
    /// 2 gamma^i / (gamma + 1) is within the relative accuracy of both ends.
    private static func representative(_ i: Int) -> Double {
        2 * Foundation.pow(gamma, Double(i)) / (gamma + 1)
    }

    func orderStatistic(_ k: Int) -> Double {
        if k < zeros { return 0 }
        var seen = zeros
        for i in counts.keys.sorted() {
            seen += counts[i]!
            if k < seen { return LogBuckets.representative(i) }
        }
        return .infinity
    }
}
