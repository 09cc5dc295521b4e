/// How many times each integer value 0, 1, ... occurred: the data of one
/// timeline point (cumulative starts at the end of one week, MODEL.md 12),
/// kept in memory that grows with the largest value, not with the trials.
///
/// Quantiles are type 7 on the sorted data the counts stand for, exactly as
/// `Statistics.quantile(sorted:_:)` would compute them on the expanded data.
public struct IntegerHistogram: Sendable {
    /// `counts[v]`: how many times `v` was added.
    public private(set) var counts: [Int]
    /// The number of values added.
    public private(set) var count: Int = 0
    private var sum: Int = 0

    /// An empty histogram with room for the values 0...maxValue (a larger
    /// value still fits: the counts grow).
    public init(maxValue: Int = 0) {
        precondition(maxValue >= 0, "histogram max value \(maxValue) is negative")
        counts = Array(repeating: 0, count: maxValue + 1)
    }

    /// A histogram of the counts `counts[v]` (each >= 0; at least one slot).
    public init(counts: [Int]) {
        precondition(!counts.isEmpty && counts.allSatisfy { $0 >= 0 }, "histogram counts \(counts)")
        self.counts = counts
        count = counts.reduce(0, +)
        sum = counts.enumerated().reduce(0) { $0 + $1.offset * $1.element }
    }

    /// The largest value with room, not necessarily one that occurred.
    public var maxValue: Int { counts.count - 1 }

    /// Adds `v` (>= 0) `times` times.
    public mutating func add(_ v: Int, times: Int = 1) {
        precondition(v >= 0, "histogram value \(v) is negative")
        precondition(times >= 0, "histogram add of \(times) times")
        if v >= counts.count { counts.append(contentsOf: repeatElement(0, count: v + 1 - counts.count)) }
        counts[v] += times
        count += times
        sum += v * times
    }

    /// Adds everything `other` holds.
    public mutating func merge(_ other: IntegerHistogram) {
        if other.counts.count > counts.count {
            counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count))
        }
        for (v, c) in other.counts.enumerated() where c != 0 { counts[v] += c }
        count += other.count
        sum += other.sum
    }

    /// Mean of the values; nil when empty.
    public var mean: Double? { count == 0 ? nil : Double(sum) / Double(count) }

    /// The `p` quantile (type 7) of the values; nil when empty. `p` in [0, 1].
    /// - Complexity: O(maxValue).
    public func quantile(_ p: Double) -> Double? {
        precondition(p >= 0 && p <= 1, "quantile level \(p) outside [0, 1]")
        guard count > 0 else { return nil }
        let index = p * Double(count - 1)
        let lhs = Int(index)
        let delta = index - Double(lhs)
        let low = Double(orderStatistic(lhs))
        if lhs == count - 1 || delta == 0 { return low }
        let high = Double(orderStatistic(lhs + 1))
        // The same expression as Statistics.quantile, for identical rounding.
        return (1 - delta) * low + delta * high
    }

    /// The `k`-th smallest value, 0-based.
    private func orderStatistic(_ k: Int) -> Int {
        var seen = 0
        for (v, c) in counts.enumerated() {
            seen += c
            if seen > k { return v }
        }
        preconditionFailure("order statistic \(k) of \(count) values")
    }
}
