import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting
import Simulation

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
              funnelcast compare Scenarios/reference-plan.yaml --intervention "Third recruiter"
            """
    )

    @OptionGroup var input: ScenarioArgument

    @Option(name: .customLong("intervention"), help: "Only this intervention (repeat for several; default: all).")
    var interventions: [String] = []

    @OptionGroup var options: ForecastOptions

    @Option(help: "Directory for interventions.csv.")
    var out: String?

    @OptionGroup var sharding: ShardOption

    func run() throws {
        var scenario = try input.load()
        options.apply(to: &scenario)
        if let shard = try sharding.parsed(out: out) {
            return try runShard(shard, scenario)
        }
        let outputs = try outputDirectory(out)
        try options.checkLimits(SimulationModel(scenario), trials: scenario.trials, keepsTrialColumns: true)
        Interrupts.install()
        let results = try reportingErrors { () throws -> [InterventionComparison.Result] in
            let chosen = try InterventionComparison.select(interventions.isEmpty ? nil : interventions, from: scenario)
            let bar = options.progressBar(total: scenario.trials * (1 + chosen.count))
            defer { bar.finish() }
            return try InterventionComparison.run(scenario: scenario, interventions: chosen, options: options.runOptions(scenario),
                                                  progress: { bar.advance(by: $0) }).results
        }
        let written = try reportingErrors { try outputs?.write(SensitivityTables.interventions(results), as: "interventions.csv") }
        if !options.quiet {
            print(InterventionReport.render(results, trials: scenario.trials), terminator: "")
            if let written { print("Wrote \(written)") }
        }
    }
}
