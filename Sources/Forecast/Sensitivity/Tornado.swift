import FunnelModel
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
        /// 1 for the largest swing; rows without a swing come last.
        public var rank: Int
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
        func statistic(_ model: SimulationModel) throws(SensitivityError) -> Double? {
            let forecast = ForecastRunner.forecast(model: model, options: options, keepsTrialColumns: false,
                                                   progress: progress).0
            if options.isCancelled?() == true { throw .interrupted }
            return metric.value(in: forecast)
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
            let swing = lo.flatMap { l in hi.map { abs($0 - l) } }
            rows.append(Row(path: p.path, low: p.low, high: p.high, metricLow: lo, metricHigh: hi, swing: swing, rank: 0))
        }
        rows = ranked(rows)
        return Result(metric: metric, base: baseValue, rows: rows, trials: options.trials, runs: runs(points))
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
        return order.enumerated().map { rank, i in var r = rows[i]; r.rank = rank + 1; return r }
    }

    /// Runs a tornado needs for `points` (the base run included), for the
    /// progress bar's total.
    public static func runs(_ points: [TornadoPoint]) -> Int {
        1 + points.reduce(0) { $0 + ($1.lowIsBase ? 0 : 1) + ($1.highIsBase ? 0 : 1) }
    }
}
