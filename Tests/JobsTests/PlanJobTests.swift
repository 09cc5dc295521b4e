import Forecast
import Foundation
import FunnelModel
import Jobs
import Reporting
import ScenarioYAML
import Simulation
import TestSupport
import XCTest

/// `plan` against closed forms (Tests/Fixtures/one-stage.yaml: P(on time)
/// = 1 - exp(-lambda x p x (56 - opens_day) / 7)), its statuses, its
/// independence of the thread count, `--precision`'s stopping point and
/// its refusals.
final class PlanJobTests: XCTestCase {
    static let rate = "requisitions.role.sourcing.applicants_per_week"

    func oneStage(trials: Int = 2000) throws -> Scenario {
        var s = try ScenarioLoader.load(path: PackagePaths.fixture("one-stage.yaml"))
        s.trials = trials
        return s
    }

    func results(_ job: PlanJob, threads: Int = 2) throws -> [PlanResult] {
        let prepared = try job.prepare(limits: RunLimits(), threads: threads)
        return try XCTUnwrap(try prepared.search(JobContext(threads: threads)))
    }

    /// 90% on time needs lambda = ln(10) / 2 applicants a week: inside the
    /// reported range of needed values, and the metric there near 90%.
    func testApplicantRateMatchesClosedForm() throws {
        let job = PlanJob(scenario: try oneStage(), levers: [Self.rate], target: 0.9)
        let r = try XCTUnwrap(try results(job).first)
        let known = log(10.0) / 2
        XCTAssertEqual(r.status, .found)
        XCTAssertTrue(r.growingHelps)
        let lo = try XCTUnwrap(r.neededLow), hi = try XCTUnwrap(r.neededHigh)
        XCTAssertLessThanOrEqual(lo, known, "range \(lo) to \(hi)")
        XCTAssertGreaterThanOrEqual(hi, known, "range \(lo) to \(hi)")
        XCTAssertLessThan(hi - lo, 0.25, "2000 trials pin the rate to about +-0.06")
        let p = try XCTUnwrap(r.atNeeded.mean)
        XCTAssertWithinStandardErrors(p, 0.9, se: (0.9 * 0.1 / 2000).squareRoot())
        // The curve is monotone: every evaluation on the same trials.
        let means = r.curve.compactMap(\.mean)
        XCTAssertEqual(means, means.sorted())
    }

    /// The latest opening day for 90% at lambda = 2: 56 - 14 ln 10 = 23.76,
    /// so day 23 (an integer lever, found going down).
    func testLatestOpeningDayMatchesClosedForm() throws {
        var s = try oneStage()
        s = try s.applying([ParameterChange(pattern: Self.rate, operation: .replace(.constant(2)))])
        let job = PlanJob(scenario: s, levers: ["requisitions.role.opens_day"], target: 0.9)
        let r = try XCTUnwrap(try results(job).first)
        XCTAssertEqual(r.status, .found)
        XCTAssertFalse(r.growingHelps, "a later opening is worse")
        XCTAssertEqual(r.needed, r.needed.rounded(), "whole days")
        let lo = try XCTUnwrap(r.neededLow), hi = try XCTUnwrap(r.neededHigh)
        XCTAssertTrue(lo <= 23 && 23 <= hi, "23 within \(lo) to \(hi)")
        // Exactly the boundary on these trials: one day later misses the target.
        let goal = try PlanGoal(metric: MetricChoice(model: SimulationModel(s)), target: 0.9)
        let later = try PlanSearch(scenario: s, goal: goal, options: RunOptions(trials: 2000, seed: s.seed, threads: 2))
            .evaluate(r.lever, at: r.needed + 1)
        XCTAssertLessThan(try XCTUnwrap(later.mean), 0.9)
    }

    func testIdenticalAcrossThreadCounts() throws {
        let job = PlanJob(scenario: try oneStage(trials: 500), levers: [Self.rate, "requisitions.role.opens_day"], target: 0.8)
        XCTAssertEqual(try results(job, threads: 1), try results(job, threads: 3))
    }

    func testNoEffectAndUnreachable() throws {
        let job = PlanJob(scenario: try oneStage(trials: 300), levers: ["costs.per_hire", Self.rate], target: 0.9, max: 0.5)
        let rs = try results(job)
        XCTAssertEqual(rs[0].status, .noEffect)
        XCTAssertEqual(rs[1].status, .unreachable)
        XCTAssertEqual(rs[1].needed, 0.5, "the best value tried: the top of the range")
        let csv = PlanTables.plan(rs, goal: try PlanGoal(metric: MetricChoice(model: SimulationModel(try oneStage())), target: 0.9))
        XCTAssertEqual(csv.header, ["lever", "current", "needed", "ci_low", "ci_high", "metric", "metric_at_needed",
                                    "metric_ci_low", "metric_ci_high", "status"])
        XCTAssertEqual(csv.rows.map { $0.last }, ["no_effect", "unreachable"])
    }

