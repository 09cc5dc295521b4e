@testable import Forecast
import Reporting
import XCTest

/// Issue 15, point 6: an intervention's clipped or rounded changes are
/// said in the terminal table and in interventions.csv's `note` column.
final class InterventionNotesTests: XCTestCase {
    func testNotesInTheTerminalAndTheCSV() {
        let d = PairedDifference(baseline: [0, 1, 0, 1], changed: [1, 1, 0, 1])
        let e = InterventionComparison.Effect(scope: "plan", metric: .onTime, baseline: d.baselineMean, value: d.changedMean,
                                              baselineMedian: 0.5, valueMedian: 1, difference: d)
        let r = InterventionComparison.Result(intervention: "double accept", notes: ["a: 0.6 x2 = 1.2, capped at 1"], effects: [e])
        let text = InterventionReport.render([r], trials: 4)
        XCTAssertTrue(text.contains("note: a: 0.6 x2 = 1.2, capped at 1\n"), text)
        XCTAssertTrue(text.contains("4 trials"), text)
        let csv = SensitivityTables.interventions([r])
        XCTAssertEqual(csv.header.last, "note")
        XCTAssertEqual(csv.rows[0].last, "a: 0.6 x2 = 1.2, capped at 1")
        XCTAssertEqual(csv.rows[0][3], "4")
        XCTAssertEqual(try XCTUnwrap(e.value) - (e.baseline ?? 0), try XCTUnwrap(d.mean), accuracy: 1e-12)
    }
}
