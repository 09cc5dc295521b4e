import Foundation
import FunnelModel
import ScenarioYAML
import Synchronization
import TestSupport

/// What the job tests share: the small plan of Tests/Fixtures, a scratch
/// directory, and a cancellation check that trips after a given number of
/// looks (a simulated SIGINT, without signals).
enum JobFixture {
    static var smallPlan: String { PackagePaths.smallPlan }

    /// The small plan at `trials` trials, seed 7.
    static func scenario(trials: Int) throws -> Scenario {
        var s = try ScenarioLoader.load(path: smallPlan)
        s.trials = trials
        s.seed = 7
        return s
    }

    static func directory() throws -> String {
        try PackagePaths.temporaryDirectory("funnelcast-jobs")
    }

    static func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }
}

/// A cancellation check that answers false `looks` times, then true: the
/// job sees a cancellation part way through, as after a SIGINT.
final class TripAfter: Sendable {
    private let remaining: Atomic<Int>

    init(looks: Int) { remaining = Atomic(looks) }

    var check: @Sendable () -> Bool {
        { [self] in remaining.subtract(1, ordering: .relaxed).newValue < 0 }
    }
}
