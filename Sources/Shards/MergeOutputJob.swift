import Forecast
import Jobs
import Reporting

/// `funnelcast merge PART... --out DIR [--html FILE]` without the process:
/// reads the parts, merges them (`MergeJob`) and writes every output the
/// unsharded command writes, each complete beside its target before any is
/// renamed into place: a refused part or a failed write leaves nothing new.
public struct MergeOutputJob {
    /// The part files, in any order.
    public var parts: [String]
    /// Directory for the CSV files, or nil.
    public var directory: String?
    /// The HTML report (parts of `run` and `report` only), or nil.
    public var html: String?

    public init(parts: [String], directory: String? = nil, html: String? = nil) {
        self.parts = parts
        self.directory = directory
        self.html = html
    }

    /// Why a merge wrote nothing.
    public enum Failure: Error, CustomStringConvertible {
        /// A part missing, duplicated, foreign, cut short or unreadable.
        case part(PartError)
        case output(OutputError)
        /// An HTML report asked of the parts of another command than `run` or `report`.
        case htmlNeedsRunParts(path: String)
        /// The parts of `report` (first part's path) merged without `--html`,
        /// or with a CSV directory: they make the page alone.
        case reportNeedsHTML(path: String)

        public var description: String {
            switch self {
            case .part(let e): return e.description
            case .output(let e): return e.description
            case .htmlNeedsRunParts(let path): return "\(path): only the parts of `run` and `report` make an HTML report"
            case .reportNeedsHTML(let path):
                return "\(path): the parts of `report` make its HTML page and no CSV files: merge them with --html FILE "
                    + "and without --out"
            }
        }
    }

    /// What a merge did: the job's outcome (the files written, the command's
    /// terminal report as text) and what it merged.
    public struct Result {
        public var outcome: JobOutcome
        /// Parts merged.
        public var partCount: Int
        /// N and its units ("trials", "evaluations", "runs").
        public var total: Int
        public var unit: String
    }

    public func run() throws(Failure) -> Result {
        let set: PartSet
        let job: ShardJob, merged: MergeJob.Outcome
        do {
            set = try ShardMerge.read(parts)
            (job, merged) = try MergeJob.merge(set)
        } catch {
            throw .part(error)
        }
        let header = set.header
        var delimiter: Character = ","
        if case let .run(_, d) = job.command, case .success(let c) = CSVDelimiter.parse(d) { delimiter = c }
        if case .report = merged {
            guard html != nil, directory == nil else { throw .reportNeedsHTML(path: set.parts[0].path) }
        } else if let html {
            guard case .run = merged else { throw .htmlNeedsRunParts(path: html) }
        }
        var pending: [AtomicFile] = []
        let report: String
        do throws(OutputError) {
            let outputs = try directory.map { (path) throws(OutputError) in try OutputDirectory(path: path, delimiter: delimiter) }
            func table(_ t: CSVTable, _ name: String) throws(OutputError) {
                if let outputs { pending.append(try AtomicFile.prepare(t.render(delimiter: delimiter), for: outputs.file(name))) }
            }
            switch merged {
            case let .run(forecast, rows):
                pending += try outputs?.prepareForecast(forecast) ?? []
                if let rows, let outputs {
                    let head = CSVTable(header: ForecastTables.trialsHeader(job.model)).render(delimiter: delimiter)
                    pending.append(try AtomicFile.prepare(head + String(decoding: rows, as: UTF8.self),
                                                          for: outputs.file("trials.csv")))
                }
                if let html {
                    let info = ReportInfo(scenarioFile: header.scenarioFile,
                                          command: ReproducingCommand.text("run", file: header.scenarioFile, job.scenario)
                                              + " --html " + ReproducingCommand.quoted(html))
                    pending.append(try HTMLReport.prepare(forecast, for: html, info: info))
                }
                report = TerminalReport.render(forecast)
            case let .compare(_, results):
                try table(SensitivityTables.interventions(results), "interventions.csv")
                report = InterventionReport.render(results, trials: job.scenario.trials)
            case let .tornado(r):
                try table(SensitivityTables.tornado(r), "sensitivity-tornado.csv")
                report = SensitivityReport.tornado(r)
            case let .sobol(r):
                try table(SensitivityTables.sobol(r), "sensitivity-sobol.csv")
                report = SensitivityReport.sobol(r)
            case let .plan(results, workload, goal):
                let finished = PlanJob.outputs(results, workload: workload, goal: goal, scenario: job.scenario)
                for (name, t) in finished.tables { try table(t, name) }
                report = finished.text
            case let .report(forecast, compared):
                // The page `report` writes, with its own "reproduce with" line.
                var command = ReproducingCommand.text("report", file: header.scenarioFile, job.scenario)
                if case .report(false) = job.command { command += " --no-interventions" }
                let extras = ReportExtras(tornado: nil, interventions: compared)
                pending.append(try HTMLReport.prepare(forecast, for: html!, info: ReportInfo(scenarioFile: header.scenarioFile,
                                                                                          command: command), extras: extras))
                report = ""
            case let .correlation(rows, metric):
                try table(SensitivityTables.correlation(rows), "sensitivity-correlation.csv")
                report = SensitivityReport.correlation(rows, scope: metric.scopeName, metric: metric.metric,
                                                       trials: job.scenario.trials)
            }
            for p in pending { try p.commit() }
        } catch {
            for p in pending { p.abandon() }
            throw .output(error)
        }
        return Result(outcome: JobOutcome(written: pending.map(\.path), text: report), partCount: set.parts.count,
                      total: header.total, unit: header.unit)
    }
}
