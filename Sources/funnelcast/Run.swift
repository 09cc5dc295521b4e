import ArgumentParser
import Foundation
import Jobs
import Reporting

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Monte Carlo forecast of a scenario.",
        discussion: """
            Prints the forecast; with --out DIR also writes summary.csv,
            timeline.csv, funnel.csv and starts.csv there (and trials.csv with
            --trials-csv);
            with --html FILE also the HTML report of the same run.

            Examples:
              funnelcast run Scenarios/reference-plan.yaml --trials 20000 --out out
              funnelcast run Scenarios/single-role.yaml --out out --delimiter ';'
              funnelcast run Scenarios/reference-plan.yaml \\
                  --change requisitions.backend.offer.accept=x0.9
            """
    )

    @OptionGroup var input: ScenarioArgument

    @OptionGroup var options: ForecastOptions

    @OptionGroup var precision: PrecisionOptions

    @Option(help: "Directory for the CSV files.")
    var out: String?

    @OptionGroup var csv: CSVOptions

    @Flag(name: .customLong("trials-csv"), help: "Also write DIR/trials.csv, one row per trial.")
    var trialsCSV = false

    @Option(help: ArgumentHelp("Also write the HTML report of this run to FILE.", valueName: "file.html"))
    var html: String?

    @OptionGroup var change: ChangeOption

    @OptionGroup var sharding: ShardOption

    func validate() throws {
        if trialsCSV && out == nil { throw ValidationError("--trials-csv needs --out DIR.") }
        try precision.check()
    }

    func run() throws {
        let scenario = try change.apply(to: options.apply(to: try input.load()))
        if let shard = try sharding.parsed(out: out, refusing: [("--html", html != nil), ("--decimal-comma", csv.decimalComma),
                                                               ("--change", !change.changes.isEmpty)],
                                             unsharded: [("--precision", precision.precision != nil,
                                                          "where a run stops depends on every trial before it; "
                                                              + "shard a fixed --trials N instead")]) {
            return try runShard(shard, scenario)
        }
        let info = ReportInfo(scenarioFile: input.scenario,
                              command: ForecastOptions.reproduce("run", file: input.scenario, scenario) + change.reproduced
                                  + (html.map { " --html " + ForecastOptions.quoted($0) } ?? ""))
        var job = RunJob(scenario: scenario, directory: out, delimiter: csv.character, trialsCSV: trialsCSV, html: html,
                         reportInfo: info, precision: precision.setting)
        job.decimalComma = csv.decimalComma
        // Everything that can be refused is refused before any work starts.
        let limits = try options.limits()
        let prepared = try refusing { () throws(JobError) in try job.prepare(limits: limits, threads: options.threadCount) }
        Interrupts.install()
        // A write that fails is said as it is, even after an interrupt.
        let outcome = try refusing { () throws(JobError) in try prepared.run(options.context()) }
        try finish(outcome, quiet: options.quiet)
    }
}
