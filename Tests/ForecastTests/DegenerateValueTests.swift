import Foundation
import FunnelModel
import ScenarioYAML
import Simulation
import XCTest
@testable import Forecast

/// Degenerate values (docs/model.md, "Degenerate values"): each is either
/// refused with a message that says what to write instead, or accepted with
/// a stated meaning, checked here on a run.
final class DegenerateValueTests: XCTestCase {
    /// A plan whose lines the tests replace; every candidate passes, accepts
    /// and starts, so each test switches on the one value it studies.
    private func plan(_ replacements: [String: String] = [:]) -> String {
        var fields = [
            "rate": "applicants_per_week: 5", "pool": "initial_pool: 3", "openings": "openings: 1",
            "screen": "{name: screen, hr_workdays: 2, pass: 1}", "onsite": "{name: onsite, interview: true, no_show: 0, pass: 1}",
            "offer": "{accept: 1, response_days: 1}", "renege": "renege: 0", "extra": "",
        ]
        for (k, v) in replacements { fields[k] = v }
        return """
            name: degenerate
            start: 2027-01-04
            horizon_days: 120
            \(fields["extra"]!)
            requisitions:
              - name: role
                \(fields["openings"]!)
                deadline: 2027-03-31
                sourcing: {\(fields["rate"]!), \(fields["pool"]!)}
                stages:
                  - \(fields["screen"]!)
                  - \(fields["onsite"]!)
                offer: \(fields["offer"]!)
                \(fields["renege"]!)
            """
    }

