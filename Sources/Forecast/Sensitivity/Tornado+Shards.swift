import FunnelModel
import Simulation

/// The tornado in shards (MODEL.md 20): its runs (the base run, then each
/// point's low and high that change the scenario, in `Tornado.run`'s
/// order) are the units a shard takes a contiguous range of; each run's
/// statistic is a number, and `result` puts them together exactly as
/// `Tornado.run` does.
extension Tornado {
    /// The runs in order: nil for the base run, else the change it makes.
    public static func runChanges(_ points: [TornadoPoint]) -> [ParameterChange?] {
        var out: [ParameterChange?] = [nil]
        for p in points {
            if !p.lowIsBase { out.append(p.lowChange) }
            if !p.highIsBase { out.append(p.highChange) }
        }
        return out
    }

    /// The statistics of each run in `runs` (indices into
    /// `runChanges(points)`): per run, `1 + batchCount(trials:)` values
    /// (all trials, then each batch).
    public static func statistics(scenario: Scenario, points: [TornadoPoint], metric: MetricChoice, options: RunOptions,
                                  runs: Range<Int>, progress: (@Sendable (Int) -> Void)? = nil) throws(SensitivityError) -> [[Double?]] {
        let base = SimulationModel(scenario)
        let changes = runChanges(points)
        var out: [[Double?]] = []
        for r in runs {
            var model = base
            if let change = changes[r] {
                do { model = SimulationModel(try scenario.applying([change])).aligningParameterStreams(with: base) } catch {
                    throw SensitivityError("\(error)")
                }
            }
            out.append(try statistics(model: model, metric: metric, options: options, progress: progress))
        }
        return out
    }

    /// The tornado from every run's statistics (`statistics` over all
    /// runs, in order), ranked as `Tornado.run` ranks it.
    public static func result(points: [TornadoPoint], metric: MetricChoice, statistics values: [[Double?]],
                              trials: Int) -> Result {
        precondition(values.count == runs(points), "\(values.count) statistics for \(runs(points)) tornado runs")
        let baseValue = values[0]
        var next = 1
        func take(_ isBase: Bool) -> [Double?] {
            if isBase { return baseValue }
            defer { next += 1 }
            return values[next]
        }
        var rows: [Row] = []
        for p in points {
            let lo = take(p.lowIsBase), hi = take(p.highIsBase)
            rows.append(row(p, low: lo, high: hi))
        }
        rows = ranked(rows)
        return Result(metric: metric, base: baseValue[0], rows: rows, trials: trials, runs: runs(points))
    }
}
