import TestSupport
import XCTest
import FunnelModel
import Sampling
@testable import Simulation

/// Each mechanism alone against a closed form. Tolerances are 4 Monte Carlo
/// standard errors, computed from the run itself or from the closed form.
final class MechanismTests: XCTestCase {
    private func q(_ v: Double, _ k: QuantityKind) -> Quantity { Fixture.q(v, k) }
    private func q(_ d: Distribution, _ k: QuantityKind) -> Quantity { Fixture.q(d, k) }

    /// Binomial thinning through two stages: passed counts are N p1 and N p1 p2.
    func testPureConversionFunnel() {
        let n = 400.0, p1 = 0.3, p2 = 0.6, accept = 0.7
        let s = Fixture.plan(openings: 100_000, initialPool: Int(n),
                             stages: [Fixture.stage("screen", pass: p1), Fixture.stage("interview", pass: p2, interview: true)],
                             accept: accept)
        let out = Fixture.run(s, trials: 400).map { $0.requisitions[0] }
        let cases: [(Double, [Double])] = [
            (n * p1, out.map { $0.stagePassed[0] }),
            (n * p1 * p2, out.map { $0.stagePassed[1] }),
            (n * p1 * p2, out.map { $0[.offers] }),
            (n * p1 * p2 * accept, out.map { $0[.accepted] }),
        ]
        for (expected, xs) in cases {
            let (m, se) = meanAndSE(xs)
            XCTAssertEqual(m, expected, accuracy: 4 * se, "mean \(m) vs \(expected)")
        }
        XCTAssertEqual(out.map { $0.stageEntered[1] }, out.map { $0.stagePassed[0] })
    }

    /// Latencies add: one candidate through two stages and an offer, on a
    /// seven-day work week, fills after the sum of the mean delays.
    func testLatenciesAddUp() {
        var screen = Fixture.stage("screen", pass: 1, hr: 2)
        screen.hrWorkdays = q(.exponential(mean: 2), .duration)
        let onsite = Fixture.stage("onsite", pass: 1, interview: true, hr: 3)
        let s = Fixture.plan(stages: [screen, onsite]) { s in
            s.requisitions[0].candidate.replyDays = self.q(.uniform(min: 1, max: 5), .duration)
            s.requisitions[0].offer.hrWorkdays = self.q(1.5, .duration)
            s.requisitions[0].offer.responseDays = self.q(.gamma(shape: 4, scale: 0.5), .duration)
            s.requisitions[0].noticeDays = self.q(14, .duration)
        }
        let out = Fixture.run(s, trials: 2000).map { $0.requisitions[0] }
        XCTAssertTrue(out.allSatisfy { $0.fillTimes.count == 1 })
        let expected = 2 + 3 + 3 + 1.5 + 2.0
        let (m, se) = meanAndSE(out.map { $0.fillTimes[0] })
        XCTAssertEqual(m, expected, accuracy: 4 * se)
        for o in out { XCTAssertEqual(o.startTimes[0] - o.fillTimes[0], 14, accuracy: 1e-9) }
    }

    /// A candidate who waits T days survives competing offers with
    /// probability exp(-h T / 7).
    func testCompetingOfferHazard() {
        let h = 0.5, t = 10.0
        let s = Fixture.plan(stages: [Fixture.stage("screen", pass: 1, hr: t)]) { s in
            s.requisitions[0].candidate.competingOffersPerWeek = self.q(h, .nonNegative)
        }
        let trials = 4000
        let filled = Fixture.run(s, trials: trials).map { $0.requisitions[0][.filled] }
        let p = exp(-h * t / 7)
        XCTAssertWithinStandardErrors(filled.reduce(0, +) / Double(trials), p, se: proportionSE(p, n: Double(trials)))
        let withdrawn = Fixture.run(s, trials: 200).map { $0.requisitions[0].stageWithdrawn[0] + $0.requisitions[0][.filled] }
        XCTAssertTrue(withdrawn.allSatisfy { $0 == 1 }, "every candidate either starts or withdraws at the screen")
    }

    /// Freezes at rate f per year each cancel with probability c: the
    /// requisition survives H days with probability exp(-f c H / 365).
    func testFreezeCancellation() {
        let f = 3.0, c = 0.4, horizon = 200.0
        let s = Fixture.plan(horizon: horizon, stages: [Fixture.stage("screen", pass: 0)]) { s in
            s.budget.freezesPerYear = self.q(f, .nonNegative)
            s.budget.freezeDays = self.q(10, .duration)
            s.budget.cancelProbability = self.q(c, .probability)
        }
        let trials = 4000
        let cancelled = Fixture.run(s, trials: trials).map { $0.requisitions[0][.cancelled] }
        let p = 1 - exp(-f * c * horizon / 365)
        XCTAssertWithinStandardErrors(cancelled.reduce(0, +) / Double(trials), p, se: proportionSE(p, n: Double(trials)))
    }

