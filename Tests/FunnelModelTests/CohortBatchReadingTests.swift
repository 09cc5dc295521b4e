import FunnelModel
import XCTest

/// Cohort starts (`start_days`, `start_dates`, MODEL.md 21.8) and openings
/// in batches (`openings: [{count, deadline}]`, 21.9): read as written, and
/// each mistake one issue at its line, path and value.
final class CohortBatchReadingTests: XCTestCase {
    /// After line 5 (`- name: backend`): a requisition field.
    private func field(_ text: String) -> String { Fixture.inserting(after: 5, "    " + text) }

    func testStartDaysAndDatesAreRead() throws {
        let days = try XCTUnwrap(scenario(field("start_days: [thu, mon]")))
        XCTAssertEqual(days.requisitions[0].startDays, [.mon, .thu])
        let dates = try XCTUnwrap(scenario(field("start_dates: [2027-03-01, 2027-02-01]")))
        XCTAssertEqual(dates.requisitions[0].startDates.map(\.description), ["2027-02-01", "2027-03-01"])
        XCTAssertEqual(days.requisitions[0].batches, [])
    }

    func testBatchesAreRead() throws {
        let s = try XCTUnwrap(scenario(field("openings: [{count: 2, deadline: 2027-03-31}, {count: 3, deadline: 2027-05-31}]")))
        let r = s.requisitions[0]
        XCTAssertEqual(r.batches.map(\.count), [2, 3])
        XCTAssertEqual(r.openings.integerValue, 5)
        XCTAssertEqual(r.deadline?.description, "2027-05-31")
    }

    func testUnknownWeekdaySuggestsTheClosest() {
        assertSingleIssue(field("start_days: [mon, thurs]"), line: 6, path: "requisitions.backend.start_days[1]",
                          message: "unknown day; use mon, tue, wed, thu, fri, sat, sun; did you mean 'thu'?", value: "thurs")
        assertSingleIssue(field("start_days: [Mondy]"), line: 6, path: "requisitions.backend.start_days[0]",
                          message: "did you mean 'mon'?", value: "Mondy")
    }

    func testStartDateBeforeThePlanStart() {
        assertSingleIssue(field("start_dates: [2027-02-01, 2026-12-28]"), line: 6, path: "requisitions.backend.start_dates[1]",
                          message: "is before the plan's start (2027-01-04)", value: "2026-12-28")
    }

    func testBothStartFieldsAreRefused() {
        assertSingleIssue(field("start_days: [mon]\n    start_dates: [2027-02-01]"), line: 7,
                          path: "requisitions.backend.start_dates", message: "give start_days or start_dates, not both",
                          value: "[2027-02-01]")
    }

    func testBatchDeadlinesOutOfOrder() {
        assertSingleIssue(field("openings: [{count: 2, deadline: 2027-05-31}, {count: 1, deadline: 2027-03-31}]"), line: 6,
                          path: "requisitions.backend.openings[1].deadline",
                          message: "must be after the previous batch's deadline (2027-05-31)", value: "2027-03-31")
    }

    func testBatchCountBelowOne() {
        assertSingleIssue(field("openings: [{count: 0, deadline: 2027-05-31}]"), line: 6,
                          path: "requisitions.backend.openings[0].count", message: "a batch needs at least 1 opening", value: "0")
    }

    func testBatchDeadlineAfterTheHorizonAndADeadlineBeside() {
        assertSingleIssue(field("openings: [{count: 1, deadline: 2027-12-31}]"), line: 6,
                          path: "requisitions.backend.openings[0].deadline", message: "after the horizon's last day",
                          value: "2027-12-31, day 361")
        assertSingleIssue(field("openings: [{count: 1, deadline: 2027-03-31}]\n    deadline: 2027-03-31"), line: 7,
                          path: "requisitions.backend.deadline", message: "give the deadlines in the batches",
                          value: "2027-03-31")
    }

    /// A scenario built in code keeps the same rules.
    func testCodeBuiltScenarioRules() throws {
        var s = try XCTUnwrap(scenario(Fixture.base))
        s.requisitions[0].startDays = [.mon]
        s.requisitions[0].startDates = [s.start.adding(days: -1)]
        s.requisitions[0].batches = [OpeningBatch(count: 0, deadline: s.start.adding(days: 30)),
                                     OpeningBatch(count: 1, deadline: s.start.adding(days: 20))]
        let paths = s.validationIssues.map(\.path)
        XCTAssertEqual(paths, ["requisitions.backend.start_dates", "requisitions.backend.start_dates[0]",
                               "requisitions.backend.openings[0].count", "requisitions.backend.openings[1].deadline"])
    }
}
