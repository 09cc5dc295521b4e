import FunnelModel
import Simulation

/// Interventions in shards (MODEL.md 20): a shard runs its trial range of
/// the baseline and of every intervention, keeping the per-trial columns
/// the paired differences need; the merged builders give `results` exactly
/// as `InterventionComparison.run` does.
extension InterventionComparison {
    /// The baseline's model, then each intervention's, aligned for common
    /// random numbers; an intervention that does not apply is an error.
    public static func models(scenario: Scenario, interventions: [Intervention]) throws(SensitivityError) -> [SimulationModel] {
        let base = SimulationModel(scenario)
        var models = [base]
        for i in interventions {
            do { models.append(SimulationModel(try scenario.applying(i)).aligningParameterStreams(with: base)) } catch {
                throw SensitivityError("\(error)")
            }
        }
        return models
    }

    /// The builders of `models` on the trials of `options` (its
    /// `firstTrial` and `trials`: a shard's range), baseline first.
    public static func builders(models: [SimulationModel], options: RunOptions,
                                progress: (@Sendable (Int) -> Void)? = nil) throws(SensitivityError) -> [ForecastBuilder] {
        var out: [ForecastBuilder] = []
        for m in models {
            out.append(ForecastRunner.forecast(model: m, options: options, progress: progress).1)
            if options.isCancelled?() == true { throw .interrupted }
        }
        return out
    }

    /// The baseline's forecast and one result per intervention from the
    /// builders of every trial (baseline first), as `run` returns them:
    /// the paired baseline and value, the medians, and each intervention's
    /// clipped-change notes from `scenario` (the one `models` was given).
    public static func results(scenario: Scenario, interventions: [Intervention], builders: [ForecastBuilder],
                               seed: UInt64) -> (baseline: Forecast, results: [Result]) {
        precondition(builders.count == interventions.count + 1, "\(builders.count) builders for \(interventions.count) interventions")
        func forecast(_ b: ForecastBuilder) -> (Forecast, ForecastBuilder) {
            var f = b.build()
            f.seed = seed
            return (f, b)
        }
        let base = forecast(builders[0])
        let results = zip(interventions, builders.dropFirst()).map { i, b in
            // `models` applied every intervention already, so this cannot fail.
            Result(intervention: i.name, notes: (try? scenario.applying(i))?.changeNotes ?? [],
                   effects: effects(baseline: base, changed: forecast(b)))
        }
        return (base.0, results)
    }
}
