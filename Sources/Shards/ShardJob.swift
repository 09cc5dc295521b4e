import Forecast
import FunnelModel
import Jobs
import Simulation

/// One shard of a command (MODEL.md 20): the units it splits (trials, a
/// Sobol design's evaluations, a tornado's runs), the part header, and the
/// shard's own work. The scenario has the command line's trials and seed.
public struct ShardJob: Sendable {
    public let scenario: Scenario
    public let command: ShardedCommand
    public let model: SimulationModel

    public init(scenario: Scenario, command: ShardedCommand) {
        self.scenario = scenario
        self.command = command
        model = SimulationModel(scenario)
    }

    /// The whole run's units: N and what they are.
    public func units() throws(SensitivityError) -> (total: Int, unit: String) {
        if case let .plan(p) = command { return (try plan(p).levers.count, "levers") }
        guard case let .sensitivity(s) = command, s.method != .correlation else { return (scenario.trials, "trials") }
        if s.method == .sobol { return (try study(s).design.evaluations, "evaluations") }
        return (Tornado.runs(try points(s)), "runs")
    }

    /// The header of `shard`'s part.
    public func header(shard: Shard, toolVersion: String, scenarioFile: String,
                       scenarioText: String) throws(SensitivityError) -> PartHeader {
        let (total, unit) = try units()
        var h = PartHeader(toolVersion: toolVersion, scenarioHash: ScenarioFingerprint.of(scenario), scenarioName: scenario.name,
                           seed: scenario.seed, total: total, unit: unit, shard: shard, command: command.name,
                           options: command.options)
        h.scenarioFile = scenarioFile
        h.scenarioText = scenarioText
        h.trials = scenario.trials
        return h
    }

    /// Runs `shard`'s units. `trialRow(i, outcome)`, for `run` with
    /// trials.csv, gives trial i's row as trials.csv holds it.
    public func run(shard: Shard, threads: Int, isCancelled: (@Sendable () -> Bool)? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil,
                    trialRow: ((Int, TrialOutcome) -> [UInt8])? = nil) throws(SensitivityError) -> ShardPayload {
        let range = shard.range(of: try units().total)
        var options = RunOptions(trials: range.count, seed: scenario.seed, threads: threads)
        options.firstTrial = range.lowerBound
        options.isCancelled = isCancelled
        func checkCancelled() throws(SensitivityError) { if isCancelled?() == true { throw .interrupted } }
        switch command {
        case let .run(trialsCSV, _):
            var rows: [UInt8]? = trialsCSV ? [] : nil
            let (_, builder) = ForecastRunner.forecast(model: model, options: options, keepsTrialColumns: false, progress: progress,
                                                       perTrial: trialsCSV ? { i, o in rows!.append(contentsOf: trialRow?(i, o) ?? []) } : nil)
            try checkCancelled()
            return .forecast(builder, trialRows: rows)
        case let .compare(names):
            let chosen = try InterventionComparison.select(names.isEmpty ? nil : names, from: scenario)
            let models = try InterventionComparison.models(scenario: scenario, interventions: chosen)
            return .builders(try InterventionComparison.builders(models: models, options: options, progress: progress))
        case let .sensitivity(s):
            switch s.method {
            case .correlation:
                _ = try correlationChoices(s)
                let (_, builder) = ForecastRunner.forecast(model: model, options: options, progress: progress)
                try checkCancelled()
                return .forecast(builder, trialRows: nil)
            case .sobol:
                return .outputs(try study(s).evaluate(range, threads: threads, isCancelled: isCancelled, progress: progress))
            case .tornado:
                var each = options
                each.firstTrial = 0
                each.trials = scenario.trials
                return .statistics(try Tornado.statistics(scenario: scenario, points: try points(s), metric: try choice(s),
                                                          options: each, runs: range, progress: progress))
            }
        case let .plan(p):
            // Each lever of the range searched whole, as `plan` searches it:
            // every evaluation on trials 0 ..< trials.
            let (goal, levers) = try plan(p)
            var each = options
            each.firstTrial = 0
            each.trials = scenario.trials
            var search = PlanSearch(scenario: scenario, goal: goal, options: each, precision: p.precision)
            search.progress = progress
            var results: [PlanResult] = []
            for lever in levers[range] {
                let r: PlanResult?
                do { r = try search.search(lever, isCancelled: { isCancelled?() == true }) } catch {
                    throw SensitivityError(error.description, badOption: true)
                }
                guard let r else { throw .interrupted }
                results.append(r)
            }
            // The workload at this shard's first answer: the plan's where no
            // earlier shard has one (the merge takes the first in shard order).
            var workload: (index: Int, workload: Workload)? = nil
            if let i = PlanJob.answered(results) {
                var at = each
                at.trials = results[i].atNeeded.trials
                do { workload = (range.lowerBound + i, try PlanJob.workload(at: results[i], scenario: scenario, options: at)) } catch {
                    throw SensitivityError(error.description, badOption: true)
                }
                try checkCancelled()
            }
            return .plan(results, workload: workload)
        case let .report(interventions):
            let chosen = interventions ? scenario.interventions : []
            if chosen.isEmpty {
                let (_, builder) = ForecastRunner.forecast(model: model, options: options, keepsTrialColumns: false, progress: progress)
                try checkCancelled()
                return .forecast(builder, trialRows: nil)
            }
            let models = try InterventionComparison.models(scenario: scenario, interventions: chosen)
            return .builders(try InterventionComparison.builders(models: models, options: options, progress: progress))
        }
    }

    /// `plan`'s goal and levers, resolved as `plan` resolves them.
    func plan(_ p: ShardedCommand.Plan) throws(SensitivityError) -> (goal: PlanGoal, levers: [Lever]) {
        do { return try planJob(p).resolved() } catch { throw SensitivityError(error.description, badOption: true) }
    }

    /// The `PlanJob` of `p` on this scenario.
    func planJob(_ p: ShardedCommand.Plan) -> PlanJob {
        PlanJob(scenario: scenario, levers: p.levers, target: p.target, metric: p.metric, scope: p.scope, min: p.min, max: p.max,
                precision: p.precision)
    }

    func choice(_ s: ShardedCommand.Sensitivity) throws(SensitivityError) -> MetricChoice {
        try MetricChoice(s.metric, scope: s.scope, model: model)
    }

    func study(_ s: ShardedCommand.Sensitivity) throws(SensitivityError) -> ScenarioSobol.Study {
        let c = try choice(s)
        let selected = try ParameterSelection.uncertain(s.parameters, in: model)
        return try ScenarioSobol.Study(model: model, selected: selected, metric: c, rows: scenario.trials, seed: scenario.seed)
    }

    func points(_ s: ShardedCommand.Sensitivity) throws(SensitivityError) -> [TornadoPoint] {
        _ = try choice(s)
        return try TornadoPoint.points(of: scenario, patterns: s.parameters.isEmpty ? nil : s.parameters, swing: s.swing)
    }

    /// The metric and the parameters a correlation reports.
    func correlationChoices(_ s: ShardedCommand.Sensitivity) throws(SensitivityError) -> (MetricChoice, [Int]?) {
        let c = try choice(s)
        let selected = try ParameterSelection.uncertain(s.parameters, in: model)
        guard !model.uncertainPaths.isEmpty else {
            throw SensitivityError("the scenario has no uncertain parameters (distributions on probabilities, rates "
                                   + "or costs) to correlate")
        }
        return (c, selected)
    }
}
