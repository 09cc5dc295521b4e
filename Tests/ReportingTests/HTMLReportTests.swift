import Forecast
import Foundation
import FunnelModel
import XCTest
@testable import Reporting

final class HTMLReportTests: XCTestCase {
    let forecast = ReportFixture.forecast
    lazy var page = HTMLReport.render(forecast, info: ReportInfo(scenarioFile: "report-test.yaml", command: "funnelcast report x"))

    func testEveryChartIsPresentAndDrawn() {
        let found = charts(in: page)
        var expected: [String] = []
        for scope in ["plan", "backend", "sales"] { expected += ["fan-\(scope)", "ttf-\(scope)", "funnel-\(scope)"] }
        XCTAssertEqual(Set(found.keys), Set(expected))
        for (id, svg) in found {
            XCTAssertGreaterThanOrEqual(drawnElements(svg), 12, "\(id) draws almost nothing")
            XCTAssertTrue(svg.contains("viewBox=\"0 0 "), id)
            XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), "\(id) has a non-finite coordinate")
        }
        // The fan chart: band, median, mean, openings and deadline.
        let fan = found["fan-backend"]!
        for cls in ["band", "p50-line", "mean-line", "target", "deadline"] {
            XCTAssertTrue(fan.contains("class=\"\(cls)\""), "fan chart without \(cls)")
        }
        XCTAssertTrue(fan.contains("2 openings"))
        XCTAssertTrue(fan.contains("deadline 2027-03-15"))
        // Sales has no deadline: no deadline marker.
        XCTAssertFalse(found["fan-sales"]!.contains("class=\"deadline\""))
        // The time-to-fill chart shows the share beyond the horizon as its own bar.
        XCTAssertTrue(found["ttf-backend"]!.contains("class=\"beyond\""))
        // Extras are absent without extras.
        XCTAssertFalse(page.contains("id=\"sensitivity\"") || page.contains("id=\"interventions\""))
    }

    func testWellFormedSelfContainedAndEscaped() {
        XCTAssertNil(wellFormednessProblem(page))
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        // Nothing to fetch: no script, stylesheet link, image or frame; the
        // only URL is the SVG namespace.
        for banned in ["<script", "<link", "<img", "<iframe", "src=", "@import", "url("] {
            XCTAssertFalse(page.contains(banned), "the page has \(banned)")
        }
        let urls = page.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        XCTAssertFalse(urls.isEmpty)
        for u in urls { XCTAssertTrue(u.hasPrefix("://www.w3.org/2000/svg\""), "external URL http\(u)") }
        // The scenario's name is text, not markup.
        XCTAssertTrue(page.contains("Report &lt;test&gt; &amp; &quot;plan&quot;"))
        XCTAssertFalse(page.contains("<test>"))
        // How to reproduce it.
        for text in ["400", "seed", "5", FunnelcastVersion.current, "funnelcast report x"] { XCTAssertTrue(page.contains(text), text) }
        XCTAssertTrue(page.contains("@media print"))
    }

    func testTablesCarryTheSummaryNumbers() {
        for (s, scope) in forecast.scopes.enumerated() {
            for metric in [Metric.onTime, .timeToFill, .cost] {
                let x = forecast.summary(s, metric)
                let row = "<tr data-scope=\"\(scope)\" data-metric=\"\(metric.rawValue)\">"
                XCTAssertTrue(page.contains(row), row)
                XCTAssertTrue(page.contains("data-col=\"mean\" data-v=\"\(CSVNumber.format(x.mean))\""), "\(scope) \(metric)")
            }
        }
    }

    func testFillHistogramCountsEveryOpening() {
        for (s, h) in forecast.fillHistograms.enumerated() {
            XCTAssertEqual(h.total, forecast.trials * forecast.openings[s])
            let summary = forecast.summary(s, .timeToFill)
            XCTAssertEqual(Double(h.beyond) / Double(h.total), summary.beyondHorizon, accuracy: 1e-12)
            XCTAssertEqual(h.counts.reduce(0, +), summary.n)
        }
        XCTAssertGreaterThan(forecast.fillHistograms[1].beyond, 0, "the fixture should miss some openings")
    }

    func testExtrasSections() {
        let page = HTMLReport.render(forecast, extras: ReportFixture.extras)
        XCTAssertNil(wellFormednessProblem(page))
        let found = charts(in: page)
        let tornado = try! XCTUnwrap(found["tornado"]), interventions = try! XCTUnwrap(found["interventions"])
        XCTAssertTrue(page.contains("<section id=\"sensitivity\">"))
        XCTAssertTrue(page.contains("<section id=\"interventions\">"))
        // Largest swing first: accept (0.41), pass (0.27), applicants (0.11), approval (0).
        let order = ["offer.accept", "onsite.pass", "applicants_per_week", "budget.approval_days"]
            .map { tornado.range(of: $0)!.lowerBound }
        XCTAssertEqual(order, order.sorted())
        XCTAssertEqual(tornado.components(separatedBy: "class=\"t-low\"").count - 1, 4 + 1)  // bars + legend
        XCTAssertTrue(tornado.contains("base 44.0%"))
        // One interval per intervention, coloured by whether it excludes 0.
        XCTAssertEqual(interventions.components(separatedBy: "<circle").count - 1, 3)
        XCTAssertTrue(interventions.contains("class=\"effect-up\""))
        XCTAssertTrue(interventions.contains("class=\"effect\""))
        XCTAssertTrue(interventions.contains("+11.0 pp (+9.0 pp to +13.0 pp)"))
        XCTAssertTrue(interventions.contains("44.0% → 55.0%"))
        // Empty lists leave their sections out.
        let none = HTMLReport.render(forecast, extras: ReportExtras(tornado: [], interventions: []))
        XCTAssertNil(charts(in: none)["tornado"])
        XCTAssertNil(charts(in: none)["interventions"])
    }

    func testWriteIsAtomicAndReportsFailures() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fc-html-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/report.html").path
        try HTMLReport.write(forecast, to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), HTMLReport.render(forecast))
        XCTAssertThrowsError(try HTMLReport.write(forecast, to: dir.path + "/")) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write"), "\(error)")
        }
    }

    /// Writes the page with hand-made extras where `make test-report` asks
    /// for it, so the browser check covers the tornado and interventions too.
    func testWriteSampleWithExtras() throws {
        guard let path = ProcessInfo.processInfo.environment["FUNNELCAST_REPORT_SAMPLE"] else {
            throw XCTSkip("set FUNNELCAST_REPORT_SAMPLE=FILE.html to write the sample page (make test-report does)")
        }
        try HTMLReport.write(forecast, to: path, info: ReportInfo(scenarioFile: "(test fixture)"), extras: ReportFixture.extras)
    }
}
