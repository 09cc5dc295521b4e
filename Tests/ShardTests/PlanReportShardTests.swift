import Forecast
import Foundation
import FunnelModel
import Jobs
import Reporting
import ScenarioYAML
import Shards
import TestSupport
import XCTest

/// The shards of `plan` (its levers split, each searched whole) and of
/// `report` (its trials split), written by `PartJob` and merged by
/// `MergeOutputJob` with the parts in a shuffled order: the same bytes as
/// the unsharded `PlanJob` (plan.csv, plan-curve.csv, workload.csv, the
/// terminal text) and `ReportJob` (the HTML page, "reproduce with" line
/// included) at 1, 2, 4 and 7 shards; parts that do not belong together
/// are one-line errors, with nothing written.
final class PlanReportShardTests: XCTestCase {
    private let limits = RunLimits(maxEventsPerTrial: 1e9, maxMemoryBytes: 64e9)
    static let rate = "requisitions.role.sourcing.applicants_per_week"
    /// The first lever has no effect on P(on time) (no workload there), so
    /// the workload comes from a later lever, in a later shard than the first.
    static let levers = ["costs.per_hire", rate, "requisitions.role.opens_day", "requisitions.role.stages.screen.pass"]

    private func scenario(_ file: String, trials: Int) throws -> Scenario {
        var s = try ScenarioLoader.load(path: file)
        s.trials = trials
        return s
    }

    /// Every shard's part of `command`, written by `PartJob` into `dir`, in a shuffled order.
    private func parts(_ command: ShardedCommand, _ scenario: Scenario, file: String, count: Int, in dir: String) throws -> [String] {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let paths = try (0..<count).map { k in
            let path = dir + "/\(k).fcpart"
            let outcome = try PartJob(scenario: scenario, command: command, shard: Shard(index: k, count: count)!, path: path,
                                      scenarioFile: file, scenarioText: text, toolVersion: "test")
                .prepare(limits: limits, threads: 1).run(JobContext(threads: 1))
            XCTAssertEqual(outcome.written, [path])
            return path
        }
        return ShardFixture.shuffled(paths, seed: UInt64(count) + 17)
    }

    private func assertSameFiles(_ names: [String], _ a: String, _ b: String, _ what: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        for name in names {
            let x = FileManager.default.contents(atPath: a + "/" + name)
            XCTAssertNotNil(x, "\(name), \(what)", file: file, line: line)
            XCTAssertEqual(x, FileManager.default.contents(atPath: b + "/" + name), "\(name), \(what)", file: file, line: line)
        }
    }

    func testPlanMergesToThePlanJobsFilesAtEveryShardCount() throws {
        let dir = try PackagePaths.temporaryDirectory("plan-shards")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = PackagePaths.fixture("one-stage.yaml")
        let s = try scenario(file, trials: 50)
        let one = try PlanJob(scenario: s, levers: Self.levers, target: 0.8, directory: dir + "/one")
            .prepare(limits: limits, threads: 2).run(JobContext(threads: 2))
        let names = ["plan.csv", "plan-curve.csv", "workload.csv"]
        XCTAssertEqual(one.written, names.map { dir + "/one/" + $0 })
        XCTAssertTrue(one.text.contains("Workload with \(Self.rate)"), one.text)
        let command = ShardedCommand.plan(.init(levers: Self.levers, target: 0.8, metric: nil, scope: nil, min: nil, max: nil,
                                                precision: nil))
        for count in ShardFixture.shardCounts {
            let paths = try parts(command, s, file: file, count: count, in: dir + "/parts-\(count)")
            let merged = try MergeOutputJob(parts: paths, directory: dir + "/merged-\(count)").run()
            XCTAssertEqual(merged.total, 4)
            XCTAssertEqual(merged.unit, "levers")
            XCTAssertEqual(merged.outcome.text, one.text, "\(count) shards")
            XCTAssertEqual(merged.outcome.written, names.map { dir + "/merged-\(count)/" + $0 })
            assertSameFiles(names, dir + "/one", dir + "/merged-\(count)", "\(count) shards")
        }
    }

    func testPlanWithPrecisionMerges() throws {
        let dir = try PackagePaths.temporaryDirectory("plan-shards")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = PackagePaths.fixture("one-stage.yaml")
        // One batch of 1,024 trials meets ±0.2 (an integer lever: few evaluations).
        let s = try scenario(file, trials: 2048)
        let rule = try XCTUnwrap(Precision("0.2"))
        let levers = ["requisitions.role.opens_day"]
        let one = try PlanJob(scenario: s, levers: levers, target: 0.7, precision: rule, directory: dir + "/one")
            .prepare(limits: limits, threads: 2).run(JobContext(threads: 2))
        let command = ShardedCommand.plan(.init(levers: levers, target: 0.7, metric: nil, scope: nil, min: nil, max: nil,
                                                precision: rule))
        let merged = try MergeOutputJob(parts: try parts(command, s, file: file, count: 2, in: dir + "/parts"),
                                        directory: dir + "/merged").run()
        XCTAssertEqual(merged.outcome.text, one.text)
        XCTAssertTrue(one.text.contains("95% half-width"), one.text)
        assertSameFiles(["plan.csv", "plan-curve.csv", "workload.csv"], dir + "/one", dir + "/merged", "precision")
    }

