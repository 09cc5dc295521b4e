import ArgumentParser
import FunnelModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and describe the plan.",
        discussion: """
            Reports every problem in the file, one per line, as
            FILE:LINE: field.path: what is wrong (got VALUE), and exits 1.
            On a good file, prints a short description of the plan.

            Example: funnelcast validate Scenarios/single-role.yaml
            """
    )

    @OptionGroup var input: ScenarioArgument

    func run() throws {
        let scenario = try input.load()
        print("\(input.scenario): OK")
        for line in scenario.summaryLines { print(line) }
    }
}
