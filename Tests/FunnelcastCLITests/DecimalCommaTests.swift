import Foundation
import TestSupport
import XCTest

/// Issue 15, point 10: `--decimal-comma` on every command that writes CSV
/// (run, compare, sensitivity), read back with a German number parser.
final class DecimalCommaTests: XCTestCase {
    private func table(_ path: String, delimiter: Character) throws -> [[String]] {
        CSVText.rows(try String(contentsOfFile: path, encoding: .utf8), delimiter: delimiter)
    }

    /// Every number of the comma file, read as de_DE reads it, is the
    /// number of the '.' file; every other field is the same text.
    private func assertSameNumbers(_ plain: String, _ comma: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let german = NumberFormatter()
        german.locale = Locale(identifier: "de_DE")
        german.numberStyle = .decimal
        german.usesGroupingSeparator = false
        let a = try table(plain, delimiter: ","), b = try table(comma, delimiter: ";")
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        var decimals = 0
        for (ra, rb) in zip(a, b) {
            XCTAssertEqual(ra.count, rb.count, file: file, line: line)
            for (x, y) in zip(ra, rb) {
                if let v = Double(x), !x.contains("e"), x.contains(".") || Int(x) != nil {
                    let parsed = german.number(from: y)?.doubleValue
                    XCTAssertEqual(parsed ?? .nan, v, accuracy: 1e-9 * max(1, abs(v)), "\(x) written as \(y)", file: file, line: line)
                    if x.contains(".") { decimals += 1; XCTAssertTrue(y.contains(",") && !y.contains("."), y, file: file, line: line) }
                } else if Double(x) == nil {
                    XCTAssertEqual(x, y, file: file, line: line)
                }
            }
        }
        XCTAssertGreaterThan(decimals, 10, file: file, line: line)
    }

    func testEveryCSVCommandWritesDecimalCommas() throws {
        let dir = try CLI.temporaryDirectory()
        let small = PackagePaths.smallPlan
        func out(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        let runs: [([String], String)] = [
            (["run", small, "--trials", "60", "--trials-csv"], "summary.csv"),
            (["compare", small, "--trials", "60"], "interventions.csv"),
            (["sensitivity", small, "--method", "correlation", "--trials", "60"], "sensitivity-correlation.csv"),
        ]
        for (i, (args, name)) in runs.enumerated() {
            let p = try CLI.run(args + ["--quiet", "--out", out("plain\(i)")])
            XCTAssertEqual(p.status, 0, p.stderr)
            let c = try CLI.run(args + ["--quiet", "--decimal-comma", "--out", out("comma\(i)")])
            XCTAssertEqual(c.status, 0, c.stderr)
            try assertSameNumbers(out("plain\(i)/\(name)"), out("comma\(i)/\(name)"))
        }
        try assertSameNumbers(out("plain0/trials.csv"), out("comma0/trials.csv"))
        try assertSameNumbers(out("plain0/funnel.csv"), out("comma0/funnel.csv"))
        // compare and sensitivity take --delimiter too.
        let tab = try CLI.run(["compare", small, "--trials", "20", "--quiet", "--delimiter", "tab", "--out", out("tab")])
        XCTAssertEqual(tab.status, 0, tab.stderr)
        XCTAssertTrue(try String(contentsOfFile: out("tab/interventions.csv"), encoding: .utf8).hasPrefix("intervention\tscope"))
        let clash = try CLI.run(["run", small, "--decimal-comma", "--delimiter", ",", "--quiet"])
        XCTAssertEqual(clash.status, 64)
        XCTAssertTrue(clash.stderr.contains("--decimal-comma needs a delimiter other than ','"), clash.stderr)
    }
}
