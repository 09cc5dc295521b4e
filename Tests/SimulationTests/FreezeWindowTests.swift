import FunnelModel
import Sampling
import Simulation
import TestSupport
import XCTest

/// Known freeze windows (MODEL.md 21.7) against closed forms: they draw
/// cancellations at their start, stop the work clock and pause sourcing,
/// exactly like random freezes.
final class FreezeWindowTests: XCTestCase {
    func q(_ v: Double, _ kind: QuantityKind) -> Quantity { Quantity(v, kind: kind) }

    /// `days` as a window starting `from` days after the fixture's start.
    func window(_ name: String, from: Int, days: Int) -> FreezeWindow {
        FreezeWindow(name: name, from: Fixture.monday.adding(days: from), to: Fixture.monday.adding(days: from + days - 1))
    }

    /// An open requisition facing w windows (no random freezes) is
    /// cancelled with probability 1 - (1 - c)^w.
    func testCancellationAtEachWindow() {
        let c = 0.3
        for w in [1, 3] {
            let s = Fixture.plan(horizon: 120, stages: [Fixture.stage("screen", pass: 0)]) { s in
                s.budget.cancelProbability = self.q(c, .probability)
                s.budget.freezeWindows = (0..<w).map { self.window("w\($0)", from: 10 + 20 * $0, days: 5) }
            }
            let trials = 4000
            let cancelled = Fixture.run(s, trials: trials).map { $0.requisitions[0][.cancelled] }
            let p = 1 - pow(1 - c, Double(w))
            XCTAssertWithinStandardErrors(cancelled.reduce(0, +) / Double(trials), p, se: proportionSE(p, n: Double(trials)),
                                          "\(w) windows")
        }
    }

    /// A window stops the work clock: 5 working days from day 0 across a
    /// 3-day window (every day a working day) end on day 8.
    func testWindowStopsTheWorkClock() {
        let s = Fixture.plan(stages: [Fixture.stage("screen", pass: 1, hr: 5)]) { s in
            s.budget.freezeWindows = [self.window("pause", from: 2, days: 3)]
        }
        for o in Fixture.run(s, trials: 3).map({ $0.requisitions[0] }) {
            XCTAssertEqual(o.fillTimes, [8])
            XCTAssertEqual(o[.cancelled], 0, "a cancel probability of 0 cancels nothing")
        }
    }

    /// Arrivals inside a window are dropped: a rate of 14 a week over 70
    /// days with a 14-day window brings 2 x 56 applicants on average.
    func testWindowPausesSourcing() {
        let s = Fixture.plan(horizon: 70, openings: 100_000, initialPool: 0, rate: 14, stages: [Fixture.stage("screen", pass: 0)]) { s in
            s.budget.freezeWindows = [self.window("pause", from: 20, days: 14)]
        }
        let applicants = Fixture.run(s, trials: 400).map { $0.requisitions[0][.applicants] }
        let (mean, se) = meanAndSE(applicants)
        XCTAssertEqual(mean, 2 * 56, accuracy: 4 * se)
        XCTAssertNotEqual(mean, 2 * 70, accuracy: 4 * se, "the window must pause sourcing")
    }
}
