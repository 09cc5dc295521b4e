/// The mean paired difference of two runs on the same trials, with its 95%
/// interval (MODEL.md 17.9).
public struct PairedDifference: Sendable, Equatable {
    /// Trials where both runs have a value (finite in both).
    public var n: Int
    /// mean(d) over those trials, d = changed - baseline; nil if `n == 0`.
    public var mean: Double?
    /// sd(d) / sqrt(n), the n - 1 denominator; nil if `n < 2`.
    public var standardError: Double?
    /// mean(d) -/+ 1.96 standard errors.
    public var ciLow: Double?, ciHigh: Double?
    /// The two runs' means over the same paired trials: `changedMean -
    /// baselineMean` is `mean` (to rounding), so the three numbers a table
    /// shows come from one set of values (issue 15).
    public var baselineMean: Double?, changedMean: Double?

    /// The difference `changed[i] - baseline[i]` over the trials where both
    /// are finite (NaN: no filled opening; +infinity: no hire).
    public init(baseline: [Double], changed: [Double]) {
        precondition(baseline.count == changed.count, "paired runs of \(baseline.count) and \(changed.count) trials")
        var d: [Double] = []
        d.reserveCapacity(baseline.count)
        var sumB = 0.0, sumC = 0.0
        for i in baseline.indices where baseline[i].isFinite && changed[i].isFinite {
            d.append(changed[i] - baseline[i])
            sumB += baseline[i]; sumC += changed[i]
        }
        let s = Statistics.summarize(d)
        baselineMean = d.isEmpty ? nil : sumB / Double(d.count)
        changedMean = d.isEmpty ? nil : sumC / Double(d.count)
        n = d.count
        mean = s.mean
        standardError = s.se
        ciLow = s.ciLow
        ciHigh = s.ciHigh
    }
}
