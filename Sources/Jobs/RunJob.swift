import Forecast
import FunnelModel
import Reporting
import Simulation

/// `funnelcast run` without the process: the forecast of a scenario, its
/// CSV files (and trials.csv, streamed) in a directory and, optionally, the
/// HTML report of the same run. Every file is written beside its target and
/// renamed over it only once all are complete, so a cancelled or failed job
/// leaves the previous outputs as they were.
///
/// Two steps: `prepare` refuses, before any work, what cannot be done (a
/// run beyond the limits, an output that cannot be written); `run` does it.
public struct RunJob {
    public var scenario: Scenario
    /// Directory for summary.csv, timeline.csv, funnel.csv and starts.csv, or nil.
    public var directory: String?
    public var delimiter: Character
    /// Numbers with ',' as the decimal mark.
    public var decimalComma = false
    /// Also trials.csv in `directory`, one row per trial.
    public var trialsCSV: Bool
    /// Also the HTML report to this file, with this header.
    public var html: String?
    public var reportInfo: ReportInfo
    /// `--precision`: batches until the watched metric is this precise, the
    /// scenario's trials as the cap (nil: exactly the scenario's trials).
    public var precision: PrecisionSetting?

    public init(scenario: Scenario, directory: String? = nil, delimiter: Character = ",", trialsCSV: Bool = false,
                html: String? = nil, reportInfo: ReportInfo = ReportInfo(), precision: PrecisionSetting? = nil) {
        self.precision = precision
        self.scenario = scenario
        self.directory = directory
        self.delimiter = delimiter
        self.trialsCSV = trialsCSV
        self.html = html
        self.reportInfo = reportInfo
    }

    /// Checks the limits, then creates the output directory and checks that
    /// every output can be written. Nothing is created where the limits refuse.
    public func prepare(limits: RunLimits, threads: Int) throws(JobError) -> Prepared {
        if trialsCSV && directory == nil { throw .trialsNeedOutputDirectory }
        let model = SimulationModel(scenario)
        if let precision { _ = try precision.choice(model) }
        try limits.checkJob(model, trials: scenario.trials, threads: threads, keepsTrialColumns: false)
        do {
            let outputs = try directory.map { (path) throws(OutputError) in try OutputDirectory(path: path, delimiter: delimiter, decimalComma: decimalComma) }
            if let html { try AtomicFile.checkWritable(html) }
            return Prepared(job: self, model: model, outputs: outputs)
        } catch {
            throw .output(error)
        }
    }

    /// A job whose outputs are ready; `run` may be called once.
    public struct Prepared {
        let job: RunJob
        let model: SimulationModel
        let outputs: OutputDirectory?

        /// Runs the trials and commits every output. Cancelled, it removes
        /// its temporary files and says, in the outcome, what was not written.
        public func run(_ context: JobContext) throws(JobError) -> JobOutcome {
            var stream: CSVFileStream? = nil
            var pending: [AtomicFile] = []
            func abandon() {
                for p in pending { p.abandon() }
                stream?.abandon()
            }
            do {
                stream = job.trialsCSV ? try outputs?.trialsStream(model: model) : nil
                let model = self.model
                let forecast = try ForecastRun.forecast(
                    job.scenario, model: model, context: context, precision: job.precision,
                    perTrial: stream.map { s in { i, o in try s.append(ForecastTables.trialsRow(i, o, model: model)) } })
                // Every file complete beside its target, then the renames: a
                // cancellation before them leaves the previous outputs as they were.
                pending = try outputs?.prepareForecast(forecast) ?? []
                if let html = job.html { pending.append(try HTMLReport.prepare(forecast, for: html, info: job.reportInfo)) }
                try stream?.finish()
                if context.isCancelled() { throw Cancelled(completed: job.scenario.trials) }
                for p in pending { try p.commit() }
                try stream?.commit()
                var written = pending.map(\.path)
                if let stream { written.append(stream.path) }
                return JobOutcome(written: written, text: TerminalReport.render(forecast),
                                  interruption: context.isCancelled() ? .afterCommit : nil)
            } catch let cancelled as Cancelled {
                abandon()
                return JobOutcome(interruption: .duringTrials(completed: cancelled.completed, total: job.scenario.trials,
                                                              notWritten: notWritten))
            } catch let error as OutputError {
                abandon()
                throw .output(error)
            } catch {
                abandon()
                preconditionFailure("a run throws only Cancelled or OutputError, not \(error)")
            }
        }

        /// What a cancelled run says it left: "summary.csv, timeline.csv,
        /// funnel.csv not written; out is as it was", or "no forecast".
        var notWritten: String {
            var files = outputs == nil ? [] : OutputDirectory.forecastFiles
            if job.trialsCSV { files.append("trials.csv") }
            var what = outputs.map { "\(files.joined(separator: ", ")) not written; \($0.path) is as it was" } ?? "no forecast"
            if let html = job.html { what += outputs == nil ? "; \(html) not written" : ", nor \(html)" }
            return what
        }
    }
}

/// The forecast of a scenario with a progress bar and the cancellation check.
enum ForecastRun {
    /// Runs the trials; `perTrial` sees every outcome in trial order. Throws
    /// `Cancelled` when the check stopped it, or what `perTrial` threw.
    static func forecast(_ scenario: Scenario, model: SimulationModel, context: JobContext, precision: PrecisionSetting? = nil,
                         perTrial: ((Int, TrialOutcome) throws -> Void)? = nil) throws -> Forecast {
        let bar = context.progress(scenario.trials)
        defer { bar.finish() }
        let check: (Int, TrialOutcome) throws -> Void = { i, o in
            if context.isCancelled() { throw Cancelled(completed: max(i, bar.completed)) }
            try perTrial?(i, o)
        }
        let forecast: Forecast
        if let precision {
            (forecast, _, _) = try ForecastRunner.forecast(
                model: model, options: context.runOptions(scenario), precision: precision.rule,
                metric: try precision.choice(model), progress: { bar.advance(by: $0) }, perTrial: check)
        } else {
            (forecast, _) = try ForecastRunner.forecast(
                model: model, options: context.runOptions(scenario), keepsTrialColumns: false,
                progress: { bar.advance(by: $0) }, perTrial: check)
        }
        if context.isCancelled() { throw Cancelled(completed: bar.completed) }
        return forecast
    }
}

/// `--precision H [--precision-metric M]` as a job takes it: the rule and
/// the watched metric (scope and name; default the plan's on_time).
public struct PrecisionSetting: Sendable {
    public var rule: Precision
    public var scope: String?
    public var metric: String?

    public init(rule: Precision, scope: String? = nil, metric: String? = nil) {
        self.rule = rule; self.scope = scope; self.metric = metric
    }

    /// The watched metric in `model` (a mean), or why it is not one.
    func choice(_ model: SimulationModel) throws(JobError) -> MetricChoice {
        let choice: MetricChoice
        do { choice = try MetricChoice(metric, scope: scope, model: model) } catch {
            throw .plan(PlanError("--precision-metric: \(error.description)"))
        }
        guard choice.statistic == .mean else {
            throw .plan(PlanError("--precision-metric \(choice): precision is on a metric's mean (or probability)"))
        }
        return choice
    }
}
