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

final class ChartPartsTests: XCTestCase {
    func testNiceSteps() {
        XCTAssertEqual(LinearScale.niceStep(0.03), 0.05)
        XCTAssertEqual(LinearScale.niceStep(1), 1)
        XCTAssertEqual(LinearScale.niceStep(2.2), 5)
        XCTAssertEqual(LinearScale.niceStep(130), 200)
        XCTAssertEqual(LinearScale.niceMaximum(13 * 1.12), 15)
        XCTAssertEqual(LinearScale(domain: (0, 4), range: (0, 100)).ticks(count: 5, minimumStep: 1), [0, 1, 2, 3, 4])
        XCTAssertEqual(LinearScale(domain: (0, 0.2), range: (0, 100)).ticks(count: 4), [0, 0.05, 0.1, 0.15, 0.2])
        let s = LinearScale(domain: (0, 10), range: (100, 0))
        XCTAssertEqual(s(0), 100)
        XCTAssertEqual(s(2.5), 75)
        XCTAssertEqual(LinearScale(domain: (3, 3), range: (0, 10))(3), 0, "a zero-width domain does not divide by zero")
    }

    func testSVGNumbersAndEscaping() {
        XCTAssertEqual(SVGChart.number(3), "3")
        XCTAssertEqual(SVGChart.number(2.456), "2.46")
        XCTAssertEqual(SVGChart.number(-0.001), "0")
        XCTAssertEqual(SVGChart.number(10.5), "10.5")
        XCTAssertEqual(SVGChart.number(.nan), "0")
        XCTAssertEqual(HTML.escape("a<b & \"c\" 'd'"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;")
    }

    func testMonthTicks() {
        let start = CivilDate(year: 2026, month: 11, day: 20)!
        let ticks = ChartFrame.monthTicks(start: start, days: 100)
        XCTAssertEqual(ticks.map(\.label), ["Dec 2026", "Jan 2027", "Feb"])
        XCTAssertEqual(ticks.first?.value, 11)
        XCTAssertEqual(ChartFrame.monthTicks(start: start, days: 800).count, 5, "every sixth month over two years")
        // A short horizon: weekly dates.
        XCTAssertEqual(ChartFrame.monthTicks(start: start, days: 20).map(\.label), ["Nov 20", "Nov 27", "Dec 4"])
    }

    func testShorten() {
        XCTAssertEqual(ChartFrame.shorten("abc", limit: 5), "abc")
        XCTAssertEqual(ChartFrame.shorten("requisitions.backend.stages.onsite.pass", limit: 12), "…onsite.pass")
    }

    func testWellFormednessChecker() {
        XCTAssertNil(wellFormednessProblem("<!DOCTYPE html><a b=\"1\"><c/>x &amp; y</a>"))
        XCTAssertNotNil(wellFormednessProblem("<a><b></a></b>"))
        XCTAssertNotNil(wellFormednessProblem("<a>&nbsp;</a>"))
        XCTAssertNotNil(wellFormednessProblem("<a b=1></a>"))
        XCTAssertNotNil(wellFormednessProblem("<a>"))
        XCTAssertNotNil(wellFormednessProblem("<meta charset=\"utf-8\"><a></a>"))
    }
}

final class ReportFormatTests: XCTestCase {
    func testTicksAndValues() {
        let p = MetricLabel.onTime
        XCTAssertEqual(p.formatTick(0.2), "20%")
        XCTAssertEqual(p.formatTick(0.125), "12.5%")
        XCTAssertEqual(p.formatTick(0.05, change: true), "+5 pp")
        XCTAssertEqual(p.formatTick(0, change: true), "0 pp")
        XCTAssertEqual(p.formatTick(-0.025, change: true), "-2.5 pp")
        XCTAssertEqual(p.formatChange(0.11), "+11.0 pp")
        let days = MetricLabel(name: "P50 time to fill", unit: .days)
        XCTAssertEqual(days.format(41.25), "41.3 d")
        XCTAssertEqual(days.formatChange(-3), "-3.0 d")
        XCTAssertEqual(MetricLabel(name: "cost", unit: .money).formatChange(1200), "+1,200")
        XCTAssertEqual(Format.significant(0.52), "0.52")
        XCTAssertEqual(Format.significant(7.2), "7.2")
        XCTAssertEqual(Format.significant(0.0031), "0.0031")
        XCTAssertEqual(Format.significant(2000), "2,000")
        XCTAssertEqual(Format.significant(0), "0")
    }
}
