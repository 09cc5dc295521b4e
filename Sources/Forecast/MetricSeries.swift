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
///   Mean, sd and se come from running moments over the finite values, so
///   they stay exact to rounding.
///
/// Values must be added in trial order; everything here is deterministic,
/// so results stay bit-identical whatever the thread count.
public struct MetricSeries: Sendable {
    /// How many values are kept exactly before switching to counts.
    public let exactLimit: Int
    private var exact: [Double] = []
    private var integers: IntegerHistogram? = nil
    private var buckets: LogBuckets? = nil
    private var allIntegers = true
    private var infinite = 0
    // Running moments over finite values (Welford), and their sum.
    private var n = 0
    private var mean = 0.0, m2 = 0.0, sum = 0.0

    public init(exactLimit: Int) { self.exactLimit = exactLimit }

    /// The number of values added.
    public var count: Int { n + infinite }

    /// True while every value is held (percentiles exact).
    public var isExact: Bool { integers == nil && buckets == nil }

    /// Adds one value; +infinity means "did not happen".
    public mutating func add(_ v: Double) {
        if v.isFinite {
            n += 1
            let d = v - mean
            mean += d / Double(n)
            m2 += d * (v - mean)
            sum += v
            if allIntegers && !(v >= 0 && v <= 1_048_576 && v == v.rounded()) { allIntegers = false }
        } else {
            infinite += 1
        }
        if isExact {
            exact.append(v)
            if exact.count > exactLimit { spill() }
        } else if v.isFinite {
            if allIntegers, integers != nil { integers!.add(Int(v)) } else { bucket(v) }
        }
    }

    /// Moves the exact values into counts.
    private mutating func spill() {
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
            var b = LogBuckets()
            for (value, c) in h.counts.enumerated() where c > 0 { b.add(Double(value), times: c) }
            integers = nil
            buckets = b
        }
        buckets!.add(v)
    }

    /// The summary of MODEL.md 17.4-17.7.
    public func summary(binary: Bool = false) -> MetricSummary {
        if isExact { return Statistics.summarize(exact, binary: binary) }
        let total = count
        let sd: Double? = n > 1 ? (max(0, m2) / Double(n - 1)).squareRoot() : nil
        let se = sd.map { $0 / Double(n).squareRoot() }
        let m: Double? = n > 0 ? mean : nil
        var low: Double? = nil, high: Double? = nil
        if binary {
            if n > 0 { (low, high) = Statistics.wilson(successes: sum, n: n) }
        } else if let m, let se {
            low = m - Statistics.normalZ95 * se
            high = m + Statistics.normalZ95 * se
        }
        let percentiles = Statistics.percentileLevels.map { quantile($0, total: total) }
        return MetricSummary(n: n, mean: m, sd: sd, se: se, ciLow: low, ciHigh: high,
                             percentiles: percentiles, beyondHorizon: total == 0 ? 0 : Double(infinite) / Double(total))
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

    private var zeros = 0
    private var counts: [Int: Int] = [:]

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
