import FunnelModel
import Sampling
import Simulation
import TestSupport
import XCTest

/// Sourcing channels (MODEL.md 21.5) against closed forms: independent
/// Poisson processes add up, each with its own cap, cost and pass factor.
final class ChannelTests: XCTestCase {
    func q(_ v: Double, _ kind: QuantityKind) -> Quantity { Quantity(v, kind: kind) }

    func channel(_ name: String, rate: Double, pool: Int = 0, cost: Double = 0, max: Int? = nil, factor: Double = 1) -> SourcingChannel {
        var c = SourcingChannel(name: name, applicantsPerWeek: q(rate, .nonNegative))
        c.initialPool = q(Double(pool), .integer(minimum: 0))
        c.costPerApplicant = q(cost, .nonNegative)
        c.maxApplicants = max.map { q(Double($0), .integer(minimum: 1)) }
        c.passFactor = q(factor, .nonNegative)
        return c
    }

    func plan(_ channels: [SourcingChannel], horizon: Double = 70, pass: Double = 0) -> Scenario {
        Fixture.plan(horizon: horizon, openings: 100_000, initialPool: 0, stages: [Fixture.stage("screen", pass: pass)]) { s in
            s.requisitions[0].sourcing.channels = channels
        }
    }

    /// 1 and 3 applicants a day for 70 days plus pools of 2 and 3: the
    /// total is Poisson, mean (and variance) 5 + 4 x 70.
    func testChannelsApplicantsAddUp() {
        let s = plan([channel("referrals", rate: 7, pool: 2), channel("job_board", rate: 21, pool: 3)])
        let trials = 400
        let applicants = Fixture.run(s, trials: trials).map { $0.requisitions[0][.applicants] }
        let (mean, se) = meanAndSE(applicants)
        let expected = 5.0 + 4 * 70
        XCTAssertWithinStandardErrors(mean, expected, se: ((expected - 5) / Double(trials)).squareRoot())
        // Poisson spread: the sample s.e. matches sqrt(variance / n) within 20%.
        XCTAssertEqual(se, ((expected - 5) / Double(trials)).squareRoot(), accuracy: 0.2 * se)
    }

    /// Each channel's cap stops that channel only: 70 a week capped at 15,
    /// plus 1 a day uncapped, over 70 days: 15 + 70 on average.
    func testMaxApplicantsCapsEachChannel() {
        let s = plan([channel("agency", rate: 70, max: 15), channel("job_board", rate: 7)])
        let trials = 400
        let applicants = Fixture.run(s, trials: trials).map { $0.requisitions[0][.applicants] }
        XCTAssertTrue(applicants.allSatisfy { $0 >= 15 })
        XCTAssertWithinStandardErrors(applicants.reduce(0, +) / Double(trials), 85, se: (70 / Double(trials)).squareRoot())
    }

    /// pass_factor scales conversion, capped at 1: pools of 100 and 100
    /// at a stage passing 0.4, factors 0.5 and 3 (0.2 and 1): passed is
    /// Bin(100, 0.2) + 100, mean 120, variance 16. Cost is each
    /// channel's applicants times its own cost.
    func testPassFactorScalesConversion() {
        let s = plan([channel("agency", rate: 0, pool: 100, cost: 5, factor: 0.5),
                      channel("referrals", rate: 0, pool: 100, cost: 1, factor: 3)], pass: 0.4)
        let trials = 400
        let out = Fixture.run(s, trials: trials).map { $0.requisitions[0] }
        let passed = out.map { $0.stagePassed[0] }
        XCTAssertTrue(passed.allSatisfy { $0 >= 100 }, "a factor of 3 on 0.4 is capped at 1: every referral passes")
        XCTAssertWithinStandardErrors(passed.reduce(0, +) / Double(trials), 120, se: (16 / Double(trials)).squareRoot())
        XCTAssertTrue(out.allSatisfy { $0[.cost] == 600 }, "100 x 5 + 100 x 1")
    }

    /// Each channel's own counts (`TrialOutcome.channels`): the same plan
    /// as above, channel by channel. The agency's passed is Bin(100, 0.2)
    /// (mean 20, variance 16), every referral passes, the channels' stage
    /// counts and counters add up to the requisition's exactly in every
    /// trial, and each channel's cost is its own applicants' (no hours, no
    /// hires here).
    func testEachChannelIsCountedApart() {
        let s = plan([channel("agency", rate: 0, pool: 100, cost: 5, factor: 0.5),
                      channel("referrals", rate: 0, pool: 100, cost: 1, factor: 3)], pass: 0.4)
        let trials = 400
        let out = Fixture.run(s, trials: trials)
        XCTAssertTrue(out.allSatisfy { $0.channels.count == 2 })
        let agency = out.map { $0.channels[0].stagePassed[0] }
        XCTAssertWithinStandardErrors(agency.reduce(0, +) / Double(trials), 20, se: (16 / Double(trials)).squareRoot())
        XCTAssertTrue(out.allSatisfy { $0.channels[1].stagePassed[0] == 100 && $0.channels[1].stageRejected[0] == 0 })
        for o in out {
            let r = o.requisitions[0], a = o.channels[0], b = o.channels[1]
            XCTAssertEqual(a.stageEntered[0] + b.stageEntered[0], r.stageEntered[0])
            XCTAssertEqual(a.stagePassed[0] + b.stagePassed[0], r.stagePassed[0])
            XCTAssertEqual(a.stageRejected[0] + b.stageRejected[0], r.stageRejected[0])
            for c in [Counter.applicants, .rejected, .finalists, .offers, .filled] { XCTAssertEqual(a[c] + b[c], r[c], "\(c)") }
            XCTAssertEqual(a[.applicants], 100)
            XCTAssertEqual(a[.cost], 500)
            XCTAssertEqual(b[.cost], 100)
        }
    }

    /// A plan without channels counts none apart.
    func testNoChannelsNoChannelCounts() {
        let s = Fixture.plan(horizon: 30, openings: 1, initialPool: 5, stages: [Fixture.stage("screen", pass: 0.5)])
        XCTAssertTrue(Fixture.run(s, trials: 3).allSatisfy { $0.channels.isEmpty })
    }

    /// A list of one channel draws exactly as the single mapping with the
    /// same fields (channel 0 keeps the requisition's arrival stream).
    func testOneChannelIsTheSingleMapping() {
        var single = Fixture.plan(horizon: 90, openings: 3, initialPool: 2, rate: 10, stages: [Fixture.stage("screen", pass: 0.3)])
        single.requisitions[0].sourcing.costPerApplicant = q(4, .nonNegative)
        let listed = plan([channel("only", rate: 10, pool: 2, cost: 4)], horizon: 90, pass: 0.3)
        var three = listed
        three.requisitions[0].openings = q(3, .integer(minimum: 1))
        let a = Fixture.run(single, trials: 30).map { [$0.requisitions[0][.applicants], $0.requisitions[0][.filled], $0.requisitions[0][.cost]] }
        let b = Fixture.run(three, trials: 30).map { [$0.requisitions[0][.applicants], $0.requisitions[0][.filled], $0.requisitions[0][.cost]] }
        XCTAssertEqual(a, b)
    }
}
