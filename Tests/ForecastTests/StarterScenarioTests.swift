import ScenarioYAML
import XCTest
import Forecast
import FunnelModel
import Simulation

/// `funnelcast init`'s starter scenario loads and runs as it is.
final class StarterScenarioTests: XCTestCase {
    func testStarterLoadsAndRuns() throws {
        let start = CivilDate(year: 2027, month: 3, day: 1)!
        let text = StarterScenario.text(start: start, file: "my-plan.yaml")
        XCTAssertTrue(text.contains("funnelcast run my-plan.yaml"))
        XCTAssertFalse(text.contains("START_DATE") || text.contains("DEADLINE_DATE") || text.contains("THIS_FILE"))
        let scenario = try ScenarioLoader.parse(yaml: text, file: "my-plan.yaml")
        XCTAssertEqual(scenario.start, start)
        XCTAssertEqual(scenario.requisitions.map(\.name), ["engineer"])
        XCTAssertEqual(scenario.requisitions[0].deadline, CivilDate(year: 2027, month: 6, day: 25))
        XCTAssertEqual(scenario.interventions.count, 1)

        let options = RunOptions(trials: 200, seed: scenario.seed, threads: 2)
        let (forecast, _) = ForecastRunner.forecast(model: SimulationModel(scenario), options: options)
        // A sensible plan: most trials fill the role, not all of them on time.
        let filled = try XCTUnwrap(forecast.summary(0, .filled).mean)
        XCTAssertGreaterThan(filled, 0.8)
        let onTime = try XCTUnwrap(forecast.summary(0, .onTime).mean)
        XCTAssertGreaterThan(onTime, 0.3)
    }

    func testMondays() {
        let monday = CivilDate(year: 2027, month: 3, day: 1)!
        XCTAssertEqual(StarterScenario.monday(onOrAfter: monday), monday)
        XCTAssertEqual(StarterScenario.monday(onOrAfter: monday.adding(days: 1)), monday.adding(days: 7))
        XCTAssertEqual(StarterScenario.monday(onOrAfter: monday.adding(days: 6)), monday.adding(days: 7))
    }
}
