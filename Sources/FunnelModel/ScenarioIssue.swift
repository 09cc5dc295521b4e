/// One problem found in a scenario file: where it is (file, line, field
/// path), what is wrong, and the value that was written.
///
/// `description` reads `FILE:LINE: field.path: what is wrong (got VALUE)`;
/// `:LINE` is left out where the line is unknown, `field.path: ` where the
/// problem concerns the whole file, ` (got VALUE)` where there is no value
/// to show, and the `FILE:LINE: ` location where `file` is empty (a value
/// given outside a file, such as a command-line option).
public struct ScenarioIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the caller named it.
    public var file: String
    /// 1-based line of the offending YAML node; nil where unknown.
    public var line: Int?
    /// Field path such as `requisitions.backend.stages.onsite.no_show`;
    /// list items are named by their `name` (by `[index]` where they have
    /// none); empty for problems of the whole file.
    public var path: String
    /// What is wrong, and where it helps, what would be right.
    public var message: String
    /// The offending value as written (mappings in flow style); nil where
    /// the message says it all or nothing was written.
    public var value: String?

    public init(file: String, line: Int?, path: String, message: String, value: String? = nil) {
        self.file = file; self.line = line; self.path = path; self.message = message; self.value = value
    }

    public var description: String {
        var s = ""
        if !file.isEmpty {
            s += file
            if let line { s += ":\(line)" }
            s += ": "
        }
        if !path.isEmpty { s += path + ": " }
        s += message
        if let value { s += " (got \(value))" }
        return s
    }
}

/// Every problem found in a scenario, in the order of the file's lines.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]

    public init(issues: [ScenarioIssue]) { self.issues = issues }

    /// One issue per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
