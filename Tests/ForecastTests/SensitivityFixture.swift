import Forecast
import Foundation
import FunnelModel
import ScenarioYAML
import Simulation
import XCTest

/// A small plan for the sensitivity tests: one requisition of two openings,
/// three uncertain parameters (applicants per week, screen pass, accept)
/// and one that no metric but cost depends on (cost per applicant); two
/// interventions, no-shows x0.9 and one that changes nothing.
enum SmallPlan {
    /// `Tests/Fixtures/small-plan.yaml`, found from this file's path.
    static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/small-plan.yaml").path
    }

    static func scenario() throws -> Scenario { try ScenarioLoader.load(path: path) }

    static func options(trials: Int = 400, threads: Int = 2) -> RunOptions {
        RunOptions(trials: trials, seed: 5, threads: threads)
    }
}

/// Equal bit for bit, NaN included: the values' shortest round-trip texts agree.
func XCTAssertIdentical<T>(_ a: T, _ b: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(String(describing: a), String(describing: b), message, file: file, line: line)
}
