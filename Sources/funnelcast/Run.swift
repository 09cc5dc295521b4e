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
        if trialsCSV && out == nil { throw ValidationError("--trials-csv needs --out DIR.") }
        if let maxEvents, RunLimits.parseCount(maxEvents) == nil {
            throw ValidationError("--max-events must be a number of events such as 50000000 or 5e7 (got \(maxEvents)).")
        }
        if let maxMemory, RunLimits.parseSize(maxMemory) == nil {
            throw ValidationError("--max-memory must be a size such as 8G, 512M or 2000000000 (bytes) (got \(maxMemory)).")
        }
    }

    /// The limits: the defaults, then the environment, then the options.
    func limits() throws(RunLimitError) -> RunLimits {
        var limits = try RunLimits.fromEnvironment()
        if let v = maxEvents.flatMap(RunLimits.parseCount) { limits.maxEventsPerTrial = v }
        if let v = maxMemory.flatMap(RunLimits.parseSize) { limits.maxMemoryBytes = v }
        return limits
    }

    func run() throws {
        var scenario = try input.load()
        if let trials { scenario.trials = trials }
        if let seed { scenario.seed = seed }
        let model = SimulationModel(scenario)
        var options = RunOptions(trials: scenario.trials, seed: scenario.seed,
                                 threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        // Everything that can be refused is refused before any work starts.
        do { try limits().check(model: model, trials: options.trials, threads: options.threads) } catch {
            printError("\(error)"); throw ExitCode(1)
        }
        let outputs: OutputDirectory?
        do { outputs = try out.map { try OutputDirectory(path: $0) } } catch {
            printError("\(error)"); throw ExitCode(1)
        }

        Interrupts.install()
        options.isCancelled = { Interrupts.caught != nil }
        let bar = ProgressBar(total: scenario.trials, label: "trials",
                              enabled: !quiet && ProgressBar.stderrIsTerminal)
        var stream: CSVFileStream? = nil
        var pending: [PendingFile] = []
        do {
            stream = trialsCSV ? try outputs?.trialsStream(model: model) : nil
            let (forecast, _) = try ForecastRunner.forecast(
                model: model, options: options, progress: { bar.advance(by: $0) },
                perTrial: { [stream] i, o in
                    if Interrupts.caught != nil { throw Interrupted() }
                    try stream?.append(ForecastTables.trialsRow(i, o, model: model))
                })
            bar.finish()
            if Interrupts.caught != nil { throw Interrupted() }
            // Every file complete beside its target, then the renames: an
            // interrupt before them leaves the previous outputs as they were.
            pending = try outputs?.prepareForecast(forecast) ?? []
            try stream?.finish()
            if Interrupts.caught != nil { throw Interrupted() }
            for p in pending { try p.commit() }
            try stream?.commit()
            var written = pending.map(\.path)
            if let stream { written.append(stream.path) }
            if let signal = Interrupts.caught {
                printError("interrupted by \(Interrupts.name(signal)) after the outputs were written; the report was not printed")
                throw ExitCode(128 + signal)
            }
            if !quiet {
                print(TerminalReport.render(forecast), terminator: "")
                if !written.isEmpty { print("Wrote " + written.joined(separator: ", ")) }
            }
        } catch is Interrupted {
            bar.finish()
            for p in pending { p.abandon() }
            stream?.abandon()
            let signal = Interrupts.caught ?? 2
            var files = OutputDirectory.forecastFiles
            if trialsCSV { files.append("trials.csv") }
            let what = outputs.map { "\(files.joined(separator: ", ")) not written; \($0.path) is as it was" } ?? "no forecast"
            printError("interrupted by \(Interrupts.name(signal)) after \(bar.completed) of \(scenario.trials) trials: \(what)")
            throw ExitCode(128 + signal)
        } catch let error as OutputError {
            bar.finish()
            for p in pending { p.abandon() }
            stream?.abandon()
            printError("\(error)"); throw ExitCode(1)
        }
    }
}
