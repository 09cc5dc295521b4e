import Calibration
import Forecast
import FunnelModel
import ScenarioYAML
import Foundation
import History
import Simulation
import XCTest

/// `fit` end to end on synthetic histories with a known truth: the
/// recovered parameters, the fitted scenario loading and running, the
/// report, and nothing written on bad input.
final class FitJobTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fitjob-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try SyntheticHistory.template.write(to: directory.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeAllItems(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ events: [HistoryEvent], _ name: String, datesOnly: Bool = false) throws -> String {
        try HistoryWriter.render(events, datesOnly: datesOnly).write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    func parameter(_ o: FitOutcome, _ p: String) throws -> FittedParameter {
        try XCTUnwrap(o.parameters.first { $0.path == p }, p)
    }

    /// A probability within 4 binomial standard errors of the truth.
    func assertProportion(_ o: FitOutcome, _ p: String, _ truth: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .proportion(let e) = try parameter(o, p).estimate else { return XCTFail(p, file: file, line: line) }
        let se = (truth * (1 - truth) / Double(e.trials)).squareRoot()
        XCTAssertEqual(try XCTUnwrap(e.rate), truth, accuracy: 4 * se, "\(p): \(e.successes)/\(e.trials)", file: file, line: line)
    }

    /// A duration's fitted mean within 4 of its standard errors (from the 95% interval).
    func assertMean(_ o: FitOutcome, _ p: String, _ truth: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .duration(let f, _, _) = try parameter(o, p).estimate, let best = f?.best,
              let lo = best.meanLow, let hi = best.meanHigh else { return XCTFail(p, file: file, line: line) }
        XCTAssertEqual(best.mean, truth, accuracy: 4 * (hi - lo) / (2 * 1.96), "\(p): \(best.family)", file: file, line: line)
    }

    func testRecoversTheTruthAndTheFittedScenarioRuns() throws {
        let gen = SyntheticHistory()
        let t = gen.truth
        let history = try write(gen.events(seed: 7), "history.csv")
        let request = FitRequest(histories: [history], template: path("template.yaml"),
                                 out: path("fitted.yaml"), report: path("fit.csv"))
        let o = try FitJob.run(request)
        let r = "requisitions.eng"
        try assertProportion(o, "\(r).stages.screen.pass", t.screenPass)
        try assertProportion(o, "\(r).stages.phone.pass", t.phonePass)
        try assertProportion(o, "\(r).stages.phone.no_show", t.noShow)
        try assertProportion(o, "\(r).candidate.contact_failure", t.contactFailure)
        try assertProportion(o, "\(r).offer.accept", t.accept)
        try assertMean(o, "\(r).stages.screen.hr_workdays", t.screenHrMean)
        try assertMean(o, "\(r).stages.phone.hr_workdays", t.phoneHr.shape * t.phoneHr.scale)
        try assertMean(o, "\(r).candidate.reply_days", exp(t.reply.mu + t.reply.sigma * t.reply.sigma / 2))
        try assertMean(o, "\(r).offer.hr_workdays", t.offerHrMean)
        try assertMean(o, "\(r).offer.response_days", exp(t.response.mu + t.response.sigma * t.response.sigma / 2))
        try assertMean(o, "\(r).background_check.workdays", t.check.shape * t.check.scale)
        try assertMean(o, "\(r).notice_days", exp(t.notice.mu + t.notice.sigma * t.notice.sigma / 2))
        guard case .rate(let a, _) = try parameter(o, "\(r).sourcing.applicants_per_week").estimate else { return XCTFail() }
        XCTAssertEqual(try XCTUnwrap(a.rate), t.applicantsPerWeek, accuracy: 4 * (t.applicantsPerWeek / a.exposure).squareRoot())
        XCTAssertFalse(a.overDispersed, "a Poisson process")
        guard case .rate(let c, _) = try parameter(o, "\(r).candidate.competing_offers_per_week").estimate else { return XCTFail() }
        XCTAssertEqual(try XCTUnwrap(c.rate), t.competingPerWeek, accuracy: 4 * (t.competingPerWeek / c.exposure).squareRoot())

        // The files: a scenario that loads and runs, with its evidence.
        let text = try String(contentsOfFile: path("fitted.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("pass: {dist: beta, successes: "), text)
        XCTAssertTrue(text.contains("# Kept from the template"), text)
        XCTAssertTrue(text.contains("passed of"), text)
        let scenario = try ScenarioLoader.load(path: path("fitted.yaml"))
        XCTAssertTrue(scenario.requisitions[0].stages[0].pass.isUncertain, "the Beta posterior carries the data's uncertainty")
        XCTAssertEqual(scenario.interventions, try ScenarioLoader.load(path: path("template.yaml")).interventions, "kept from the template")
        var starts = 0.0
        ForecastRunner.run(model: SimulationModel(scenario), options: RunOptions(trials: 8, seed: 3, threads: 1)) { chunk in
            starts += chunk.outcomes.reduce(0) { $0 + $1.requisitions[0][.filled] }
        }
        XCTAssertGreaterThan(starts, 0, "the fitted plan hires")
        let csv = try String(contentsOfFile: path("fit.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("parameter,estimate,ci_low,ci_high,model,events,exposure,censored,aic,gof\r\n"))
        XCTAssertTrue(csv.contains("\r\nrequisitions.eng.candidate.reply_days:gamma,"))
        XCTAssertTrue(csv.contains("\r\nhistory.gaps,0,"))
    }

    /// Dates only: every time a day; the durations are interval-censored
    /// and still recover the truth.
    func testDatesOnlyRecoverTheDurations() throws {
        let gen = SyntheticHistory()
        let t = gen.truth
        let history = try write(gen.events(seed: 8), "dates.csv", datesOnly: true)
        let o = try FitJob.fit(FitRequest(histories: [history], template: path("template.yaml"), out: path("f.yaml")))
        let r = "requisitions.eng"
        try assertMean(o, "\(r).stages.phone.hr_workdays", t.phoneHr.shape * t.phoneHr.scale)
        try assertMean(o, "\(r).offer.response_days", exp(t.response.mu + t.response.sigma * t.response.sigma / 2))
        try assertMean(o, "\(r).background_check.workdays", t.check.shape * t.check.scale)
        try assertMean(o, "\(r).notice_days", exp(t.notice.mu + t.notice.sigma * t.notice.sigma / 2))
        try assertProportion(o, "\(r).offer.accept", t.accept)
    }

    /// An earlier --as-of censors what was in flight then; the fit still
    /// recovers the long notice periods (mean 20.9 days, many cut short).
    func testAsOfCensorsInFlight() throws {
        let gen = SyntheticHistory()
        let history = try write(gen.events(seed: 9), "h.csv")
        let o = try FitJob.fit(FitRequest(histories: [history], template: path("template.yaml"), asOf: "2026-03-02", out: path("f.yaml")))
        let p = try parameter(o, "requisitions.eng.notice_days")
        guard case .duration(_, let s, _) = p.estimate else { return XCTFail() }
        XCTAssertGreaterThan(s.censored, 0)
        try assertMean(o, "requisitions.eng.notice_days", exp(gen.truth.notice.mu + gen.truth.notice.sigma * gen.truth.notice.sigma / 2))
    }

    func testWithoutTemplateTheDefaultsRun() throws {
        let history = try write(SyntheticHistory().events(seed: 10), "h.csv")
        let o = try FitJob.run(FitRequest(histories: [history], out: path("plain.yaml")))
        XCTAssertTrue(o.scenarioText.contains("MODEL.md's defaults"))
        let scenario = try ScenarioLoader.load(path: path("plain.yaml"))
        XCTAssertEqual(scenario.requisitions[0].stages.map(\.name), ["screen", "phone"])
        XCTAssertEqual(scenario.requisitions[0].stages.map(\.interview), [false, true])
        XCTAssertNotNil(scenario.requisitions[0].backgroundCheck)
    }

    func testBadInputWritesNothing() throws {
        var events = SyntheticHistory().events(seed: 11)
        events.insert(HistoryEvent(requisition: "eng", candidate: "x", kind: .started, time: events[3].time), at: 5)
        events.insert(HistoryEvent(requisition: "eng", candidate: "x", kind: .started, time: events[3].time), at: 6)
        let history = try write(events, "bad.csv")
        XCTAssertThrowsError(try FitJob.run(FitRequest(histories: [history], template: path("template.yaml"),
                                                       out: path("never.yaml"), report: path("never.csv")))) { e in
            XCTAssertEqual("\(e)", "\(history):8: impossible path: candidate x: a second started (got \"started\")")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("never.yaml")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("never.csv")))
        XCTAssertThrowsError(try FitJob.fit(FitRequest(histories: [history], asOf: "March", out: path("x.yaml"))))
    }
}

extension FileManager {
    func removeAllItems(at url: URL) throws { try removeItem(at: url) }
}
