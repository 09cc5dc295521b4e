import Foundation
import XCTest
@testable import Reporting

/// How each metric's values and axis ticks are written in the report.
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
