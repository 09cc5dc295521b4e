import ScenarioYAML
import XCTest
import FunnelModel
import Simulation
@testable import Forecast

/// The forecast across trials: determinism, censoring, the timeline and
/// the plan scope, on small scenarios written as a planner would.
final class ForecastBuilderTests: XCTestCase {
    private func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.parse(yaml: yaml, file: "test.yaml")
    }

    private let twoTeams = """
        name: two teams
        start: 2027-01-04
        horizon_days: 150
        trials: 400
        seed: 5
        calendar: {workdays: [mon, tue, wed, thu, fri, sat, sun]}
        budget: {freezes_per_year: 2, freeze_days: 10, cancel_probability: 0.1}
        requisitions:
          - name: a
            openings: 2
            sourcing: {applicants_per_week: {dist: gamma, mean: 6, sd: 2}}
            candidate: {competing_offers_per_week: 0.1}
            stages:
              - {name: screen, hr_workdays: {dist: exponential, mean: 2}, pass: 0.4}
              - {name: onsite, interview: true, no_show: 0.1, pass: {dist: beta, successes: 30, trials: 100}}
            offer: {accept: 0.7, response_days: 3}
            notice_days: 14
          - name: b
            opens_day: 10
            deadline: 2027-04-30
            sourcing: {applicants_per_week: 3}
            stages:
              - {name: screen, pass: 0.5}
            offer: {accept: 0.8}
        """

    private func forecast(_ s: Scenario, threads: Int, trials: Int = 400) -> (Forecast, ForecastBuilder) {
        ForecastRunner.forecast(model: SimulationModel(s), options: RunOptions(trials: trials, seed: s.seed, threads: threads))
    }

    func testIdenticalForAnyThreadCount() throws {
        let s = try scenario(twoTeams)
        let (one, b1) = forecast(s, threads: 1)
        for threads in [2, 3] {
            let (other, b2) = forecast(s, threads: threads)
            XCTAssertEqual(one.summaries, other.summaries)
            XCTAssertEqual(one.timeline, other.timeline)
            XCTAssertEqual(one.funnel, other.funnel)
            XCTAssertEqual(b1.columns, b2.columns)
            XCTAssertEqual(b1.parameterColumns, b2.parameterColumns)
        }
    }

    func testPlanScopeAddsUpTheRequisitions() throws {
        let s = try scenario(twoTeams)
        let (_, b) = forecast(s, threads: 2)
        for metric in [Metric.filled, .applicants, .offers, .withdrawn, .recruiterHours, .cost] {
            let plan = b.column(scope: 0, metric: metric)
            let a = b.column(scope: 1, metric: metric), c = b.column(scope: 2, metric: metric)
            for i in plan.indices { XCTAssertEqual(plan[i], a[i] + c[i], accuracy: 1e-9, metric.rawValue) }
        }
        let onTime = b.column(scope: 0, metric: .onTime)
        let cancelled = b.column(scope: 0, metric: .cancelled)
        for i in onTime.indices {
            XCTAssertEqual(onTime[i], min(b.column(scope: 1, metric: .onTime)[i], b.column(scope: 2, metric: .onTime)[i]))
            XCTAssertEqual(cancelled[i], max(b.column(scope: 1, metric: .cancelled)[i], b.column(scope: 2, metric: .cancelled)[i]))
        }
        XCTAssertEqual(b.parameterColumns.count, 2, "applicants_per_week of a and the onsite pass rate are uncertain")
    }

    /// Nobody passes: every opening is "not within horizon", and says so.
    func testCensoredTimesAreBeyondTheHorizon() throws {
        let s = try scenario("""
            name: hopeless
            start: 2027-01-04
            horizon_days: 60
            requisitions:
              - name: a
                openings: 3
                sourcing: {applicants_per_week: 5}
                stages: [{name: screen, pass: 0}]
                offer: {accept: 1}
            """)
        let (f, _) = forecast(s, threads: 2, trials: 50)
        let fill = f.summary(1, .timeToFill)
        XCTAssertEqual(fill.n, 0)
        XCTAssertEqual(fill.beyondHorizon, 1)
        XCTAssertTrue(fill.percentiles.allSatisfy { $0 == nil })
        XCTAssertEqual(f.summary(0, .costPerHire).beyondHorizon, 1)
        XCTAssertEqual(f.summary(0, .onTime).mean, 0)
    }

    /// One interviewer, one interview a day, everyone accepts at once and
    /// starts after 3 days of notice: starts on days 3, 4, ..., 12, so the
    /// timeline is known exactly.
    func testTimelineCountsStartsByTheEndOfEachWeek() throws {
        let s = try scenario("""
            name: queue
            start: 2027-01-04
            horizon_days: 21
            calendar: {workdays: [mon, tue, wed, thu, fri, sat, sun]}
            interviewers: {count: 1, hours_per_week: 35}
            requisitions:
              - name: a
                openings: 10
                sourcing: {applicants_per_week: 0, initial_pool: 10}
                stages: [{name: onsite, interview: true, interviewer_hours: 5, pass: 1}]
                offer: {accept: 1}
                notice_days: 3
            """)
        let (f, _) = forecast(s, threads: 1, trials: 5)
        XCTAssertEqual(f.timeline[1].map(\.p50), [5, 10, 10])   // t <= 7: days 3..7
        XCTAssertEqual(f.timeline[1].map(\.date.description), ["2027-01-10", "2027-01-17", "2027-01-24"])
        XCTAssertEqual(f.summary(1, .timeToFill).percentiles[3], 4.5)   // median of 0...9
        XCTAssertEqual(f.summary(1, .onTime).mean, 1)
    }

    /// In a closed funnel (no arrivals after the pool, nothing in flight at
    /// the end), every candidate who enters a step leaves it one way.
    func testFunnelConservesCandidates() throws {
        let s = try scenario("""
            name: closed
            start: 2027-01-04
            horizon_days: 365
            requisitions:
              - name: a
                openings: 1000
                sourcing: {applicants_per_week: 0, initial_pool: 300}
                candidate: {competing_offers_per_week: 0.2, contact_failure: 0.05}
                stages:
                  - {name: screen, hr_workdays: 2, pass: 0.5}
                  - {name: onsite, interview: true, no_show: 0.1, pass: 0.5}
                offer: {accept: 0.6, response_days: 2}
                background_check: {workdays: 3, fail: 0.1, false_fail: 0.1, dispute: 0.5, dispute_days: 5}
                renege: 0.1
            """)
        let (f, _) = forecast(s, threads: 2, trials: 30)
        for step in f.funnel[1].prefix(2) {
            let out = step.passed + step.noShows + step.withdrawn + step.contactFailures + step.rejected
            XCTAssertEqual(step.entered, out, accuracy: 1e-9, step.stage)
        }
        let decision = f.funnel[1][2], offer = f.funnel[1][3], check = f.funnel[1][4], start = f.funnel[1][5]
        XCTAssertEqual(decision.entered, decision.passed + decision.withdrawn, accuracy: 1e-9)
        XCTAssertEqual(offer.entered, offer.passed + offer.rejected, accuracy: 1e-9)
        XCTAssertEqual(check.entered, check.passed + check.rejected, accuracy: 1e-9)
        XCTAssertEqual(start.entered, check.passed, accuracy: 1e-9)
        XCTAssertEqual(start.entered, start.passed + start.rejected, accuracy: 1e-9)
    }
}
