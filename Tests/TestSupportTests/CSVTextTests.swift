import TestSupport
import XCTest

/// Reading the CRLF records of the CSV files.
final class CSVTextTests: XCTestCase {
    func testCSVLines() {
        XCTAssertEqual(CSVText.lines("a,b\r\n1,\r\n"), ["a,b", "1,"])
        XCTAssertEqual(CSVText.rows("a;b\r\n1;\r\n", delimiter: ";"), [["a", "b"], ["1", ""]])
    }
}
