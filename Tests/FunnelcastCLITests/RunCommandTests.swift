import Foundation
import TestSupport
import XCTest

/// `funnelcast run` and `validate` end to end, as a planner would use them.
final class RunCommandTests: XCTestCase {
    private let scenario = "Scenarios/single-role.yaml"

    func testRunWritesTidyCSVFiles() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["run", scenario, "--trials", "150", "--out", dir, "--trials-csv", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "", "--quiet prints nothing")

        let summary = try CLI.lines(dir + "/summary.csv")
        XCTAssertEqual(summary[0], "scope,metric,n,mean,sd,se,ci_low,ci_high,p5,p10,p25,p50,p75,p90,p95,beyond_horizon")
        XCTAssertEqual(summary.count, 1 + 2 * 22, "plan and one requisition, 22 metrics each")
        XCTAssertTrue(summary.contains { $0.hasPrefix("plan,on_time,150,") })

        let timeline = try CLI.lines(dir + "/timeline.csv")
        XCTAssertEqual(timeline[0], "scope,week,date,mean,p10,p50,p90")
        XCTAssertEqual(timeline.count, 1 + 2 * 18, "120 days: 18 weeks, for plan and requisition")
        XCTAssertTrue(timeline[1].hasPrefix("plan,1,2027-03-07,"), timeline[1])

        let funnel = try CLI.lines(dir + "/funnel.csv")
        XCTAssertEqual(funnel[0], "scope,channel,stage,entered,passed,no_shows,withdrawn,contact_failures,rejected,released,open")
        XCTAssertEqual(try CLI.lines(dir + "/channels.csv"),
                       ["scope,channel,applicants,hires,hires_se,hires_per_100_applicants,cost,cost_per_hire"],
                       "no sourcing channels: the header alone")
        XCTAssertEqual(funnel.count, 1 + 2 * (3 + 4), "three stages, then decision, offer, background_check, start")

        let trials = try CLI.lines(dir + "/trials.csv")
        XCTAssertEqual(trials.count, 151)
        let header = trials[0].split(separator: ",").map(String.init)
        XCTAssertEqual(header.first, "trial")
        XCTAssertTrue(header.contains("plan.on_time"))
        XCTAssertTrue(header.contains { $0.hasPrefix("requisitions.") }, "uncertain parameters by path")
        XCTAssertEqual(trials[1].split(separator: ",", omittingEmptySubsequences: false).count, header.count)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    /// Results are bit-identical whatever the thread count (MODEL.md 14).
    func testCSVFilesAreIdenticalAcrossThreadCounts() throws {
        let a = try CLI.temporaryDirectory(), b = try CLI.temporaryDirectory()
        for (dir, threads) in [(a, "1"), (b, "2")] {
            let r = try CLI.run(["run", scenario, "--trials", "300", "--threads", threads, "--out", dir,
                                 "--trials-csv", "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        for name in ["summary.csv", "timeline.csv", "funnel.csv", "starts.csv", "trials.csv"] {
            let x = try Data(contentsOf: URL(fileURLWithPath: a + "/" + name))
            let y = try Data(contentsOf: URL(fileURLWithPath: b + "/" + name))
            XCTAssertEqual(x, y, name)
        }
    }

    func testTerminalReportShowsEveryScope() throws {
        let r = try CLI.run(["run", scenario, "--trials", "100"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for text in ["P(on time)", "fill P50", "P50 per hire", "Funnel: plan", "Funnel: data-analyst", "background_check"] {
            XCTAssertTrue(r.stdout.contains(text), "missing \(text)")
        }
    }

    func testBrokenScenarioGetsOneLinePerProblemAndNoOutput() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir + "/broken.yaml"
        try """
        name: broken
        start: 2027-01-04
        requisitions:
          - name: analyst
            sourcing: {applicants_per_week: -2}
            stages:
              - {name: screen, pass: 1.4}
            offer: {accept: 0.7}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let out = dir + "/out"
        let r = try CLI.run(["run", file, "--out", out])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, r.stderr)
        XCTAssertTrue(lines[0].hasPrefix("\(file):5: requisitions.analyst.sourcing.applicants_per_week:"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("-2"))
        XCTAssertTrue(lines[1].hasPrefix("\(file):7: requisitions.analyst.stages.screen.pass:"), String(lines[1]))
        XCTAssertFalse(r.stderr.contains("Fatal"), "no crash")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written for a bad file")
    }

    func testMissingFileAndBadOptions() throws {
        let missing = try CLI.run(["run", "no/such/plan.yaml"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no/such/plan.yaml"), missing.stderr)
        let badTrials = try CLI.run(["run", scenario, "--trials", "0"])
        XCTAssertNotEqual(badTrials.status, 0)
        XCTAssertTrue(badTrials.stderr.contains("--trials"), badTrials.stderr)
        let noOut = try CLI.run(["run", scenario, "--trials-csv"])
        XCTAssertNotEqual(noOut.status, 0)
    }

    func testOutputDirectoryThatIsAFile() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir + "/taken"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data()))
        let r = try CLI.run(["run", scenario, "--trials", "10", "--out", file, "--quiet"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains(file), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
    }

    func testValidateDescribesAGoodPlan() throws {
        // The contract's copy where the checkout has ../shared, else the package's.
        let plan = PackagePaths.referencePlan
        let r = try CLI.run(["validate", plan])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("backend"))
        XCTAssertTrue(r.stdout.contains("requisitions.backend.sourcing.applicants_per_week"), "lists uncertain parameters")
    }
}