    private func load(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> Scenario? {
        do { return try ScenarioLoader.parse(yaml: yaml, file: "test.yaml") } catch {
            XCTFail("unexpected issues:\n\(error)", file: file, line: line)
            return nil
        }
    }

    private func refused(_ yaml: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "test.yaml")
            XCTFail("accepted", file: file, line: line)
        } catch {
            XCTAssertEqual(error.issues.count, 1, "\(error)", file: file, line: line)
            XCTAssertTrue(error.issues.first?.message.contains(message) ?? false, "\(error)", file: file, line: line)
        }
    }

    private func run(_ s: Scenario, trials: Int = 200) -> Forecast {
        ForecastRunner.forecast(model: SimulationModel(s), options: RunOptions(trials: trials, seed: 4, threads: 2)).0
    }

    private func mean(_ f: Forecast, _ metric: Metric, scope: Int = 0) -> Double? { f.summary(scope, metric).mean }

    // MARK: Refused

    func testZeroSpreadIsRefusedWithTheFixedValueAsTheFix() {
        refused(plan(["screen": "{name: screen, hr_workdays: {dist: normal, mean: 2, sd: 0}, pass: 1}"]),
                "normal sd must be greater than 0; for a fixed value write the number")
        refused(plan(["screen": "{name: screen, hr_workdays: {dist: gamma, mean: 2, sd: 0}, pass: 1}"]),
                "gamma mean and sd must be greater than 0")
        refused(plan(["screen": "{name: screen, hr_workdays: {dist: lognormal, mean: 2, sd: 0}, pass: 1}"]),
                "lognormal mean and sd must be greater than 0")
        refused(plan(["screen": "{name: screen, hr_workdays: {dist: lognormal, mu: 1, sigma: 0}, pass: 1}"]),
                "lognormal sigma must be greater than 0")
        refused(plan(["screen": "{name: screen, hr_workdays: {dist: lognormal, median: 2, p90: 2}, pass: 1}"]),
                "lognormal needs 0 < median < p90")
    }

    func testZeroOpeningsAndEmptyListsAreRefused() {
        refused(plan(["openings": "openings: 0"]), "must be at least 1")
        let noStages = plan().replacingOccurrences(of: "    stages:\n      - {name: screen, hr_workdays: 2, pass: 1}\n"
                                                   + "      - {name: onsite, interview: true, no_show: 0, pass: 1}",
                                                   with: "    stages: []")
        refused(noStages, "needs at least one stage")
        refused("name: x\nstart: 2027-01-04\nrequisitions: []", "needs at least one requisition")
        refused(plan(["extra": "calendar: {workdays: []}"]), "must list at least one working day")
    }

    // MARK: Accepted

    /// min = max (uniform, triangular, pert) and an empirical table with one
    /// possible value are that number: no uncertain parameter, the same run.
    func testMinEqualsMaxIsThatNumber() throws {
        for written in ["{dist: uniform, min: 2, max: 2}", "{dist: triangular, min: 2, mode: 2, max: 2}",
                        "{dist: pert, min: 2, mode: 2, max: 2}", "{dist: empirical, values: [2, 7], weights: [1, 0]}",
                        "{dist: empirical, values: [2, 2]}"] {
            let s = try XCTUnwrap(load(plan(["screen": "{name: screen, hr_workdays: \(written), pass: 1}",
                                             "rate": "applicants_per_week: \(written)"])), written)
            XCTAssertEqual(s.requisitions[0].stages[0].hrWorkdays.distribution, .constant(2), written)
            XCTAssertEqual(s.requisitions[0].sourcing.applicantsPerWeek.distribution, .constant(2), written)
            XCTAssertTrue(s.uncertainParameters.isEmpty, written)
        }
        let fixed = try XCTUnwrap(load(plan(["screen": "{name: screen, hr_workdays: 2, pass: 1}"])))
        let ranged = try XCTUnwrap(load(plan(["screen": "{name: screen, hr_workdays: {dist: uniform, min: 2, max: 2}, pass: 1}"])))
        XCTAssertEqual(run(fixed).summaries, run(ranged).summaries)
    }

    /// Probabilities of exactly 0 and 1 are certainties.
    func testProbabilitiesZeroAndOne() throws {
        // Everyone passes, accepts and starts: the three in the initial pool fill one opening, on time.
        let sure = run(try XCTUnwrap(load(plan())))
        XCTAssertEqual(mean(sure, .onTime), 1)
        XCTAssertEqual(mean(sure, .filled), 1)
        XCTAssertEqual(mean(sure, .rejected), 0)
        // Nobody passes the screen.
        let none = run(try XCTUnwrap(load(plan(["screen": "{name: screen, pass: 0}"]))))
        XCTAssertEqual(mean(none, .filled), 0)
        XCTAssertEqual(mean(none, .onTime), 0)
        XCTAssertEqual(mean(none, .offers), 0)
        XCTAssertEqual(none.funnel[1][0].passed, 0)
        XCTAssertEqual(none.summary(1, .timeToFill).beyondHorizon, 1, "every opening unfilled")
        // Every offer declined; every hire reneges; everyone misses the interview.
        XCTAssertEqual(mean(run(try XCTUnwrap(load(plan(["offer": "{accept: 0}"])))), .filled), 0)
        let reneged = run(try XCTUnwrap(load(plan(["renege": "renege: 1"]))))
        XCTAssertEqual(mean(reneged, .filled), 0)
        XCTAssertGreaterThan(mean(reneged, .reneges) ?? 0, 0)
        let absent = run(try XCTUnwrap(load(plan(["onsite": "{name: onsite, interview: true, no_show: 1, pass: 1}"]))))
        XCTAssertEqual(mean(absent, .filled), 0)
        XCTAssertEqual(absent.funnel[1][1].noShows, absent.funnel[1][1].entered)
    }

    /// An applicant rate of 0: only the initial pool ever applies; with no
    /// pool either, nothing happens: nothing filled, P(on time) = 0.
    func testApplicantRateZero() throws {
        let empty = run(try XCTUnwrap(load(plan(["rate": "applicants_per_week: 0", "pool": "initial_pool: 0"]))))
        XCTAssertEqual(mean(empty, .applicants), 0)
        XCTAssertEqual(mean(empty, .filled), 0)
        XCTAssertEqual(mean(empty, .onTime), 0)
        XCTAssertEqual(empty.summary(0, .onTime).ciHigh ?? 1, 0.019, accuracy: 0.001, "Wilson's upper bound for 0 of 200")
        XCTAssertEqual(empty.summary(0, .costPerHire).beyondHorizon, 1, "no hire: no cost per hire")
        let poolOnly = run(try XCTUnwrap(load(plan(["rate": "applicants_per_week: 0", "pool": "initial_pool: 3",
                                                     "openings": "openings: 2"]))))
        XCTAssertEqual(mean(poolOnly, .applicants), 3)
        XCTAssertEqual(mean(poolOnly, .filled), 2)
    }

    /// Zero durations and zero costs are instants and nothing: the hire in
    /// the initial pool is accepted on day 0 and starts on day 0.
    func testZeroDurations() throws {
        let s = try XCTUnwrap(load(plan(["screen": "{name: screen, hr_workdays: 0, pass: 1}", "offer": "{accept: 1, response_days: 0}"])))
        let f = run(s, trials: 20)
        XCTAssertEqual(f.summary(0, .timeToFill).percentile(0.5), 0)
        XCTAssertEqual(f.summary(0, .timeToStart).percentile(0.5), 0)
        XCTAssertEqual(mean(f, .cost), 0)
    }
}
