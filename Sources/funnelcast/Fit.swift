import ArgumentParser
import Calibration
import Foundation

/// `funnelcast fit`: the history in, a fitted scenario out. Thin: the work
/// is `Calibration.FitJob`; this file parses, calls and prints.
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a scenario to the history of past requisitions (an event log).",
        discussion: """
            Reads one or more history files (CSV, one event a row: see
            docs/history.md), pools them by requisition name and fits every
            probability, rate and duration the log can show; everything else
            comes from --template (or the defaults). Writes FITTED.yaml, a
            scenario whose every fitted field says its evidence, and with
            --report FIT.csv, one row per parameter and per family tried.
            Nothing is written on an error.

            Examples:
              funnelcast fit history.csv --template Scenarios/reference-plan.yaml --out fitted.yaml
              funnelcast fit q1.csv q2.csv q3.csv q4.csv --as-of 2027-01-01 --out fitted.yaml --report fit.csv
            """
    )

    @Argument(help: "History files (CSV: requisition,candidate,stage,event,time,detail).")
    var histories: [String]

    @Option(help: "A scenario whose structure and unobservable fields are kept.")
    var template: String?

    @Option(name: .customLong("as-of"), help: "End of the observation: YYYY-MM-DD (00:00) or YYYY-MM-DDThh:mm[:ss]. Default: the history's exported row.")
    var asOf: String?

    @Option(help: "The fitted scenario to write (YAML).")
    var out: String

    @Option(help: "The fit report to write (CSV).")
    var report: String?

    func validate() throws {
        guard !histories.isEmpty else { throw ValidationError("Give at least one history file.") }
    }

    func run() throws {
        let request = FitRequest(histories: histories, template: template, asOf: asOf, out: out, report: report)
        do {
            let outcome = try FitJob.run(request)
            for w in outcome.warnings { printError("warning: \(w)") }
            for line in outcome.summary { print(line) }
            print("wrote \(out)" + (report.map { " and \($0)" } ?? ""))
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
