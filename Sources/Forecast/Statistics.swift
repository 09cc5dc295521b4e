/// Summary of one metric over trials (MODEL.md 12, 17.4-17.7).
///
/// Values are per trial (0/1 metrics, counts, hours, cost, cost per hire) or
/// per opening (`time_to_fill`, `time_to_start`); `+infinity` marks a value
/// that did not happen within the horizon.
public struct MetricSummary: Sendable, Equatable {
    /// Number of finite values (those within the horizon).
    public var n: Int
    /// Mean of the finite values; nil if `n == 0`.
    public var mean: Double?
    /// Standard deviation of the finite values, n - 1 denominator; nil if `n < 2`.
    public var sd: Double?
    /// Monte Carlo standard error, `sd / sqrt(n)`; nil if `n < 2`.
    public var se: Double?
    /// 95% interval: Wilson for binary metrics, else `mean -/+ 1.96 se`.
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Percentiles at `Statistics.percentileLevels`, over all values with
    /// `+infinity` sorted last; nil = beyond the horizon (or no values).
    public var percentiles: [Double?]
    /// Share of all values that are `+infinity` (did not happen); 0 when empty.
    public var beyondHorizon: Double

    public init(n: Int, mean: Double?, sd: Double?, se: Double?,
                ciLow: Double?, ciHigh: Double?,
                percentiles: [Double?], beyondHorizon: Double) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.se = se
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.percentiles = percentiles
        self.beyondHorizon = beyondHorizon
    }

    /// The percentile at `level`, one of `Statistics.percentileLevels`
    /// (nil = beyond the horizon, or `level` not one of them).
    public func percentile(_ level: Double) -> Double? {
        guard let i = Statistics.percentileLevels.firstIndex(of: level) else { return nil }
        return percentiles[i]
    }
}

