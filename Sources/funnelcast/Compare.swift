import ArgumentParser
import Forecast
import Jobs

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the scenario's interventions with the baseline, or two scenario files.",
        discussion: """
            Runs the baseline and each intervention of the scenario file on the
            same trials with the same random numbers, and reports each metric's
            change with a 95% interval of the paired difference. With --out DIR
            writes interventions.csv (every scope and metric).

            With a second file, compares B with A instead: both run A's trials
            and seed on the same random numbers (B's interventions are not
            run). The files must have the same requisitions in the same order,
            the same start and the same horizon; --change applies to both.

            Examples:
              funnelcast compare Scenarios/reference-plan.yaml --trials 5000 --out out
              funnelcast compare Scenarios/reference-plan.yaml \\
                  --intervention "Third recruiter"
              funnelcast compare plan.yaml plan-two-recruiters.yaml --out out
            """
    )

    @OptionGroup var input: ScenarioArgument

    @Argument(help: "A second scenario file (B) to compare with the first (A) on the same random numbers.")
    var other: String?

    @Option(name: .customLong("intervention"), help: "Only this intervention (repeat for several; default: all).")
    var interventions: [String] = []

    @OptionGroup var options: ForecastOptions

    @OptionGroup var precision: PrecisionOptions

    func validate() throws { try precision.check() }

    @Option(help: "Directory for interventions.csv.")
    var out: String?

    @OptionGroup var csv: CSVOptions

    @OptionGroup var change: ChangeOption

    @OptionGroup var sharding: ShardOption

    func run() throws {
        let scenario = try change.apply(to: options.apply(to: try input.load()))
        if other != nil && !interventions.isEmpty {
            printError("--intervention: not with a second scenario file (compare A B compares the two files' plans; "
                       + "their interventions are not run)")
            throw ExitCode(64)
        }
        if let shard = try sharding.parsed(out: out, refusing: [("--delimiter", csv.delimiter != nil),
                                                               ("--decimal-comma", csv.decimalComma),
                                                               ("--change", !change.changes.isEmpty)],
                                             unsharded: [("--precision", precision.precision != nil,
                                                          "where a run stops depends on every trial before it; "
                                                              + "shard a fixed --trials N instead"),
                                                         ("a second scenario file", other != nil,
                                                          "a part file holds one scenario; run compare A B unsharded")]) {
            return try runShard(shard, scenario)
        }
        var job = CompareJob(scenario: scenario, interventions: interventions.isEmpty ? nil : interventions, directory: out,
                             precision: precision.setting)
        if let other {
            let b = try change.apply(to: options.apply(to: try ScenarioArgument.load(path: other)))
            do {
                job.pair = (try ScenarioPair.variant(of: scenario, baselineLabel: input.scenario, other: b, label: other),
                            (baseline: input.scenario, other: other))
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        }
        job.delimiter = csv.character
        job.decimalComma = csv.decimalComma
        let limits = try options.limits()
        let prepared = try refusing { () throws(JobError) in try job.prepare(limits: limits, threads: options.threadCount) }
        Interrupts.install()
        let outcome = try reportingErrors { () throws(JobError) in try prepared.run(options.context()) }
        try finish(outcome, quiet: options.quiet)
    }
}
