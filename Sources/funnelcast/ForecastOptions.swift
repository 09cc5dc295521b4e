import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting
import Simulation

/// Options shared by every command that runs trials (`run`, `report`,
/// `sensitivity`, `compare`): how many, the seed, the threads, quiet, and
/// the run limits checked before any work.
struct ForecastOptions: ParsableArguments {
    @Option(help: "Number of trials (default: the scenario's `trials`).")
    var trials: Int?

    @Option(help: "Master seed (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "No progress bar and nothing on the terminal but errors.")
    var quiet = false

    @Option(name: .customLong("max-events"),
            help: ArgumentHelp("Refuse a plan whose trials need more events than N, estimated from its rates "
                               + "(default 10000000, or $FUNNELCAST_MAX_EVENTS).", valueName: "N"))
    var maxEvents: String?

    @Option(name: .customLong("max-memory"),
            help: ArgumentHelp("Refuse a run that needs more memory than SIZE, such as 8G or 512M "
                               + "(default: half of this machine's memory, or $FUNNELCAST_MAX_MEMORY).", valueName: "SIZE"))
    var maxMemory: String?

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1 (got \(trials)).") }
        if let trials, trials > RunLimits.maxTrials {
            throw ValidationError("--trials must be at most \(RunLimits.maxTrials) (got \(trials)).")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
        if let maxEvents, RunLimits.parseCount(maxEvents) == nil {
            throw ValidationError("--max-events must be a number of events such as 50000000 or 5e7 (got \(maxEvents)).")
        }
        if let maxMemory, RunLimits.parseSize(maxMemory) == nil {
            throw ValidationError("--max-memory must be a size such as 8G, 512M or 2000000000 (bytes) (got \(maxMemory)).")
        }
    }

    /// The scenario with the command line's trials and seed.
    func apply(to scenario: Scenario) -> Scenario {
        var s = scenario
        if let trials { s.trials = trials }
        if let seed { s.seed = seed }
        return s
    }

    /// Applies --trials and --seed in place.
    func apply(to scenario: inout Scenario) { scenario = apply(to: scenario) }

    /// Run options for the scenario's trials and seed; the run stops early
    /// once SIGINT or SIGTERM is caught (`Interrupts`).
    func runOptions(_ scenario: Scenario) -> RunOptions {
        var options = RunOptions(trials: scenario.trials, seed: scenario.seed,
                                 threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        options.isCancelled = { Interrupts.caught != nil }
        return options
    }

    /// A progress bar for `total` trials, drawn unless quiet or not on a terminal.
    func progressBar(total: Int) -> ProgressBar {
        ProgressBar(total: total, label: "trials", enabled: !quiet && ProgressBar.stderrIsTerminal)
    }

    /// The limits: the defaults, then the environment, then the options.
    func limits() throws(RunLimitError) -> RunLimits {
        var limits = try RunLimits.fromEnvironment()
        if let v = maxEvents.flatMap(RunLimits.parseCount) { limits.maxEventsPerTrial = v }
        if let v = maxMemory.flatMap(RunLimits.parseSize) { limits.maxMemoryBytes = v }
        return limits
    }

    /// Refuses, before any work, a run beyond the limits: one line on
    /// stderr and exit status 1. `trials` is the trials of one model
    /// (`runs` models are run one after another).
    func checkLimits(_ model: SimulationModel, trials: Int, keepsTrialColumns: Bool) throws {
        do {
            try limits().check(model: model, trials: trials,
                               threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                               keepsTrialColumns: keepsTrialColumns)
        } catch {
            printError("\(error)"); throw ExitCode(1)
        }
    }

    /// Runs the forecast with a progress bar on stderr (only on a terminal,
    /// never with --quiet); `perTrial` sees every outcome in trial order.
    /// Throws `Interrupted` when SIGINT or SIGTERM stopped it (the handler
    /// must be installed: `Interrupts.install()`).
    func forecast(_ scenario: Scenario, model: SimulationModel,
                  perTrial: ((Int, TrialOutcome) throws -> Void)? = nil) throws -> Forecast {
        let bar = progressBar(total: scenario.trials)
        defer { bar.finish() }
        let (forecast, _) = try ForecastRunner.forecast(
            model: model, options: runOptions(scenario), keepsTrialColumns: false,
            progress: { bar.advance(by: $0) },
            perTrial: { i, o in
                if Interrupts.caught != nil { throw Interrupted(completed: max(i, bar.completed)) }
                try perTrial?(i, o)
            })
        if Interrupts.caught != nil { throw Interrupted(completed: bar.completed) }
        return forecast
    }

    /// The command line that gives the same numbers, for the report's header.
    static func reproduce(_ command: String, file: String, _ scenario: Scenario) -> String {
        let quoted = file.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? file : "'\(file)'"
        return "funnelcast \(command) \(quoted) --trials \(scenario.trials) --seed \(scenario.seed)"
    }
}
