import ArgumentParser
import Foundation
import FunnelModel
import Reporting
import ScenarioYAML

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter scenario that runs as it is.",
        discussion: """
            One role with a three-step funnel, starting next Monday, every
            field explained in a comment. Never overwrites a file unless told
            to with --force.

            Example: funnelcast init --out plan.yaml && funnelcast run plan.yaml
            """
    )

    @Option(help: ArgumentHelp("The file to write.", valueName: "file"))
    var out: String = "plan.yaml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    func run() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            printError("\(out) is a directory; --out takes the file to write, such as \((out as NSString).appendingPathComponent("plan.yaml"))")
            throw ExitCode(64)
        }
        if !force && FileManager.default.fileExists(atPath: out) {
            printError("\(out) exists; choose another name with --out FILE, or overwrite it with --force")
            throw ExitCode(1)
        }
        let today = CivilDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
        let text = StarterScenario.text(start: StarterScenario.monday(onOrAfter: today),
                                        file: (out as NSString).lastPathComponent)
        do { try AtomicFile.write(text, to: out) } catch {
            printError("\(error)"); throw ExitCode(1)
        }
        print("Wrote \(out). Next: funnelcast run \(out)")
    }
}
