import Forecast
import FunnelModel
import Reporting
import Simulation

/// `funnelcast sensitivity` without the process: what drives a metric of
/// the forecast, by one of three methods, as a table for the terminal and
/// one CSV file where a directory is given.
public struct SensitivityJob {
    public enum Method: String, CaseIterable, Sendable {
        /// Each parameter moved alone to a low and a high value.
        case tornado
        /// First-order and total Sobol indices of the uncertain parameters.
        case sobol
        /// Spearman correlations of the uncertain parameters with every metric.
        case correlation

        /// The CSV file the method writes.
        public var file: String { "sensitivity-\(rawValue).csv" }
    }

    public var scenario: Scenario
    public var method: Method
    /// METRIC[.STATISTIC], nil for on_time.
    public var metric: String?
    /// plan (nil) or a requisition's name.
    public var scope: String?
    /// Path patterns choosing the parameters; empty for all.
    public var parameters: [String]
    /// tornado: how far fixed numbers and durations move, x(1 -/+ swing).
    public var swing: Double
    /// sobol: bootstrap resamples for the intervals.
    public var bootstrap: Int
    public var directory: String?
    /// The CSV file's field delimiter and decimal mark (`OutputDirectory`).
    public var delimiter: Character = ","
    public var decimalComma = false

    public init(scenario: Scenario, method: Method, metric: String? = nil, scope: String? = nil, parameters: [String] = [],
                swing: Double = 0.2, bootstrap: Int = 1000, directory: String? = nil) {
        self.scenario = scenario
        self.method = method
        self.metric = metric
        self.scope = scope
        self.parameters = parameters
        self.swing = swing
        self.bootstrap = bootstrap
        self.directory = directory
    }

    /// Creates the output directory, then checks the limits: every run of a
    /// tornado or Sobol design has the scenario's trials or design rows, and
    /// each keeps its trials' values. Before any work.
    public func prepare(limits: RunLimits, threads: Int) throws(JobError) -> Prepared {
        let outputs: OutputDirectory?
        do { outputs = try directory.map { (path) throws(OutputError) in try OutputDirectory(path: path, delimiter: delimiter, decimalComma: decimalComma) } } catch {
            throw .output(error)
        }
        let model = SimulationModel(scenario)
        let trials = method == .sobol ? ScenarioSobol.trials(rows: scenario.trials, parameters: model.uncertainPaths.count)
                                      : scenario.trials
        try limits.checkJob(model, trials: trials, threads: threads, keepsTrialColumns: true)
        return Prepared(job: self, model: model, outputs: outputs)
    }

    public struct Prepared {
        let job: SensitivityJob
        let model: SimulationModel
        let outputs: OutputDirectory?

        /// Runs the analysis and writes its CSV file; cancelled, nothing.
        public func run(_ context: JobContext) throws(JobError) -> JobOutcome {
            let (text, table): (String, CSVTable)
            do {
                (text, table) = try analyse(context)
            } catch .analysis(let error) where error == .interrupted {
                return JobOutcome(interruption: .beforeFinish)
            }
            do {
                let written = try outputs.map { (o) throws(OutputError) in try o.write(table, as: job.method.file) }
                return JobOutcome(written: written.map { [$0] } ?? [], text: text)
            } catch {
                throw .output(error)
            }
        }

        /// The report and the table of the job's method.
        private func analyse(_ context: JobContext) throws(JobError) -> (String, CSVTable) {
            let scenario = job.scenario
            let patterns = job.parameters
            do {
                let choice = try MetricChoice(job.metric, scope: job.scope, model: model)
                switch job.method {
                case .tornado:
                    let points = try TornadoPoint.points(of: scenario, patterns: patterns.isEmpty ? nil : patterns,
                                                         swing: job.swing)
                    let bar = context.progress(scenario.trials * Tornado.runs(points))
                    defer { bar.finish() }
                    let result = try Tornado.run(scenario: scenario, points: points, metric: choice,
                                                 options: context.runOptions(scenario), progress: { bar.advance(by: $0) })
                    return (SensitivityReport.tornado(result), SensitivityTables.tornado(result))
                case .sobol:
                    let selected = try ParameterSelection.uncertain(patterns, in: model)
                    let count = selected?.count ?? model.uncertainPaths.count
                    let bar = context.progress(ScenarioSobol.trials(rows: scenario.trials, parameters: count))
                    defer { bar.finish() }
                    let result = try ScenarioSobol.run(model: model, selected: selected, metric: choice, rows: scenario.trials,
                                                       seed: scenario.seed, threads: context.threads,
                                                       bootstrap: job.bootstrap, isCancelled: context.isCancelled,
                                                       progress: { bar.advance(by: $0) })
                    return (SensitivityReport.sobol(result), SensitivityTables.sobol(result))
                case .correlation:
                    let selected = try ParameterSelection.uncertain(patterns, in: model)
                    guard !model.uncertainPaths.isEmpty else { throw JobError.noUncertainParameters }
                    let bar = context.progress(scenario.trials)
                    defer { bar.finish() }
                    let (_, builder) = ForecastRunner.forecast(model: model, options: context.runOptions(scenario),
                                                               progress: { bar.advance(by: $0) })
                    if context.isCancelled() { throw SensitivityError.interrupted }
                    let rows = ParameterCorrelation.rows(builder, parameters: selected)
                    return (SensitivityReport.correlation(rows, scope: choice.scopeName, metric: choice.metric,
                                                          trials: scenario.trials),
                            SensitivityTables.correlation(rows))
                }
            } catch let error as SensitivityError {
                throw .analysis(error)
            } catch let error as JobError {
                throw error
            } catch {
                preconditionFailure("an analysis throws only SensitivityError, not \(error)")
            }
        }
    }
}
