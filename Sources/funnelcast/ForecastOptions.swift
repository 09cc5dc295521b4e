import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Jobs
import Reporting

/// Options shared by every command that runs trials (`run`, `report`,
/// `sensitivity`, `compare`): how many, the seed, the threads, quiet, and
/// the run limits checked before any work; they become a job's scenario,
/// `JobContext` and `RunLimits`.
struct ForecastOptions: ParsableArguments {
    // `.unconditional`: "--trials -5" reaches `validate` (a clear message)
    // instead of reading as a missing value followed by an option "-5".
    @Option(parsing: .unconditional, help: "Number of trials (default: the scenario's `trials`).")
    var trials: Int?

    @Option(name: .customLong("seed"), parsing: .unconditional,
            help: ArgumentHelp("Master seed, 0 to 18446744073709551615 (default: the scenario's `seed`).", valueName: "seed"))
    var seedText: String?

    /// --seed as a number (`validate` has checked it).
    var seed: UInt64? { seedText.flatMap { UInt64($0) } }

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
        if let seedText, UInt64(seedText) == nil {
            throw ValidationError("--seed must be a whole number from 0 to 18446744073709551615 (got \(seedText)).")
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

    /// The worker threads: --threads, or every core.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// What a job gets from the tool: the threads, the signal flag as its
    /// cancellation check (`Interrupts`), and a progress bar on stderr for
    /// each run (only on a terminal, never with --quiet).
    func context() -> JobContext {
        let quiet = quiet
        return JobContext(threads: threadCount, isCancelled: { Interrupts.caught != nil },
                          progress: { ProgressBar(total: $0, label: "trials", enabled: !quiet && ProgressBar.stderrIsTerminal) })
    }

    /// The limits: the defaults, then the environment, then the options;
    /// a variable that does not parse is one line on stderr and exit status 1.
    func limits() throws -> RunLimits {
        let settings = LimitSettings(maxEventsPerTrial: maxEvents.flatMap(RunLimits.parseCount),
                                     maxMemoryBytes: maxMemory.flatMap(RunLimits.parseSize))
        do { return try settings.resolve() } catch {
            printError(error.commandLineText); throw ExitCode(1)
        }
    }

    /// The command line that gives the same numbers, for the report's header.
    static func reproduce(_ command: String, file: String, _ scenario: Scenario) -> String {
        ReproducingCommand.text(command, file: file, scenario)
    }

    /// A path as a shell reads it: bare where it is safe, else in single quotes.
    static func quoted(_ file: String) -> String {
        ReproducingCommand.quoted(file)
    }
}
