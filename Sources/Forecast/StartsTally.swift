import FunnelModel
import Simulation

/// When the openings start, per requisition (MODEL.md 21.9): over trials,
/// how many started by each batch deadline (a distribution over 0 ...
/// openings), and the day of the k-th start for every k. Kept as integer
/// counts and integer-valued series, so shards merge exactly (MODEL.md 20).
public struct StartsTally: Sendable {
    /// byDeadline[r][j]: the number of requisition r's starts before the
    /// end of batch j's deadline day (the horizon without a deadline).
    var byDeadline: [[IntegerHistogram]]
    /// kth[r][k - 1]: the day (since the plan's start, rounded down) of
    /// requisition r's k-th start; +infinity where it did not happen.
    var kth: [[MetricSeries]]

    public init(model: SimulationModel, exactTrials: Int) {
        byDeadline = model.requisitions.map { r in
            Array(repeating: IntegerHistogram(maxValue: r.openings), count: r.thresholds.before.count)
        }
        kth = model.requisitions.map { r in Array(repeating: MetricSeries(exactLimit: exactTrials), count: r.openings) }
    }

    /// Appends the state to `w` (`BuilderCoding`).
    func encode(into w: inout ByteWriter) {
        for r in byDeadline.indices {
            w.int(byDeadline[r].count)
            for h in byDeadline[r] { w.ints(h.counts) }
            w.int(kth[r].count)
            for s in kth[r] { s.encode(into: &w) }
        }
    }

    /// Reads back what `encode(into:)` wrote, into a tally of the same model.
    mutating func decode(_ r: inout ByteReader) throws(ByteReader.Failure) {
        for q in byDeadline.indices {
            guard try r.int() == byDeadline[q].count else { throw .invalid("start deadlines that do not fit the scenario") }
            for j in byDeadline[q].indices {
                let counts = try r.ints()
                guard !counts.isEmpty, counts.allSatisfy({ $0 >= 0 }) else { throw .invalid("a starts histogram of \(counts)") }
                byDeadline[q][j] = IntegerHistogram(counts: counts)
            }
            guard try r.int() == kth[q].count else { throw .invalid("k-th starts that do not fit the scenario") }
            for k in kth[q].indices { kth[q][k] = try MetricSeries(decoding: &r, limit: kth[q][k].exactLimit) }
        }
    }

    /// Counts one trial. Starts come in time order, so the k-th instant is
    /// the k-th start.
    mutating func add(_ outcome: TrialOutcome, model: SimulationModel) {
        for (r, o) in outcome.requisitions.enumerated() {
            let starts = o.startInstants
            let before = model.requisitions[r].thresholds.before
            for j in before.indices {
                let due = before[j]
                byDeadline[r][j].add(starts.reduce(0) { $0 + ($1 < due ? 1 : 0) })
            }
            for k in kth[r].indices { kth[r][k].add(k < starts.count ? starts[k].rounded(.down) : .infinity) }
        }
    }

    /// Adds the trials `other` counted (the same model).
    mutating func merge(_ other: StartsTally) {
        for r in byDeadline.indices {
            for j in byDeadline[r].indices { byDeadline[r][j].merge(other.byDeadline[r][j]) }
            for k in kth[r].indices { kth[r][k].merge(other.kth[r][k]) }
        }
    }

    /// The summary per requisition.
    func build(model: SimulationModel, start: CivilDate) -> [RequisitionStarts] {
        model.requisitions.enumerated().map { r, spec in
            let t = spec.thresholds
            let deadlines = t.before.map { $0.isFinite ? start.adding(days: Int($0) - 1) : nil }
            let distributions = byDeadline[r].map { h -> [Double] in
                let n = Double(max(1, h.count))
                return (0...spec.openings).map { m in Double(m < h.counts.count ? h.counts[m] : 0) / n }
            }
            let rows = (0..<spec.openings).map { i -> StartRow in
                let k = i + 1
                let j = t.batch(ofOpening: k)
                let s = kth[r][k - 1].summary()
                func day(_ level: Double) -> CivilDate? {
                    s.percentile(level).map { start.adding(days: Int($0.rounded(.down))) }
                }
                let atLeast = distributions[j][k...].reduce(0, +)
                return StartRow(k: k, batch: j, deadline: deadlines[j], pByDeadline: atLeast,
                                p10: day(0.10), p50: day(0.50), p90: day(0.90), beyondHorizon: s.beyondHorizon)
            }
            return RequisitionStarts(scope: spec.name, deadlines: deadlines, due: t.cumulative,
                                     distribution: distributions, rows: rows)
        }
    }
}

/// When one requisition's openings start (MODEL.md 21.9), across trials.
public struct RequisitionStarts: Sendable, Equatable {
    public var scope: String
    /// Per batch: its deadline (nil: the horizon) and the openings due by it
    /// (cumulative).
    public var deadlines: [CivilDate?]
    public var due: [Int]
    /// distribution[j][m]: the share of trials with exactly m starts by the
    /// end of batch j's deadline day, m = 0 ... openings.
    public var distribution: [[Double]]
    /// One row per opening k = 1 ... openings.
    public var rows: [StartRow]
}

/// The k-th start of a requisition across trials.
public struct StartRow: Sendable, Equatable {
    public var k: Int
    /// The batch whose deadline covers the k-th opening, and that deadline
    /// (nil: the horizon).
    public var batch: Int
    public var deadline: CivilDate?
    /// P(at least k started by that deadline).
    public var pByDeadline: Double
    /// The date of the k-th start at the 10th, 50th and 90th percentile over
    /// trials (type 7 on the start's day, rounded down); nil: beyond the horizon.
    public var p10: CivilDate?, p50: CivilDate?, p90: CivilDate?
    /// The share of trials without a k-th start within the horizon.
    public var beyondHorizon: Double
}
