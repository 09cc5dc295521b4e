import ArgumentParser
import Jobs

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
              funnelcast sensitivity Scenarios/reference-plan.yaml --method tornado \\
                  --trials 2000 --out out
              funnelcast sensitivity Scenarios/reference-plan.yaml --method tornado \\
                  --metric time_to_fill.p50 --scope backend \\
                  --parameters 'requisitions.backend.*.*.*'
              funnelcast sensitivity Scenarios/reference-plan.yaml --method sobol \\
                  --trials 2000 --out out
              funnelcast sensitivity Scenarios/reference-plan.yaml \\
                  --method correlation --out out
            """
    )

    enum Method: String, CaseIterable, ExpressibleByArgument {
        case tornado, sobol, correlation

        var job: SensitivityJob.Method { SensitivityJob.Method(rawValue: rawValue)! }
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

    @OptionGroup var csv: CSVOptions

    @OptionGroup var change: ChangeOption

    @OptionGroup var sharding: ShardOption

    func validate() throws {
        if bootstrap < 10 { throw ValidationError("--bootstrap must be at least 10 (got \(bootstrap)).") }
    }

    func run() throws {
        let scenario = try change.apply(to: options.apply(to: try input.load()))
        if let shard = try sharding.parsed(out: out, refusing: [("--delimiter", csv.delimiter != nil),
                                                               ("--decimal-comma", csv.decimalComma),
                                                               ("--change", !change.changes.isEmpty)]) {
            return try runShard(shard, scenario)
        }
        var job = SensitivityJob(scenario: scenario, method: method.job, metric: metric, scope: scope, parameters: parameters,
                                 swing: swing, bootstrap: bootstrap, directory: out)
        job.delimiter = csv.character
        job.decimalComma = csv.decimalComma
        // The output directory, then the limits of every run of the design.
        let limits = try options.limits()
        let prepared = try refusing { () throws(JobError) in try job.prepare(limits: limits, threads: options.threadCount) }
        Interrupts.install()
        let outcome = try reportingErrors { () throws(JobError) in try prepared.run(options.context()) }
        try finish(outcome, quiet: options.quiet)
    }
}
