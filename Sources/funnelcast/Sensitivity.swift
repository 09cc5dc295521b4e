import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting
import Simulation

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What drives the forecast: a tornado, Sobol indices or rank correlations.",
        discussion: """
            tornado: each parameter moved alone to a low and a high value (uncertain
              ones to their P10 and P90, others x(1 -/+ swing)), on the base run's
              random numbers; --trials trials per run. Writes sensitivity-tornado.csv.
            sobol: first-order and total Sobol indices of the uncertain parameters
              and of the trial's own randomness, with bootstrap 95% intervals;
              --trials rows per design matrix, trials x (parameters + 3) trials in
              all. Writes sensitivity-sobol.csv.
            correlation: Spearman correlation of every uncertain parameter with
              every per-trial metric, from one run. Writes sensitivity-correlation.csv.

            --metric is METRIC[.STATISTIC]: on_time (the default), filled,
            time_to_fill.p50, cost_per_hire.mean, ...; statistics: mean, sd, p5,
            p10, p25, p50, p75, p90, p95, beyond_horizon (tornado only).

            Examples:
              funnelcast sensitivity Scenarios/reference-plan.yaml --method tornado --trials 2000 --out out
              funnelcast sensitivity Scenarios/reference-plan.yaml --method tornado --metric time_to_fill.p50 --scope backend --parameters 'requisitions.backend.*.*.*'
              funnelcast sensitivity Scenarios/reference-plan.yaml --method sobol --trials 2000 --out out
              funnelcast sensitivity Scenarios/reference-plan.yaml --method correlation --out out
            """
    )

    enum Method: String, CaseIterable, ExpressibleByArgument {
        case tornado, sobol, correlation
    }

    @OptionGroup var input: ScenarioArgument

    @Option(help: "tornado, sobol or correlation.")
    var method: Method

    @Option(help: "The metric, METRIC[.STATISTIC] (default: on_time).")
    var metric: String?

    @Option(help: "plan (the default) or a requisition's name.")
    var scope: String?

    @Option(parsing: .upToNextOption,
            help: "Only the parameters these path patterns match (`*` matches one segment), e.g. 'requisitions.*.stages.*.pass'.")
    var parameters: [String] = []

    @Option(help: "tornado: how far fixed numbers and durations move, x(1 -/+ swing).")
    var swing = 0.2

    @Option(help: "sobol: bootstrap resamples for the intervals.")
    var bootstrap = 1000

    @OptionGroup var options: ForecastOptions

    @Option(help: "Directory for the CSV file.")
    var out: String?

    @OptionGroup var sharding: ShardOption

    func validate() throws {
        if bootstrap < 10 { throw ValidationError("--bootstrap must be at least 10 (got \(bootstrap)).") }
    }

    func run() throws {
        var scenario = try input.load()
        options.apply(to: &scenario)
        if let shard = try sharding.parsed(out: out) {
            return try runShard(shard, scenario)
        }
        let outputs = try outputDirectory(out)
        let model = SimulationModel(scenario)
        // Every run of a tornado or Sobol design has the scenario's trials
        // or design rows; each keeps its trials' values.
        try options.checkLimits(model, trials: method == .sobol ? ScenarioSobol.trials(rows: scenario.trials,
                                                                                       parameters: model.uncertainPaths.count)
                                                                : scenario.trials,
                                keepsTrialColumns: true)
        Interrupts.install()
        let (report, table, file) = try reportingErrors { () throws -> (String, CSVTable, String) in
            let choice = try MetricChoice(metric, scope: scope, model: model)
            switch method {
            case .tornado:
                let points = try TornadoPoint.points(of: scenario, patterns: parameters.isEmpty ? nil : parameters, swing: swing)
                let bar = options.progressBar(total: scenario.trials * Tornado.runs(points))
                defer { bar.finish() }
                let result = try Tornado.run(scenario: scenario, points: points, metric: choice,
                                             options: options.runOptions(scenario), progress: { bar.advance(by: $0) })
                return (SensitivityReport.tornado(result), SensitivityTables.tornado(result), "sensitivity-tornado.csv")
            case .sobol:
                let selected = try ParameterSelection.uncertain(parameters, in: model)
                let count = selected?.count ?? model.uncertainPaths.count
                let bar = options.progressBar(total: ScenarioSobol.trials(rows: scenario.trials, parameters: count))
                defer { bar.finish() }
                let result = try ScenarioSobol.run(model: model, selected: selected, metric: choice, rows: scenario.trials,
                                                   seed: scenario.seed, threads: options.runOptions(scenario).threads,
                                                   bootstrap: bootstrap, isCancelled: { Interrupts.caught != nil },
                                                   progress: { bar.advance(by: $0) })
                return (SensitivityReport.sobol(result), SensitivityTables.sobol(result), "sensitivity-sobol.csv")
            case .correlation:
                let selected = try ParameterSelection.uncertain(parameters, in: model)
                guard !model.uncertainPaths.isEmpty else {
                    throw SensitivityError("the scenario has no uncertain parameters (distributions on probabilities, rates "
                                           + "or costs) to correlate")
                }
                let bar = options.progressBar(total: scenario.trials)
                defer { bar.finish() }
                let (_, builder) = ForecastRunner.forecast(model: model, options: options.runOptions(scenario),
                                                           progress: { bar.advance(by: $0) })
                if Interrupts.caught != nil { throw SensitivityError.interrupted }
                let rows = ParameterCorrelation.rows(builder, parameters: selected)
                return (SensitivityReport.correlation(rows, scope: choice.scopeName, metric: choice.metric, trials: scenario.trials),
                        SensitivityTables.correlation(rows), "sensitivity-correlation.csv")
            }
        }
        let written = try reportingErrors { try outputs?.write(table, as: file) }
        if !options.quiet {
            print(report, terminator: "")
            if let written { print("Wrote \(written)") }
        }
    }
}
