import TestSupport
import XCTest
import FunnelModel
import Sampling
@testable import Simulation

/// The overload test of issue 14 (MODEL.md 21.2): one recruiter shared by
/// two requisitions, one requisition's applicants multiplied by 1 ... 10.
/// Under `priority` neither requisition's P(on time) falls below its x1
/// value by more than 4 standard errors of the difference; under `fifo`
/// the flooded requisition's collapses (every CV screen queues ahead of the
/// offers and interviews of candidates further along).
final class PoolOverloadTests: XCTestCase {
    private func q(_ v: Double, _ k: QuantityKind) -> Quantity { Fixture.q(v, k) }

    static let trials = 600

    /// Two one-opening requisitions, "flooded" (6 x `factor` applicants a
    /// week) and "steady" (6 a week), sharing one recruiter of 14 hours a
    /// week; a screen takes half an hour, a phone call and an offer an
    /// hour each; candidates take competing offers at 0.3 a week; on time
    /// means started within 42 days.
    private func plan(factor: Double, _ discipline: PoolDiscipline) -> Scenario {
        var screen = Fixture.stage("screen", pass: 0.25)
        screen.recruiterHours = q(0.5, .duration)
        var phone = Fixture.stage("phone", pass: 0.5)
        phone.recruiterHours = q(1, .duration)
        return Fixture.plan(horizon: 90, initialPool: 0, rate: 6, stages: [screen, phone], accept: 0.8) { s in
            var second = s.requisitions[0]
            second.name = "steady"
            s.requisitions[0].name = "flooded"
            s.requisitions[0].sourcing.applicantsPerWeek = self.q(6 * factor, .nonNegative)
            s.requisitions.append(second)
            for r in s.requisitions.indices {
                s.requisitions[r].offer.recruiterHours = self.q(1, .duration)
                s.requisitions[r].candidate.competingOffersPerWeek = self.q(0.3, .nonNegative)
                s.requisitions[r].deadline = Fixture.monday.adding(days: 41)
            }
            var pool = Pool(count: 1, hoursPerWeek: self.q(14, .nonNegative))
            pool.discipline = discipline
            s.recruiters = pool
        }
    }

    /// P(on time) of each requisition, and its standard error.
    private func onTime(factor: Double, _ discipline: PoolDiscipline) -> [(p: Double, se: Double)] {
        let out = Fixture.run(plan(factor: factor, discipline), trials: Self.trials, seed: 5)
        return (0..<2).map { r in
            let p = out.reduce(0) { $0 + $1.requisitions[r][.onTime] } / Double(Self.trials)
            return (p, (max(p * (1 - p), 1 / Double(Self.trials)) / Double(Self.trials)).squareRoot())
        }
    }

    /// Measured (seed 5, 600 trials): flooded 0.965 at x1, 1.0 from x2 on;
    /// steady 0.958 throughout.
    func testPriorityHoldsUpUnderOverload() {
        let base = onTime(factor: 1, .priority)
        for factor in [2.0, 5, 10] {
            let now = onTime(factor: factor, .priority)
            for r in 0..<2 {
                let tolerance = 4 * (base[r].se * base[r].se + now[r].se * now[r].se).squareRoot()
                XCTAssertGreaterThanOrEqual(now[r].p, base[r].p - tolerance,
                                            "priority x\(factor), requisition \(r): \(now[r].p) vs x1 \(base[r].p)")
            }
        }
    }

    func testFIFOCollapsesUnderOverload() {
        let base = onTime(factor: 1, .fifo), flooded = onTime(factor: 10, .fifo)
        // Measured (seed 5, 600 trials): flooded 0.96 -> 0.47, steady 0.96 -> 0.27.
        for r in 0..<2 {
            let tolerance = 4 * (base[r].se * base[r].se + flooded[r].se * flooded[r].se).squareRoot()
            XCTAssertLessThan(flooded[r].p, base[r].p - tolerance,
                              "fifo x10, requisition \(r): \(flooded[r].p) vs x1 \(base[r].p): no collapse")
        }
    }
}
