import FunnelModel
import ScenarioYAML
import XCTest

/// Issue 15, point 6: a change that is clipped or rounded says so, one
/// line per field (`Scenario.changeNotes`), and a change that is applied as
/// written says nothing.
final class ChangeNotesTests: XCTestCase {
    private let yaml = """
        name: notes
        start: 2027-01-04
        horizon_days: 100
        recruiters: {count: 1, hours_per_week: 30}
        requisitions:
          - name: a
            sourcing: {applicants_per_week: 5}
            stages:
              - {name: screen, interview: true, pass: 0.5, no_show: 0.2}
              - {name: onsite, interview: true, pass: {dist: beta, alpha: 8, beta: 2}}
            offer: {accept: 0.6}
        """

    private func notes(_ changes: [(String, ParameterChange.Operation)]) throws -> [String] {
        let s = try ScenarioLoader.parse(yaml: yaml, file: "notes.yaml")
        return try s.applying(changes.map { ParameterChange(pattern: $0.0, operation: $0.1) }).changeNotes
    }

    func testClippedAndRoundedChangesSaySo() throws {
        XCTAssertEqual(try notes([("requisitions.a.offer.accept", .multiply(2))]),
                       ["requisitions.a.offer.accept: 0.6 x2 = 1.2, capped at 1"])
        XCTAssertEqual(try notes([("recruiters.count", .multiply(1.4))]),
                       ["recruiters.count: 1 x1.4 = 1.4, rounded to 1 (no change)"])
        XCTAssertEqual(try notes([("requisitions.a.stages.screen.no_show", .multiply(10))]),
                       ["requisitions.a.stages.screen.no_show: 0.2 x10 = 2, capped at 1"])
        XCTAssertEqual(try notes([("recruiters.count", .add(-0.5))]),
                       ["recruiters.count: 1 -0.5 = 0.5, rounded to 1 (no change)"])
        let beta = try notes([("requisitions.a.stages.onsite.pass", .multiply(1.1))])
        XCTAssertEqual(beta.count, 1)
        XCTAssertTrue(beta[0].contains("x1.1 on Beta(8, 2)") && beta[0].contains("some draws capped at 1"), beta[0])
        let most = try notes([("requisitions.a.stages.onsite.pass", .multiply(1.3))])
        XCTAssertTrue(most.first?.contains("most draws capped at 1") == true, most.description)
    }

    func testChangesAppliedAsWrittenSayNothing() throws {
        XCTAssertEqual(try notes([("requisitions.a.offer.accept", .multiply(1.5)),
                                  ("recruiters.count", .add(2)),
                                  ("requisitions.a.stages.onsite.pass", .multiply(0.9))]), [])
    }
}
