import ArgumentParser
import Foundation
import FunnelModel
import Forecast
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
            Where the scenario has interventions, the page shows their effect on
            the plan's P(on time), each run on the baseline's random numbers;
            --tornado adds the tornado chart of the plan's P(on time).

            Examples:
              funnelcast report Scenarios/reference-plan.yaml --out forecast.html
              funnelcast report Scenarios/reference-plan.yaml --tornado --tornado-trials 1000
            """
    )

    @OptionGroup var input: ScenarioArgument

    @OptionGroup var options: ForecastOptions

    @Option(help: ArgumentHelp("The HTML file to write (default: the scenario's name with .html, here).",
                               valueName: "file.html"))
    var out: String?

    @Flag(name: .customLong("no-interventions"), help: "Leave out the scenario's interventions (and their runs).")
    var noInterventions = false

    @Flag(help: "Add the tornado chart of the plan's P(on time): every parameter moved alone to a low and a high value.")
    var tornado = false

    @Option(name: .customLong("tornado-trials"),
            help: "Trials of each of the tornado's runs (about 200 runs for the reference plan).")
    var tornadoTrials = 1000

    func validate() throws {
        if tornadoTrials < 1 { throw ValidationError("--tornado-trials must be at least 1 (got \(tornadoTrials)).") }
    }

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
        let interventions = noInterventions ? [] : scenario.interventions
        // The forecast's (and the interventions') trials, then the tornado's
        // runs; everything that can be refused is refused before any work.
        try options.checkLimits(model, trials: scenario.trials, keepsTrialColumns: !interventions.isEmpty)
        if tornado { try options.checkLimits(model, trials: tornadoTrials, keepsTrialColumns: false) }
        do { try AtomicFile.checkWritable(path) } catch {
            printError("\(error)"); throw ExitCode(1)
        }
        Interrupts.install()
        var command = ForecastOptions.reproduce("report", file: input.scenario, scenario)
        if tornado { command += " --tornado --tornado-trials \(tornadoTrials)" }
        if noInterventions { command += " --no-interventions" }
        let info = ReportInfo(scenarioFile: input.scenario, command: command)

        try reportingErrors {
            var tornadoScenario = scenario
            tornadoScenario.trials = tornadoTrials
            let points = tornado ? try TornadoPoint.points(of: scenario, swing: 0.2) : []
            let runs = scenario.trials * (1 + interventions.count) + (tornado ? tornadoTrials * Tornado.runs(points) : 0)
            let bar = options.progressBar(total: runs)
            defer { bar.finish() }
            let forecast: Forecast
            var compared: [InterventionComparison.Result]? = nil
            if interventions.isEmpty {
                forecast = ForecastRunner.forecast(model: model, options: options.runOptions(scenario), keepsTrialColumns: false,
                                                   progress: { bar.advance(by: $0) }).0
                if Interrupts.caught != nil { throw SensitivityError.interrupted }
            } else {
                (forecast, compared) = try InterventionComparison.run(
                    scenario: scenario, interventions: interventions, options: options.runOptions(scenario),
                    progress: { bar.advance(by: $0) })
            }
            let swings = tornado
                ? try Tornado.run(scenario: tornadoScenario, points: points, metric: try MetricChoice(model: model),
                                  options: options.runOptions(tornadoScenario), progress: { bar.advance(by: $0) })
                : nil
            bar.finish()
            let page = try HTMLReport.prepare(forecast, for: path, info: info,
                                              extras: ReportExtras(tornado: swings, interventions: compared))
            if Interrupts.caught != nil {
                page.abandon()
                throw SensitivityError.interrupted
            }
            try page.commit()
        }
        if !options.quiet { print("Wrote \(path)") }
    }
}
