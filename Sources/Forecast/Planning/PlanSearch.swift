import FunnelModel
import Simulation

// `plan`'s search: for one lever, the value at which a metric reaches a
// target, by bracketing and bisection on common random numbers (every
// evaluation runs the same trials with the same seed), and the range of
// lever values whose 95% interval contains the target.

/// The metric of one evaluation: the lever's value and the metric's mean
/// with its 95% interval over the trials run there.
public struct PlanPoint: Sendable, Equatable {
    public var value: Double
    public var mean: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var trials: Int
    /// Set where the evaluation ran under `--precision`.
    public var precision: PrecisionReached?
}

/// How one lever's search ended.
public enum PlanStatus: String, Sendable, Equatable {
    /// The target is reached at `needed` and not before it.
    case found
    /// Reached over the whole range: `needed` is the range's end where the
    /// lever costs least (its minimum, or the latest opening day).
    case reachedAtLimit = "reached_at_limit"
    /// Not reached within the range: `needed` is the best value tried.
    case unreachable
    /// The metric is the same at both ends of the range, on the same trials.
    case noEffect = "no_effect"
}

/// One lever's answer.
public struct PlanResult: Sendable, Equatable {
    public var lever: Lever
    public var status: PlanStatus
    /// The value needed (or, for `unreachable` and `noEffect`, the best one tried).
    public var needed: Double
    /// The metric at `needed`.
    public var atNeeded: PlanPoint
    /// The lever values whose 95% interval of the metric contains the
    /// target (nil for `unreachable` and `noEffect`); an end at the range's
    /// limit means the interval reaches beyond it.
    public var neededLow: Double?, neededHigh: Double?
    /// True where more of the lever raises the metric's goal (false for
    /// opens_day: later is worse).
    public var growingHelps: Bool
    /// Every evaluation, in increasing lever value: the search curve.
    public var curve: [PlanPoint]
}

/// What to reach: `metric` of `scope` at least (`on_time`, `filled`) or at
/// most (every other metric) `target`.
public struct PlanGoal: Sendable, Equatable {
    public var metric: MetricChoice
    public var target: Double
    public var atLeast: Bool

    /// Checks the metric (a mean) and the target (within (0, 1) for a probability).
    public init(metric: MetricChoice, target: Double) throws(PlanError) {
        guard metric.statistic == .mean else {
            throw PlanError("--metric \(metric): plan searches on a metric's mean (or probability), not on a percentile or sd")
        }
        guard target.isFinite else { throw PlanError("--target must be a number (got \(target))") }
        if metric.unit == .share, !(target > 0 && target < 1) {
            throw PlanError("--target \(PlanFormat.number(target)): \(metric) is a probability, so the target must lie "
                            + "strictly between 0 and 1, such as 0.9")
        }
        self.metric = metric
        self.target = target
        atLeast = metric.metric == .onTime || metric.metric == .filled
    }

    /// How far `mean` is on the good side of the target (>= 0: reached).
    func margin(_ mean: Double?) -> Double {
        guard let mean, mean.isFinite else { return atLeast ? -.infinity : -.infinity }
        return atLeast ? mean - target : target - mean
    }
}

/// The search for one lever of one scenario.
public struct PlanSearch {
    public var scenario: Scenario
    public var goal: PlanGoal
    /// Trials (or the cap under `precision`), seed and threads of every evaluation.
    public var options: RunOptions
    public var precision: Precision?
    /// Halvings of a continuous lever's bracket (integer levers: until 1 apart).
    public var bisections = 10
    /// Intervals of the bracketing grid (its interior points are evaluated).
    public var gridPoints = 8
    /// Called with the trials just finished (all evaluations), from worker threads.
    public var progress: (@Sendable (Int) -> Void)?

    public init(scenario: Scenario, goal: PlanGoal, options: RunOptions, precision: Precision? = nil) {
        self.scenario = scenario; self.goal = goal; self.options = options; self.precision = precision
    }

    /// The metric with the lever at `value`, on trials 0 ..< trials.
    public func evaluate(_ lever: Lever, at value: Double) throws(PlanError) -> PlanPoint {
        let model = SimulationModel(try lever.apply(value, to: scenario))
        let metric = goal.metric
        if let precision {
            let (f, _, reached) = ForecastRunner.forecast(model: model, options: options, precision: precision,
                                                          metric: metric, progress: progress)
            let s = f.summary(metric.scope, metric.metric)
            return PlanPoint(value: value, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, trials: f.trials, precision: reached)
        }
        let (f, _) = ForecastRunner.forecast(model: model, options: options, keepsTrialColumns: false, progress: progress)
        let s = f.summary(metric.scope, metric.metric)
        return PlanPoint(value: value, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, trials: f.trials)
    }

