import ArgumentParser
import FunnelModel
import Reporting
import ScenarioYAML

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the scenario format.",
        discussion: """
            A JSON Schema (draft 2020-12) of every field of a scenario file, for
            editors with YAML language support: they then check a scenario as
            it is typed and complete its field names. See README.md, "Editor
            support". `funnelcast validate` still checks what a schema cannot
            (ranges of distributions, unique names, dates within the horizon).

            Example: funnelcast schema --out scenario.schema.json
            """
    )

    @Option(help: ArgumentHelp("Write the schema to FILE instead of printing it.", valueName: "file"))
    var out: String?

    func run() throws {
        guard let out else {
            print(ScenarioSchema.text, terminator: "")
            return
        }
        do { try AtomicFile.write(ScenarioSchema.text, to: out) } catch {
            printError("\(error)"); throw ExitCode(1)
        }
    }
}
