import Forecast
import FunnelModel
import Sampling
import Simulation
import TestSupport
import XCTest

/// Tornado, Sobol and correlation on a small plan: sanity of directions,
/// exact zeros that common random numbers guarantee, and results that do
/// not depend on the thread count.
final class SensitivityTests: XCTestCase {
    func testTornadoPointsFollowTheRules() throws {
        let s = try SmallPlan.scenario()
        let points = try TornadoPoint.points(of: s, swing: 0.2)
        func point(_ path: String) throws -> TornadoPoint { try XCTUnwrap(points.first { $0.path == path }, path) }
        // Uncertain: P10 and P90 of beta(30, 70).
        let pass = try point("requisitions.team.stages.screen.pass")
        XCTAssertEqual(pass.low, try Distribution.beta(alpha: 30, beta: 70).quantile(0.1), accuracy: 1e-12)
        XCTAssertEqual(pass.high, try Distribution.beta(alpha: 30, beta: 70).quantile(0.9), accuracy: 1e-12)
        // Fixed numbers x 0.8 and x 1.2; a duration's distribution by its scaled mean.
        let noShow = try point("requisitions.team.stages.onsite.no_show")
        XCTAssertEqual([noShow.low, noShow.high], [0.2 * 0.8, 0.2 * 1.2])
        let hr = try point("requisitions.team.stages.screen.hr_workdays")
        XCTAssertEqual([hr.low, hr.high], [2 * 0.8, 2 * 1.2])
        XCTAssertEqual(hr.lowChange.operation, .multiply(0.8))
        // Integers move at least one step, within their range.
        let openings = try point("requisitions.team.openings")
        XCTAssertEqual([openings.low, openings.high], [1, 3])
        let slate = try point("requisitions.team.decision.slate_size")
        XCTAssertEqual([slate.low, slate.high], [1, 2])
        XCTAssertTrue(slate.lowIsBase)
        // A 0 stays 0: both sides are the base run.
        let renege = try point("requisitions.team.renege")
        XCTAssertTrue(renege.lowIsBase && renege.highIsBase)
        // Unset "no limit" fields have nothing to move.
        XCTAssertNil(points.first { $0.path.hasSuffix("max_applicants") })
        XCTAssertNil(points.first { $0.path.hasPrefix("recruiters") })

        XCTAssertThrowsError(try TornadoPoint.points(of: s, patterns: ["requisitions.team.stages.*.pas"], swing: 0.2)) { e in
            XCTAssertEqual("\(e)", "--parameters requisitions.team.stages.*.pas: the pattern matches no tornado parameter; "
                               + "closest: requisitions.team.stages.*.pass, requisitions.team.stages.*.no_show, "
                               + "requisitions.team.stages.*.hr_workdays")
        }
        XCTAssertThrowsError(try TornadoPoint.points(of: s, swing: 1.5))
    }

    /// A higher pass rate or acceptance gives a higher P(on time), a higher
    /// no-show rate a lower one; rows come largest swing first.
    func testTornadoDirections() throws {
        let s = try SmallPlan.scenario()
        let model = SimulationModel(s)
        let points = try TornadoPoint.points(of: s, patterns: ["requisitions.team.stages.*.pass", "requisitions.team.offer.accept",
                                                               "requisitions.team.stages.*.no_show"], swing: 0.2)
        let result = try Tornado.run(scenario: s, points: points, metric: try MetricChoice(model: model),
                                     options: SmallPlan.options())
        XCTAssertEqual(result.rows.map(\.rank), Array(1...4))
        XCTAssertEqual(result.runs, 9)
        let swings = result.rows.compactMap(\.swing)
        XCTAssertEqual(swings, swings.sorted(by: >))
        for row in result.rows {
            let lo = try XCTUnwrap(row.metricLow), hi = try XCTUnwrap(row.metricHigh)
            if row.path.hasSuffix("no_show") {
                XCTAssertGreaterThan(lo, hi, row.path)
            } else {
                XCTAssertGreaterThan(hi, lo, row.path)
            }
        }
        let base = try XCTUnwrap(result.base)
        let pass = try XCTUnwrap(result.rows.first { $0.path.hasSuffix("screen.pass") })
        XCTAssertLessThan(pass.metricLow!, base)
        XCTAssertGreaterThan(pass.metricHigh!, base)
    }

    func testTornadoOnAPercentile() throws {
        let s = try SmallPlan.scenario()
        let metric = try MetricChoice("time_to_fill.p50", scope: "team", model: SimulationModel(s))
        let points = try TornadoPoint.points(of: s, patterns: ["requisitions.team.sourcing.applicants_per_week"], swing: 0.2)
        let row = try XCTUnwrap(try Tornado.run(scenario: s, points: points, metric: metric, options: SmallPlan.options()).rows.first)
        XCTAssertGreaterThan(row.metricLow!, row.metricHigh!, "more applicants fill faster")
    }

    func testMetricChoiceErrors() throws {
        let model = SimulationModel(try SmallPlan.scenario())
        XCTAssertThrowsError(try MetricChoice("ontime", model: model)) { e in
            XCTAssertTrue("\(e)".hasPrefix("unknown metric 'ontime' in --metric ontime; known: on_time, filled,"), "\(e)")
        }
        XCTAssertThrowsError(try MetricChoice("time_to_fill.median", model: model)) { e in
            XCTAssertEqual("\(e)", "unknown statistic 'median' in --metric time_to_fill.median; known: mean, sd, p5, p10, p25, "
                               + "p50, p75, p90, p95, beyond_horizon")
        }
        XCTAssertThrowsError(try MetricChoice(scope: "teams", model: model)) { e in
            XCTAssertEqual("\(e)", "unknown scope 'teams'; known: plan, team")
        }
        XCTAssertEqual(try MetricChoice("cost_per_hire.mean", model: model).description, "cost_per_hire")
        XCTAssertEqual(try MetricChoice("time_to_fill.p90", scope: "team", model: model).scope, 1)
    }

