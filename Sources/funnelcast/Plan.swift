// `funnelcast plan` (a thin command over `PlanJob`) and the `--precision`
// options that `run`, `compare`, `report` and `plan` share.
import ArgumentParser
import Forecast
import Jobs
import Shards

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan backwards: the lever value at which a metric reaches a target.",
        discussion: """
            For each --lever alone (a parameter path such as
            requisitions.backend.sourcing.applicants_per_week, recruiters.count,
            interviewers.hours_per_week or requisitions.sales.opens_day), finds the
            value at which --metric of --scope (default: the plan's on_time)
            reaches --target: the smallest value for a lever that helps as it
            grows, the latest day for opens_day. Every value is run on the same
            trials with the same seed; the search brackets and bisects (integer
            levers exactly). Prints the value, the metric there with its 95%
            interval and the range of values whose interval contains the target;
            with --out DIR writes plan.csv and plan-curve.csv. --shard K/N searches
            shard K's levers only (docs/scale-out.md).

            Examples:
              funnelcast plan Scenarios/reference-plan.yaml --scope backend --target 0.9 --lever requisitions.backend.sourcing.applicants_per_week --trials 2000
              funnelcast plan Scenarios/reference-plan.yaml --target 0.5 --lever interviewers.hours_per_week --lever recruiters.count --out out
            """
    )

    @OptionGroup var input: ScenarioArgument

    @Option(help: "The value the metric must reach: a probability in (0, 1) for on_time.")
    var target: Double

    @Option(help: ArgumentHelp("A numeric parameter path to move (repeatable).", valueName: "path"))
    var lever: [String] = []

    @Option(help: "plan (the default) or a requisition's name.")
    var scope: String?

    @Option(help: "The metric (its mean): on_time (the default, reach at least), filled (at least), or any other (at most).")
    var metric: String?

    @Option(help: "The lowest lever value to try (default: the field's minimum).")
    var min: Double?

    @Option(help: "The highest lever value to try (default: 4x today's value, 1 for probabilities, the last valid day for opens_day).")
    var max: Double?

    @OptionGroup var precision: PrecisionOptions

    @OptionGroup var options: ForecastOptions

    @Option(help: "Directory for plan.csv and plan-curve.csv (with --shard: the part file, PART.fcpart).")
    var out: String?

    @OptionGroup var sharding: ShardOption

    func validate() throws {
        if lever.isEmpty { throw ValidationError("give at least one --lever PATH.") }
        if let min, let max, min > max { throw ValidationError("--min \(min) is above --max \(max).") }
        try precision.check(metricAllowed: false)
    }

    func run() throws {
        let scenario = options.apply(to: try input.load())
        if let shard = try sharding.parsed(out: out) {
            // Shards split the levers; each lever is searched whole (docs/scale-out.md).
            let p = ShardedCommand.Plan(levers: lever, target: target, metric: metric, scope: scope, min: min, max: max,
                                        precision: precision.rule)
            return try ShardRun.run(.plan(p), scenario: scenario, scenarioFile: input.scenario, shard: shard, options: options,
                                    out: out!)
        }
        let job = PlanJob(scenario: scenario, levers: lever, target: target, metric: metric, scope: scope,
                          min: min, max: max, precision: precision.rule, directory: out)
        let limits = try options.limits()
        let prepared = try refusing { () throws(JobError) in try job.prepare(limits: limits, threads: options.threadCount) }
        Interrupts.install()
        let outcome = try reportingErrors { () throws(JobError) in try prepared.run(options.context()) }
        try finish(outcome, quiet: options.quiet)
    }
}

/// `--precision H [--precision-metric M]`: run in batches until the 95%
/// half-width of M is at most H, with --trials as the cap.
struct PrecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stop once the 95% interval's half-width of the metric is at most H (such as 0.005, or 1% "
                               + "relative); --trials is then the cap.", valueName: "H"))
    var precision: String?

    @Option(name: .customLong("precision-metric"),
            help: ArgumentHelp("The metric --precision watches (default: the plan's on_time), METRIC or SCOPE.METRIC.",
                               valueName: "M"))
    var precisionMetric: String?

    var rule: Precision? { precision.flatMap(Precision.init) }

    /// The rule and its metric for a job.
    var setting: PrecisionSetting? {
        rule.map { PrecisionSetting(rule: $0, scope: scopeAndMetric.scope, metric: scopeAndMetric.metric) }
    }

    func check(metricAllowed: Bool = true) throws {
        if let precision, Precision(precision) == nil {
            throw ValidationError("--precision must be a positive number such as 0.005, or a share such as 1% (got \(precision)).")
        }
        if precisionMetric != nil && precision == nil { throw ValidationError("--precision-metric needs --precision H.") }
        if precisionMetric != nil && !metricAllowed {
            throw ValidationError("--precision-metric is not for plan: plan watches its own --metric.")
        }
    }

    /// The watched metric's scope and name: `SCOPE.METRIC` or `METRIC` (scope plan).
    var scopeAndMetric: (scope: String?, metric: String?) {
        guard let m = precisionMetric else { return (nil, nil) }
        let parts = m.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, Metric(rawValue: parts[0]) == nil { return (parts[0], parts[1]) }
        return (nil, m)
    }
}