    /// Searches `lever`'s range (see `PlanStatus`). `isCancelled` is asked
    /// between evaluations; it returns nil once cancelled.
    public func search(_ lever: Lever, isCancelled: () -> Bool = { false }) throws(PlanError) -> PlanResult? {
        var cache: [Double: PlanPoint] = [:]
        var cancelled = false
        func at(_ v: Double) throws(PlanError) -> PlanPoint {
            if let p = cache[v] { return p }
            if isCancelled() { cancelled = true }
            let p = try evaluate(lever, at: v)
            cache[v] = p
            return p
        }
        let lo = try at(lever.range.lowerBound), hi = try at(lever.range.upperBound)
        func result(_ status: PlanStatus, _ needed: PlanPoint, _ nl: Double?, _ nh: Double?, _ grows: Bool) -> PlanResult? {
            if cancelled { return nil }
            return PlanResult(lever: lever, status: status, needed: needed.value, atNeeded: needed, neededLow: nl, neededHigh: nh,
                              growingHelps: grows, curve: cache.values.sorted { $0.value < $1.value })
        }
        if lo.mean == hi.mean {
            return result(.noEffect, lever.range.contains(lever.current) ? try at(lever.current) : lo, nil, nil, true)
        }
        // Bracketing: a grid over the range (and today's value), because a
        // lever may help up to a point and then hurt (a flood of applicants
        // swamps the recruiters). The best point found and the range's end
        // on the other side bracket the answer.
        let width = lever.range.upperBound - lever.range.lowerBound
        for k in 1..<gridPoints {
            var v = lever.range.lowerBound + width * Double(k) / Double(gridPoints)
            if lever.isInteger { v = v.rounded() }
            _ = try at(v)
        }
        if lever.range.contains(lever.current) { _ = try at(lever.current) }
        let grid = cache.values.sorted { $0.value < $1.value }
        let best = grid.max { goal.margin($0.mean) < goal.margin($1.mean) }!
        let worseEnd = goal.margin(lo.mean) <= goal.margin(hi.mean) ? lo : hi
        let grows = best.value > worseEnd.value
        let better = best, worse = worseEnd
        if goal.margin(better.mean) < 0 { return result(.unreachable, better, nil, nil, grows) }
        // A continuous lever's answers to 1/1024 of the range searched.
        let tolerance = (lever.range.upperBound - lever.range.lowerBound) / 1024
        func bisect(_ reaches: (PlanPoint) -> Bool) throws(PlanError) -> PlanPoint {
            let between = min(worse.value, better.value)...max(worse.value, better.value)
            let ordered = cache.values.filter { between.contains($0.value) }
                .sorted { grows ? $0.value < $1.value : $0.value > $1.value }
            guard let firstTrue = ordered.first(where: reaches) else { return better }
            guard var f = ordered.last(where: { !reaches($0) && (grows ? $0.value < firstTrue.value : $0.value > firstTrue.value) })
            else { return firstTrue }
            var t = firstTrue
            var halvings = 0
            while !cancelled {
                let gap = abs(t.value - f.value)
                if lever.isInteger ? gap <= 1 : halvings >= bisections || gap <= tolerance { break }
                var mid = (t.value + f.value) / 2
                if lever.isInteger { mid = mid.rounded(.down) }
                let p = try at(mid)
                if reaches(p) { t = p } else { f = p }
                halvings += 1
            }
            return t
        }
        let needed = try bisect { goal.margin($0.mean) >= 0 }
        if needed.value == worse.value {
            return result(.reachedAtLimit, worse, worse.value, worse.value, grows)
        }
        // The interval: where the optimistic bound first reaches the target,
        // and where the pessimistic one does.
        let upper = goal.atLeast ? \PlanPoint.ciHigh : \PlanPoint.ciLow
        let lower = goal.atLeast ? \PlanPoint.ciLow : \PlanPoint.ciHigh
        let optimistic = try bisect { goal.margin($0[keyPath: upper]) >= 0 }
        let pessimistic = try bisect { goal.margin($0[keyPath: lower]) >= 0 }
        let ends = [optimistic.value, pessimistic.value].sorted()
        return result(.found, needed, ends[0], ends[1], grows)
    }
}
