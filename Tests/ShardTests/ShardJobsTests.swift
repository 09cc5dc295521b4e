import Forecast
import Foundation
import FunnelModel
import Jobs
import Reporting
import Shards
import TestSupport
import XCTest

/// `PartJob` and `MergeOutputJob` in process: the parts of `run` written by
/// the job and merged (given last first) are byte for byte `RunJob`'s files
/// and report; a cancelled shard writes no part; an HTML report asked of
/// another command's parts is refused with nothing written.
final class ShardJobsTests: XCTestCase {
    private let limits = RunLimits(maxEventsPerTrial: 1e9, maxMemoryBytes: 64e9)

    private func scenario(trials: Int) throws -> Scenario {
        var s = try ShardFixture.smallPlan()
        s.trials = trials
        return s
    }

    private func partJob(_ command: ShardedCommand, _ scenario: Scenario, _ k: Int, of count: Int,
                         path: String) throws -> PartJob {
        PartJob(scenario: scenario, command: command, shard: Shard(index: k, count: count)!, path: path,
                scenarioFile: PackagePaths.smallPlan,
                scenarioText: try String(contentsOfFile: PackagePaths.smallPlan, encoding: .utf8), toolVersion: "test")
    }

    /// Every shard's part of `command`, written by `PartJob` into `dir/parts`.
    private func parts(_ command: ShardedCommand, _ scenario: Scenario, count: Int, in dir: String) throws -> [String] {
        try (0..<count).map { k in
            let path = dir + "/parts/\(k).fcpart"
            let outcome = try partJob(command, scenario, k, of: count, path: path)
                .prepare(limits: limits, threads: 1).run(JobContext(threads: 1))
            XCTAssertEqual(outcome.written, [path])
            XCTAssertTrue(outcome.text.hasPrefix("Wrote \(path) (shard \(k)/\(count), trials "), outcome.text)
            return path
        }
    }

    func testMergedRunPartsAreTheRunJobsFiles() throws {
        let dir = try PackagePaths.temporaryDirectory("shard-jobs")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try scenario(trials: 500)
        let one = try RunJob(scenario: s, directory: dir + "/one", delimiter: ";", trialsCSV: true)
            .prepare(limits: limits, threads: 2).run(JobContext(threads: 2))
        let paths = try parts(.run(trialsCSV: true, delimiter: ";"), s, count: 3, in: dir)
        let merged = try MergeOutputJob(parts: paths.reversed(), directory: dir + "/merged").run()
        XCTAssertEqual(merged.partCount, 3)
        XCTAssertEqual(merged.total, 500)
        XCTAssertEqual(merged.unit, "trials")
        XCTAssertEqual(merged.outcome.text, one.text)
        let names = ["summary.csv", "timeline.csv", "funnel.csv", "starts.csv", "channels.csv", "capacity.csv", "capacity-waits.csv", "trials.csv"]
        XCTAssertEqual(merged.outcome.written, names.map { dir + "/merged/" + $0 })
        for name in names {
            let a = FileManager.default.contents(atPath: dir + "/one/" + name)
            XCTAssertNotNil(a, name)
            XCTAssertEqual(a, FileManager.default.contents(atPath: dir + "/merged/" + name), name)
        }
    }

    func testCancelledShardWritesNoPart() throws {
        let dir = try PackagePaths.temporaryDirectory("shard-jobs")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/0.fcpart"
        let outcome = try partJob(.run(trialsCSV: false, delimiter: ","), try scenario(trials: 2000), 0, of: 2, path: path)
            .prepare(limits: limits, threads: 1).run(JobContext(threads: 1, isCancelled: { true }))
        XCTAssertEqual(outcome, JobOutcome(interruption: .beforeFinish))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
    }

    func testHTMLOfComparePartsIsRefusedAndWritesNothing() throws {
        let dir = try PackagePaths.temporaryDirectory("shard-jobs")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try parts(.compare(interventions: []), try scenario(trials: 100), count: 2, in: dir)
        let html = dir + "/report.html"
        XCTAssertThrowsError(try MergeOutputJob(parts: paths, directory: dir + "/merged", html: html).run()) { error in
            guard case .htmlNeedsRunParts(html)? = error as? MergeOutputJob.Failure else { return XCTFail("\(error)") }
            XCTAssertEqual("\(error)", "\(html): only the parts of `run` and `report` make an HTML report")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["parts"])
    }
}
