import ArgumentParser
import Shards

/// `funnelcast merge PART... --out DIR [--html FILE] [--print]`: the outputs
/// of a sharded run, byte for byte those of one unsharded run (MODEL.md 20);
/// the work is `MergeOutputJob`, this file parses and prints.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the parts of a sharded run into the outputs of one run.",
        discussion: """
            Checks that the parts belong together (same scenario, seed, command,
            options and N; every shard once) and writes what the unsharded command
            writes: for run, summary.csv, timeline.csv, funnel.csv, starts.csv
            (and trials.csv where the shards kept it), the HTML report with --html;
            for compare, interventions.csv; for sensitivity, its CSV; for plan,
            plan.csv, plan-curve.csv and workload.csv; for report, the page
            (--html FILE, no --out). --print prints the
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

    @Option(help: ArgumentHelp("Also write the HTML report (parts of `run`; the page of `report`'s parts).",
                               valueName: "file.html"))
    var html: String?

    @Flag(name: .customLong("print"), help: "Print the terminal report the unsharded command prints.")
    var printReport = false

    func validate() throws {
        if out == nil && html == nil && !printReport {
            throw ValidationError("merge writes nothing without --out DIR, --html FILE or --print.")
        }
    }

    func run() throws {
        let result: MergeOutputJob.Result
        do { result = try MergeOutputJob(parts: parts, directory: out, html: html).run() } catch {
            if case .htmlNeedsRunParts = error { printError("--html \(error)") } else { printError("\(error)") }
            throw ExitCode(1)
        }
        if printReport { print(result.outcome.text, terminator: "") }
        let written = result.outcome.written
        if !written.isEmpty {
            print("Wrote " + written.joined(separator: ", ")
                  + " from \(result.partCount) part\(result.partCount == 1 ? "" : "s") (\(result.total) \(result.unit))")
        }
    }
}
