import TestSupport
import XCTest
import FunnelModel
import Sampling
@testable import Simulation

/// MODEL.md 21.2-21.3 by hand: a deterministic plan whose service order and
/// start times are worked out below under both disciplines, and the
/// priority queue's choice between requisitions and classes.
final class PoolDisciplineTests: XCTestCase {
    private func q(_ v: Double, _ k: QuantityKind) -> Quantity { Fixture.q(v, k) }

    /// Three candidates at day 0, two stages and an offer, each one
    /// recruiter hour, one recruiter giving 7 hours a week on a seven-day
    /// week (1 hour a working day): every request holds the pool a day;
    /// no delays otherwise, everybody passes and accepts, slate of 1.
    ///
    /// fifo (request order): screens a, b, c on [0,1] [1,2] [2,3]; finals
    /// requested at 1, 2, 3 run [3,4] [4,5] [5,6]; offers requested at 4, 5,
    /// 6 run [6,7] [7,8] [8,9]: answers (fills) at 7, 8, 9.
    ///
    /// priority: a's screen [0,1]; at 1 a's final (class 1) goes before the
    /// waiting screens (class 2): [1,2]; at 2 b's screen [2,3]; a's offer,
    /// requested at 2, overtakes c's screen (waiting since 0): [3,4], a
    /// fills at 4; b's final [4,5]; c's screen [5,6]; b's offer [6,7], b
    /// fills at 7; c's final [7,8]; c's offer, made with nobody waiting,
    /// [8,9]: fills at 9.
    private func plan(_ discipline: PoolDiscipline) -> Scenario {
        var screen = Fixture.stage("screen", pass: 1)
        screen.recruiterHours = q(1, .duration)
        var final = Fixture.stage("final", pass: 1)
        final.recruiterHours = q(1, .duration)
        return Fixture.plan(openings: 3, initialPool: 3, stages: [screen, final]) { s in
            s.requisitions[0].offer.recruiterHours = self.q(1, .duration)
            var pool = Pool(count: 1, hoursPerWeek: self.q(7, .nonNegative))
            pool.discipline = discipline
            s.recruiters = pool
        }
    }

    func testFIFOServesInRequestOrder() {
        for o in Fixture.run(plan(.fifo), trials: 3).map({ $0.requisitions[0] }) {
            XCTAssertEqual(o.fillTimes, [7, 8, 9])
            XCTAssertEqual(o[.recruiterHours], 9)
        }
    }

    func testPriorityServesOffersAndLaterStagesFirst() {
        for o in Fixture.run(plan(.priority), trials: 3).map({ $0.requisitions[0] }) {
            XCTAssertEqual(o.fillTimes, [4, 7, 9])
            XCTAssertEqual(o[.recruiterHours], 9)
        }
    }

    /// The diagnostics of the same plans (MODEL.md 21.4), by hand from the
    /// service orders above (waits in working days, by class: 0 offers,
    /// 1 finals, 2 screens). priority: screens wait 0, 2, 5 (c's waits
    /// while a's offer overtakes it), finals 0, 1, 1, offers 1, 1, 0.
    /// fifo: screens 0, 1, 2, finals 2, 2, 2, offers 2, 2, 2. Either way
    /// the pool is busy on [0, 9]: all 7 working days of week 1, 2 of the 7
    /// of week 2, none after; the last week (day 364) has 1 working day.
    func testWaitsByClassAndUtilisationByWeek() {
        let expected: [PoolDiscipline: [[Double]]] = [
            .priority: [[0, 1, 1], [0, 1, 1], [0, 2, 5]],
            .fifo: [[2, 2, 2], [2, 2, 2], [0, 1, 2]],
        ]
        for (discipline, waits) in expected {
            let model = SimulationModel(plan(discipline))
            XCTAssertEqual(model.diagnosedPools, [DiagnosedPool(name: "recruiters", discipline: discipline)])
            for o in Fixture.run(plan(discipline), trials: 2) {
                let byClass = (0..<3).map { k in o.poolWaits.filter { $0.priorityClass == k }.map(\.days).sorted() }
                XCTAssertEqual(byClass, waits, "\(discipline)")
                XCTAssertEqual(o.poolWaits.map(\.pool), Array(repeating: 0, count: 9))
                XCTAssertEqual(o.weekAvailable.count, 53)
                XCTAssertEqual(o.weekAvailable[0], 7)
                XCTAssertEqual(o.weekAvailable[52], 1)
                XCTAssertEqual(o.poolBusy[0], 7, accuracy: 1e-9)
                XCTAssertEqual(o.poolBusy[1], 2, accuracy: 1e-9)
                XCTAssertEqual(o.poolBusy[2...].reduce(0, +), 0)
            }
        }
    }

    /// The queue's choice: the highest class, then turns between
    /// requisitions, then the earliest request; a request `isLive` rejects
    /// (its candidate gone) is dropped.
    func testQueueDropsTheGoneAndTakesTurns() {
        var pool = PriorityPool(speed: 1, discipline: .priority, requisitions: 2, classes: 3)
        pool.reset(speed: 1)
        func request(_ c: Int32, at t: Double) -> PoolRequest {
            PoolRequest(time: t, work: t, hours: 1, extra: 0, candidate: c, kind: .stageAction, stage: 0)
        }
        // Requisition 0 floods class 2; requisition 1 has one request of
        // class 2 and one of class 1; candidate 2 is gone.
        for c in Int32(0)..<5 { pool.enqueue(request(c, at: Double(c)), requisition: 0, class: 2) }
        pool.enqueue(request(10, at: 3), requisition: 1, class: 2)
        pool.enqueue(request(11, at: 4), requisition: 1, class: 1)
        var order: [Int32] = []
        while let next = pool.take(isLive: { $0.candidate != 2 }) { order.append(next.request.candidate) }
        // Class 1 first; then class 2 by turns: requisition 0 (never served,
        // first by order), 1 (never served in class 2), then 0's rest,
        // earliest first, 2 dropped.
        XCTAssertEqual(order, [11, 0, 10, 1, 3, 4])
        XCTAssertEqual(pool.waitingCount, 0)
    }
}
