import ArgumentParser
import Forecast
import Foundation
import FunnelModel
import Reporting
import Shards
import Simulation

/// `funnelcast merge PART... --out DIR [--html FILE] [--print]`: the outputs
/// of a sharded run, byte for byte those of one unsharded run (MODEL.md 20).
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the parts of a sharded run into the outputs of one run.",
        discussion: """
            Checks that the parts belong together (same scenario, seed, command,
            options and N; every shard once) and writes what the unsharded command
            writes: for run, summary.csv, timeline.csv, funnel.csv (and trials.csv
            where the shards kept it), the HTML report with --html; for compare,
            interventions.csv; for sensitivity, its CSV. --print prints the
            command's terminal report. A part that does not fit is a one-line
            error naming it, and nothing is written. See docs/scale-out.md.

            Examples:
              funnelcast run Scenarios/reference-plan.yaml --shard 0/2 --out parts/0.fcpart
              funnelcast run Scenarios/reference-plan.yaml --shard 1/2 --out parts/1.fcpart
              funnelcast merge parts/*.fcpart --out out --html out/forecast.html
            """
    )

    @Argument(help: "The part files (.fcpart), in any order.")
    var parts: [String]

    @Option(help: "Directory for the CSV files.")
    var out: String?

    @Option(help: ArgumentHelp("Also write the HTML report (parts of `run`).", valueName: "file.html"))
    var html: String?

    @Flag(name: .customLong("print"), help: "Print the terminal report the unsharded command prints.")
    var printReport = false

    func validate() throws {
        if out == nil && html == nil && !printReport {
            throw ValidationError("merge writes nothing without --out DIR, --html FILE or --print.")
        }
    }

    func run() throws {
        let set: PartSet
        let job: ShardJob, outcome: MergeJob.Outcome
        do {
            set = try ShardMerge.read(parts)
            (job, outcome) = try MergeJob.merge(set)
        } catch {
            printError("\(error)"); throw ExitCode(1)
        }
        let header = set.header
        var delimiter: Character = ","
        if case let .run(_, d) = job.command, case .success(let c) = CSVDelimiter.parse(d) { delimiter = c }
        var pending: [PendingFile] = []
        let report: String
        do {
            let outputs = try out.map { try OutputDirectory(path: $0, delimiter: delimiter) }
            if let html {
                guard case .run = outcome else {
                    printError("--html \(html): only the parts of `run` make an HTML report"); throw ExitCode(1)
                }
            }
            func table(_ t: CSVTable, _ name: String) throws(OutputError) {
                if let outputs { pending.append(try AtomicFile.prepare(t.render(delimiter: delimiter), for: outputs.file(name))) }
            }
            switch outcome {
            case let .run(forecast, rows):
                pending += try outputs?.prepareForecast(forecast) ?? []
                if let rows, let outputs {
                    let head = CSVTable(header: ForecastTables.trialsHeader(job.model)).render(delimiter: delimiter)
                    pending.append(try AtomicFile.prepare(head + String(decoding: rows, as: UTF8.self), for: outputs.file("trials.csv")))
                }
                if let html {
                    let info = ReportInfo(scenarioFile: header.scenarioFile,
                                          command: ForecastOptions.reproduce("run", file: header.scenarioFile, job.scenario))
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
            case let .correlation(rows, metric):
                try table(SensitivityTables.correlation(rows), "sensitivity-correlation.csv")
                report = SensitivityReport.correlation(rows, scope: metric.scopeName, metric: metric.metric, trials: job.scenario.trials)
            }
            for p in pending { try p.commit() }
        } catch let error as OutputError {
            for p in pending { p.abandon() }
            printError("\(error)"); throw ExitCode(1)
        }
        if printReport { print(report, terminator: "") }
        if !pending.isEmpty {
            print("Wrote " + pending.map(\.path).joined(separator: ", ")
                  + " from \(set.parts.count) part\(set.parts.count == 1 ? "" : "s") (\(header.total) \(header.unit))")
        }
    }
}