    /// Batches of 1024: the run stops at the first batch where the Wilson
    /// half-width is at most H, which the binomial formula
    /// p(1 - p)(1.96 / H)^2 predicts to within a batch.
    func testPrecisionStopsWhereTheBinomialFormulaSays() throws {
        let s = try oneStage(trials: 200_000)
        let model = SimulationModel(s)
        let h = 0.01
        let (f, _, reached) = ForecastRunner.forecast(model: model, options: RunOptions(trials: s.trials, seed: s.seed, threads: 2),
                                                      precision: Precision(halfWidth: h, isRelative: false),
                                                      metric: try MetricChoice(model: model))
        XCTAssertTrue(reached.met)
        XCTAssertEqual(reached.trials % Precision.batchTrials, 0)
        let p = try XCTUnwrap(f.summary(0, .onTime).mean)
        let predicted = p * (1 - p) * pow(1.96 / h, 2)
        XCTAssertLessThanOrEqual(abs(Double(reached.trials) - predicted), Double(Precision.batchTrials),
                                 "stopped at \(reached.trials), formula \(predicted)")
        XCTAssertLessThanOrEqual(try XCTUnwrap(reached.halfWidth), h)
        // The same on one thread.
        let (_, _, one) = ForecastRunner.forecast(model: model, options: RunOptions(trials: s.trials, seed: s.seed, threads: 1),
                                                  precision: Precision(halfWidth: h, isRelative: false),
                                                  metric: try MetricChoice(model: model))
        XCTAssertEqual(one, reached)
    }

    func testRefusals() throws {
        let s = try oneStage(trials: 100)
        func refusal(_ job: PlanJob) -> String? {
            do { _ = try job.prepare(limits: RunLimits(), threads: 1); return nil } catch {
                guard case .plan = error else { return "not a plan error: \(error)" }
                return error.description
            }
        }
        let unknown = refusal(PlanJob(scenario: s, levers: ["requisitions.role.sourcing.applicants_per_wek"], target: 0.9))
        XCTAssertEqual(unknown?.contains("closest: requisitions.role.sourcing.applicants_per_week"), true, unknown ?? "")
        let noLimit = refusal(PlanJob(scenario: s, levers: ["requisitions.role.sourcing.max_applicants"], target: 0.9))
        XCTAssertEqual(noLimit?.contains("no limit"), true, noLimit ?? "")
        let nonNumeric = refusal(PlanJob(scenario: s, levers: ["requisitions.role.deadline"], target: 0.9))
        XCTAssertEqual(nonNumeric?.contains("not a numeric parameter"), true, nonNumeric ?? "")
        for t in [0.0, 1.0, 1.5, -0.1] {
            let bad = refusal(PlanJob(scenario: s, levers: [Self.rate], target: t))
            XCTAssertEqual(bad?.contains("strictly between 0 and 1"), true, bad ?? "target \(t) accepted")
        }
        let minMax = refusal(PlanJob(scenario: s, levers: [Self.rate], target: 0.9, min: 3, max: 2))
        XCTAssertEqual(minMax?.contains("--min 3 is above --max 2"), true, minMax ?? "")
        for line in [unknown, noLimit, nonNumeric, minMax] { XCTAssertEqual(line?.contains("\n"), false) }
    }
}

/// The engine's weekly counts (only with `countsWeekly`) add up to the
/// trial's own counters, and a normal model counts nothing weekly.
final class WeeklyWorkloadTests: XCTestCase {
    func testWeeklyCountsSumToTheTrialsCounters() throws {
        var s = try ScenarioLoader.load(path: PackagePaths.referencePlan)
        s.trials = 40
        var model = SimulationModel(s)
        XCTAssertTrue(TrialOutcome(model: model).weekly.isEmpty, "off by default")
        model.countsWeekly = true
        let weeks = model.weekCount, m = WeeklyMeasure.count
        var checked = 0
        ForecastRunner.run(model: model, options: RunOptions(trials: s.trials, seed: s.seed, threads: 2)) { chunk in
            for o in chunk.outcomes {
                for (r, req) in o.requisitions.enumerated() {
                    func total(_ k: WeeklyMeasure) -> Double {
                        (0..<weeks).reduce(0) { $0 + o.weekly[(r * weeks + $1) * m + k.rawValue] }
                    }
                    XCTAssertEqual(total(.applicants), req[.applicants])
                    XCTAssertEqual(total(.offers), req[.offers])
                    XCTAssertEqual(total(.screens), req.stageEntered[0])
                    XCTAssertEqual(total(.recruiterHours), req[.recruiterHours], accuracy: 1e-6)
                    XCTAssertEqual(total(.interviewerHours), req[.interviewerHours], accuracy: 1e-6)
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 40 * s.requisitions.count)
    }
}
