import FunnelModel
import Sampling
import Simulation

/// One-at-a-time sensitivity (MODEL.md 12, 17.15): each parameter moved
/// alone to its low and its high value, every run on the base run's trial
/// indices (common random numbers), the chosen statistic of the chosen
/// metric at low and at high, largest swing first.
public enum Tornado {
    public struct Row: Sendable, Equatable {
        public var path: String
        public var low: Double, high: Double
        /// The statistic with the parameter at low and at high (nil: none,
        /// such as a percentile beyond the horizon).
        public var metricLow: Double?, metricHigh: Double?
        /// `|metricHigh - metricLow|`; nil where either is nil.
        public var swing: Double?
        /// The swing's 95% interval from the paired trials (nil: too few
        /// batches with a value; see `Tornado.batchCount`).
        public var swingLow: Double?, swingHigh: Double?
        /// 1 for the largest swing; rows without a swing come last.
        public var rank: Int
        /// The ranks of the other rows whose swing interval overlaps this
        /// row's: their order is not resolved by the trials run.
        public var ties: [Int] = []
        /// What the tornado ran that is not what the swing asked for: a
        /// value capped at its field's range, a count rounded or moved one
        /// step (`TornadoPoint.notes`).
        public var notes: [String] = []
    }

    public struct Result: Sendable, Equatable {
        public var metric: MetricChoice
        /// The statistic in the base run.
        public var base: Double?
        public var rows: [Row]
        /// Trials per run, and runs made (the base run included; a low or
        /// high that leaves the scenario unchanged reuses the base run).
        public var trials: Int, runs: Int
    }

    /// Runs the tornado of `points` (see `TornadoPoint.points`).
    public static func run(scenario: Scenario, points: [TornadoPoint], metric: MetricChoice, options: RunOptions,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(SensitivityError) -> Result {
        let base = SimulationModel(scenario)
        func statistic(_ model: SimulationModel) throws(SensitivityError) -> [Double?] {
            try statistics(model: model, metric: metric, options: options, progress: progress)
        }
        func changed(_ change: ParameterChange) throws(SensitivityError) -> SimulationModel {
            do {
                return SimulationModel(try scenario.applying([change])).aligningParameterStreams(with: base)
            } catch {
                throw SensitivityError("\(error)")
            }
        }
        let baseValue = try statistic(base)
        var rows: [Row] = []
        for p in points {
            let lo = p.lowIsBase ? baseValue : try statistic(try changed(p.lowChange))
            let hi = p.highIsBase ? baseValue : try statistic(try changed(p.highChange))
            rows.append(row(p, low: lo, high: hi))
        }
        rows = ranked(rows)
        return Result(metric: metric, base: baseValue[0], rows: rows, trials: options.trials, runs: runs(points))
    }

    /// Batches a run's trials are cut into for the swing's interval: 20
    /// contiguous blocks of trial indices (fewer with fewer trials). Low
    /// and high runs use the same trials, so batch k of each is a pair.
    public static func batchCount(trials: Int) -> Int { max(0, min(20, trials)) }

    /// One run's statistic: over all its trials first, then over each of
    /// `batchCount` batches (`1 + batchCount` values; nil where none).
    static func statistics(model: SimulationModel, metric: MetricChoice, options: RunOptions,
                           progress: (@Sendable (Int) -> Void)?) throws(SensitivityError) -> [Double?] {
        let k = batchCount(trials: options.trials)
        var all = ForecastBuilder(model: model, keepsTrialColumns: false)
        var batch = all
        var batchValues: [Double?] = []
        var seen = 0
        func end(_ i: Int) -> Int { options.trials * (i + 1) / k }   // trials before batch i + 1 ends
        ForecastRunner.run(model: model, options: options, progress: progress) { chunk in
            for o in chunk.outcomes {
                all.add(o)
                batch.add(o)
                seen += 1
                if batchValues.count < k, seen == end(batchValues.count) {
                    batchValues.append(metric.value(in: batch.summary(scope: metric.scope, metric: metric.metric)))
                    batch = ForecastBuilder(model: model, keepsTrialColumns: false)
                }
            }
        }
        if options.isCancelled?() == true { throw .interrupted }
        return [metric.value(in: all.summary(scope: metric.scope, metric: metric.metric))] + batchValues
    }

    /// A row from its point and its low and high runs' statistics (each
    /// `statistics`' values: all trials, then the batches). The swing's
    /// interval: the paired difference high - low over all trials, -/+ t
    /// (batches - 1 degrees of freedom) times the standard error of the
    /// batch differences (batch means, MODEL.md 12; docs/model.md), then
    /// taken as an absolute value.
    static func row(_ p: TornadoPoint, low lo: [Double?], high hi: [Double?]) -> Row {
        let l = lo.first ?? nil, h = hi.first ?? nil
        var row = Row(path: p.path, low: p.low, high: p.high, metricLow: l, metricHigh: h,
                      swing: l.flatMap { l in h.map { abs($0 - l) } }, rank: 0, notes: p.notes)
        guard let l, let h else { return row }
        let d = zip(lo.dropFirst(), hi.dropFirst()).compactMap { a, b in a.flatMap { a in b.map { $0 - a } } }
        guard d.count >= 2 else { return row }
        let n = Double(d.count)
        let mean = d.reduce(0, +) / n
        let sd = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let half = Quantiles.studentT975(degreesOfFreedom: d.count - 1) * sd / n.squareRoot()
        let a = h - l - half, b = h - l + half
        row.swingLow = a <= 0 && b >= 0 ? 0 : min(abs(a), abs(b))
        row.swingHigh = max(abs(a), abs(b))
        return row
    }

    /// The rows ranked: largest swing first; ties and rows without a swing
    /// keep path order. Shared by the whole run and the merge of its shards.
    static func ranked(_ rows: [Row]) -> [Row] {
        let order = rows.indices.sorted { i, j in
            switch (rows[i].swing, rows[j].swing) {
            case let (a?, b?): return a != b ? a > b : i < j
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return i < j
            }
        }
        var out = order.enumerated().map { rank, i in var r = rows[i]; r.rank = rank + 1; r.ties = []; return r }
        for i in out.indices {
            guard let a = out[i].swingLow, let b = out[i].swingHigh else { continue }
            out[i].ties = out.indices.filter { j in
                guard j != i, let c = out[j].swingLow, let d = out[j].swingHigh else { return false }
                return a <= d && c <= b
            }.map { out[$0].rank }
        }
        return out
    }

    /// Runs a tornado needs for `points` (the base run included), for the
    /// progress bar's total.
    public static func runs(_ points: [TornadoPoint]) -> Int {
        1 + points.reduce(0) { $0 + ($1.lowIsBase ? 0 : 1) + ($1.highIsBase ? 0 : 1) }
    }
}
