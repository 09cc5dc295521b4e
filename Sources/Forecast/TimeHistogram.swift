/// How the per-opening times of one scope spread over the horizon: the
/// time-to-fill chart of the HTML report (issue 5), from the same values as
/// the `time_to_fill` row of `summary.csv`.
///
/// Bin `i` counts the values in `[i * binWidth, (i + 1) * binWidth)` days
/// from the opening; the last bin also holds a value at exactly its upper
/// edge. `beyond` counts the openings not filled within the horizon
/// (+infinity), so `total` is every opening of every trial and no value is
/// hidden.
public struct TimeHistogram: Sendable, Equatable {
    /// Days per bin (> 0).
    public var binWidth: Double
    /// counts[i]: values in bin i.
    public var counts: [Int]
    /// Values that did not happen within the horizon.
    public var beyond: Int

    public init(binWidth: Double, counts: [Int], beyond: Int) {
        precondition(binWidth > 0, "histogram bin width \(binWidth) is not positive")
        self.binWidth = binWidth; self.counts = counts; self.beyond = beyond
    }

    /// Every value counted: the bins and `beyond`.
    public var total: Int { counts.reduce(beyond, +) }

    /// Empty bins `binWidth` days wide covering `[0, span]`.
    public init(span: Double, binWidth: Double) {
        precondition(span >= 0 && span.isFinite, "histogram span \(span)")
        self.init(binWidth: binWidth, counts: Array(repeating: 0, count: max(1, Int((span / binWidth).rounded(.up)))),
                  beyond: 0)
    }

    /// Bins `binWidth` days wide covering `[0, span]`, filled from `values`.
    public init(values: [Double], span: Double, binWidth: Double) {
        self.init(span: span, binWidth: binWidth)
        for v in values { add(v) }
    }

    /// Counts one value (days; +infinity: beyond the horizon). Finite values
    /// past the span go to the last bin, negative ones to the first (neither
    /// happens for times measured from an opening within the horizon).
    public mutating func add(_ v: Double) {
        guard v.isFinite else { beyond += 1; return }
        counts[min(counts.count - 1, max(0, Int((v / binWidth).rounded(.down))))] += 1
    }

    /// Adds every value `other` counts (bins of the same width and span):
    /// sums of counts, so shards merge to the histogram of one run.
    public mutating func merge(_ other: TimeHistogram) {
        precondition(binWidth == other.binWidth && counts.count == other.counts.count,
                     "merging histograms of \(counts.count) bins of \(binWidth) and \(other.counts.count) of \(other.binWidth)")
        for i in counts.indices { counts[i] += other.counts[i] }
        beyond += other.beyond
    }

    /// A bin width a person reads easily, giving at most `maxBins` bins
    /// over `span` days: 1, 2 or 7 days, then multiples of 7 (two weeks,
    /// four weeks, ...).
    public static func binWidth(span: Double, maxBins: Int = 40) -> Double {
        precondition(maxBins >= 1, "histogram needs at least one bin")
        for w in [1.0, 2.0] where span / w <= Double(maxBins) { return w }
        var weeks = 1.0
        while span / (7 * weeks) > Double(maxBins) { weeks *= 2 }
        return 7 * weeks
    }
}
