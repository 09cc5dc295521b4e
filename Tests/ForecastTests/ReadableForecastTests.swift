import ScenarioYAML
import XCTest
import FunnelModel
import Simulation
@testable import Forecast

/// Issue 15, points 1-4: numbers that add up and say what they are
/// conditioned on (the restricted mean, hires by the deadline, a funnel
/// whose columns add up, compare's three columns on one set of trials).
final class ReadableForecastTests: XCTestCase {
    private let plan = """
        name: readable
        start: 2027-01-04
        horizon_days: 120
        trials: 300
        seed: 11
        calendar: {workdays: [mon, tue, wed, thu, fri, sat, sun]}
        budget: {freezes_per_year: 3, freeze_days: 10, cancel_probability: 0.2}
        requisitions:
          - name: a
            openings: 3
            deadline: 2027-03-01
            sourcing: {applicants_per_week: {dist: gamma, mean: 5, sd: 2}}
            stages:
              - {name: screen, pass: 0.4}
              - {name: interview, interview: true, no_show: 0.1, pass: 0.4}
            offer: {accept: 0.7, response_days: 3}
            notice_days: 30
          - name: b
            opens_day: 20
            sourcing: {applicants_per_week: 3}
            stages:
              - {name: screen, pass: 0.5}
              - {name: phone, pass: 0.5}
              - {name: interview, interview: true, pass: 0.5}
            offer: {accept: 0.8}
            notice_days: 20
        """

    private func run(_ yaml: String, trials: Int = 300) throws -> (Forecast, ForecastBuilder) {
        let s = try ScenarioLoader.parse(yaml: yaml, file: "test.yaml")
        return ForecastRunner.forecast(model: SimulationModel(s), options: RunOptions(trials: trials, seed: s.seed, threads: 2))
    }

    /// Point 2: the restricted mean is (1 - b) mean_filled + b c for one
    /// requisition (c = horizon - opens_day, b = share not filled), never
    /// above c, and defined in every trial.
    func testRestrictedMeanIsTheAreaUnderTheSurvivalCurve() throws {
        let (f, b) = try run(plan)
        for (s, censor) in [(1, 120.0), (2, 100.0)] {
            let fill = f.summary(s, .timeToFill), restricted = f.summary(s, .timeToFillRestricted)
            let share = fill.beyondHorizon
            let expected = (1 - share) * (fill.mean ?? 0) + share * censor
            XCTAssertEqual(try XCTUnwrap(restricted.mean), expected, accuracy: 1e-9 * censor, f.scopes[s])
            XCTAssertLessThanOrEqual(try XCTUnwrap(restricted.percentiles.last ?? nil), censor)
            XCTAssertEqual(restricted.beyondHorizon, 0)
            XCTAssertGreaterThan(share, 0, "the test needs openings not filled")
            XCTAssertGreaterThan(restricted.mean!, fill.mean!)
            XCTAssertFalse(b.column(scope: s, metric: .timeToFillRestricted).contains { !$0.isFinite })
        }
        XCTAssertEqual(Metric(rawValue: "time_to_fill_restricted"), .timeToFillRestricted)
    }

    /// Point 3: hires by the deadline count starts by the end of the
    /// deadline day; without a deadline they are the hires by the horizon.
    func testHiresByTheDeadlineAreTheirOwnNumber() throws {
        let (f, b) = try run(plan)
        let byDeadline = try XCTUnwrap(f.summary(1, .filledByDeadline).mean), byHorizon = try XCTUnwrap(f.summary(1, .filled).mean)
        XCTAssertLessThan(byDeadline, byHorizon)
        XCTAssertEqual(b.column(scope: 2, metric: .filledByDeadline), b.column(scope: 2, metric: .filled))
        // On time exactly when every opening started by the deadline.
        let on = b.column(scope: 1, metric: .onTime), hires = b.column(scope: 1, metric: .filledByDeadline)
        XCTAssertEqual(on, hires.map { $0 >= 3 ? 1 : 0 })
    }

    /// Point 4: every row of every funnel adds up, the released columns
    /// are the `released` metric, and the plan's stages keep each
    /// requisition's order (phone before interview).
    func testFunnelAddsUp() throws {
        let (f, _) = try run(plan)
        var releasedSeen = false
        for (s, rows) in f.funnel.enumerated() {
            var released = 0.0
            for r in rows {
                let sum = r.passed + r.noShows + r.withdrawn + r.contactFailures + r.rejected + r.released + r.open
                XCTAssertEqual(r.entered, sum, accuracy: 1e-9 * max(1, r.entered), "\(f.scopes[s]).\(r.stage)")
                XCTAssertGreaterThanOrEqual(r.open, 0)
                released += r.released
            }
            XCTAssertEqual(released, f.summary(s, .released).mean ?? 0, accuracy: 1e-9 * max(1, released), f.scopes[s])
            releasedSeen = releasedSeen || released > 0
        }
        XCTAssertTrue(releasedSeen)
        // Notice periods of 20-30 days: some accepted candidates start after the horizon.
        XCTAssertGreaterThan(f.funnel[0].last!.open, 0)
        XCTAssertGreaterThan(f.startsAfterHorizon(0), 0)
        XCTAssertEqual(f.notFilled(0) + f.startsAfterHorizon(0), f.summary(0, .timeToFill).beyondHorizon, accuracy: 1e-12)
        XCTAssertEqual(f.funnel[0].map(\.stage),
                       ["screen", "phone", "interview", "decision", "offer", "background_check", "start"])
    }

    func testPlanStageOrder() {
        XCTAssertEqual(ForecastBuilder.planStageNames([("a", ["screen", "interview"]), ("b", ["screen", "phone", "interview"])]),
                       ["screen", "phone", "interview"])
        XCTAssertEqual(ForecastBuilder.planStageNames([("a", ["phone", "onsite"]), ("b", ["onsite", "phone"])]),
                       ["a.phone", "a.onsite", "b.onsite", "b.phone"])
    }

    /// Point 1: baseline, intervention and change come from one set of
    /// trials, so value - baseline is the change for every metric.
    func testCompareColumnsAreOneComputation() throws {
        let s = try ScenarioLoader.parse(yaml: plan + """

            interventions:
              - name: faster
                changes: {"requisitions.*.stages.*.pass": "x1.2"}
            """, file: "test.yaml")
        let (_, results) = try InterventionComparison.run(scenario: s, interventions: s.interventions,
                                                          options: RunOptions(trials: 200, seed: 3, threads: 2))
        for e in results[0].effects {
            guard let d = e.difference.mean else { continue }
            let b = try XCTUnwrap(e.baseline), v = try XCTUnwrap(e.value)
            XCTAssertEqual(v - b, d, accuracy: 1e-9 * max(1, abs(b)), "\(e.scope).\(e.metric)")
        }
        let fill = try XCTUnwrap(results[0].effect("a", .timeToFill))
        XCTAssertLessThan(fill.difference.n, 200)
        XCTAssertNotNil(fill.baselineMedian)
    }
}
