import ArgumentParser
import Foundation
import FunnelModel
import Reporting
import ScenarioYAML

@main
struct Funnelcast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnelcast",
        abstract: "Forecast a hiring plan by Monte Carlo simulation.",
        discussion: """
            Write the plan as a scenario file (see Scenarios/ and README.md;
            `funnelcast init` writes a commented starter), then:
              funnelcast validate Scenarios/single-role.yaml
              funnelcast run Scenarios/reference-plan.yaml --out out
              funnelcast report Scenarios/reference-plan.yaml --out forecast.html
              funnelcast sensitivity Scenarios/reference-plan.yaml --method tornado \\
                  --out out
              funnelcast compare Scenarios/reference-plan.yaml --out out
            """,
        version: FunnelcastVersion.current,
        subcommands: [Run.self, Report.self, Validate.self, Sensitivity.self, Compare.self, Plan.self, Merge.self, Schema.self, Init.self, Fit.self, Simulate.self]
    )
}

/// Options shared by every command that reads a scenario.
struct ScenarioArgument: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    /// Loads the scenario or prints every problem, one per line, and exits 1.
    func load() throws -> Scenario { try Self.load(path: scenario) }

    /// Loads the scenario at `path` or prints every problem, one per line, and exits 1.
    static func load(path: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: path)
        } catch {
            for issue in error.issues { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("funnelcast: \(message)\n".utf8))
}
