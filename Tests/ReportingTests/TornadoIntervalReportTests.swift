@testable import Forecast
import Foundation
import FunnelModel
import ScenarioYAML
import Simulation
@testable import Reporting
import XCTest

/// The tornado's intervals, ties and notes where a planner reads them
/// (terminal, sensitivity-tornado.csv, the HTML page; issue 15, points 5
/// and 6), and chart labels that never share a row (point 14).
final class TornadoIntervalReportTests: XCTestCase {
    static func result() throws -> Tornado.Result {
        let model = SimulationModel(try ScenarioLoader.parse(yaml: ReportFixture.yaml, file: "report-test.yaml"))
        func row(_ path: String, _ lo: Double, _ hi: Double, _ swing: (Double, Double)?, notes: [String] = []) -> Tornado.Row {
            Tornado.Row(path: path, low: 1, high: 2, metricLow: lo, metricHigh: hi, swing: abs(hi - lo), swingLow: swing?.0,
                        swingHigh: swing?.1, rank: 0, notes: notes)
        }
        let rows = Tornado.ranked([
            row("requisitions.backend.stages.onsite.pass", 0.31, 0.58, (0.22, 0.32)),
            row("requisitions.backend.offer.accept", 0.30, 0.55, (0.20, 0.30),
                notes: ["requisitions.backend.offer.accept high: 0.9 x1.2 = 1.08, capped at 1"]),
            row("requisitions.backend.sourcing.applicants_per_week", 0.40, 0.49, (0.05, 0.13)),
            row("budget.approval_days", 0.44, 0.44, nil),
        ])
        return Tornado.Result(metric: try MetricChoice(model: model), base: 0.44, rows: rows, trials: 400, runs: 9)
    }

    func testTiesAreTheOverlappingIntervals() throws {
        let rows = try Self.result().rows
        XCTAssertEqual(rows.map(\.rank), [1, 2, 3, 4])
        XCTAssertEqual(rows.map(\.ties), [[2], [1], [], []])
    }

    func testCSVHasIntervalTiesAndNote() throws {
        let csv = SensitivityTables.tornado(try Self.result()).render()
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "parameter,low,high,metric_low,metric_high,swing,swing_low,swing_high,rank,ties,note")
        XCTAssertTrue(lines[1].hasPrefix("requisitions.backend.stages.onsite.pass,1,2,0.31,0.58,"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix(",0.22,0.32,1,2,"), lines[1])
        XCTAssertTrue(lines[2].hasSuffix(",0.2,0.3,2,1,\"requisitions.backend.offer.accept high: 0.9 x1.2 = 1.08, capped at 1\""),
                      lines[2])
        XCTAssertTrue(lines[4].hasSuffix(",,,4,,"), "no interval, no tie: \(lines[4])")
    }

    func testTerminalMarksTiesAndNotes() throws {
        let text = SensitivityReport.tornado(try Self.result())
        XCTAssertTrue(text.contains("a rank marked = has an interval that overlaps another's"), text)
        let lines = text.components(separatedBy: "\n")
        let first = try XCTUnwrap(lines.first { $0.contains("onsite.pass") })
        XCTAssertTrue(first.trimmingCharacters(in: .whitespaces).hasPrefix("1="), first)
        XCTAssertTrue(first.contains("22.0 pp .. 32.0 pp"), first)
        let third = try XCTUnwrap(lines.first { $0.contains("applicants_per_week") })
        XCTAssertTrue(third.trimmingCharacters(in: .whitespaces).hasPrefix("3 "), third)
        XCTAssertTrue(lines.contains("note: requisitions.backend.offer.accept high: 0.9 x1.2 = 1.08, capped at 1"), text)
    }

    func testPageMarksTiesAndNotes() throws {
        let extras = ReportExtras(tornado: try Self.result(), interventions: nil)
        let html = HTMLReport.render(ReportFixture.forecast, info: ReportInfo(scenarioFile: "t.yaml"), extras: extras)
        let tornado = try XCTUnwrap(charts(in: html)["tornado"])
        XCTAssertTrue(tornado.contains("requisitions.backend.stages.onsite.pass ="), "a tied rank is marked")
        XCTAssertTrue(tornado.contains("swing 27.0 pp, 95% interval 22.0 pp to 32.0 pp; tied with rank 2"))
        XCTAssertTrue(html.contains("<p class=\"note\">requisitions.backend.offer.accept high: 0.9 x1.2 = 1.08, capped at 1</p>"))
        XCTAssertTrue(html.contains("overlaps another&#39;s") || html.contains("overlaps another's"))
    }

    /// A time-to-fill chart whose P90 is beyond the horizon and whose P50
    /// is not: the P50 label and "P90 beyond the horizon" were drawn on one
    /// row (the same y) and overlapped where P50 sat near the right edge.
    func testFillTimeLabelsTakeRowsOfTheirOwn() throws {
        let yaml = """
            name: Slow
            start: 2027-01-04
            horizon_days: 60
            trials: 300
            seed: 3
            requisitions:
              - name: slow
                sourcing: {applicants_per_week: 0.3}
                stages:
                  - {name: screen, pass: 0.5}
                offer: {accept: 0.9}
            """
        let scenario = try ScenarioLoader.parse(yaml: yaml, file: "slow.yaml")
        let f = ForecastRunner.forecast(model: SimulationModel(scenario),
                                        options: RunOptions(trials: scenario.trials, seed: scenario.seed, threads: 2)).0
        let summary = f.summary(0, .timeToFill)
        XCTAssertNotNil(summary.percentile(0.5), "the fixture needs a P50 within the horizon")
        XCTAssertNil(summary.percentile(0.9), "the fixture needs a P90 beyond it")
        let svg = FillTimeChart.svg(f, scope: 0)
        let labels = svg.components(separatedBy: "<text ").dropFirst().filter { $0.contains("class=\"marker-label\"") }
        XCTAssertEqual(labels.count, 2, svg)
        let ys = labels.map { l -> String in
            let y = l.range(of: "y=\"")!.upperBound
            return String(l[y...].prefix { $0 != "\"" })
        }
        XCTAssertEqual(Set(ys).count, 2, "each label on a row of its own: \(ys)")
        XCTAssertTrue(labels.contains { $0.contains("P90 beyond the horizon") })
    }
}
