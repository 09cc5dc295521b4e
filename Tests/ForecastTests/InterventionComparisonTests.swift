import Forecast
import FunnelModel
import Simulation
import TestSupport
import XCTest

/// Interventions against the baseline on the same trials (MODEL.md 12, 17.9).
final class InterventionComparisonTests: XCTestCase {
    /// Common random numbers do their job: for a small change (no-shows
    /// x0.9), the paired difference's standard error is well under the one
    /// two independent runs would have, sqrt(var_a / n + var_b / n).
    func testCommonRandomNumbersShrinkTheStandardError() throws {
        let s = try SmallPlan.scenario()
        let base = SimulationModel(s)
        let changed = SimulationModel(try s.applying(s.interventions[0])).aligningParameterStreams(with: base)
        let a = ForecastRunner.forecast(model: base, options: SmallPlan.options())
        let b = ForecastRunner.forecast(model: changed, options: SmallPlan.options())
        for metric in [Metric.timeToStart, .filled, .onTime, .cost] {
            let x = a.1.column(scope: 0, metric: metric), y = b.1.column(scope: 0, metric: metric)
            let paired = PairedDifference(baseline: x, changed: y)
            let both = x.indices.filter { x[$0].isFinite && y[$0].isFinite }
            let sx = try XCTUnwrap(Statistics.summarize(both.map { x[$0] }).se)
            let sy = try XCTUnwrap(Statistics.summarize(both.map { y[$0] }).se)
            let unpaired = (sx * sx + sy * sy).squareRoot()
            let se = try XCTUnwrap(paired.standardError)
            XCTAssertLessThan(se, 0.5 * unpaired, "\(metric): paired \(se), unpaired \(unpaired)")
        }
    }

    func testEffectsOfTheSmallPlansInterventions() throws {
        let s = try SmallPlan.scenario()
        let (baseline, results) = try InterventionComparison.run(scenario: s, interventions: s.interventions,
                                                                 options: SmallPlan.options())
        XCTAssertEqual(results.map(\.intervention), ["Fewer no-shows", "Nothing"])
        XCTAssertEqual(results[0].effects.count, 2 * Metric.allCases.count)

        // Fewer no-shows: fewer no-shows, trial by trial.
        let noShows = try XCTUnwrap(results[0].effect("plan", .noShows))
        XCTAssertEqual(noShows.baseline, baseline.summary(0, .noShows).mean)
        XCTAssertLessThan(try XCTUnwrap(noShows.difference.ciHigh), 0)
        XCTAssertEqual(noShows.difference.n, 400)

        // x1 changes nothing: every difference is exactly 0.
        for e in results[1].effects {
            XCTAssertEqual(e.baseline, e.value, "\(e.scope).\(e.metric)")
            if let d = e.difference.mean { XCTAssertEqual(d, 0, "\(e.scope).\(e.metric)") }
        }
        // Per-opening metrics pair only trials where both runs filled an opening.
        let fill = try XCTUnwrap(results[0].effect("team", .timeToFill))
        XCTAssertLessThan(fill.difference.n, 400)
        XCTAssertGreaterThan(fill.difference.n, 350)
    }

    func testSelectingInterventions() throws {
        let s = try SmallPlan.scenario()
        XCTAssertEqual(try InterventionComparison.select(["Nothing"], from: s).map(\.name), ["Nothing"])
        XCTAssertEqual(try InterventionComparison.select(nil, from: s).count, 2)
        XCTAssertThrowsError(try InterventionComparison.select(["More recruiters"], from: s)) { e in
            XCTAssertEqual("\(e)", "unknown intervention 'More recruiters'; the scenario has: 'Fewer no-shows', 'Nothing'")
        }
        var none = s
        none.interventions = []
        XCTAssertThrowsError(try InterventionComparison.select(nil, from: none))
    }

    func testComparisonDoesNotDependOnTheThreadCount() throws {
        let s = try SmallPlan.scenario()
        func compare(_ threads: Int) throws -> [InterventionComparison.Result] {
            try InterventionComparison.run(scenario: s, interventions: s.interventions,
                                           options: SmallPlan.options(trials: 200, threads: threads)).results
        }
        XCTAssertIdentical(try compare(1), try compare(3))
    }
}
