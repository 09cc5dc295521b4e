import ArgumentParser
import Foundation
import Jobs
import Shards
import Reporting

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the forecast as one HTML page with charts.",
        discussion: """
            Runs the forecast and writes a self-contained HTML file (inline CSS
            and SVG, no script, nothing fetched): starts over time per
            requisition, time to fill, the funnel with losses by reason, and
            the tables. It opens from disk in any browser and prints on A4.
            Where the scenario has interventions, the page shows their effect on
            the plan's P(on time), each run on the baseline's random numbers,
            and a table of that change in every requisition; --tornado adds
            the tornado chart of the plan's P(on time). --metric and --scope
            (as sensitivity reads them) make the page about another metric or
            one requisition: the tornado's statistic and the interventions'
            metric (their mean over the paired trials).
            --shard K/N --out PART.fcpart runs shard K's trials only; `funnelcast
            merge PARTS --html FILE` writes the page (docs/scale-out.md).

            Examples:
              funnelcast report Scenarios/reference-plan.yaml --out forecast.html
              funnelcast report Scenarios/reference-plan.yaml --tornado \\
                  --tornado-trials 1000
              funnelcast report Scenarios/reference-plan.yaml --tornado \\
                  --scope backend --metric time_to_fill.p50
            """
    )

    @OptionGroup var input: ScenarioArgument

    @OptionGroup var options: ForecastOptions

    @Option(help: ArgumentHelp("The HTML file to write (default: the scenario's name with .html, here).",
                               valueName: "file.html"))
    var out: String?

    @Flag(name: .customLong("no-interventions"), help: "Leave out the scenario's interventions (and their runs).")
    var noInterventions = false

    @Flag(help: "Add the tornado chart of the metric (--metric, --scope): every parameter moved alone to a low and a high value.")
    var tornado = false

    @Option(help: "The tornado's and the interventions' metric, METRIC[.STATISTIC] (default: on_time).")
    var metric: String?

    @Option(help: "plan (the default) or a requisition's name: the scope of --metric.")
    var scope: String?

    @Option(name: .customLong("tornado-trials"),
            help: "Trials of each of the tornado's runs (about 200 runs for the reference plan).")
    var tornadoTrials = 1000

    @Option(help: ArgumentHelp("Add the search curves of a `funnelcast plan ... --out DIR` (its plan-curve.csv).",
                               valueName: "dir"))
    var plan: String?

    @OptionGroup var precision: PrecisionOptions

    @OptionGroup var sharding: ShardOption
    @OptionGroup var change: ChangeOption

    func validate() throws {
        try precision.check()
        if tornadoTrials < 1 { throw ValidationError("--tornado-trials must be at least 1 (got \(tornadoTrials)).") }
    }

    /// The default output: `plan.yaml` gives `plan.html` in the current directory.
    var outputPath: String {
        if let out { return out }
        let name = (input.scenario as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return (stem.isEmpty ? "report" : stem) + ".html"
    }

    func run() throws {
        let scenario = try change.apply(to: options.apply(to: try input.load()))
        let why = "shard the page's forecast and interventions, and leave it out"
        if let shard = try sharding.parsed(out: out, refusing: [("--change", !change.changes.isEmpty)], unsharded: [
            ("--tornado", tornado, "its runs are not trials; " + why),
            ("--precision", precision.precision != nil, "where a run stops depends on every trial before it; " + why),
            ("--plan", plan != nil, "the curves come from a file, not from trials; " + why),
            ("--metric", metric != nil, "the merged page is about the plan's P(on time); " + why),
            ("--scope", scope != nil, "the merged page is about the whole plan; " + why)]) {
            return try ShardRun.run(.report(interventions: !noInterventions), scenario: scenario, scenarioFile: input.scenario,
                                    shard: shard, options: options, out: out!)
        }
        var command = ForecastOptions.reproduce("report", file: input.scenario, scenario) + change.reproduced
        if tornado { command += " --tornado --tornado-trials \(tornadoTrials)" }
        if noInterventions { command += " --no-interventions" }
        if let metric { command += " --metric \(metric)" }
        if let scope { command += " --scope \(scope)" }
        var job = ReportJob(scenario: scenario, path: outputPath,
                            interventions: noInterventions ? [] : scenario.interventions,
                            tornadoTrials: tornado ? tornadoTrials : nil,
                            info: ReportInfo(scenarioFile: input.scenario, command: command))
        job.precision = precision.setting
        job.metric = metric
        job.scope = scope
        if let plan { job.planCurves = try Report.curves(plan) }
        // The forecast's (and the interventions') trials, then the tornado's
        // runs, then the page's path; all refused before any work.
        let limits = try options.limits()
        try refusing { () throws(JobError) in try job.prepare(limits: limits, threads: options.threadCount) }
        Interrupts.install()
        let outcome = try reportingErrors { () throws(JobError) in try job.run(options.context()) }
        try finish(outcome, quiet: options.quiet)
    }

    /// DIR/plan-curve.csv read back; a missing or bad file is one line and exit 1.
    static func curves(_ dir: String) throws -> [PlanCurve] {
        let file = (dir as NSString).appendingPathComponent("plan-curve.csv")
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            printError("\(file): cannot be read (run funnelcast plan ... --out \(dir) first)"); throw ExitCode(1)
        }
        do { return try PlanCurve.parse(text, file: file) } catch {
            printError(error.description); throw ExitCode(1)
        }
    }
}
