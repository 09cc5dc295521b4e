import Foundation
import TestSupport
import XCTest

/// Issue 15, points 8 and 12: bad option values exit 64 with a message
/// that says what is wrong, `init --out DIR` names the directory, "1 trial",
/// the HTML reproduce line has --html, opens_day takes a date, and a
/// beta written as successes/trials shows its shape.
final class PlannerHabitsTests: XCTestCase {
    private var small: String { PackagePaths.smallPlan }

    func testBadOptionValuesExit64WithAMessage() throws {
        let cases: [([String], String)] = [
            (["run", small, "--trials", "-5"], "--trials must be at least 1 (got -5)"),
            (["run", small, "--seed", "-1"], "--seed must be a whole number"),
            (["sensitivity", small, "--method", "tornado", "--metric", "nope"], "unknown metric 'nope'"),
            (["sensitivity", small, "--method", "tornado", "--scope", "nope"], "unknown scope 'nope'"),
            (["compare", small, "--intervention", "nope"], "unknown intervention 'nope'"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args + ["--quiet"])
            XCTAssertEqual(r.status, 64, args.joined(separator: " ") + ": " + r.stderr)
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
            XCTAssertFalse(r.stderr.contains("Missing value"), r.stderr)
        }
    }

    func testInitOutDirectorySaysItIsADirectory() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["init", "--out", dir])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("\(dir) is a directory"), r.stderr)
    }

    func testOneTrialAndTheReproduceLineOfRunHTML() throws {
        let dir = try CLI.temporaryDirectory()
        let html = (dir as NSString).appendingPathComponent("r.html")
        let r = try CLI.run(["run", small, "--trials", "1", "--html", html])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\n1 trial, seed"), r.stdout)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        XCTAssertTrue(page.contains("--trials 1 --seed 5 --html \(html)"))
        XCTAssertFalse(page.contains("1 trials"))
    }

    func testOpensDayTakesADateAndBetaShowsItsShape() throws {
        let dir = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: small, encoding: .utf8)
            .replacingOccurrences(of: "    openings: 2\n", with: "    openings: 2\n    opens_day: 2027-01-14\n")
            .replacingOccurrences(of: "accept: {dist: beta, alpha: 7, beta: 3}", with: "accept: {dist: beta, successes: 21, trials: 30}")
        let file = (dir as NSString).appendingPathComponent("p.yaml")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("opens day 10 (2027-01-14)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Beta(22, 10), mean 0.6875"), r.stdout)
        let early = text.replacingOccurrences(of: "opens_day: 2027-01-14", with: "opens_day: 2026-12-01")
        try early.write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["validate", file])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("opens_day") && bad.stderr.contains("before the plan's start"), bad.stderr)
        let schema = try CLI.run(["schema"])
        XCTAssertTrue(schema.stdout.contains("Beta(22, 10), mean 0.6875"))
    }

    /// Point 13: every help example survives the 80-column wrap: each line
    /// of an example is a whole command or a continuation after a `\`.
    func testHelpExamplesDoNotWrapMidCommand() throws {
        for command in ["run", "validate", "report", "sensitivity", "compare", "init", "schema"] {
            let help = try CLI.run(["help", command]).stdout
            guard let start = help.range(of: "Examples:\n") ?? help.range(of: "Example:") else { continue }
            let lines = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
                .prefix { !$0.isEmpty && !$0.hasPrefix("USAGE") }
            var continued = false
            for line in lines {
                let ok = line.hasPrefix("  funnelcast ") || line.contains(" funnelcast ") || (continued && line.hasPrefix("      --"))
                XCTAssertTrue(ok, "\(command): an example wrapped: '\(line)'")
                continued = line.hasSuffix("\\")
            }
        }
    }

    /// Point 13: `make install PREFIX=...` puts funnelcast in PREFIX/bin.
    func testMakeInstallTarget() throws {
        let make = try RunningProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                      arguments: ["make", "-n", "install", "PREFIX=/opt/fc-test"],
                                      directory: PackagePaths.root, environment: nil).finish()
        XCTAssertEqual(make.status, 0, make.stderr)
        XCTAssertTrue(make.stdout.contains("/opt/fc-test/bin/funnelcast"), make.stdout)
        XCTAssertTrue(make.stdout.contains("docs/MODEL.md"), make.stdout)
    }

    /// Point 7: validate applies every intervention as compare will, and
    /// reports one that makes the plan invalid at the line of its change.
    func testValidateChecksInterventionsAsCompareAppliesThem() throws {
        let dir = try CLI.temporaryDirectory()
        let file = (dir as NSString).appendingPathComponent("bad.yaml")
        try """
            name: bad intervention
            start: 2027-01-04
            horizon_days: 100
            recruiters: {count: 2, hours_per_week: 30}
            requisitions:
              - name: a
                sourcing: {applicants_per_week: 5}
                stages:
                  - {name: screen, pass: 0.5}
                offer: {accept: 0.6}
            interventions:
              - name: fewer recruiters
                changes:
                  "requisitions.a.offer.accept": "x1.1"
                  "recruiters.count": "-2"

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", file])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "\(file):15: interventions[\"fewer recruiters\"].changes[\"recruiters.count\"]: intervention "
                       + "'fewer recruiters' makes recruiters.count invalid: a pool count must stay at least 1 after a change (got 0)\n")
    }

    /// Point 5 (part): a tornado metric undefined at the base is one line;
    /// Sobol indices are shown clipped at 0 (raw in the CSV) with a note
    /// when there are few rows for the inputs.
    func testSensitivitySaysHowSureItIs() throws {
        let t = try CLI.run(["sensitivity", small, "--method", "tornado", "--metric", "time_to_fill.p95", "--trials", "100"])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertEqual(t.stdout.split(separator: "\n").count, 1, t.stdout)
        XCTAssertTrue(t.stdout.contains("has no value in the base run (beyond the horizon)"), t.stdout)
        let dir = try CLI.temporaryDirectory()
        let s = try CLI.run(["sensitivity", small, "--method", "sobol", "--trials", "40", "--bootstrap", "50", "--out", dir])
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertTrue(s.stdout.contains("40 rows for 5 inputs is few"), s.stdout)
        let table = s.stdout.split(separator: "\n").filter { $0.hasPrefix("requisitions.") || $0.hasPrefix("trial randomness") }
        XCTAssertEqual(table.count, 5)
        for line in table { XCTAssertFalse(line.contains(" -0.") || line.contains(" -"), String(line)) }
        let csv = try String(contentsOfFile: (dir as NSString).appendingPathComponent("sensitivity-sobol.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains(",-"), "the CSV keeps the raw, negative estimates")
    }
}
