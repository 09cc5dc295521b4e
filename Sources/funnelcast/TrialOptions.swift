import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting

/// Options of every command that simulates: how many trials, the seed, the
/// threads, and whether to be quiet.
struct TrialOptions: ParsableArguments {
    @Option(help: "Number of trials (default: the scenario's `trials`).")
    var trials: Int?

    @Option(help: "Master seed (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "No progress bar and no tables on the terminal.")
    var quiet = false

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1 (got \(trials)).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
    }

    /// The scenario with --trials and --seed applied.
    func apply(to scenario: inout Scenario) {
        if let trials { scenario.trials = trials }
        if let seed { scenario.seed = seed }
    }

    /// Run options for the scenario's trials and seed.
    func runOptions(_ scenario: Scenario) -> RunOptions {
        RunOptions(trials: scenario.trials, seed: scenario.seed,
                   threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// A progress bar for `total` trials, drawn unless quiet or not on a terminal.
    func progressBar(total: Int) -> ProgressBar {
        ProgressBar(total: total, label: "trials", enabled: !quiet && ProgressBar.stderrIsTerminal)
    }
}

/// `--out DIR`, created and checked before any work.
func outputDirectory(_ path: String?) throws -> OutputDirectory? {
    do { return try path.map { try OutputDirectory(path: $0) } } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
}

/// Runs `body`; a library error becomes one line on stderr and exit code 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SensitivityError {
        printError("\(error)"); throw ExitCode(1)
    } catch let error as OutputError {
        printError("\(error)"); throw ExitCode(1)
    }
}
