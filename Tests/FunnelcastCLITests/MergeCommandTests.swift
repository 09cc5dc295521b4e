import Foundation
import XCTest

/// `--shard K/N` and `funnelcast merge` as a user runs them: the merged
/// files equal the unsharded command's byte for byte (parts given in a
/// shuffled order), and bad input is one line on stderr with nothing written.
final class MergeCommandTests: XCTestCase {
    private let plan = "Tests/Fixtures/small-plan.yaml"

    /// Runs `arguments` unsharded into `dir/one`, in `shards` shards into
    /// parts, merges them (last part first) into `dir/merged`, and compares `files`.
    private func check(_ arguments: [String], shards: Int, files: [String], extra: [String] = [],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = try CLI.run(arguments + ["--out", dir + "/one"] + extra.map { $0.replacingOccurrences(of: "DIR", with: dir + "/one") })
        XCTAssertEqual(one.status, 0, one.stderr, file: file, line: line)
        var parts: [String] = []
        for k in 0..<shards {
            let part = dir + "/part-\(k).fcpart"
            let r = try CLI.run(arguments + ["--shard", "\(k)/\(shards)", "--out", part, "--threads", "1", "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
            parts.append(part)
        }
        let merged = try CLI.run(["merge"] + parts.reversed() + ["--out", dir + "/merged", "--print"]
                                 + extra.map { $0.replacingOccurrences(of: "DIR", with: dir + "/merged") })
        XCTAssertEqual(merged.status, 0, merged.stderr, file: file, line: line)
        for name in files + extra.filter { $0.hasPrefix("DIR/") }.map { String($0.dropFirst(4)) } {
            var a = FileManager.default.contents(atPath: dir + "/one/" + name)
            var b = FileManager.default.contents(atPath: dir + "/merged/" + name)
            XCTAssertNotNil(a, name, file: file, line: line)
            if name.hasSuffix(".html"), let x = a, let y = b {
                // The page's "reproduce with" line names its own --html path.
                a = Data(String(decoding: x, as: UTF8.self).replacingOccurrences(of: dir + "/one/", with: "DIR/").utf8)
                b = Data(String(decoding: y, as: UTF8.self).replacingOccurrences(of: dir + "/merged/", with: "DIR/").utf8)
            }
            XCTAssertEqual(a, b, "\(name), \(shards) shards", file: file, line: line)
        }
        // The terminal report, less the "Wrote" line naming other paths.
        func report(_ s: String) -> String { s.components(separatedBy: "\nWrote ")[0] }
        XCTAssertEqual(report(merged.stdout), report(one.stdout), file: file, line: line)
    }

    func testRunMergesToTheSameFiles() throws {
        try check(["run", plan, "--trials", "700", "--seed", "3", "--trials-csv", "--delimiter", ";"], shards: 3,
                  files: ["summary.csv", "timeline.csv", "funnel.csv", "starts.csv", "trials.csv"], extra: ["--html", "DIR/report.html"])
    }

    func testCompareAndSensitivityMergeToTheSameFiles() throws {
        try check(["compare", plan, "--trials", "300"], shards: 2, files: ["interventions.csv"])
        try check(["sensitivity", plan, "--method", "sobol", "--trials", "30", "--bootstrap", "50"], shards: 3,
                  files: ["sensitivity-sobol.csv"])
        try check(["sensitivity", plan, "--method", "tornado", "--trials", "100", "--parameters", "requisitions.team.offer.*"],
                  shards: 2, files: ["sensitivity-tornado.csv"])
        try check(["sensitivity", plan, "--method", "correlation", "--trials", "300"], shards: 2,
                  files: ["sensitivity-correlation.csv"])
    }

    func testBadInputIsOneLineAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func refused(_ arguments: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 1, file: file, line: line)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, file: file, line: line)
            XCTAssertTrue(r.stderr.contains(expected), r.stderr, file: file, line: line)
        }
        try refused(["run", plan, "--shard", "4/4", "--out", dir + "/a.fcpart"], "K counts from 0")
        try refused(["run", plan, "--shard", "0/0", "--out", dir + "/a.fcpart"], "at least 1 shard")
        try refused(["run", plan, "--shard", "0/2", "--out", dir + "/folder"], "give --out PART.fcpart")
        var parts: [String] = []
        for k in 0..<2 {
            parts.append(dir + "/p\(k).fcpart")
            XCTAssertEqual(try CLI.run(["run", plan, "--trials", "100", "--shard", "\(k)/2", "--out", parts[k], "--quiet"]).status, 0)
        }
        let seed = dir + "/seed.fcpart", other = dir + "/other.fcpart", cut = dir + "/cut.fcpart"
        XCTAssertEqual(try CLI.run(["run", plan, "--trials", "100", "--seed", "99", "--shard", "1/2", "--out", seed, "--quiet"]).status, 0)
        XCTAssertEqual(try CLI.run(["run", "Scenarios/single-role.yaml", "--trials", "100", "--shard", "1/2", "--out", other,
                                    "--quiet"]).status, 0)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: parts[1]))
        try bytes.prefix(bytes.count - 20).write(to: URL(fileURLWithPath: cut))
        let out = dir + "/merged"
        try refused(["merge", parts[0], seed, "--out", out], "\(seed): not from the same run as \(parts[0]): seed 99, expected")
        try refused(["merge", parts[0], other, "--out", out], "\(other): not from the same run as \(parts[0]): scenario")
        try refused(["merge", parts[0], cut, "--out", out], "\(cut): truncated")
        try refused(["merge", parts[1], "--out", out], "missing shard 0/2")
        try refused(["merge", parts[0], parts[1], parts[0], "--out", out], "shard 0/2 given twice")
        try refused(["merge", plan, "--out", out], "not a funnelcast part file")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
    }

    func testPlanMergesToTheSameFiles() throws {
        try check(["plan", "Tests/Fixtures/one-stage.yaml", "--target", "0.8", "--trials", "200",
                   "--lever", "costs.per_hire", "--lever", "requisitions.role.sourcing.applicants_per_week",
                   "--lever", "requisitions.role.opens_day"], shards: 2,
                  files: ["plan.csv", "plan-curve.csv", "workload.csv"])
    }

    /// `report --shard` parts merged with --html: `report`'s page byte for
    /// byte, its "reproduce with" line (`funnelcast report FILE --trials N
    /// --seed S`) included; what cannot be sharded is one line.
    func testReportMergesToTheSamePage() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = try CLI.run(["report", plan, "--trials", "300", "--seed", "5", "--out", dir + "/one.html", "--quiet"])
        XCTAssertEqual(one.status, 0, one.stderr)
        var parts: [String] = []
        for k in 0..<3 {
            parts.append(dir + "/r\(k).fcpart")
            let r = try CLI.run(["report", plan, "--trials", "300", "--seed", "5", "--shard", "\(k)/3", "--out", parts[k], "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let merged = try CLI.run(["merge"] + parts.reversed() + ["--html", dir + "/merged.html"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        let page = try XCTUnwrap(FileManager.default.contents(atPath: dir + "/one.html"))
        XCTAssertTrue(String(decoding: page, as: UTF8.self).contains("funnelcast report \(plan) --trials 300 --seed 5"))
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "/merged.html"), page)
        for (option, extra) in [("--tornado", ["--tornado"]), ("--precision", ["--precision", "0.01"])] {
            let r = try CLI.run(["report", plan, "--shard", "0/2", "--out", dir + "/x.fcpart"] + extra)
            XCTAssertEqual(r.status, 1)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("--shard: \(option) cannot be sharded"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.fcpart"))
    }

    /// `run` and `compare` with `--precision` stop when the interval is
    /// narrow enough, which no shard can know: refused in one line, not
    /// silently run at a fixed N.
    func testPrecisionIsRefusedWithShard() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for command in ["run", "compare"] {
            let r = try CLI.run([command, plan, "--shard", "0/2", "--out", dir + "/x.fcpart", "--precision", "0.01"])
            XCTAssertEqual(r.status, 1, command)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("--shard: --precision cannot be sharded"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x.fcpart"))
    }
}
