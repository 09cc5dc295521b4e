import TestSupport
import XCTest
import FunnelModel
import Sampling
@testable import Simulation

/// Named pools (MODEL.md 21.1): each requisition's requests go to the pool
/// it names, so a plan whose requisitions have a pool each is independent
/// plans side by side. Every random stream a requisition draws from is its
/// own (keyed by `StreamLayout.requisitionSeed(seed, r)` and the
/// candidate's index within the requisition), so with no plan-wide draws
/// (no uncertain parameters, no freezes, no bad weather) each
/// requisition's outcome is bit-identical to a run of it alone: alone it is
/// requisition 0, so it runs with the seed whose requisition-0 seed is its
/// requisition seed in the shared plan.
final class NamedPoolTests: XCTestCase {
    private func q(_ v: Double, _ k: QuantityKind) -> Quantity { Fixture.q(v, k) }

    /// Two busy requisitions (a recruiter screen, an interview, an offer;
    /// durations drawn per event) with a recruiter and an interviewer pool
    /// each, both tight enough that requests queue.
    private func plan() -> Scenario {
        var screen = Fixture.stage("screen", pass: 0.4)
        screen.recruiterHours = Fixture.q(Distribution.lognormal(mu: -0.7, sigma: 0.5), .duration)
        screen.hrWorkdays = Fixture.q(Distribution.lognormal(mu: 0, sigma: 0.6), .duration)
        var onsite = Fixture.stage("onsite", pass: 0.5, interview: true)
        onsite.interviewerHours = q(3, .duration)
        onsite.recruiterHours = q(1, .duration)
        return Fixture.plan(horizon: 120, openings: 2, initialPool: 5, rate: 12, stages: [screen, onsite], accept: 0.7) { s in
            s.requisitions[0].name = "nurse"
            s.requisitions[0].candidate.competingOffersPerWeek = self.q(0.2, .nonNegative)
            s.requisitions[0].candidate.replyDays = Fixture.q(Distribution.exponential(mean: 1.5), .duration)
            s.requisitions[0].offer.recruiterHours = self.q(1, .duration)
            var finance = s.requisitions[0]
            finance.name = "finance"
            finance.sourcing.applicantsPerWeek = self.q(4, .nonNegative)
            finance.openings = self.q(1, .integer(minimum: 1))
            s.requisitions.append(finance)
            s.recruiterPools = [Pool(count: 1, hoursPerWeek: self.q(4, .nonNegative), name: "ward"),
                                Pool(count: 1, hoursPerWeek: self.q(2, .nonNegative), name: "office")]
            s.interviewerPools = [Pool(count: 2, hoursPerWeek: self.q(3, .nonNegative), name: "clinical"),
                                  Pool(count: 1, hoursPerWeek: self.q(3, .nonNegative), name: "board")]
            s.requisitions[0].recruiterPool = "ward"        // also the default (the first)
            s.requisitions[1].recruiterPool = "office"
            s.requisitions[1].interviewerPool = "board"
        }
    }

    /// Requisition `r` of `plan` alone, with its own pools.
    private func alone(_ plan: Scenario, _ r: Int) -> Scenario {
        var s = plan
        let req = s.requisitions[r]
        s.requisitions = [req]
        s.recruiterPools = s.recruiterPools.filter { $0.name == (req.recruiterPool ?? plan.recruiterPools[0].name) }
        s.interviewerPools = s.interviewerPools.filter { $0.name == (req.interviewerPool ?? plan.interviewerPools[0].name) }
        return s
    }

    func testOnePoolPerRequisitionRunsAsIndependentPlans() throws {
        let shared = plan()
        XCTAssertEqual(shared.validationIssues, [])
        let seed: UInt64 = 23, trials = 40
        let together = Fixture.run(shared, trials: trials, seed: seed)
        var busy = 0.0
        for r in shared.requisitions.indices {
            let single = alone(shared, r)
            XCTAssertEqual(single.validationIssues, [])
            // Alone it is requisition 0: the seed that keys requisition 0 as
            // the shared plan keys requisition r.
            let aloneSeed = seed ^ StreamKey.mix(UInt64(r) &+ StreamLayout.requisitionSalt)
                ^ StreamKey.mix(0 &+ StreamLayout.requisitionSalt)
            XCTAssertEqual(StreamLayout.requisitionSeed(aloneSeed, 0), StreamLayout.requisitionSeed(seed, r))
            let byItself = Fixture.run(single, trials: trials, seed: aloneSeed)
            for i in 0..<trials {
                let a = together[i].requisitions[r], b = byItself[i].requisitions[0]
                XCTAssertEqual(a.counters, b.counters, "trial \(i), \(shared.requisitions[r].name): counters")
                XCTAssertEqual(a.fillTimes, b.fillTimes, "trial \(i), \(shared.requisitions[r].name): fill times")
                XCTAssertEqual(a.startTimes, b.startTimes, "trial \(i), \(shared.requisitions[r].name): start times")
                XCTAssertEqual(a.stageEntered, b.stageEntered, "trial \(i), \(shared.requisitions[r].name): stages")
                busy += a[.recruiterHours]
            }
        }
        XCTAssertGreaterThan(busy, 0)
    }

    /// The same plan with one shared recruiter pool is not independent:
    /// the pools really are separate above (this fails if the engine put
    /// every requisition on the first pool).
    func testSharingOnePoolCouplesTheRequisitions() {
        var shared = plan()
        shared.recruiterPools = [shared.recruiterPools[1]]   // "office", 2 h a week, for both
        shared.requisitions[0].recruiterPool = nil
        let seed: UInt64 = 23, trials = 40
        let together = Fixture.run(shared, trials: trials, seed: seed)
        let byItself = Fixture.run(alone(shared, 1), trials: trials,
                                   seed: seed ^ StreamKey.mix(1 &+ StreamLayout.requisitionSalt) ^ StreamKey.mix(StreamLayout.requisitionSalt))
        let differing = (0..<trials).filter { together[$0].requisitions[1].fillTimes != byItself[$0].requisitions[0].fillTimes }
        XCTAssertGreaterThan(differing.count, 0)
    }

    /// A requisition's pool by name, the first without one.
    func testRequisitionsDrawOnTheirNamedPool() {
        let s = plan()
        XCTAssertEqual(s.poolIndex(.recruiters, of: s.requisitions[0]), 0)
        XCTAssertEqual(s.poolIndex(.recruiters, of: s.requisitions[1]), 1)
        XCTAssertEqual(s.poolIndex(.interviewers, of: s.requisitions[0]), 0)
        XCTAssertEqual(s.poolIndex(.interviewers, of: s.requisitions[1]), 1)
        let model = SimulationModel(s)
        let pools = TrialEngine.makePools(model)
        XCTAssertEqual(pools.pools.count, 4)
        XCTAssertEqual(pools.recruiters, [0, 1])
        XCTAssertEqual(pools.interviewers, [2, 3])
    }
}
