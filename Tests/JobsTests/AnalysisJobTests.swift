import Forecast
import Foundation
import Jobs
import Reporting
import XCTest

/// `SensitivityJob`, `CompareJob` and `ReportJob` in process: each writes
/// its one file, and a cancelled one writes nothing and says so.
final class AnalysisJobTests: XCTestCase {
    private let limits = RunLimits(maxEventsPerTrial: 1e9, maxMemoryBytes: 64e9)

    func testCorrelationWritesItsTable() throws {
        let dir = try JobFixture.directory()
        let job = SensitivityJob(scenario: try JobFixture.scenario(trials: 200), method: .correlation, directory: dir)
        let outcome = try job.prepare(limits: limits, threads: 2).run(JobContext(threads: 2))
        XCTAssertEqual(outcome.written, [dir + "/sensitivity-correlation.csv"])
        XCTAssertEqual(JobFixture.files(dir), ["sensitivity-correlation.csv"])
        XCTAssertFalse(outcome.text.isEmpty)
        XCTAssertNil(outcome.interruption)
    }

    func testCancelledAnalysesWriteNothing() throws {
        let scenario = try JobFixture.scenario(trials: 2000)
        let dir = try JobFixture.directory()
        let cancelled = { JobContext(threads: 2, isCancelled: TripAfter(looks: 5).check) }
        for method in SensitivityJob.Method.allCases {
            let job = SensitivityJob(scenario: scenario, method: method, bootstrap: 20, directory: dir)
            let outcome = try job.prepare(limits: limits, threads: 2).run(cancelled())
            XCTAssertEqual(outcome, JobOutcome(interruption: .beforeFinish), "\(method)")
        }
        let compare = try CompareJob(scenario: scenario, directory: dir).prepare(limits: limits, threads: 2).run(cancelled())
        XCTAssertEqual(compare, JobOutcome(interruption: .beforeFinish))
        let report = ReportJob(scenario: scenario, path: dir + "/report.html", interventions: scenario.interventions)
        try report.prepare(limits: limits, threads: 2)
        XCTAssertEqual(try report.run(cancelled()), JobOutcome(interruption: .beforeFinish))
        XCTAssertEqual(JobFixture.files(dir), [])
        XCTAssertEqual(Interruption.beforeFinish.description, "before the run finished: nothing written")
    }

    func testReportAndCompareWriteTheirFiles() throws {
        let scenario = try JobFixture.scenario(trials: 100)
        let dir = try JobFixture.directory()
        let report = ReportJob(scenario: scenario, path: dir + "/plan.html", interventions: scenario.interventions)
        try report.prepare(limits: limits, threads: 2)
        XCTAssertEqual(try report.run(JobContext(threads: 2)).written, [dir + "/plan.html"])
        let compare = try CompareJob(scenario: scenario, interventions: ["Nothing"], directory: dir)
            .prepare(limits: limits, threads: 2).run(JobContext(threads: 2))
        XCTAssertEqual(compare.written, [dir + "/interventions.csv"])
        XCTAssertTrue(compare.text.contains("Nothing"), compare.text)
        XCTAssertEqual(JobFixture.files(dir), ["interventions.csv", "plan.html"])
    }

    func testAnalysisErrorsAreTyped() throws {
        let job = SensitivityJob(scenario: try JobFixture.scenario(trials: 10), method: .tornado, metric: "no_such_metric")
        XCTAssertThrowsError(try job.prepare(limits: limits, threads: 1).run(JobContext(threads: 1))) {
            guard case .analysis = $0 as? JobError else { return XCTFail("\($0)") }
        }
    }
}
