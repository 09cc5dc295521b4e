import Foundation
import TestSupport
import XCTest

/// `funnelcast plan` and `--precision` end to end: the files, and every
/// refusal one line on stderr with exit status 64 (a bad option) or 1 (a
/// bad file).
final class PlanCommandTests: XCTestCase {
    private let scenario = "Tests/Fixtures/one-stage.yaml"
    private let rate = "requisitions.role.sourcing.applicants_per_week"

    func testPlanWritesItsFiles() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["plan", scenario, "--target", "0.9", "--lever", rate, "--trials", "200", "--out", dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("found"), r.stdout)
        XCTAssertEqual(try CLI.lines(dir + "/plan.csv")[0],
                       "lever,current,needed,ci_low,ci_high,metric,metric_at_needed,metric_ci_low,metric_ci_high,status")
        XCTAssertEqual(try CLI.lines(dir + "/workload.csv")[0], "scope,week,date,measure,mean,p90")
        XCTAssertEqual(try CLI.lines(dir + "/plan-curve.csv")[0], "lever,value,metric,target,mean,ci_low,ci_high,trials")
    }

    func testRefusalsAreOneLineWithExit64() throws {
        let cases: [([String], String)] = [
            (["--lever", "requisitions.role.sourcing.applicants_per_wek"], "closest: " + rate),
            (["--lever", "requisitions.role.sourcing.max_applicants"], "no limit"),
            (["--lever", "requisitions.role.deadline"], "not a numeric parameter"),
            (["--lever", rate, "--target", "1.2"], "strictly between 0 and 1"),
            (["--lever", rate, "--min", "3", "--max", "2"], "--min"),
            (["--lever", rate, "--precision", "abc"], "--precision"),
        ]
        for (args, expected) in cases {
            var full = ["plan", scenario, "--trials", "50"] + args
            if !args.contains("--target") { full += ["--target", "0.9"] }
            let r = try CLI.run(full)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
        let one = try CLI.run(["plan", scenario, "--target", "0.9", "--lever", "costs.per_hir"])
        XCTAssertEqual(one.stderr.split(separator: "\n").count, 1, one.stderr)
    }

    /// The same trials and half-width on 1 thread and on 4; summary.csv gets
    /// `half_width` only under --precision.
    func testPrecisionRunIsThreadIndependent() throws {
        var summaries: [[String]] = []
        for threads in ["1", "4"] {
            let dir = try CLI.temporaryDirectory()
            let r = try CLI.run(["run", scenario, "--precision", "0.02", "--trials", "50000", "--threads", threads, "--out", dir])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("Precision: plan.on_time"), r.stdout)
            summaries.append(try CLI.lines(dir + "/summary.csv"))
        }
        XCTAssertEqual(summaries[0], summaries[1])
        XCTAssertTrue(summaries[0][0].hasSuffix(",beyond_horizon,half_width"))
        let bad = try CLI.run(["run", scenario, "--precision", "0.02", "--precision-metric", "nope"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
    }
}
