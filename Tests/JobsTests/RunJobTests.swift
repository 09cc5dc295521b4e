import Forecast
import Foundation
import Jobs
import Reporting
import XCTest

/// `RunJob` in process: what it writes, what a cancellation leaves, what
/// the limits refuse, all without launching the tool.
final class RunJobTests: XCTestCase {
    private let limits = RunLimits(maxEventsPerTrial: 1e9, maxMemoryBytes: 64e9)

    func testWritesEveryOutputAndNoTemporary() throws {
        let dir = try JobFixture.directory()
        try "old\r\n".write(toFile: dir + "/summary.csv", atomically: true, encoding: .utf8)
        let job = RunJob(scenario: try JobFixture.scenario(trials: 200), directory: dir, trialsCSV: true,
                         html: dir + "/report.html")
        let outcome = try job.prepare(limits: limits, threads: 2).run(JobContext(threads: 2))
        XCTAssertNil(outcome.interruption)
        XCTAssertEqual(outcome.written, ["summary.csv", "timeline.csv", "funnel.csv", "starts.csv", "channels.csv", "capacity.csv", "capacity-waits.csv", "report.html", "trials.csv"].map { dir + "/" + $0 })
        XCTAssertEqual(JobFixture.files(dir), ["capacity-waits.csv", "capacity.csv", "channels.csv", "funnel.csv", "report.html", "starts.csv", "summary.csv", "timeline.csv", "trials.csv"])
        let summary = try String(contentsOfFile: dir + "/summary.csv", encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("scope,metric,n,mean,"), summary)
        XCTAssertTrue(summary.contains("plan,on_time,200,"), summary)
        let trials = try String(contentsOfFile: dir + "/trials.csv", encoding: .utf8).components(separatedBy: "\r\n")
        XCTAssertEqual(trials.count, 202, "header, 200 trials, and the empty piece after the last CRLF")
        XCTAssertTrue(outcome.text.contains("P(on time)"), outcome.text)
    }

    func testTheSameRunGivesTheSameFilesOnAnyThreadCount() throws {
        let scenario = try JobFixture.scenario(trials: 150)
        var summaries: [String] = []
        for threads in [1, 3] {
            let dir = try JobFixture.directory()
            _ = try RunJob(scenario: scenario, directory: dir).prepare(limits: limits, threads: threads)
                .run(JobContext(threads: threads))
            summaries.append(try String(contentsOfFile: dir + "/summary.csv", encoding: .utf8))
        }
        XCTAssertEqual(summaries[0], summaries[1])
    }

    /// A cancellation part way (an injected check, as a SIGINT would set):
    /// nothing replaces the previous files, no temporary is left, and the
    /// outcome says what was not written.
    func testCancelledRunWritesNothingAndSaysWhatWasNotWritten() throws {
        let dir = try JobFixture.directory()
        try "old\r\n".write(toFile: dir + "/summary.csv", atomically: true, encoding: .utf8)
        let job = RunJob(scenario: try JobFixture.scenario(trials: 5000), directory: dir, trialsCSV: true,
                         html: dir + "/report.html")
        let prepared = try job.prepare(limits: limits, threads: 2)
        let outcome = try prepared.run(JobContext(threads: 2, isCancelled: TripAfter(looks: 20).check))
        XCTAssertEqual(outcome.written, [])
        XCTAssertEqual(outcome.text, "", "no report of a part of the trials")
        guard case .duringTrials(let completed, let total, let notWritten)? = outcome.interruption else {
            return XCTFail("\(String(describing: outcome.interruption))")
        }
        XCTAssertLessThan(completed, 5000)
        XCTAssertEqual(total, 5000)
        XCTAssertEqual(notWritten, "summary.csv, timeline.csv, funnel.csv, starts.csv, channels.csv, capacity.csv, capacity-waits.csv, trials.csv not written; \(dir) is as it was, "
                       + "nor \(dir)/report.html")
        XCTAssertEqual(outcome.interruption?.description,
                       "after \(completed) of 5000 trials: " + notWritten)
        XCTAssertEqual(JobFixture.files(dir), ["summary.csv"])
        XCTAssertEqual(try String(contentsOfFile: dir + "/summary.csv", encoding: .utf8), "old\r\n")
    }

    func testCancelledRunWithoutOutputs() throws {
        let job = RunJob(scenario: try JobFixture.scenario(trials: 5000))
        let outcome = try job.prepare(limits: limits, threads: 1).run(JobContext(threads: 1, isCancelled: { true }))
        XCTAssertEqual(outcome.interruption, .duringTrials(completed: 0, total: 5000, notWritten: "no forecast"))
    }

    func testLimitsRefuseBeforeTheDirectoryIsMade() throws {
        let dir = try JobFixture.directory() + "/out"
        let job = RunJob(scenario: try JobFixture.scenario(trials: 10), directory: dir)
        XCTAssertThrowsError(try job.prepare(limits: RunLimits(maxEventsPerTrial: 100), threads: 1)) { error in
            guard case .limits(let limit) = error as? JobError else { return XCTFail("\(error)") }
            XCTAssertTrue(limit.description.contains("more than the limit of 100;"), limit.description)
            XCTAssertFalse(limit.description.contains("--"), "a library error names no option: \(limit)")
            XCTAssertEqual(limit.remedy, .checkRatesOrRaiseEventLimit)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir))
    }

    func testOutputErrorsAreTypedAndNameNoOption() throws {
        let dir = try JobFixture.directory()
        try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        let scenario = try JobFixture.scenario(trials: 10)
        XCTAssertThrowsError(try RunJob(scenario: scenario, directory: dir + "/file").prepare(limits: limits, threads: 1)) {
            XCTAssertEqual(($0 as? JobError).map { "\($0)" }, "cannot write \(dir)/file: exists and is not a directory")
        }
        XCTAssertThrowsError(try RunJob(scenario: scenario, trialsCSV: true).prepare(limits: limits, threads: 1)) {
            XCTAssertEqual(($0 as? JobError).map { "\($0)" }, "trials.csv needs an output directory")
        }
    }
}
