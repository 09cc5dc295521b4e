import Foundation
import TestSupport
import XCTest
import FunnelModel
import Sampling
import Simulation
@testable import Forecast

/// Starts by each deadline and the k-th start (MODEL.md 21.9) against the
/// binomial closed form: n candidates all accepted at day 0 each serve an
/// independent exponential notice, so the starts before instant x are
/// Binomial(n, F(x)) with F(x) = 1 - exp(-x / mean). Tolerances: 4 s.e. of
/// the proportion.
final class StartsForecastTests: XCTestCase {
    static let start = CivilDate(year: 2027, month: 1, day: 4)!
    static let n = 5, mean = 20.0, trials = 4000

    static func plan(batches: [OpeningBatch] = [], deadline: Int? = 9) -> Scenario {
        var sourcing = Sourcing(applicantsPerWeek: Quantity(0, kind: .nonNegative))
        sourcing.initialPool = Quantity(Double(n), kind: .integer(minimum: 0))
        var r = Requisition(name: "nurses", sourcing: sourcing, stages: [Stage(name: "screen", pass: Quantity(1, kind: .probability))],
                            offer: Offer(accept: Quantity(1, kind: .probability)))
        r.openings = Quantity(Double(n), kind: .integer(minimum: 1))
        r.noticeDays = Quantity(.exponential(mean: mean), kind: .duration)
        r.deadline = deadline.map { start.adding(days: $0) }
        if !batches.isEmpty { r.batches = batches; r.deadline = batches.last!.deadline }
        var s = Scenario(name: "binomial starts", start: start, horizonDays: 60, trials: trials, seed: 5, requisitions: [r])
        s.calendar.workdays = Weekday.allCases
        return s
    }

    static func F(_ x: Double) -> Double { 1 - exp(-x / mean) }

    static func binomialTail(_ n: Int, _ p: Double, atLeast k: Int) -> Double {
        var sum = 0.0
        for m in k...n {
            let logChoose: Double = lgamma(Double(n + 1)) - lgamma(Double(m + 1)) - lgamma(Double(n - m + 1))
            let mass: Double = exp(logChoose) * pow(p, Double(m)) * pow(1 - p, Double(n - m))
            sum += mass
        }
        return sum
    }

    private func forecast(_ s: Scenario) throws -> Forecast {
        let scenario = try s.validated()
        return ForecastRunner.forecast(model: SimulationModel(scenario), options: RunOptions(trials: Self.trials, seed: 5, threads: 2),
                                       keepsTrialColumns: false).0
    }

    /// One deadline (day 9: starts before instant 10): P(at least k) for
    /// every k is the binomial tail, P(exactly m) its mass, the last k's is
    /// P(on time), and the k-th start's share beyond the 60-day horizon is
    /// P(Binomial(n, F(60)) < k).
    func testAtLeastKByTheDeadlineIsBinomial() throws {
        let f = try forecast(Self.plan())
        let starts = try XCTUnwrap(f.starts.first)
        XCTAssertEqual(starts.rows.map(\.k), Array(1...Self.n))
        let p = Self.F(10), h = Self.F(60), trials = Double(Self.trials)
        for row in starts.rows {
            XCTAssertEqual(row.deadline, Self.start.adding(days: 9))
            let expected = Self.binomialTail(Self.n, p, atLeast: row.k)
            XCTAssertWithinStandardErrors(row.pByDeadline, expected, se: proportionSE(expected, n: trials))
            let beyond = 1 - Self.binomialTail(Self.n, h, atLeast: row.k)
            XCTAssertWithinStandardErrors(row.beyondHorizon, beyond, se: max(proportionSE(beyond, n: trials), 1 / trials))
        }
        for m in 0...Self.n {
            let mass = Self.binomialTail(Self.n, p, atLeast: m) - (m < Self.n ? Self.binomialTail(Self.n, p, atLeast: m + 1) : 0)
            XCTAssertWithinStandardErrors(starts.distribution[0][m], mass, se: proportionSE(mass, n: trials))
        }
        XCTAssertEqual(starts.distribution[0].reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(starts.rows.last!.pByDeadline, f.summary(1, .onTime).mean!, accuracy: 1e-12)
        // The median day of the k-th start: the day x where P(Bin(n, F(x)) >= k)
        // crosses 1/2 (the order statistic), within a day either way.
        for row in starts.rows {
            let x = (0..<60).first { Self.binomialTail(Self.n, Self.F(Double($0 + 1)), atLeast: row.k) >= 0.5 }!
            let got = try XCTUnwrap(row.p50) - Self.start
            XCTAssertLessThanOrEqual(abs(got - x), 1, "k \(row.k): day \(got) vs \(x)")
        }
    }

    /// Two batches: 2 due by day 9, all 5 by day 29. Row k takes its batch's
    /// deadline; P(on time) = P(all 5 before 30 and at least 2 before 10)
    /// = (a + b)^5 - b^5 - 5 a b^4 with a = F(10), b = F(30) - F(10).
    func testBatchesOnTimeIsTheJointClosedForm() throws {
        let b1 = OpeningBatch(count: 2, deadline: Self.start.adding(days: 9))
        let b2 = OpeningBatch(count: 3, deadline: Self.start.adding(days: 29))
        let f = try forecast(Self.plan(batches: [b1, b2]))
        let starts = try XCTUnwrap(f.starts.first)
        XCTAssertEqual(starts.rows.map(\.deadline), [b1.deadline, b1.deadline, b2.deadline, b2.deadline, b2.deadline])
        XCTAssertEqual(starts.due, [2, 5])
        let trials = Double(Self.trials)
        for row in starts.rows {
            let p = Self.F(row.batch == 0 ? 10 : 30)
            let expected = Self.binomialTail(Self.n, p, atLeast: row.k)
            XCTAssertWithinStandardErrors(row.pByDeadline, expected, se: max(proportionSE(expected, n: trials), 1 / trials))
        }
        let a = Self.F(10), b = Self.F(30) - Self.F(10)
        let onTime = pow(a + b, 5) - pow(b, 5) - 5 * a * pow(b, 4)
        XCTAssertWithinStandardErrors(f.summary(1, .onTime).mean!, onTime, se: proportionSE(onTime, n: trials))
        // Fewer than P(all 5 by day 29) alone: the first batch's rule binds.
        XCTAssertLessThan(f.summary(1, .onTime).mean!, starts.rows[4].pByDeadline)
    }

    /// A change of `openings` on a batched requisition cuts batches from
    /// the end or adds to the last.
    func testChangedOpeningsReshapeTheLastBatches() {
        var r = Self.plan().requisitions[0]
        r.batches = [OpeningBatch(count: 2, deadline: Self.start.adding(days: 9)),
                     OpeningBatch(count: 3, deadline: Self.start.adding(days: 29))]
        XCTAssertEqual(BatchThresholds(r, openings: 5, start: Self.start), BatchThresholds(before: [10, 30], cumulative: [2, 5]))
        XCTAssertEqual(BatchThresholds(r, openings: 7, start: Self.start).cumulative, [2, 7])
        XCTAssertEqual(BatchThresholds(r, openings: 3, start: Self.start).cumulative, [2, 3])
        XCTAssertEqual(BatchThresholds(r, openings: 2, start: Self.start), BatchThresholds(before: [10], cumulative: [2]))
        XCTAssertEqual(BatchThresholds(r, openings: 1, start: Self.start), BatchThresholds(before: [10], cumulative: [1]))
        r.batches = []
        XCTAssertEqual(BatchThresholds(r, openings: 4, start: Self.start), BatchThresholds(before: [10], cumulative: [4]))
    }
}