    /// One interviewer doing one 5-hour interview per working day: N
    /// candidates ready at once are interviewed on days 0, 1, ..., N-1.
    func testDeterministicCapacityQueue() {
        let n = 6
        var interview = Fixture.stage("onsite", pass: 1, interview: true)
        interview.interviewerHours = q(5, .duration)
        let s = Fixture.plan(openings: n, initialPool: n, stages: [interview]) { s in
            s.interviewers = Pool(count: 1, hoursPerWeek: self.q(35, .nonNegative))
        }
        let out = Fixture.run(s, trials: 3).map { $0.requisitions[0] }
        for o in out {
            XCTAssertEqual(o.fillTimes, (0..<n).map(Double.init))
            XCTAssertEqual(o[.interviewerHours], 5 * Double(n))
        }
    }

    /// No-show probability p, bad days with probability w multiplying it by
    /// m: the no-show share is p (1 - w) + min(1, p m) w.
    func testNoShowsWithWeather() {
        let p = 0.15, w = 0.2, m = 3.0
        var interview = Fixture.stage("phone", pass: 1, interview: true)
        interview.noShow = q(p, .probability)
        let s = Fixture.plan(horizon: 120, openings: 100_000, initialPool: 0, rate: 60, stages: [interview]) { s in
            s.weather.badDayProbability = self.q(w, .probability)
            s.weather.noShowMultiplier = self.q(m, .nonNegative)
        }
        let out = Fixture.run(s, trials: 300).map { $0.requisitions[0] }
        let share = out.map { $0.stageNoShows[0] / max(1, $0.stageEntered[0]) }
        let (mean, se) = meanAndSE(share)
        XCTAssertEqual(mean, p * (1 - w) + min(1, p * m) * w, accuracy: 4 * se)
        XCTAssertNotEqual(mean, p, accuracy: 4 * se, "the weather must matter")
    }

    /// Applicants arrive as a Poisson process: mean rate x weeks plus the initial pool.
    func testArrivalsArePoisson() {
        let rate = 14.0, horizon = 70.0
        let s = Fixture.plan(horizon: horizon, openings: 100_000, initialPool: 5, rate: rate,
                             stages: [Fixture.stage("screen", pass: 0)])
        let a = Fixture.run(s, trials: 1000).map { $0.requisitions[0][.applicants] }
        let expected = 5 + rate * horizon / 7
        let (m, _) = meanAndSE(a)
        XCTAssertEqual(m, expected, accuracy: 4 * (rate * horizon / 7 / 1000).squareRoot())
    }

    /// Full coverage releases the pipeline and stops sourcing.
    func testCoverageReleasesThePipeline() {
        let s = Fixture.plan(openings: 1, initialPool: 5, rate: 10, stages: [Fixture.stage("screen", pass: 1, hr: 1)])
        for o in Fixture.run(s, trials: 50).map({ $0.requisitions[0] }) {
            XCTAssertEqual(o[.filled], 1)
            XCTAssertEqual(o[.offers], 1)
            XCTAssertGreaterThanOrEqual(o[.released], 4)
            XCTAssertLessThan(o[.applicants], 20, "sourcing stopped at coverage")
        }
    }

    /// A trial depends on (seed, index) alone.
    func testSameTrialSameResult() {
        let s = Fixture.plan(openings: 3, initialPool: 10, rate: 5,
                             stages: [Fixture.stage("screen", pass: 0.5, hr: 2), Fixture.stage("onsite", pass: 0.5, interview: true, hr: 2)])
        let a = Fixture.run(s, trials: 20), b = Fixture.run(s, trials: 20)
        XCTAssertEqual(a.map { $0.requisitions[0].counters }, b.map { $0.requisitions[0].counters })
        XCTAssertEqual(a.map { $0.requisitions[0].fillTimes }, b.map { $0.requisitions[0].fillTimes })
        let c = Fixture.run(s, trials: 20, seed: 12)
        XCTAssertNotEqual(a.map { $0.requisitions[0].counters }, c.map { $0.requisitions[0].counters })
    }
}
