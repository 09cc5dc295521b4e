import Foundation
import TestSupport
import XCTest

/// `report --scope S --metric M` (issue 15, point 9): the page's tornado
/// and interventions measure that metric of that scope, the interventions'
/// table shows the change in every requisition, the reproduce line says so,
/// and a bad value is exit 64 before any work.
final class ReportScopeTests: XCTestCase {
    func testReportAboutOneRequisition() throws {
        let dir = try CLI.temporaryDirectory()
        let page = (dir as NSString).appendingPathComponent("ref.html")
        let plan = PackagePaths.smallPlan
        let r = try CLI.run(["report", plan, "--trials", "100", "--scope", "team",
                             "--metric", "time_to_fill.p50", "--tornado", "--tornado-trials", "10", "--out", page, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.contains("Tornado: time to fill P50, team"), "the tornado is of the chosen metric and scope")
        XCTAssertTrue(html.contains("change of mean time to fill, team"), "the interventions' metric is its mean")
        XCTAssertTrue(html.contains("Change of mean time to fill by scope"), "a table of every scope")
        for scope in ["plan", "team"] {
            XCTAssertTrue(html.contains("<th scope=\"col\">\(scope)</th>") || html.contains(">\(scope)</th>"), scope)
        }
        XCTAssertTrue(html.contains("--metric time_to_fill.p50 --scope team"), "the reproduce line")

        let bad = try CLI.run(["report", plan, "--scope", "nope", "--out", page])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("unknown scope 'nope'"), bad.stderr)
        let metric = try CLI.run(["report", plan, "--metric", "time_to_fil", "--out", page])
        XCTAssertEqual(metric.status, 64, metric.stderr)
    }
}
