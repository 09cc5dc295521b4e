import XCTest
@testable import Reporting

final class TextTableTests: XCTestCase {
    func testAlignmentUnderlineAndSeparator() {
        var table = TextTable(columns: [.left("metric"), .right("mean"), .right("P90")])
        table.add(["filled", "2.94", "3"])
        table.add(["time_to_fill", "41.2 d", "not within horizon"])
        table.addSeparator()
        table.add(["cost"])
        XCTAssertEqual(table.render(), """
            metric          mean                 P90
            ------------  ------  ------------------
            filled          2.94                   3
            time_to_fill  41.2 d  not within horizon
            ------------  ------  ------------------
            cost
            """)
    }

    func testWidthCountsCharacters() {
        var table = TextTable(columns: [TextTable.Column(title: "name", alignment: .left),
                                        TextTable.Column(title: "n", alignment: .right)])
        table.add(["Zoë", "1"])          // 3 Characters, 4 UTF-8 bytes
        table.add(["e\u{301}te", "22"])  // combining accent: 3 Characters
        XCTAssertEqual(table.render(), "name   n\n----  --\nZoë    1\ne\u{301}te   22")
    }

    func testFormat() {
        XCTAssertEqual(Format.percent(0.7342), "73.4%")
        XCTAssertEqual(Format.percent(1), "100.0%")
        XCTAssertEqual(Format.percent(0.05, digits: 0), "5%")
        XCTAssertEqual(Format.days(41.23), "41.2 d")
        XCTAssertEqual(Format.days(nil), "not within horizon")
        XCTAssertEqual(Format.days(.infinity), "not within horizon")
        XCTAssertEqual(Format.hours(12.46), "12.5 h")
        XCTAssertEqual(Format.hours(nil), "-")
        XCTAssertEqual(Format.money(12_345.4), "12,345")
        XCTAssertEqual(Format.money(1_234_567.5), "1,234,568")
        XCTAssertEqual(Format.money(999.5), "1,000")
        XCTAssertEqual(Format.money(100), "100")
        XCTAssertEqual(Format.money(-1_200), "-1,200")
        XCTAssertEqual(Format.money(-0.4), "0")
        XCTAssertEqual(Format.money(nil), "-")
        XCTAssertEqual(Format.count(3.4189), "3.42")
        XCTAssertEqual(Format.count(0.005), "0.01")
        XCTAssertEqual(Format.count(120), "120.00")
        XCTAssertEqual(Format.fixed(-0.04, digits: 1), "0.0")
        XCTAssertEqual(Format.fixed(-2.06, digits: 1), "-2.1")
        XCTAssertEqual(Format.fixed(.nan, digits: 1), "nan")
    }
}
