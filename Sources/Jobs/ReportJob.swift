import Forecast
import FunnelModel
import Reporting
import Simulation

/// `funnelcast report` without the process: the forecast as one HTML page,
/// with the effect of the scenario's interventions (each run on the
/// baseline's random numbers) and, optionally, the tornado of the plan's
/// P(on time). The page is written beside its target and renamed over it
/// once complete.
public struct ReportJob {
    public var scenario: Scenario
    /// The HTML file to write.
    public var path: String
    /// The interventions compared with the baseline (none: no runs, no section).
    public var interventions: [Intervention]
    /// Trials of each tornado run, or nil for no tornado.
    public var tornadoTrials: Int?
    public var info: ReportInfo
    /// `plan`'s search curves to draw (report --plan), or nil.
    public var planCurves: [PlanCurve]? = nil
    /// `--precision`: the baseline runs in batches until the watched metric
    /// is this precise (the scenario's trials as the cap); the page's runs
    /// then use that many trials and its header says the precision reached.
    public var precision: PrecisionSetting? = nil
    /// `--metric` and `--scope` (as `sensitivity` reads them; nil: the
    /// plan's P(on time)): what the tornado and the interventions' chart
    /// measure. The interventions' table shows that metric's change in
    /// every scope.
    public var metric: String? = nil, scope: String? = nil

    public init(scenario: Scenario, path: String, interventions: [Intervention], tornadoTrials: Int? = nil,
                info: ReportInfo = ReportInfo()) {
        self.scenario = scenario
        self.path = path
        self.interventions = interventions
        self.tornadoTrials = tornadoTrials
        self.info = info
    }

    /// The forecast's (and the interventions') trials, then the tornado's
    /// runs, checked against the limits; then the page's path. Before any work.
    public func prepare(limits: RunLimits, threads: Int) throws(JobError) {
        let model = SimulationModel(scenario)
        do { _ = try MetricChoice(metric, scope: scope, model: model) } catch { throw .analysis(error) }
        if let precision { _ = try precision.choice(model) }
        try limits.checkJob(model, trials: scenario.trials, threads: threads, keepsTrialColumns: !interventions.isEmpty)
        if let tornadoTrials { try limits.checkJob(model, trials: tornadoTrials, threads: threads, keepsTrialColumns: false) }
        do { try AtomicFile.checkWritable(path) } catch { throw .output(error) }
    }

    /// Runs everything the page shows and writes it; cancelled, it writes nothing.
    public func run(_ context: JobContext) throws(JobError) -> JobOutcome {
        do {
            let page = try render(context)
            if context.isCancelled() {
                page.abandon()
                return JobOutcome(interruption: .beforeFinish)
            }
            try page.commit()
            return JobOutcome(written: [path])
        } catch let error as SensitivityError {
            if error == .interrupted { return JobOutcome(interruption: .beforeFinish) }
            throw .analysis(error)
        } catch let error as OutputError {
            throw .output(error)
        } catch {
            preconditionFailure("a report throws only SensitivityError or OutputError, not \(error)")
        }
    }

    /// The runs, then the page written beside its target.
    private func render(_ context: JobContext) throws -> AtomicFile {
        var scenario = self.scenario
        let model = SimulationModel(scenario)
        var reached: PrecisionReached? = nil
        if let precision {
            let metric = try precision.choice(model)
            let bar = context.progress(scenario.trials)
            reached = ForecastRunner.forecast(model: model, options: context.runOptions(scenario), precision: precision.rule,
                                              metric: metric, progress: { bar.advance(by: $0) }).2
            bar.finish()
            if context.isCancelled() { throw SensitivityError.interrupted }
            scenario.trials = reached!.trials
        }
        var tornadoScenario = scenario
        tornadoScenario.trials = tornadoTrials ?? 0
        let points = tornadoTrials == nil ? [] : try TornadoPoint.points(of: scenario, swing: 0.2)
        let runs = scenario.trials * (1 + interventions.count) + (tornadoTrials.map { $0 * Tornado.runs(points) } ?? 0)
        let bar = context.progress(runs)
        defer { bar.finish() }
        var forecast: Forecast
        var compared: [InterventionComparison.Result]? = nil
        if interventions.isEmpty {
            forecast = ForecastRunner.forecast(model: model, options: context.runOptions(scenario), keepsTrialColumns: false,
                                               progress: { bar.advance(by: $0) }).0
            if context.isCancelled() { throw SensitivityError.interrupted }
        } else {
            (forecast, compared) = try InterventionComparison.run(
                scenario: scenario, interventions: interventions, options: context.runOptions(scenario),
                progress: { bar.advance(by: $0) })
        }
        let choice = try MetricChoice(metric, scope: scope, model: model)
        let swings = tornadoTrials == nil ? nil
            : try Tornado.run(scenario: tornadoScenario, points: points, metric: choice,
                              options: context.runOptions(tornadoScenario), progress: { bar.advance(by: $0) })
        bar.finish()
        forecast.precision = reached
        var extras = ReportExtras(tornado: swings, interventions: compared, metric: choice)
        extras.planCurves = planCurves
        return try HTMLReport.prepare(forecast, for: path, info: info, extras: extras)
    }
}