    /// The trial-randomness input and an input nothing depends on: common
    /// random numbers make the latter's indices exactly 0.
    func testSobolOfTheScenario() throws {
        let s = try SmallPlan.scenario()
        let model = SimulationModel(s)
        let result = try ScenarioSobol.run(model: model, metric: try MetricChoice("filled", model: model), rows: 300,
                                           seed: 5, threads: 2, bootstrap: 100)
        XCTAssertEqual(result.inputs, model.uncertainPaths + ["trial randomness"])
        XCTAssertEqual(result.trials, 300 * 7)
        XCTAssertEqual(result.trials, ScenarioSobol.trials(rows: 300, parameters: 4))
        let cost = try XCTUnwrap(result.inputs.firstIndex(of: "requisitions.team.sourcing.cost_per_applicant"))
        XCTAssertEqual(result.indices.firstOrder[cost].estimate, 0)
        XCTAssertEqual(result.indices.total[cost].estimate, 0)
        // The trial's own randomness matters most for one trial's hires.
        let randomness = result.indices.total.last!
        XCTAssertGreaterThan(randomness.estimate, 0.3)
        for index in result.indices.total { XCTAssertGreaterThanOrEqual(index.estimate, 0) }
    }

    func testSobolOfASubsetAndErrors() throws {
        let s = try SmallPlan.scenario()
        let model = SimulationModel(s)
        let metric = try MetricChoice(model: model)
        let one = try ScenarioSobol.run(model: model, selected: [2], metric: metric, rows: 50, seed: 5, threads: 1, bootstrap: 10)
        XCTAssertEqual(one.inputs, ["requisitions.team.stages.screen.pass", "trial randomness"])
        XCTAssertEqual(one.trials, 50 * 4)

        var fixed = s
        fixed.requisitions[0].sourcing.applicantsPerWeek = Quantity(6, kind: .nonNegative)
        fixed.requisitions[0].sourcing.costPerApplicant = Quantity(10, kind: .nonNegative)
        fixed.requisitions[0].stages[0].pass = Quantity(0.3, kind: .probability)
        fixed.requisitions[0].offer.accept = Quantity(0.7, kind: .probability)
        XCTAssertThrowsError(try ScenarioSobol.run(model: SimulationModel(fixed), metric: metric, rows: 50, seed: 5, threads: 1))
    }

    func testCorrelation() throws {
        let s = try SmallPlan.scenario()
        let (_, builder) = ForecastRunner.forecast(model: SimulationModel(s), options: SmallPlan.options())
        let rows = ParameterCorrelation.rows(builder)
        XCTAssertEqual(rows.count, 4 * 2 * Metric.allCases.count)
        func rho(_ parameter: String, _ metric: Metric) -> Double? {
            rows.first { $0.parameter.hasSuffix(parameter) && $0.scope == "plan" && $0.metric == metric }?.spearman
        }
        // Spearman's standard error is about 1 / sqrt(400) = 0.05: the
        // bounds sit 3 or more of them from the values found.
        XCTAssertGreaterThan(try XCTUnwrap(rho("applicants_per_week", .released)), 0.4)
        XCTAssertLessThan(try XCTUnwrap(rho("applicants_per_week", .timeToFill)), -0.15)
        XCTAssertLessThan(try XCTUnwrap(rho("offer.accept", .declines)), -0.3)
        XCTAssertGreaterThan(try XCTUnwrap(rho("cost_per_applicant", .cost)), 0.25)
        XCTAssertLessThan(abs(try XCTUnwrap(rho("cost_per_applicant", .onTime))), 0.2, "4 standard errors of 0")
        XCTAssertNil(rho("applicants_per_week", .cancelled), "never cancelled: a constant column")
        let fill = try XCTUnwrap(rows.first { $0.metric == .timeToFill })
        XCTAssertLessThan(fill.pairs, 400, "trials without a filled opening are left out")
        XCTAssertGreaterThan(fill.pairs, 300)
    }

    /// Same seed, one thread or three: the same numbers, bit for bit.
    func testResultsDoNotDependOnTheThreadCount() throws {
        let s = try SmallPlan.scenario()
        let model = SimulationModel(s)
        let metric = try MetricChoice("time_to_start.p50", model: model)
        let points = try TornadoPoint.points(of: s, patterns: ["requisitions.team.*.*.pass", "requisitions.team.offer.*"], swing: 0.2)
        func tornado(_ threads: Int) throws -> Tornado.Result {
            try Tornado.run(scenario: s, points: points, metric: metric, options: SmallPlan.options(trials: 200, threads: threads))
        }
        XCTAssertIdentical(try tornado(1), try tornado(3))
        func sobol(_ threads: Int) throws -> ScenarioSobol.Result {
            try ScenarioSobol.run(model: model, metric: try MetricChoice("time_to_fill", model: model), rows: 40, seed: 9,
                                  threads: threads, bootstrap: 20)
        }
        XCTAssertIdentical(try sobol(1), try sobol(3))
        func correlation(_ threads: Int) -> [ParameterCorrelation.Row] {
            ParameterCorrelation.rows(ForecastRunner.forecast(model: model, options: SmallPlan.options(trials: 200, threads: threads)).1)
        }
        XCTAssertIdentical(correlation(1), correlation(3))
    }
}
