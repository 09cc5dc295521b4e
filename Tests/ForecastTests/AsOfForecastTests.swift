import FunnelModel
import History
import Simulation
import XCTest
@testable import Forecast

/// The as-of entry point (MODEL.md 19): as of the plan's start with an
/// empty history it is the plain forecast, for any thread count; any
/// state it cannot start from yet is refused in one line, never answered
/// with a plain forecast.
final class AsOfForecastTests: XCTestCase {
    static let start = CivilDate(year: 2027, month: 1, day: 4)!
    let header = "requisition,candidate,stage,event,time,detail\n"

    func scenario() -> Scenario {
        var r = Requisition(name: "eng", sourcing: Sourcing(applicantsPerWeek: Quantity(3, kind: .nonNegative)),
                            stages: [Stage(name: "screen", pass: Quantity(0.5, kind: .probability)),
                                     Stage(name: "onsite", interview: true, pass: Quantity(0.5, kind: .probability))],
                            offer: Offer(accept: Quantity(0.8, kind: .probability)))
        r.openings = Quantity(2, kind: .integer(minimum: 1))
        return Scenario(name: "t", start: Self.start, horizonDays: 120, trials: 300, seed: 11, requisitions: [r])
    }

    func state(_ history: String, asOf: String) throws -> AsOfState {
        try AsOfState.read(texts: [("h.csv", header + history)], asOf: HistoryTime(parsing: asOf[...])!,
                           scenario: scenario(), scenarioFile: "t.yaml")
    }

    func assertSame(_ a: Forecast, _ b: Forecast, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.summaries, b.summaries, file: file, line: line)
        XCTAssertEqual(a.timeline, b.timeline, file: file, line: line)
        XCTAssertEqual(a.funnel, b.funnel, file: file, line: line)
        XCTAssertEqual(a.eventsPerTrial, b.eventsPerTrial, file: file, line: line)
        XCTAssertEqual(a.trials, b.trials, file: file, line: line)
        XCTAssertEqual(a.seed, b.seed, file: file, line: line)
    }

    /// As of the plan's start (00:00 of `start`) with an empty history: the
    /// plain forecast exactly, on 1 and 3 threads.
    func testPlanStartWithEmptyHistoryIsThePlainForecast() throws {
        let s = scenario()
        let st = try state("", asOf: "2027-01-04")
        XCTAssertEqual(st.asOf, 0)
        let plain = ForecastRunner.forecast(model: SimulationModel(s), options: RunOptions(trials: 300, seed: 11, threads: 1),
                                            keepsTrialColumns: false).0
        for threads in [1, 3] {
            assertSame(try AsOfForecast.forecast(scenario: s, state: st, trials: 300, seed: 11, threads: threads), plain)
        }
    }

    /// A state after the plan's start, or with events before D, is refused
    /// (the engine's start from a state is not built yet).
    func testOtherStatesAreRefusedInOneLine() throws {
        let s = scenario()
        let later = try state("eng,,,opened,2027-01-04,2\n", asOf: "2027-02-01")
        XCTAssertThrowsError(try AsOfForecast.forecast(scenario: s, state: later, trials: 10, seed: 1, threads: 1)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("not supported yet"), text)
            XCTAssertFalse(text.contains("\n"), text)
        }
    }
}
