import Forecast
import Foundation
import FunnelModel
import ScenarioYAML
import Simulation
import TestSupport
import XCTest

/// A small plan for the sensitivity tests: one requisition of two openings,
/// three uncertain parameters (applicants per week, screen pass, accept)
/// and one that no metric but cost depends on (cost per applicant); two
/// interventions, no-shows x0.9 and one that changes nothing.
enum SmallPlan {
    /// `Tests/Fixtures/small-plan.yaml`.
    static var path: String { PackagePaths.smallPlan }

    static func scenario() throws -> Scenario { try ScenarioLoader.load(path: path) }

    static func options(trials: Int = 400, threads: Int = 2) -> RunOptions {
        RunOptions(trials: trials, seed: 5, threads: threads)
    }
}
