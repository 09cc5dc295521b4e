import FunnelModel
import XCTest

/// `discipline` of a pool (MODEL.md 21.2): read, defaulted, and a word that
/// is not one reported at its line with the closest name.
final class PoolDisciplineReadingTests: XCTestCase {
    func testDefaultIsPriorityAndFIFOIsRead() throws {
        let plain = try XCTUnwrap(scenario(Fixture.inserting(after: 3, "recruiters: {count: 1, hours_per_week: 8}")))
        XCTAssertEqual(plain.recruiters?.discipline, .priority)
        let fifo = try XCTUnwrap(scenario(Fixture.inserting(after: 3, "interviewers: {count: 2, hours_per_week: 3, discipline: fifo}")))
        XCTAssertEqual(fifo.interviewers?.discipline, .fifo)
    }

    func testUnknownDiscipline() {
        assertSingleIssue(Fixture.inserting(after: 3, "recruiters: {count: 1, hours_per_week: 8, discipline: fifa}"),
                          line: 4, path: "recruiters.discipline",
                          message: "must be one of priority, fifo; did you mean 'fifo'?", value: "fifa")
    }

    func testInterventionKeepsTheDiscipline() throws {
        let s = try XCTUnwrap(scenario(Fixture.inserting(after: 3, "recruiters: {count: 1, hours_per_week: 8, discipline: fifo}")))
        let changed = try s.applying([ParameterChange(pattern: "recruiters.count", operation: .replace(.constant(3)))])
        XCTAssertEqual(changed.recruiters?.discipline, .fifo)
        XCTAssertEqual(changed.recruiters?.count.integerValue, 3)
    }
}
