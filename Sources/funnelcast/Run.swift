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
            timeline.csv and funnel.csv there (and trials.csv with --trials-csv);
            with --html FILE also the HTML report of the same run.

            Examples:
              funnelcast run Scenarios/reference-plan.yaml --trials 20000 --out out
              funnelcast run Scenarios/single-role.yaml --out out --delimiter ';'
            """
    )

    @OptionGroup var input: ScenarioArgument

    @OptionGroup var options: ForecastOptions

    @Option(help: "Directory for the CSV files.")
    var out: String?

    @Option(help: ArgumentHelp("CSV field delimiter: ',' (default), ';', 'tab', '|'. Decimals are always '.'.",
                               valueName: "char"))
    var delimiter: String = ","

    @Flag(name: .customLong("trials-csv"), help: "Also write DIR/trials.csv, one row per trial.")
    var trialsCSV = false

    @Option(help: ArgumentHelp("Also write the HTML report of this run to FILE.", valueName: "file.html"))
    var html: String?

    @OptionGroup var sharding: ShardOption

    func validate() throws {
        if trialsCSV && out == nil { throw ValidationError("--trials-csv needs --out DIR.") }
        if case .failure(let e) = CSVDelimiter.parse(delimiter) { throw ValidationError("\(e).") }
    }

    func run() throws {
        let scenario = options.apply(to: try input.load())
        if let shard = try sharding.parsed(out: out, refusing: [("--html", html != nil)]) {
            return try runShard(shard, scenario)
        }
        let delimiter = try CSVDelimiter.parse(delimiter).get()
        let model = SimulationModel(scenario)
        // Everything that can be refused is refused before any work starts.
        try options.checkLimits(model, trials: scenario.trials, keepsTrialColumns: false)
        let outputs: OutputDirectory?
        do {
            outputs = try out.map { try OutputDirectory(path: $0, delimiter: delimiter) }
            if let html { try AtomicFile.checkWritable(html) }
        } catch {
            printError("\(error)"); throw ExitCode(1)
        }

        Interrupts.install()
        var stream: CSVFileStream? = nil
        var pending: [PendingFile] = []
        do {
            stream = trialsCSV ? try outputs?.trialsStream(model: model) : nil
            let forecast = try options.forecast(
                scenario, model: model,
                perTrial: stream.map { s in { i, o in try s.append(ForecastTables.trialsRow(i, o, model: model)) } })
            // Every file complete beside its target, then the renames: an
            // interrupt before them leaves the previous outputs as they were.
            pending = try outputs?.prepareForecast(forecast) ?? []
            if let html {
                let info = ReportInfo(scenarioFile: input.scenario,
                                      command: ForecastOptions.reproduce("run", file: input.scenario, scenario))
                pending.append(try HTMLReport.prepare(forecast, for: html, info: info))
            }
            try stream?.finish()
            if let signal = Interrupts.caught { throw Interrupted(completed: scenario.trials, signal: signal) }
            for p in pending { try p.commit() }
            try stream?.commit()
            var written = pending.map(\.path)
            if let stream { written.append(stream.path) }
            if let signal = Interrupts.caught {
                printError("interrupted by \(Interrupts.name(signal)) after the outputs were written; the report was not printed")
                throw ExitCode(128 + signal)
            }
            if !options.quiet {
                print(TerminalReport.render(forecast), terminator: "")
                if !written.isEmpty { print("Wrote " + written.joined(separator: ", ")) }
            }
        } catch let interrupted as Interrupted {
            for p in pending { p.abandon() }
            stream?.abandon()
            var files = outputs == nil ? [] : OutputDirectory.forecastFiles
            if trialsCSV { files.append("trials.csv") }
            var what = outputs.map { "\(files.joined(separator: ", ")) not written; \($0.path) is as it was" } ?? "no forecast"
            if let html { what += outputs == nil ? "; \(html) not written" : ", nor \(html)" }
            printError("interrupted by \(Interrupts.name(interrupted.signal)) after \(interrupted.completed) of "
                       + "\(scenario.trials) trials: \(what)")
            throw ExitCode(128 + interrupted.signal)
        } catch let error as OutputError {
            for p in pending { p.abandon() }
            stream?.abandon()
            printError("\(error)"); throw ExitCode(1)
        }
    }
}
