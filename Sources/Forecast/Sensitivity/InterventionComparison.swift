import FunnelModel
import Simulation

/// Interventions against the baseline (MODEL.md 12, 13, 17.9): the baseline
/// and each intervention run on the same trial indices, with the uncertain
/// parameters' streams aligned by path (common random numbers), and every
/// metric of every scope compared trial by trial.
public enum InterventionComparison {
    public struct Effect: Sendable, Equatable {
        public var scope: String
        public var metric: Metric
        /// The metric's mean in each run over the paired trials (those where
        /// both runs have a value): the set the change is computed on, so
        /// value - baseline = change. Per-opening metrics: the mean of the
        /// trials' means over their filled openings (17.8).
        public var baseline: Double?, value: Double?
        /// The median in each run as `summary.csv` reports it (every
        /// opening or trial; nil: beyond the horizon).
        public var baselineMedian: Double?, valueMedian: Double?
        /// The paired difference of the per-trial values (17.8, 17.9).
        public var difference: PairedDifference
    }

    public struct Result: Sendable, Equatable {
        public var intervention: String
        /// One line per changed field clipped or rounded (`Scenario.changeNotes`).
        public var notes: [String] = []
        /// Every scope (plan first) and metric, in `Metric.allCases` order.
        public var effects: [Effect]

        public func effect(_ scope: String, _ metric: Metric) -> Effect? {
            effects.first { $0.scope == scope && $0.metric == metric }
        }
    }

    /// The interventions named `names` (nil: all of the scenario's), in the
    /// file's order; an unknown name lists the known ones.
    public static func select(_ names: [String]?, from scenario: Scenario) throws(SensitivityError) -> [Intervention] {
        let known = scenario.interventions
        guard !known.isEmpty else {
            throw SensitivityError("the scenario has no interventions; add an 'interventions:' list "
                                   + "(- name: ..., changes: {PATH: \"x0.6\"})")
        }
        guard let names else { return known }
        for n in names where !known.contains(where: { $0.name == n }) {
            throw SensitivityError("unknown intervention '\(n)'; the scenario has: "
                                   + known.map { "'\($0.name)'" }.joined(separator: ", "), badOption: true)
        }
        return known.filter { names.contains($0.name) }
    }

    /// A plan to compare with the baseline on the same random numbers: an
    /// intervention applied to the baseline, or a second scenario file
    /// (`compare A.yaml B.yaml`), with the lines that say what was clipped
    /// or not carried over.
    public struct Variant: Sendable {
        public var name: String
        public var notes: [String]
        public var scenario: Scenario

        public init(name: String, notes: [String] = [], scenario: Scenario) {
            self.name = name; self.notes = notes; self.scenario = scenario
        }
    }

    /// Runs the baseline and each intervention; returns the baseline's
    /// forecast and one result per intervention.
    public static func run(scenario: Scenario, interventions: [Intervention], options: RunOptions,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(SensitivityError) -> (baseline: Forecast, results: [Result]) {
        // Check every intervention before the first trial runs.
        var variants: [Variant] = []
        for i in interventions {
            do {
                let changed = try scenario.applying(i)
                variants.append(Variant(name: i.name, notes: changed.changeNotes, scenario: changed))
            } catch {
                throw SensitivityError("\(error)")
            }
        }
        return try run(scenario: scenario, variants: variants, options: options, progress: progress)
    }

    /// Runs the baseline and each variant on the baseline's trials, seed and
    /// streams (the variants' uncertain parameters aligned by path, so a
    /// parameter both have draws the same numbers); one result per variant.
    /// A variant must be comparable with the baseline (`comparable`).
    public static func run(scenario: Scenario, variants: [Variant], options: RunOptions,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(SensitivityError) -> (baseline: Forecast, results: [Result]) {
        let base = SimulationModel(scenario)
        let models = variants.map { SimulationModel($0.scenario).aligningParameterStreams(with: base) }
        let (baseForecast, baseBuilder) = ForecastRunner.forecast(model: base, options: options, progress: progress)
        if options.isCancelled?() == true { throw .interrupted }
        var results: [Result] = []
        for (v, model) in zip(variants, models) {
            let (forecast, builder) = ForecastRunner.forecast(model: model, options: options, progress: progress)
            if options.isCancelled?() == true { throw .interrupted }
            results.append(Result(intervention: v.name, notes: v.notes,
                                  effects: effects(baseline: (baseForecast, baseBuilder), changed: (forecast, builder))))
        }
        return (baseForecast, results)
    }

    /// Every scope's and metric's effect between two runs of the same trials.
    public static func effects(baseline: (Forecast, ForecastBuilder), changed: (Forecast, ForecastBuilder)) -> [Effect] {
        var out: [Effect] = []
        for (s, scope) in baseline.0.scopes.enumerated() {
            for metric in Metric.allCases {
                let d = PairedDifference(baseline: baseline.1.column(scope: s, metric: metric),
                                         changed: changed.1.column(scope: s, metric: metric))
                out.append(Effect(scope: scope, metric: metric, baseline: d.baselineMean, value: d.changedMean,
                                  baselineMedian: baseline.0.summary(s, metric).percentile(0.50),
                                  valueMedian: changed.0.summary(s, metric).percentile(0.50), difference: d))
            }
        }
        return out
    }
}
