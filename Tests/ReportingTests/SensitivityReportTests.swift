import Forecast
@testable import Reporting
import XCTest

/// The text tornado's bars and the formats of metric values and changes.
final class SensitivityReportTests: XCTestCase {
    func testTornadoBar() {
        let half = SensitivityReport.halfWidth
        // Low below the base by the full reach, high above by half of it.
        let bar = SensitivityReport.bar(low: 0.1, high: 0.25, base: 0.2, reach: 0.1)
        XCTAssertEqual(bar.count, 2 * half + 1)
        XCTAssertEqual(bar, String(repeating: "=", count: half) + "|" + String(repeating: "#", count: half / 2)
                           + String(repeating: " ", count: half - half / 2))
        // Both on one side: the nearer end drawn over the farther one.
        let same = SensitivityReport.bar(low: 0.1, high: 0.15, base: 0.2, reach: 0.1)
        XCTAssertEqual(same, String(repeating: "=", count: half / 2) + String(repeating: "#", count: half / 2) + "|"
                           + String(repeating: " ", count: half))
        XCTAssertEqual(SensitivityReport.bar(low: nil, high: nil, base: 0.2, reach: 0),
                       String(repeating: " ", count: half) + "|" + String(repeating: " ", count: half))
    }

    func testMetricFormats() {
        XCTAssertEqual(MetricFormat.value(0.137, .onTime), "13.7%")
        XCTAssertEqual(MetricFormat.value(41.25, .timeToFill), "41.3 d")
        XCTAssertEqual(MetricFormat.value(nil, .costPerHire), "-")
        XCTAssertEqual(MetricFormat.change(0.021, .onTime), "+2.1 pp")
        XCTAssertEqual(MetricFormat.change(-3.44, .timeToStart), "-3.4 d")
        XCTAssertEqual(MetricFormat.change(1200, .cost), "+1,200")
        XCTAssertEqual(MetricFormat.change(0, .filled), "0.00")
        XCTAssertEqual(MetricFormat.change(0.001, .filled), "0.00", "no sign where the digits shown are 0")
        XCTAssertEqual(MetricFormat.change(-0.0004, .onTime), "0.0 pp")
        XCTAssertEqual(MetricFormat.parameter(0.183727), "0.1837")
        XCTAssertEqual(MetricFormat.parameter(2000), "2000")
        XCTAssertEqual(MetricFormat.parameter(35.2467), "35.25")
    }
}
