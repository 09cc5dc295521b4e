import FunnelModel
import Simulation

// `--precision H`: runs in fixed batches, in trial order, until the 95%
// interval's half-width of one metric is at most H (absolute, or relative
// to the metric's value), with the scenario's trials as a cap.

/// How precise a run must be: the half-width of the 95% interval of a
/// metric's mean, absolute (`0.005`) or relative (`1%`).
public struct Precision: Sendable, Equatable, CustomStringConvertible {
    public var halfWidth: Double
    /// True for `1%`: `halfWidth` is a share of the metric's value.
    public var isRelative: Bool

    public init(halfWidth: Double, isRelative: Bool) { self.halfWidth = halfWidth; self.isRelative = isRelative }

    /// Reads `0.005` or `1%`; nil where it is not a positive number.
    public init?(_ text: String) {
        let relative = text.hasSuffix("%")
        guard let v = Double(relative ? String(text.dropLast()) : text), v.isFinite, v > 0 else { return nil }
        halfWidth = relative ? v / 100 : v
        isRelative = relative
    }

    /// Trials per batch: 16 chunks of 64. Batches start at multiples of
    /// this in trial order, so where a run stops depends on the seed alone.
    public static let batchTrials = 1024

    /// True where `summary`'s interval is narrow enough.
    public func isMet(by summary: MetricSummary) -> Bool {
        guard let h = Precision.halfWidth(of: summary), let mean = summary.mean else { return false }
        return h <= (isRelative ? halfWidth * abs(mean) : halfWidth)
    }

    /// Half the 95% interval's width (Wilson for probabilities).
    public static func halfWidth(of summary: MetricSummary) -> Double? {
        guard let lo = summary.ciLow, let hi = summary.ciHigh else { return nil }
        return (hi - lo) / 2
    }

    public var description: String {
        isRelative ? PlanFormat.number(halfWidth * 100) + "%" : PlanFormat.number(halfWidth)
    }
}

/// What a run with a precision rule reached: the trials it used and the
/// half-width of the metric's interval there.
public struct PrecisionReached: Sendable, Equatable {
    public var rule: Precision
    public var metric: String
    public var trials: Int
    public var halfWidth: Double?
    /// False where the cap (`--trials`) stopped the run first.
    public var met: Bool

    public init(rule: Precision, metric: String, trials: Int, halfWidth: Double?, met: Bool) {
        self.rule = rule; self.metric = metric; self.trials = trials; self.halfWidth = halfWidth; self.met = met
    }

    /// "plan.on_time ±0.0049 (95%) after 33792 trials (asked ±0.005)".
    public var sentence: String {
        let h = halfWidth.map { "±" + PlanFormat.number(($0 * 1e5).rounded() / 1e5) } ?? "no interval"
        return "\(metric) \(h) (95% half-width) after \(trials) trials; asked ±\(rule)"
            + (met ? "" : ", not reached within the --trials cap")
    }
}

extension ForecastRunner {
    /// Runs `model` in batches of `Precision.batchTrials` (trials 0, 1, ...
    /// in order, one builder) until `rule` is met for `metric` or
    /// `options.trials` are run. The trials used are a multiple of the batch
    /// (or the cap), whatever the thread count.
    public static func forecast(
        model: SimulationModel, options: RunOptions, precision rule: Precision, metric: MetricChoice,
        keepsTrialColumns: Bool = false,
        progress: (@Sendable (Int) -> Void)? = nil,
        perTrial: ((Int, TrialOutcome) throws -> Void)? = nil
    ) rethrows -> (Forecast, ForecastBuilder, PrecisionReached) {
        var builder = ForecastBuilder(model: model, keepsTrialColumns: keepsTrialColumns)
        var done = 0
        var met = false
        var forecast = builder.build()
        while done < options.trials {
            var batch = options
            batch.firstTrial = done
            batch.trials = min(Precision.batchTrials, options.trials - done)
            var ran = 0
            try run(model: model, options: batch, progress: progress) { chunk in
                for (i, o) in chunk.outcomes.enumerated() {
                    builder.add(o)
                    try perTrial?(chunk.firstTrial + i, o)
                }
                ran += chunk.outcomes.count
            }
            done += ran
            forecast = builder.build()
            if ran < batch.trials { break }   // cancelled
            if rule.isMet(by: forecast.summary(metric.scope, metric.metric)) { met = true; break }
        }
        forecast.seed = options.seed
        let summary = forecast.summary(metric.scope, metric.metric)
        let reached = PrecisionReached(rule: rule, metric: metric.scopeName + "." + metric.description, trials: done,
                                       halfWidth: Precision.halfWidth(of: summary), met: met)
        forecast.precision = reached
        return (forecast, builder, reached)
    }
}
