import ArgumentParser
import Jobs

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the scenario's interventions with the baseline.",
        discussion: """
            Runs the baseline and each intervention of the scenario file on the
            same trials with the same random numbers, and reports each metric's
            change with a 95% interval of the paired difference. With --out DIR
            writes interventions.csv (every scope and metric).

            Examples:
              funnelcast compare Scenarios/reference-plan.yaml --trials 5000 --out out
              funnelcast compare Scenarios/reference-plan.yaml \\
                  --intervention "Third recruiter"
            """
    )

    @OptionGroup var input: ScenarioArgument

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
        if let shard = try sharding.parsed(out: out, refusing: [("--delimiter", csv.delimiter != nil),
                                                               ("--decimal-comma", csv.decimalComma),
                                                               ("--change", !change.changes.isEmpty)],
                                             unsharded: [("--precision", precision.precision != nil,
                                                          "where a run stops depends on every trial before it; "
                                                              + "shard a fixed --trials N instead")]) {
            return try runShard(shard, scenario)
        }
        var job = CompareJob(scenario: scenario, interventions: interventions.isEmpty ? nil : interventions, directory: out,
                             precision: precision.setting)
        job.delimiter = csv.character
        job.decimalComma = csv.decimalComma
        let limits = try options.limits()
        let prepared = try refusing { () throws(JobError) in try job.prepare(limits: limits, threads: options.threadCount) }
        Interrupts.install()
        let outcome = try reportingErrors { () throws(JobError) in try prepared.run(options.context()) }
        try finish(outcome, quiet: options.quiet)
    }
}
