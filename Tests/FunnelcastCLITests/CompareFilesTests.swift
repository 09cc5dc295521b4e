import Foundation
import TestSupport
import XCTest

/// `funnelcast compare A.yaml B.yaml` (issue 15, point 11): the second file
/// against the first on the same random numbers, through the tool.
final class CompareFilesTests: XCTestCase {
    /// B written as A with its first intervention applied by hand: the
    /// table and interventions.csv carry the same numbers as `compare A
    /// --intervention` (only the names differ), headed A and B.
    func testSecondFileMatchesTheInterventionWrittenOut() throws {
        let dir = try CLI.temporaryDirectory()
        let a = PackagePaths.smallPlan
        let text = try String(contentsOfFile: a, encoding: .utf8)
        let b = (dir as NSString).appendingPathComponent("fewer-no-shows.yaml")
        // "Fewer no-shows" is requisitions.*.stages.*.no_show x0.9: onsite's 0.2 -> 0.18.
        XCTAssertTrue(text.contains("no_show: 0.2\n"))
        try text.replacingOccurrences(of: "no_show: 0.2\n", with: "no_show: 0.18\n")
            .write(toFile: b, atomically: true, encoding: .utf8)
        let pairDir = (dir as NSString).appendingPathComponent("pair")
        let pair = try CLI.run(["compare", a, b, "--trials", "300", "--out", pairDir])
        XCTAssertEqual(pair.status, 0, pair.stderr)
        XCTAssertTrue(pair.stdout.hasPrefix("Compared: B = \(b) against A = \(a) (the baseline)\n"), pair.stdout)
        XCTAssertTrue(pair.stdout.contains("note: \(b)'s 2 interventions are not run"), pair.stdout)
        XCTAssertTrue(pair.stdout.contains("A, B and change: means over the paired trials"), pair.stdout)
        let oneDir = (dir as NSString).appendingPathComponent("one")
        let one = try CLI.run(["compare", a, "--intervention", "Fewer no-shows", "--trials", "300", "--out", oneDir, "--quiet"])
        XCTAssertEqual(one.status, 0, one.stderr)

        func rows(_ d: String) throws -> [[String]] {
            let csv = try String(contentsOfFile: (d as NSString).appendingPathComponent("interventions.csv"), encoding: .utf8)
            // intervention,scope,metric,n_paired,baseline,value,difference,ci_low,ci_high,baseline_p50,value_p50,note
            // RFC 4180 rows end in CRLF, one Character in Swift: split on the string.
            return csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { line in
                Array(line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().prefix(10).map(String.init))
            }
        }
        let pairRows = try rows(pairDir), oneRows = try rows(oneDir)
        XCTAssertEqual(pairRows.count, oneRows.count)
        XCTAssertEqual(pairRows, oneRows)
        let csv = try String(contentsOfFile: (pairDir as NSString).appendingPathComponent("interventions.csv"), encoding: .utf8)
        XCTAssertGreaterThan(pairRows.count, 10)
        XCTAssertTrue(csv.components(separatedBy: "\r\n")[1].hasPrefix(b + ",plan,"), csv)
        // Something changed (no-shows fell), so equal rows are not two empty tables.
        let noShows = try XCTUnwrap(pairRows.first { $0[0] == "plan" && $0[1] == "no_shows" })
        XCTAssertLessThan(try XCTUnwrap(Double(noShows[5])), 0, "\(noShows)")
    }

    func testFilesThatDoNotPairAndMisusedOptionsAreOneLine() throws {
        let dir = try CLI.temporaryDirectory()
        let a = PackagePaths.smallPlan
        let text = try String(contentsOfFile: a, encoding: .utf8)
        let b = (dir as NSString).appendingPathComponent("longer.yaml")
        try text.replacingOccurrences(of: "horizon_days: 120", with: "horizon_days: 180")
            .write(toFile: b, atomically: true, encoding: .utf8)
        let out = (dir as NSString).appendingPathComponent("out")
        let r = try CLI.run(["compare", a, b, "--trials", "20", "--out", out])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("funnelcast: \(b): horizon_days: 180 where \(a) has 120"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("interventions.csv")))

        let named = try CLI.run(["compare", a, a, "--intervention", "Nothing", "--trials", "20"])
        XCTAssertEqual(named.status, 64, named.stderr)
        XCTAssertTrue(named.stderr.hasPrefix("funnelcast: --intervention: not with a second scenario file"), named.stderr)

        let part = (dir as NSString).appendingPathComponent("p.fcpart")
        let sharded = try CLI.run(["compare", a, a, "--trials", "20", "--shard", "1/2", "--out", part])
        XCTAssertNotEqual(sharded.status, 0)
        XCTAssertTrue(sharded.stderr.contains("a second scenario file cannot be sharded"), sharded.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: part))

        let missing = try CLI.run(["compare", a, (dir as NSString).appendingPathComponent("nope.yaml"), "--trials", "20"])
        XCTAssertEqual(missing.status, 1, missing.stderr)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("nope.yaml"), missing.stderr)
    }
}
