import FunnelModel
import Sampling
import Simulation
import TestSupport
import XCTest

/// Seasonal arrivals (MODEL.md 21.6): a non-homogeneous Poisson process
/// drawn by the inverse of its integrated rate, checked month by month
/// against the integral of the rate.
final class SeasonalityTests: XCTestCase {
    func q(_ v: Double, _ kind: QuantityKind) -> Quantity { Quantity(v, kind: kind) }

    /// 2 applicants a day from Monday 2027-01-04 over 120 days, with
    /// January x2, February x0.5, March x0: each month's mean count is
    /// 2 x its multiplier x its days inside the horizon (Jan 28, Feb 28,
    /// Mar 31, Apr 30, May 3).
    func testArrivalsPerMonthMatchTheIntegratedRate() {
        var season = Seasonality()
        season[.jan] = q(2, .nonNegative); season[.feb] = q(0.5, .nonNegative); season[.mar] = q(0, .nonNegative)
        let s = Fixture.plan(horizon: 120, openings: 100_000, initialPool: 0, rate: 14, stages: [Fixture.stage("screen", pass: 0)]) { s in
            s.calendar.seasonality = season
        }
        let model = SimulationModel(s)
        let sim = TrialSimulator(model: model, seed: 5)
        let log = TrialEventLog()
        sim.recorder = log
        var out = TrialOutcome(model: model)
        let trials = 300
        var counts = [[Double]](repeating: [], count: 5)
        for i in 0..<trials {
            log.removeAll()
            sim.run(trial: i, into: &out)
            var perMonth = [Double](repeating: 0, count: 5)
            for e in log.events where e.kind == .applied {
                perMonth[Fixture.monday.adding(days: Int(e.time.rounded(.down))).components.month - 1] += 1
            }
            for m in 0..<5 { counts[m].append(perMonth[m]) }
        }
        let expected: [Double] = [112, 28, 0, 60, 6]   // 2 x multiplier x days, as above
        for m in 0..<5 {
            let (mean, se) = meanAndSE(counts[m])
            if expected[m] == 0 {
                XCTAssertEqual(mean, 0, "no applicant in a month at 0")
            } else {
                // Poisson: the s.e. of the mean is sqrt(mean / trials).
                XCTAssertWithinStandardErrors(mean, expected[m], se: (expected[m] / Double(trials)).squareRoot(), "month \(m + 1)")
                XCTAssertEqual(se, (expected[m] / Double(trials)).squareRoot(), accuracy: 0.3 * se, "Poisson spread, month \(m + 1)")
            }
        }
    }

    /// Seasonality with every month at 1 is no seasonality: the same draws, trial by trial.
    func testAllOnesChangesNothing() {
        let plain = Fixture.plan(horizon: 90, openings: 100_000, initialPool: 0, rate: 10, stages: [Fixture.stage("screen", pass: 0.5)])
        var ones = plain
        ones.calendar.seasonality = Seasonality()
        XCTAssertFalse(SimulationModel(ones).isSeasonal)
        let a = Fixture.run(plain, trials: 20).map { $0.requisitions[0][.applicants] }
        let b = Fixture.run(ones, trials: 20).map { $0.requisitions[0][.applicants] }
        XCTAssertEqual(a, b)
    }

    /// Every month at 0: nobody arrives, and sourcing counts as stopped
    /// (the initial pool still comes and is decided on).
    func testEveryMonthAtZero() {
        var season = Seasonality()
        for m in Month.allCases { season[m] = q(0, .nonNegative) }
        let s = Fixture.plan(horizon: 60, initialPool: 2, rate: 14) { $0.calendar.seasonality = season }
        for o in Fixture.run(s, trials: 5).map({ $0.requisitions[0] }) {
            XCTAssertEqual(o[.applicants], 2)
            XCTAssertEqual(o[.filled], 1)
        }
    }
}
