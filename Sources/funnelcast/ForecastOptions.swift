import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting
import Simulation

/// Options shared by the commands that run a forecast (`run`, `report`).
struct ForecastOptions: ParsableArguments {
    @Option(help: "Number of trials (default: the scenario's `trials`).")
    var trials: Int?

    @Option(help: "Master seed (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "No progress bar and nothing on the terminal but errors.")
    var quiet = false

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1 (got \(trials)).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
    }

    /// The scenario with the command line's trials and seed.
    func apply(to scenario: Scenario) -> Scenario {
        var s = scenario
        if let trials { s.trials = trials }
        if let seed { s.seed = seed }
        return s
    }

    /// Runs the forecast with a progress bar on stderr (only on a terminal,
    /// never with --quiet); `perTrial` sees every outcome in trial order.
    func forecast(_ scenario: Scenario, model: SimulationModel,
                  perTrial: ((Int, TrialOutcome) throws -> Void)? = nil) rethrows -> Forecast {
        let options = RunOptions(trials: scenario.trials, seed: scenario.seed,
                                 threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let bar = ProgressBar(total: scenario.trials, label: "trials", enabled: !quiet && ProgressBar.stderrIsTerminal)
        defer { bar.finish() }
        let (forecast, _) = try ForecastRunner.forecast(model: model, options: options, keepsTrialColumns: false,
                                                        progress: { bar.advance(by: $0) }, perTrial: perTrial)
        return forecast
    }

    /// The command line that gives the same numbers, for the report's header.
    static func reproduce(_ command: String, file: String, _ scenario: Scenario) -> String {
        let quoted = file.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? file : "'\(file)'"
        return "funnelcast \(command) \(quoted) --trials \(scenario.trials) --seed \(scenario.seed)"
    }
}
