import ArgumentParser
import Foundation
import FunnelModel
import ScenarioYAML

/// `--change PATH=VALUE` (repeatable) on run, report, compare and
/// sensitivity: an ad hoc what-if applied to the scenario as an
/// intervention's changes are, before anything runs (issue 15, point 11).
struct ChangeOption: ParsableArguments {
    @Option(name: .customLong("change"),
            help: ArgumentHelp("Change the scenario before the run, as an intervention would: PATH=x0.6, PATH=+2, PATH=NUMBER "
                               + "or PATH='{dist: lognormal, median: 2, p90: 5}' (repeat for several).",
                               valueName: "path=value"))
    var changes: [String] = []

    /// The scenario with every change applied, or one line per bad change
    /// ("funnelcast: --change PATH=VALUE: ...") and exit 64.
    func apply(to scenario: Scenario) throws -> Scenario {
        do { return try ScenarioLoader.applying(changes: changes, to: scenario) } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode(64)
        }
    }

    /// The options as the reproduce line writes them.
    var reproduced: String {
        changes.map { " --change " + ForecastOptions.quoted($0) }.joined()
    }
}
