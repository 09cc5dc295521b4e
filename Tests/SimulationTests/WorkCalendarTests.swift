import XCTest
@testable import Simulation

/// The work clock against hand-worked calendars (MODEL.md 1, 16.1-16.2).
/// Day 0 is a Monday; `week` marks Mon-Fri working.
final class WorkCalendarTests: XCTestCase {
    private func calendar(days: Int = 28, holidays: [Int] = [], freezes: [(Double, Double)] = []) -> WorkCalendar {
        var working = (0..<days).map { $0 % 7 < 5 }
        for h in holidays { working[h] = false }
        var c = WorkCalendar()
        c.rebuild(workingDays: working, freezes: freezes.map { (start: $0.0, end: $0.1) })
        return c
    }

    func testOneWorkdayFromFridayMidnightEndsAtFridayEnd() {
        XCTAssertEqual(calendar().addWork(4, 1), 5)
    }

    func testWeekendIsSkipped() {
        // Friday noon + 1 workday = Monday noon.
        XCTAssertEqual(calendar().addWork(4.5, 1), 7.5, accuracy: 1e-12)
        // Saturday + 0.5 workday = Monday noon.
        XCTAssertEqual(calendar().addWork(5.25, 0.5), 7.5, accuracy: 1e-12)
        // Five workdays from Monday 00:00 end Friday 24:00.
        XCTAssertEqual(calendar().addWork(0, 5), 5)
    }

    func testZeroDurationEndsWhereItStarts() {
        XCTAssertEqual(calendar().addWork(5.5, 0), 5.5)   // Saturday, outside working time
        XCTAssertEqual(calendar().addWork(2.3, 0), 2.3)
    }

    func testHolidaysAreNotWorkingTime() {
        // Tuesday and Wednesday off: Monday noon + 1 workday = Thursday noon.
        let c = calendar(holidays: [1, 2])
        XCTAssertEqual(c.addWork(0.5, 1), 3.5, accuracy: 1e-12)
        XCTAssertEqual(c.nextWorking(1.2), 3)
    }

    func testFreezeStopsTheClockExactly() {
        // A freeze from Tuesday 06:00 to Wednesday 18:00 removes 1.5 workdays.
        let c = calendar(freezes: [(1.25, 2.75)])
        XCTAssertEqual(c.addWork(1, 0.5), 2.75 + 0.25, accuracy: 1e-12)
        XCTAssertEqual(c.work(at: 7), 5 - 1.5, accuracy: 1e-12)
        XCTAssertTrue(c.isFrozen(2))
        XCTAssertFalse(c.isFrozen(2.75))
        XCTAssertEqual(c.nextWorking(1.5), 2.75)
    }

    func testOverlappingFreezesCountOnce() {
        let c = calendar(freezes: [(1, 3), (2, 4)])
        XCTAssertEqual(c.work(at: 5), 2, accuracy: 1e-12)   // Monday and Friday remain
        XCTAssertEqual(c.addWork(0.5, 1), 4.5, accuracy: 1e-12)
    }

    func testNextWorkingFromOutsideWorkingTime() {
        let c = calendar()
        XCTAssertEqual(c.nextWorking(5.1), 7)     // Saturday -> Monday 00:00
        XCTAssertEqual(c.nextWorking(5), 7)       // Friday 24:00 belongs to Saturday
        XCTAssertEqual(c.nextWorking(3.3), 3.3)
    }

    func testWorkBeyondTheCoveredDaysIsInfinite() {
        XCTAssertEqual(calendar(days: 7).addWork(4, 2), .infinity)
        XCTAssertEqual(calendar(days: 7).nextWorking(.infinity), .infinity)
        XCTAssertEqual(calendar(days: 7).work(at: .infinity), 5)
    }

    func testCapacityPoolQueuesOnTheWorkClock() {
        let c = calendar()
        var pool = CapacityPool(speed: 4)   // 4 hours per working day
        let a = pool.request(at: 4.5, hours: 4, calendar: c)   // Friday noon: half a day today, half on Monday
        XCTAssertEqual(c.time(atWork: a.end), 7.5, accuracy: 1e-12)
        let b = pool.request(at: 4.6, hours: 2, calendar: c)   // waits for the first
        XCTAssertEqual(b.start, a.end)
        XCTAssertEqual(c.time(atWork: b.end), 8, accuracy: 1e-12)
    }
}
