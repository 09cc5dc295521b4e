import ArgumentParser
import Calibration
import Foundation

/// `funnelcast simulate`: one trial's history (MODEL.md 18) written as an
/// event log. Thin: the work is `Calibration.SimulateJob`; this file
/// parses, calls and prints.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one simulated trial's history as an event log (CSV).",
        discussion: """
            Runs trial K of the scenario (the same trial `run` counts) and
            writes every event of it, candidate by candidate, in the
            history format of docs/history.md, with an `exported` row at
            the horizon: an audit trail of one simulated quarter, and test
            data for `funnelcast fit`. Nothing is written on an error.

            Examples:
              funnelcast simulate Scenarios/reference-plan.yaml --events trial0.csv
              funnelcast simulate Scenarios/reference-plan.yaml --events q3.csv --trial 3 --dates-only
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "The history file to write (CSV).")
    var events: String

    @Option(help: "The trial whose history is written.")
    var trial: Int = 0

    @Option(help: "The run's seed (default: the scenario's).")
    var seed: UInt64?

    @Flag(name: .customLong("dates-only"), help: "Write dates only (YYYY-MM-DD), as many exports do.")
    var datesOnly = false

    func run() throws {
        let request = SimulateRequest(scenario: scenario, events: events, trial: trial, seed: seed, datesOnly: datesOnly)
        do {
            let outcome = try SimulateJob.run(request)
            print("trial \(trial), seed \(outcome.seed): \(outcome.rows) events of \(outcome.candidates) candidates; wrote \(events)")
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
