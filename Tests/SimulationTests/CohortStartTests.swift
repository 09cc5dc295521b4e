import TestSupport
import XCTest
import FunnelModel
import Sampling
@testable import Simulation

/// Cohort starts (MODEL.md 21.8): a hire starts at 00:00 of the first
/// allowed day whose beginning is at or after the notice's end, and the
/// renege draw happens then.
final class CohortStartTests: XCTestCase {
    private func q(_ v: Double, _ k: QuantityKind) -> Quantity { Fixture.q(v, k) }

    /// One candidate accepted at day 0 (the plan starts on a Monday) with a
    /// fixed notice: the start is the hand-computed cohort day.
    func testFixedNoticeStartsOnTheNextAllowedDay() {
        // (notice days, start days, expected start day)
        let cases: [(Double, [Weekday], Double)] = [
            (0, [.mon], 0), (0.5, [.mon], 7), (3, [.mon], 7), (7, [.mon], 7), (7.01, [.mon], 14),
            (3, [.wed, .fri], 4), (2, [.wed, .fri], 2), (5.5, [.wed, .fri], 9), (6, [.sun], 6),
        ]
        for (notice, days, expected) in cases {
            let s = Fixture.plan { s in
                s.requisitions[0].noticeDays = self.q(notice, .duration)
                s.requisitions[0].startDays = days
            }
            let out = Fixture.run(s, trials: 3).map { $0.requisitions[0] }
            for o in out { XCTAssertEqual(o.startInstants, [expected], "notice \(notice), days \(days)") }
        }
    }

    /// Random notices: trial by trial, the cohort start is the plain start
    /// (the same draws: nothing else depends on the start) moved to the next
    /// Tuesday or Thursday, and falls on one of those weekdays.
    func testRandomNoticesLandOnTheAllowedWeekdays() {
        func plan(_ days: [Weekday]) -> Scenario {
            Fixture.plan { s in
                s.requisitions[0].noticeDays = Quantity(.exponential(mean: 10), kind: .duration)
                s.requisitions[0].startDays = days
            }
        }
        let plain = Fixture.run(plan([]), trials: 300).map { $0.requisitions[0].startInstants }
        let cohort = Fixture.run(plan([.tue, .thu]), trials: 300).map { $0.requisitions[0].startInstants }
        var checked = 0
        for (a, b) in zip(plain, cohort) {
            guard let t = a.first else { XCTAssertTrue(b.isEmpty); continue }
            var d = t.rounded(.up)
            while ![1, 3].contains(Int(d) % 7) { d += 1 }
            if d <= 365 { XCTAssertEqual(b, [d]); checked += 1 }
            if let s = b.first {
                XCTAssertEqual(s, s.rounded(), "a cohort start is at 00:00")
                XCTAssertTrue([Weekday.tue, .thu].contains(Fixture.monday.adding(days: Int(s)).weekday))
                XCTAssertTrue(s >= t && s < t + 7)
            }
        }
        XCTAssertGreaterThan(checked, 250)
    }

    /// Listed dates: the first at or after the notice's end; none left: the
    /// hire never starts within the plan (not filled, no renege drawn).
    func testStartDates() {
        let dates = [Fixture.monday.adding(days: 20), Fixture.monday.adding(days: 10)]
        for (notice, expected) in [(5.0, [10.0]), (10, [10]), (15, [20]), (25, [])] {
            let s = Fixture.plan { s in
                s.requisitions[0].noticeDays = self.q(notice, .duration)
                s.requisitions[0].startDates = dates
            }
            let o = Fixture.run(s, trials: 2)[1].requisitions[0]
            XCTAssertEqual(o.startInstants, expected, "notice \(notice)")
            XCTAssertEqual(o[.filled], Double(expected.count))
            XCTAssertEqual(o[.reneges], 0)
        }
    }

    /// The renege draw happens at the cohort day, not at the notice's end: a
    /// sure renege whose notice ends on day 5 with a cohort on day 20 is
    /// counted within a 25-day horizon and not within a 15-day one.
    func testRenegeIsDrawnAtTheCohortStart() {
        for (horizon, reneges) in [(25.0, 1.0), (15, 0)] {
            let s = Fixture.plan(horizon: horizon) { s in
                s.requisitions[0].noticeDays = self.q(5, .duration)
                s.requisitions[0].renege = self.q(1, .probability)
                s.requisitions[0].startDates = [Fixture.monday.adding(days: 20)]
            }
            let o = Fixture.run(s, trials: 1)[0].requisitions[0]
            XCTAssertEqual(o[.reneges], reneges, "horizon \(horizon)")
            XCTAssertEqual(o[.filled], 0)
        }
    }

    /// The compiled rule by itself.
    func testCohortRule() {
        var r = Fixture.plan().requisitions[0]
        XCTAssertEqual(CohortStarts(r, start: Fixture.monday).start(noticeEnds: 3.3), 3.3)
        r.startDays = [.mon]
        // A plan starting on a Wednesday: the Mondays are days 5, 12, ...
        let wednesday = Fixture.monday.adding(days: 2)
        let rule = CohortStarts(r, start: wednesday)
        XCTAssertEqual(rule.start(noticeEnds: 0), 5)
        XCTAssertEqual(rule.start(noticeEnds: 5), 5)
        XCTAssertEqual(rule.start(noticeEnds: 5.000001), 12)
        r.startDays = []
        r.startDates = [wednesday.adding(days: 3)]
        XCTAssertEqual(CohortStarts(r, start: wednesday).start(noticeEnds: 3), 3)
        XCTAssertEqual(CohortStarts(r, start: wednesday).start(noticeEnds: 3.5), .infinity)
    }
}
