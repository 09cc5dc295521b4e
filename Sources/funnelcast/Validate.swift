import ArgumentParser
import FunnelModel
import Reporting

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and describe the plan.",
        discussion: """
            Reports every problem in the file, one per line, as
            FILE:LINE: field.path: what is wrong (got VALUE), and exits 1.
            On a good file, prints a short description of the plan; with
            --parameters, every parameter path (what interventions and
            `sensitivity --parameters` take) with its value and whether it is
            uncertain (drawn once per trial).

            Examples:
              funnelcast validate Scenarios/single-role.yaml
              funnelcast validate Scenarios/reference-plan.yaml --parameters
            """
    )

    @OptionGroup var input: ScenarioArgument

    @Flag(help: "List every parameter path with its value instead of the description.")
    var parameters = false

    func run() throws {
        let scenario = try input.load()
        print("\(input.scenario): OK")
        if parameters {
            print(ParameterTable.render(scenario), terminator: "")
        } else {
            for line in scenario.summaryLines { print(line) }
        }
    }
}
