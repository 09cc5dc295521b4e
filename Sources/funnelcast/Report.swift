import ArgumentParser
import Foundation
import FunnelModel
import Reporting
import Simulation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the forecast as one HTML page with charts.",
        discussion: """
            Runs the forecast and writes a self-contained HTML file (inline CSS
            and SVG, no script, nothing fetched): starts over time per
            requisition, time to fill, the funnel with losses by reason, and
            the tables. It opens from disk in any browser and prints on A4.

            Example: funnelcast report Scenarios/reference-plan.yaml --out forecast.html
            """
    )

    @OptionGroup var input: ScenarioArgument

    @OptionGroup var options: ForecastOptions

    @Option(help: ArgumentHelp("The HTML file to write (default: the scenario's name with .html, here).",
                               valueName: "file.html"))
    var out: String?

    /// The default output: `plan.yaml` gives `plan.html` in the current directory.
    var outputPath: String {
        if let out { return out }
        let name = (input.scenario as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return (stem.isEmpty ? "report" : stem) + ".html"
    }

    func run() throws {
        let scenario = options.apply(to: try input.load())
        let path = outputPath
        let model = SimulationModel(scenario)
        try options.checkLimits(model, trials: scenario.trials, keepsTrialColumns: false)
        do { try AtomicFile.checkWritable(path) } catch {
            printError("\(error)"); throw ExitCode(1)
        }
        Interrupts.install()
        do {
            let forecast = try options.forecast(scenario, model: model)
            let info = ReportInfo(scenarioFile: input.scenario,
                                  command: ForecastOptions.reproduce("report", file: input.scenario, scenario))
            let page = try HTMLReport.prepare(forecast, for: path, info: info)
            if let signal = Interrupts.caught {
                page.abandon()
                throw Interrupted(completed: scenario.trials, signal: signal)
            }
            try page.commit()
        } catch let interrupted as Interrupted {
            printError("interrupted by \(Interrupts.name(interrupted.signal)) after \(interrupted.completed) of "
                       + "\(scenario.trials) trials: \(path) not written")
            throw ExitCode(128 + interrupted.signal)
        } catch {
            printError("\(error)"); throw ExitCode(1)
        }
        if !options.quiet { print("Wrote \(path)") }
    }
}
