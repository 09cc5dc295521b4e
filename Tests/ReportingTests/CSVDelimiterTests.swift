import Foundation
import XCTest
@testable import Reporting

final class CSVDelimiterTests: XCTestCase {
    func testParse() {
        let good: [(String, Character)] = [(",", ","), (";", ";"), ("tab", "\t"), ("\\t", "\t"), ("\t", "\t"), ("|", "|")]
        for (text, c) in good { XCTAssertEqual(try CSVDelimiter.parse(text).get(), c, text) }
        for bad in ["", ";;", "\"", "\n", ".", "1", "a", "-", "comma"] {
            guard case .failure(let e) = CSVDelimiter.parse(bad) else { return XCTFail("accepted \(bad.debugDescription)") }
            XCTAssertTrue(e.description.hasPrefix("the CSV delimiter "), e.description)
            XCTAssertTrue(e.description.hasSuffix("(got \(bad.debugDescription))"), e.description)
        }
    }

    /// `;` for spreadsheets in comma-decimal locales: fields split on `;`,
    /// decimals keep '.'.
    func testSemicolonFilesKeepDecimalPoints() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fc-delim-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = try OutputDirectory(path: dir, delimiter: ";")
        try out.writeForecast(ReportFixture.forecast)
        let summary = try String(contentsOfFile: out.file("summary.csv"), encoding: .utf8)
        let lines = summary.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines[0], "scope;metric;n;mean;sd;se;ci_low;ci_high;p5;p10;p25;p50;p75;p90;p95;beyond_horizon")
        XCTAssertFalse(summary.contains(","), "a comma in a ';' file")
        let fill = try XCTUnwrap(lines.first { $0.hasPrefix("backend;time_to_fill;") }).split(separator: ";", omittingEmptySubsequences: false)
        XCTAssertEqual(fill.count, 16)
        XCTAssertTrue(fill[3].contains("."), "mean \(fill[3]) has a decimal point")
        XCTAssertNotNil(Double(fill[3]))
        let funnel = try String(contentsOfFile: out.file("funnel.csv"), encoding: .utf8)
        XCTAssertTrue(funnel.hasPrefix("scope;channel;stage;entered;passed;"))
        let timeline = try String(contentsOfFile: out.file("timeline.csv"), encoding: .utf8)
        XCTAssertTrue(timeline.hasPrefix("scope;week;date;mean;p10;p50;p90\r\nplan;1;2027-01-10;"))
    }
}
