// The built `funnelcast` binary run as a user would, for the CLI tests.
import Foundation
import TestSupport

/// What one run of `funnelcast` left: exit status, stdout, stderr.
typealias CLIResult = ProcessOutput

enum CLI {
    /// The package root: the working directory of every run, so scenario
    /// paths such as `Scenarios/single-role.yaml` resolve.
    static var packageRoot: URL { PackagePaths.root }

    /// The `funnelcast` SwiftPM built beside the test bundle.
    static var binary: URL { PackagePaths.builtProduct("funnelcast") }

    /// Starts `funnelcast arguments` in `directory` (the package root by
    /// default), with `environment` added to this process's; through
    /// `shell` (`sh -c 'SHELL; exec "$0" "$@"' BINARY ARGS...`) where given,
    /// to set a limit such as `ulimit -f 8` first. The caller finishes it.
    static func start(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String]? = nil,
                      through shell: String? = nil) throws -> RunningProcess {
        if let shell {
            return try RunningProcess(executable: URL(fileURLWithPath: "/bin/sh"),
                                      arguments: ["-c", shell + "; exec \"$0\" \"$@\"", binary.path] + arguments,
                                      directory: directory, environment: environment)
        }
        return try RunningProcess(executable: binary, arguments: arguments, directory: directory, environment: environment)
    }

    /// Runs `funnelcast arguments` to its end (see `start`).
    static func run(_ arguments: [String], in directory: URL = packageRoot,
                    environment: [String: String]? = nil) throws -> CLIResult {
        try start(arguments, in: directory, environment: environment).finish()
    }

    static func temporaryDirectory() throws -> String {
        try PackagePaths.temporaryDirectory("funnelcast-cli")
    }

    /// The records of a CSV file the tool wrote.
    static func lines(_ path: String) throws -> [String] {
        try CSVText.lines(ofFile: path)
    }
}
