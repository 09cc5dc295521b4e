import Foundation
import XCTest
@testable import Reporting

final class CSVTests: XCTestCase {
    func testRenderUsesCRLFAfterEveryRecord() {
        let table = CSVTable(header: ["scope", "metric", "mean"],
                             rows: [["plan", "filled", "3"], ["eng", "cost", "12.5"]])
        XCTAssertEqual(table.render(), "scope,metric,mean\r\nplan,filled,3\r\neng,cost,12.5\r\n")
    }

    func testQuoting() {
        let table = CSVTable(header: ["a"], rows: [
            ["plain"],
            ["with,comma"],
            ["say \"hi\""],
            ["line\nbreak"],
            ["carriage\rreturn"],
            ["crlf\r\ninside"],  // one Character in Swift, still two scalars to quote
            [""],
            [" spaced "],
            ["é,\u{301}"],       // a comma carrying a combining mark
        ])
        let expected = [
            "a",
            "plain",
            "\"with,comma\"",
            "\"say \"\"hi\"\"\"",
            "\"line\nbreak\"",
            "\"carriage\rreturn\"",
            "\"crlf\r\ninside\"",
            "",
            " spaced ",
            "\"é,\u{301}\"",
        ].map { $0 + "\r\n" }.joined()
        XCTAssertEqual(table.render(), expected)
    }

    func testOtherDelimiter() {
        let table = CSVTable(header: ["x", "y"], rows: [["1,5", "a;b"]])
        XCTAssertEqual(table.render(delimiter: ";"), "x;y\r\n1,5;\"a;b\"\r\n")
        XCTAssertEqual(table.render(delimiter: "\t"), "x\ty\r\n1,5\ta;b\r\n")
    }

    func testUTF8WithoutBOM() {
        let text = CSVTable(header: ["Zoë"], rows: []).render()
        XCTAssertEqual(Array(text.utf8), [0x5A, 0x6F, 0xC3, 0xAB, 0x0D, 0x0A])
    }

    func testNumberFormat() {
        let cases: [(Double?, String)] = [
            (nil, ""), (.nan, ""), (.infinity, ""), (-.infinity, ""),
            (0, "0"), (-0.0, "0"), (3, "3"), (-42, "-42"), (123_456_789_012, "123456789012"),
            (999_999_999_999_999, "999999999999999"),
            (0.5, "0.5"), (-2.75, "-2.75"), (1.0 / 3.0, "0.333333"), (2.0 / 3.0, "0.666667"),
            (73.4123456, "73.4123"), (0.734, "0.734"), (41.25, "41.25"),
            (123_456.789, "123457"), (1_234_567.25, "1234570"), (999_999.5, "1000000"),
            (0.000123456789, "0.000123457"), (1e-6 + 1e-22, "0.000001"), (0.0000015, "0.0000015"),
            (1.5e-7, "1.5e-07"), (-1.23456789e-9, "-1.23457e-09"),
            (1e15, "1e+15"), (2.5e20, "2.5e+20"), (1e14 + 0.5, "100000000000000"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(CSVNumber.format(value), text, "\(String(describing: value))")
        }
    }

    /// 6 significant digits: reading back stays within half a unit in the
    /// 6th digit, and never needs a locale.
    func testNumberFormatRoundTripsTo6Digits() {
        var state: UInt64 = 12345
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = Double(state >> 11) / Double(1 << 53) * 10 - 5
            let exponent = Int(state % 24) - 8
            let v = mantissa * pow(10, Double(exponent))
            let text = CSVNumber.format(v)
            let back = Double(text)
            XCTAssertNotNil(back, text)
            XCTAssertEqual(back!, v, accuracy: abs(v) * 5.000001e-6, "\(v) -> \(text)")
            XCTAssertFalse(text.contains(","), text)
        }
    }
}