/// The statistics of the forecast over trials: summaries, type 7
/// percentiles with censoring, Wilson intervals, Spearman correlation.
public enum Statistics {
    /// The percentiles every metric reports: 5, 10, 25, 50, 75, 90, 95.
    public static let percentileLevels: [Double] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]

    /// The normal quantile MODEL.md 17.7 uses for `mean -/+ 1.96 se`.
    public static let normalZ95 = 1.96

    /// Summarizes `values` (MODEL.md 17.4-17.7).
    ///
    /// - Parameters:
    ///   - values: one value per trial or per opening; `+infinity` marks
    ///     "did not happen / not within horizon". NaN and `-infinity` are not
    ///     allowed.
    ///   - binary: a 0/1 metric: the interval is Wilson's over the finite
    ///     values (successes = their sum); else `mean -/+ 1.96 se`.
    ///
    /// Mean and sd are over the finite values only; percentiles are over all
    /// values, with `+infinity` beyond every finite value.
    /// - Complexity: O(n log n) for the sort.
    public static func summarize(_ values: [Double], binary: Bool = false) -> MetricSummary {
        assert(!values.contains { $0.isNaN || $0 == -.infinity }, "NaN or -infinity in a metric")
        let sorted = values.sorted()
        let finite = sorted.prefix { $0.isFinite }
        let n = finite.count

        var mean: Double? = nil
        var sd: Double? = nil
        var se: Double? = nil
        let sum = compensatedSum(finite)
        if n > 0 {
            let m = sum / Double(n)
            mean = m
            if n > 1 {
                // Two-pass: sum of squared deviations from the mean, with the
                // usual correction term for the rounding error in `m`.
                var squares = 0.0, deviations = 0.0
                for v in finite {
                    let d = v - m
                    squares += d * d
                    deviations += d
                }
                let variance = max(0, (squares - deviations * deviations / Double(n)) / Double(n - 1))
                let s = variance.squareRoot()
                sd = s
                se = s / Double(n).squareRoot()
            }
        }

        var ciLow: Double? = nil
        var ciHigh: Double? = nil
        if binary {
            if n > 0 {
                let (low, high) = wilson(successes: sum, n: n)
                ciLow = low
                ciHigh = high
            }
        } else if let mean, let se {
            ciLow = mean - normalZ95 * se
            ciHigh = mean + normalZ95 * se
        }

        let percentiles = percentileLevels.map { quantile(sorted: sorted, $0) }
        let beyond = values.isEmpty ? 0 : Double(values.count - n) / Double(values.count)
        return MetricSummary(n: n, mean: mean, sd: sd, se: se, ciLow: ciLow, ciHigh: ciHigh,
                             percentiles: percentiles, beyondHorizon: beyond)
    }

    /// The `p` quantile of ascending `sorted` data, type 7: with
    /// `h = p (n - 1)`, `(1 - (h - floor h)) x[floor h] + (h - floor h) x[floor h + 1]`,
    /// computed as `gsl_stats_quantile_from_sorted_data` does (same result
    /// bit for bit on finite data).
    ///
    /// The data may end with `+infinity` ("not within horizon"). The result is
    /// nil when the interpolation touches `+infinity`: either neighbour is
    /// infinite with a weight above 0 (a weight of exactly 0 on an infinite
    /// upper neighbour does not count). Nil for empty data. `p` in [0, 1].
    public static func quantile(sorted: [Double], _ p: Double) -> Double? {
        precondition(p >= 0 && p <= 1, "quantile level \(p) outside [0, 1]")
        let n = sorted.count
        guard n > 0 else { return nil }
        let index = p * Double(n - 1)
        let lhs = Int(index)
        let delta = index - Double(lhs)
        let low = sorted[lhs]
        guard low.isFinite else { return nil }
        if lhs == n - 1 || delta == 0 { return low }
        let high = sorted[lhs + 1]
        guard high.isFinite else { return nil }
        return (1 - delta) * low + delta * high
    }

    /// Wilson score interval for a proportion: with `p = successes / n`,
    /// `(p + z²/2n -/+ z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)`, clipped to
    /// [0, 1] (exactly 0 at no successes, 1 at all). The default `z` is the
    /// 97.5% normal quantile (a 95% interval). For `n == 0` it is the
    /// uninformative (0, 1).
    public static func wilson(successes: Double, n: Int, z: Double = 1.959963984540054) -> (low: Double, high: Double) {
        precondition(n >= 0 && successes >= 0 && successes <= Double(n),
                     "Wilson interval needs 0 <= successes (\(successes)) <= n (\(n))")
        guard n > 0 else { return (0, 1) }
        let nn = Double(n)
        let p = successes / nn
        let z2 = z * z
        let denominator = 1 + z2 / nn
        let center = (p + z2 / (2 * nn)) / denominator
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / denominator
        // The bounds are exactly 0 at no successes and 1 at all, as in the
        // formula; rounding would leave 1e-17 and 0.9999999999999999.
        let low = successes == 0 ? 0 : max(0, center - half)
        let high = successes == nn ? 1 : min(1, center + half)
        return (low, high)
    }

    /// Spearman rank correlation: the Pearson correlation of the ranks, ties
    /// given their average rank. Nil if there are fewer than 3 pairs or
    /// either side is constant. `x` and `y` are paired and equally long; no NaN.
    /// - Complexity: O(n log n).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "Spearman needs paired data: \(x.count) vs \(y.count) values")
        guard x.count >= 3 else { return nil }
        let rx = ranks(x), ry = ranks(y)
        // Ranks average (n + 1) / 2 on both sides, whatever the ties.
        let m = Double(x.count + 1) / 2
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in rx.indices {
            let dx = rx[i] - m, dy = ry[i] - m
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// 1-based ranks of `values`, ties given the average of their ranks.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // Positions start ..< end share ranks start+1 ... end.
            let rank = Double(start + 1 + end) / 2
            for k in start..<end { ranks[order[k]] = rank }
            start = end
        }
        return ranks
    }

    /// Neumaier's compensated sum: accurate to about one rounding for the
    /// millions of values a forecast sums.
    static func compensatedSum<C: Collection>(_ values: C) -> Double where C.Element == Double {
        var sum = 0.0, compensation = 0.0
        for v in values {
            let t = sum + v
            if abs(sum) >= abs(v) {
                compensation += (sum - t) + v
            } else {
                compensation += (v - t) + sum
            }
            sum = t
        }
        return sum + compensation
    }
}
