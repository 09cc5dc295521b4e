import Forecast
import FunnelModel
import ScenarioYAML
import Simulation

/// `funnelcast merge`'s work without the files it writes: rebuilds the
/// scenario from the parts' header (its text, trials and seed, checked
/// against the fingerprint), merges the bodies in shard order and finishes
/// the command as one unsharded run would.
public enum MergeJob {
    public enum Outcome: Sendable {
        /// `run`: the forecast, and trials.csv's rows where the parts kept them.
        case run(Forecast, trialRows: [UInt8]?)
        case compare(baseline: Forecast, results: [InterventionComparison.Result])
        case tornado(Tornado.Result)
        case sobol(ScenarioSobol.Result)
        case correlation([ParameterCorrelation.Row], metric: MetricChoice)
        /// `plan`: every lever's result, the workload at the first answer, the goal.
        case plan([PlanResult], workload: (index: Int, workload: Workload)?, goal: PlanGoal)
        /// `report`: the forecast and, where the interventions were compared, their results.
        case report(Forecast, interventions: [InterventionComparison.Result]?)
    }

    /// Merges `set`; its job says what the command and scenario were.
    public static func merge(_ set: PartSet) throws(PartError) -> (job: ShardJob, outcome: Outcome) {
        let header = set.header
        let first = set.parts[0].path
        guard let command = ShardedCommand(header) else {
            throw .invalid(path: first, reason: "an unknown command '\(header.command)' with \(header.optionsText)")
        }
        var scenario: Scenario
        do { scenario = try ScenarioLoader.parse(yaml: header.scenarioText, file: header.scenarioFile) } catch {
            throw .invalid(path: first, reason: "its scenario text does not load: \(error.issues.first.map { "\($0)" } ?? "")")
        }
        scenario.trials = header.trials
        scenario.seed = header.seed
        guard ScenarioFingerprint.of(scenario) == header.scenarioHash else {
            throw .invalid(path: first, reason: "its scenario text does not match its fingerprint (written by another funnelcast?)")
        }
        let job = ShardJob(scenario: scenario, command: command)
        do {
            let units = try job.units()
            guard units.total == header.total, units.unit == header.unit else {
                throw PartError.invalid(path: first, reason: "\(header.total) \(header.unit) where its command has \(units.total) \(units.unit)")
            }
            return (job, try outcome(job, command, set))
        } catch let e as PartError {
            throw e
        } catch {
            throw .invalid(path: first, reason: "\(error)")
        }
    }

    private static func outcome(_ job: ShardJob, _ command: ShardedCommand, _ set: PartSet) throws -> Outcome {
        let scenario = job.scenario, model = job.model
        func forecast(_ b: ForecastBuilder) -> Forecast {
            var f = b.build()
            f.seed = scenario.seed
            return f
        }
        switch command {
        case .run:
            let (builder, rows) = try ShardMerge.forecast(set, model: model)
            return .run(forecast(builder), trialRows: rows)
        case let .compare(names):
            let chosen = try InterventionComparison.select(names.isEmpty ? nil : names, from: scenario)
            let models = try InterventionComparison.models(scenario: scenario, interventions: chosen)
            let builders = try ShardMerge.builders(set, models: models)
            let (base, results) = InterventionComparison.results(scenario: scenario, interventions: chosen, builders: builders,
                                                                 seed: scenario.seed)
            return .compare(baseline: base, results: results)
        case let .sensitivity(s):
            switch s.method {
            case .correlation:
                let (choice, selected) = try job.correlationChoices(s)
                let (builder, _) = try ShardMerge.forecast(set, model: model)
                return .correlation(ParameterCorrelation.rows(builder, parameters: selected), metric: choice)
            case .sobol:
                return .sobol(try job.study(s).result(outputs: try ShardMerge.outputs(set), bootstrap: s.bootstrap))
            case .tornado:
                return .tornado(Tornado.result(points: try job.points(s), metric: try job.choice(s),
                                               statistics: try ShardMerge.statistics(set), trials: scenario.trials))
            }
        case let .plan(p):
            let (goal, levers) = try job.plan(p)
            let (results, workload) = try ShardMerge.plan(set, levers: levers)
            return .plan(results, workload: workload, goal: goal)
        case let .report(interventions):
            let chosen = interventions ? scenario.interventions : []
            if chosen.isEmpty {
                let (builder, _) = try ShardMerge.forecast(set, model: model)
                return .report(forecast(builder), interventions: nil)
            }
            let models = try InterventionComparison.models(scenario: scenario, interventions: chosen)
            let (base, results) = InterventionComparison.results(scenario: scenario, interventions: chosen,
                                                                 builders: try ShardMerge.builders(set, models: models),
                                                                 seed: scenario.seed)
            return .report(base, interventions: results)
        }
    }
}
