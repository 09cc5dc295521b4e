import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting
import Simulation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Monte Carlo forecast of a scenario.",
        discussion: """
            Prints the forecast; with --out DIR also writes summary.csv,
            timeline.csv and funnel.csv there (and trials.csv with --trials-csv).

            Example: funnelcast run Scenarios/reference-plan.yaml --trials 20000 --out out
            """
    )

    @OptionGroup var input: ScenarioArgument

    @OptionGroup var trialOptions: TrialOptions

    @Option(help: "Directory for the CSV files.")
    var out: String?

    @Flag(name: .customLong("trials-csv"), help: "Also write DIR/trials.csv, one row per trial.")
    var trialsCSV = false

    var quiet: Bool { trialOptions.quiet }

    func validate() throws {
        if trialsCSV && out == nil { throw ValidationError("--trials-csv needs --out DIR.") }
    }

    func run() throws {
        var scenario = try input.load()
        trialOptions.apply(to: &scenario)
        let outputs = try outputDirectory(out)

        let model = SimulationModel(scenario)
        let options = trialOptions.runOptions(scenario)
        let bar = trialOptions.progressBar(total: scenario.trials)
        var written: [String] = []
        do {
            let stream = trialsCSV ? try outputs?.trialsStream(model: model) : nil
            let (forecast, _) = try ForecastRunner.forecast(
                model: model, options: options, progress: { bar.advance(by: $0) },
                perTrial: stream.map { s in { i, o in try s.append(ForecastTables.trialsRow(i, o, model: model)) } })
            bar.finish()
            if let outputs {
                written = try outputs.writeForecast(forecast)
                if let stream { try stream.commit(); written.append(stream.path) }
            }
            if !quiet { print(TerminalReport.render(forecast), terminator: "") }
        } catch let error as OutputError {
            bar.finish()
            printError("\(error)"); throw ExitCode(1)
        }
        if !quiet && !written.isEmpty { print("Wrote " + written.joined(separator: ", ")) }
    }
}
