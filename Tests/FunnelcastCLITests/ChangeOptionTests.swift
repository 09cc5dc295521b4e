import Foundation
import TestSupport
import XCTest

/// `--change PATH=VALUE` (issue 15, point 11): the same run as the file
/// edited by hand, every value form of an intervention, the reproduce line,
/// and a bad value as one line naming the option, exit 64.
final class ChangeOptionTests: XCTestCase {
    func testChangeIsTheEditedFile() throws {
        let dir = try CLI.temporaryDirectory()
        let plan = PackagePaths.smallPlan
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        let edited = (dir as NSString).appendingPathComponent("edited.yaml")
        try text.replacingOccurrences(of: "no_show: 0.2", with: "no_show: 0.1")
            .replacingOccurrences(of: "hr_workdays: 3", with: "hr_workdays: {dist: lognormal, median: 2, p90: 5}")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        func summary(_ args: [String], _ name: String) throws -> String {
            let out = (dir as NSString).appendingPathComponent(name)
            let r = try CLI.run(["run"] + args + ["--trials", "100", "--out", out, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            return try String(contentsOfFile: (out as NSString).appendingPathComponent("summary.csv"), encoding: .utf8)
        }
        let changed = try summary([plan, "--change", "requisitions.team.stages.onsite.no_show=x0.5",
                                   "--change", "requisitions.team.stages.onsite.hr_workdays={dist: lognormal, median: 2, p90: 5}"],
                                  "changed")
        XCTAssertEqual(changed, try summary([edited], "edited"))
        XCTAssertNotEqual(changed, try summary([plan], "plain"))

        // The page's reproduce line carries it.
        let page = (dir as NSString).appendingPathComponent("p.html")
        let r = try CLI.run(["report", plan, "--trials", "50", "--no-interventions", "--change",
                             "requisitions.team.openings=+1", "--out", page, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.contains("--change requisitions.team.openings=+1")
                      || html.contains("--change &#39;requisitions.team.openings=+1&#39;")
                      || html.contains("--change 'requisitions.team.openings=+1'"), "the reproduce line")
    }

    func testBadChangeIsOneLineAndExit64() throws {
        let plan = PackagePaths.smallPlan
        for (change, says) in [("requisitions.team.offer.accept=x", "a multiplication is written"),
                               ("requisitions.team.offer.acept=0.5", "the pattern matches no parameter"),
                               ("requisitions.team.offer.accept", "expected PATH=VALUE"),
                               ("requisitions.team.offer.accept=1.5", "cannot replace")] {
            for command in ["run", "compare", "sensitivity"] {
                let extra = command == "sensitivity" ? ["--method", "tornado"] : []
                let r = try CLI.run([command, plan] + extra + ["--trials", "10", "--change", change])
                XCTAssertEqual(r.status, 64, "\(command) --change \(change): \(r.stderr)")
                let lines = r.stderr.split(separator: "\n")
                XCTAssertEqual(lines.count, 1, r.stderr)
                XCTAssertTrue(r.stderr.hasPrefix("funnelcast: --change \(change): "), r.stderr)
                XCTAssertTrue(r.stderr.contains(says), r.stderr)
            }
        }
    }
}
