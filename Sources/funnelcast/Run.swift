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

    @Option(help: "Number of trials (default: the scenario's `trials`).")
    var trials: Int?

    @Option(help: "Master seed (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Directory for the CSV files.")
    var out: String?

    @Flag(name: .customLong("trials-csv"), help: "Also write DIR/trials.csv, one row per trial.")
    var trialsCSV = false

    @Flag(help: "No progress bar and no tables on the terminal.")
    var quiet = false

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1 (got \(trials)).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
        if trialsCSV && out == nil { throw ValidationError("--trials-csv needs --out DIR.") }
    }

    func run() throws {
        var scenario = try input.load()
        if let trials { scenario.trials = trials }
        if let seed { scenario.seed = seed }
        let outputs: OutputDirectory?
        do { outputs = try out.map { try OutputDirectory(path: $0) } } catch {
            printError("\(error)"); throw ExitCode(1)
        }

        let model = SimulationModel(scenario)
        let options = RunOptions(trials: scenario.trials, seed: scenario.seed,
                                 threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let bar = ProgressBar(total: scenario.trials, label: "trials",
                              enabled: !quiet && ProgressBar.stderrIsTerminal)
        var written: [String] = []
        do {
            let stream = trialsCSV ? try outputs?.trialsStream(model: model) : nil
            let (forecast, _) = try ForecastRunner.forecast(
                model: model, options: options, keepsTrialColumns: false, progress: { bar.advance(by: $0) },
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
