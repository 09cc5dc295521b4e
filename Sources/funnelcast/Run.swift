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

    func validate() throws {
        if trialsCSV && out == nil { throw ValidationError("--trials-csv needs --out DIR.") }
        if case .failure(let e) = CSVDelimiter.parse(delimiter) { throw ValidationError("\(e).") }
    }

    func run() throws {
        let scenario = options.apply(to: try input.load())
        let delimiter = try CSVDelimiter.parse(delimiter).get()
        let outputs: OutputDirectory?
        do {
            outputs = try out.map { try OutputDirectory(path: $0, delimiter: delimiter) }
            if let html { try AtomicFile.checkWritable(html) }
        } catch {
            printError("\(error)"); throw ExitCode(1)
        }

        let model = SimulationModel(scenario)
        var written: [String] = []
        do {
            let stream = trialsCSV ? try outputs?.trialsStream(model: model) : nil
            let forecast = try options.forecast(
                scenario, model: model,
                perTrial: stream.map { s in { i, o in try s.append(ForecastTables.trialsRow(i, o, model: model)) } })
            if let outputs {
                written = try outputs.writeForecast(forecast)
                if let stream { try stream.commit(); written.append(stream.path) }
            }
            if let html {
                let info = ReportInfo(scenarioFile: input.scenario,
                                      command: ForecastOptions.reproduce("run", file: input.scenario, scenario))
                try HTMLReport.write(forecast, to: html, info: info)
                written.append(html)
            }
            if !options.quiet { print(TerminalReport.render(forecast), terminator: "") }
        } catch let error as OutputError {
            printError("\(error)"); throw ExitCode(1)
        }
        if !options.quiet && !written.isEmpty { print("Wrote " + written.joined(separator: ", ")) }
    }
}
