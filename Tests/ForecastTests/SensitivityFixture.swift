import Forecast
import FunnelModel
import Simulation
import XCTest

/// A small plan for the sensitivity tests: one requisition of two openings,
/// three uncertain parameters (applicants per week, screen pass, accept)
/// and one that no metric but cost depends on (cost per applicant).
enum SmallPlan {
    static let yaml = """
        name: Small plan
        start: 2027-01-04
        horizon_days: 120
        trials: 400
        seed: 5
        requisitions:
          - name: team
            openings: 2
            deadline: 2027-03-15
            sourcing:
              applicants_per_week: {dist: gamma, mean: 6, sd: 2}
              cost_per_applicant: {dist: uniform, min: 10, max: 20}
            candidate:
              competing_offers_per_week: 0.1
              reply_days: 1
            stages:
              - name: screen
                hr_workdays: {dist: exponential, mean: 2}
                pass: {dist: beta, alpha: 30, beta: 70}
              - name: onsite
                interview: true
                hr_workdays: 3
                no_show: 0.2
                pass: 0.5
            offer:
              accept: {dist: beta, alpha: 7, beta: 3}
              response_days: 3
            notice_days: 14
        interventions:
          - name: Fewer no-shows
            changes: {"requisitions.*.stages.*.no_show": "x0.9"}
          - name: Nothing
            changes: {"requisitions.team.offer.accept": "x1"}
        """

    static func scenario() throws -> Scenario { try ScenarioLoader.parse(yaml: yaml, file: "small.yaml") }

    static func options(trials: Int = 400, threads: Int = 2) -> RunOptions {
        RunOptions(trials: trials, seed: 5, threads: threads)
    }
}

/// Equal bit for bit, NaN included: the values' shortest round-trip texts agree.
func XCTAssertIdentical<T>(_ a: T, _ b: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(String(describing: a), String(describing: b), message, file: file, line: line)
}