    /// `report`'s page, and the merged page of its parts with the same
    /// scenario file, trials and seed: byte for byte.
    private func reportPage(_ s: Scenario, file: String, interventions: Bool, path: String) throws -> Data {
        var command = ReproducingCommand.text("report", file: file, s)
        if !interventions { command += " --no-interventions" }
        let job = ReportJob(scenario: s, path: path, interventions: interventions ? s.interventions : [],
                            info: ReportInfo(scenarioFile: file, command: command))
        try job.prepare(limits: limits, threads: 2)
        XCTAssertEqual(try job.run(JobContext(threads: 2)).written, [path])
        return try XCTUnwrap(FileManager.default.contents(atPath: path))
    }

    func testReportMergesToTheReportsPageAtEveryShardCount() throws {
        let dir = try PackagePaths.temporaryDirectory("report-shards")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = PackagePaths.smallPlan
        let s = try scenario(file, trials: 120)
        XCTAssertEqual(s.interventions.count, 2)
        let page = try reportPage(s, file: file, interventions: true, path: dir + "/one.html")
        XCTAssertTrue(String(decoding: page, as: UTF8.self).contains("funnelcast report \(file) --trials 120 --seed \(s.seed)"))
        for count in ShardFixture.shardCounts {
            let html = dir + "/merged-\(count).html"
            let paths = try parts(.report(interventions: true), s, file: file, count: count, in: dir + "/parts-\(count)")
            let merged = try MergeOutputJob(parts: paths, html: html).run()
            XCTAssertEqual(merged.outcome.written, [html])
            XCTAssertEqual(FileManager.default.contents(atPath: html), page, "\(count) shards")
        }
        let plain = try reportPage(s, file: file, interventions: false, path: dir + "/plain.html")
        XCTAssertNotEqual(plain, page)
        let paths = try parts(.report(interventions: false), s, file: file, count: 3, in: dir + "/parts-plain")
        _ = try MergeOutputJob(parts: paths, html: dir + "/merged-plain.html").run()
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "/merged-plain.html"), plain)
    }

    private func assertRefused(_ job: MergeOutputJob, _ expected: String, in dir: String, leaves: [String],
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try job.run(), file: file, line: line) { error in
            let text = "\(error)"
            XCTAssertEqual(text.split(separator: "\n").count, 1, text, file: file, line: line)
            XCTAssertTrue(text.contains(expected), text, file: file, line: line)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), leaves.sorted(), file: file, line: line)
    }

    func testForeignAndMisusedPartsAreOneLineAndWriteNothing() throws {
        let dir = try PackagePaths.temporaryDirectory("plan-shards")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = PackagePaths.fixture("one-stage.yaml")
        let s = try scenario(file, trials: 40)
        func plan(_ target: Double) -> ShardedCommand {
            .plan(.init(levers: [Self.rate, "costs.per_hire"], target: target, metric: nil, scope: nil, min: nil, max: nil,
                        precision: nil))
        }
        let a = try parts(plan(0.8), s, file: file, count: 2, in: dir + "/a").sorted()
        let b = try parts(plan(0.7), s, file: file, count: 2, in: dir + "/b").sorted()
        let r = try parts(.report(interventions: true), s, file: file, count: 2, in: dir + "/r").sorted()
        let leaves = ["a", "b", "r"]
        assertRefused(MergeOutputJob(parts: [a[0], b[1]], directory: dir + "/out"),
                      "\(b[1]): not from the same run as \(a[0]): options", in: dir, leaves: leaves)
        assertRefused(MergeOutputJob(parts: [a[0], r[1]], directory: dir + "/out"),
                      "\(r[1]): not from the same run as \(a[0]): command report, expected plan", in: dir, leaves: leaves)
        assertRefused(MergeOutputJob(parts: [a[1]], directory: dir + "/out"), "missing shard 0/2 (levers 0-0)", in: dir,
                      leaves: leaves)
        assertRefused(MergeOutputJob(parts: a, directory: dir + "/out", html: dir + "/p.html"),
                      "only the parts of `run` and `report` make an HTML report", in: dir, leaves: leaves)
        assertRefused(MergeOutputJob(parts: r, directory: dir + "/out", html: dir + "/p.html"),
                      "\(r[0]): the parts of `report` make its HTML page and no CSV files", in: dir, leaves: leaves)
        assertRefused(MergeOutputJob(parts: r, directory: dir + "/out"), "merge them with --html FILE", in: dir, leaves: leaves)
        // A part of the previous layout (version 3: before plan and report had parts).
        var old = try XCTUnwrap(FileManager.default.contents(atPath: a[1]))
        old[8] = 3
        try old.write(to: URL(fileURLWithPath: dir + "/a/old.fcpart"))
        assertRefused(MergeOutputJob(parts: [a[0], dir + "/a/old.fcpart"], directory: dir + "/out"),
                      "\(dir)/a/old.fcpart: part format version 3, this funnelcast reads version 5", in: dir, leaves: leaves)
    }
}
