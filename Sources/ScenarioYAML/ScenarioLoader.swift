import Foundation
import FunnelModel
import Sampling
import Yams

/// Reads scenario files (MODEL.md section 15) into validated `Scenario`
/// values.
///
/// The YAML is composed into a node tree (with line numbers) and walked by
/// hand, field by field, collecting every problem in the file rather than
/// stopping at the first; a scenario comes back only when there are none,
/// so the engine can trust it. Problems are thrown as one `ScenarioError`
/// listing each `ScenarioIssue` in line order.
public enum ScenarioLoader {
    /// The largest scenario text read: 10 MB (a plan with a thousand
    /// requisitions is well under 1 MB).
    public static let maxTextBytes = 10 * 1_048_576

    /// Reads and parses the scenario file at `path`. A missing or
    /// unreadable file, a directory, a file over `maxTextBytes` or text that
    /// is not UTF-8 gives one issue with an empty field path.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(issues: [ScenarioIssue(file: path, line: nil, path: "", message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no such file")
        }
        guard !isDirectory.boolValue else { throw fail("is a directory, not a scenario file") }
        // At most one byte past the limit: a device or a pipe that never ends is refused too.
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.read(upToCount: maxTextBytes + 1) ?? Data() else {
            throw fail("cannot be read (check its permissions)")
        }
        try? handle.close()
        guard data.count <= maxTextBytes else {
            throw fail("is larger than \(maxTextBytes / 1_048_576) MB; a scenario file is far smaller (is this the right file?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
                throw fail("is UTF-16 text; save it as UTF-8")
            }
            throw fail("is not UTF-8 text; save it as UTF-8")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses scenario text; `file` names it in the issues.
    public static func parse(yaml: String, file: String) throws(ScenarioError) -> Scenario {
        var reader = ScenarioReader(file: file)
        // A byte order mark (as some Windows editors write) is no content;
        // libyaml would skip it but count it as a column of indentation.
        let text = yaml.unicodeScalars.first == "\u{FEFF}" ? String(yaml.unicodeScalars.dropFirst()) : yaml
        let root = compose(text, &reader)
        var scenario: Scenario?
        if let root {
            scenario = reader.scenario(root)
        } else if reader.issues.isEmpty {
            reader.report(line: nil, "", "the file is empty; a scenario needs at least name, start and requisitions")
        }
        guard reader.issues.isEmpty, let scenario else { throw ScenarioError(issues: reader.sortedIssues) }
        // The reader applied every rule at its line; the value's own check
        // guarantees it (a rule the reader missed is still reported, without a line).
        do {
            return try scenario.validated()
        } catch {
            throw ScenarioError(issues: error.issues.map { var i = $0; i.file = file; return i })
        }
    }

    /// Builds a distribution from a YAML mapping text such as
    /// "{dist: gamma, mean: 25, sd: 6}" or a plain number, for a field of
    /// `kind`; for tests and for interventions. Issues carry `path` and an
    /// empty file name (so their description has no location).
    public static func quantity(yaml: String, kind: QuantityKind, path: String) throws(ScenarioError) -> Quantity {
        var reader = ScenarioReader(file: "")
        let node = compose(yaml, &reader)
        var q: Quantity?
        if let node {
            q = reader.quantity(node, path, kind: kind)
        } else if reader.issues.isEmpty {
            reader.report(line: nil, path, "no value given; expected a number or a distribution such as \(Distribution.example)")
        }
        guard reader.issues.isEmpty, let q else { throw ScenarioError(issues: reader.sortedIssues) }
        return q
    }

    /// `--change PATH=VALUE` options of the command line (issue 15, point
    /// 11), read as an intervention's changes are (the same path patterns
    /// and value forms: "x0.6", "+2", a number, or a distribution in YAML
    /// flow syntax such as "{dist: lognormal, median: 2, p90: 5}"), checked
    /// against `scenario` and applied to it together, in order. Issues name
    /// the option and its value; no line (there is no file).
    public static func applying(changes options: [String], to scenario: Scenario) throws(ScenarioError) -> Scenario {
        guard !options.isEmpty else { return scenario }
        var reader = ScenarioReader(file: "")
        var changes: [ParameterChange] = []
        for option in options {
            let site = "--change \(option)"
            let before = reader.issues.count
            guard let eq = option.firstIndex(of: "="), !option[..<eq].trimmingCharacters(in: .whitespaces).isEmpty else {
                reader.report(line: nil, site, "expected PATH=VALUE, such as requisitions.backend.offer.accept=x0.9")
                continue
            }
            let pattern = option[..<eq].trimmingCharacters(in: .whitespaces)
            let text = String(option[option.index(after: eq)...])
            let value = text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : compose(text, &reader)
            guard let value else {
                if reader.issues.count == before { reader.report(line: nil, site, "no value after '='; expected \(ScenarioReader.changeForms)") }
                continue
            }
            if let c = reader.change(pattern, keyNode: Node(pattern), value: value, path: site, parameters: scenario.parameters) {
                changes.append(c)
            }
            for k in before..<reader.issues.count { reader.issues[k].line = nil; reader.issues[k].path = site }
        }
        guard reader.issues.isEmpty else { throw ScenarioError(issues: reader.issues) }
        do { return try scenario.applying(changes) } catch {
            throw ScenarioError(issues: [ScenarioIssue(file: "", line: nil, path: "--change",
                                                       message: "makes \(error.path) invalid: \(error.message)", value: error.value)])
        }
    }

    // MARK: - Composing

    /// The YAML node tree, or nil (empty text, or a syntax error, reported).
    ///
    /// Yams rejects a mapping with a duplicate key and stops. To report the
    /// duplicate at its second occurrence and still check the rest of the
    /// file, the second occurrence is renamed to a sentinel key and the text
    /// composed again; the walk skips sentinel keys and fills in the issue's
    /// field path where it meets one.
    static func compose(_ text: String, _ reader: inout ScenarioReader) -> Node? {
        if text.utf8.count > maxTextBytes {
            reader.report(line: nil, "", "the text is \(text.utf8.count / 1_048_576) MB; a scenario file is at most "
                          + "\(maxTextBytes / 1_048_576) MB")
            return nil
        }
        if let over = YAMLExpansion.overLimit(text) {
            let what = over.aliases > 0 ? "its aliases (*name) expanded" : "the text"
            reader.report(line: over.line, "",
                          "the file holds more than \(YAMLExpansion.maxExpandedNodes) values once \(what) "
                          + "(an alias bomb?); a scenario needs far fewer: write the values out, or alias only small parts")
            return nil
        }
        var source = text
        while true {
            do {
                return try Yams.compose(yaml: source)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let first = context.mark
                let key = duplicates.first ?? "?"
                let sentinel = "__funnelcast_duplicate_\(reader.sentinels.count)__"
                guard reader.sentinels.count < 100,
                      let (line, renamed) = renameDuplicate(key, first: first, in: source, to: sentinel) else {
                    reader.report(line: first.line, "",
                                  "duplicate key\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping; keep one of each")
                    return nil
                }
                reader.report(line: line, key, "duplicate key '\(key)' (first on line \(first.line)); keep one of them")
                reader.sentinels[sentinel] = (key, reader.issues.count - 1)
                source = renamed
            } catch let error as YamlError {
                reportSyntax(error, source: source, &reader)
                return nil
            } catch {
                reader.report(line: nil, "", "cannot read the YAML: \(error)")
                return nil
            }
        }
    }

    /// The line of the duplicate of `key` whose first occurrence is at
    /// `first`, and the text with that duplicate renamed to `sentinel`;
    /// nil where no candidate removes Yams's complaint.
    static func renameDuplicate(_ key: String, first: Mark, in source: String, to sentinel: String) -> (Int, String)? {
        // Lines as unicode scalars (libyaml's columns; "\r\n" is one Character but two scalars).
        var lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let forms = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        let separators: Set<Unicode.Scalar> = [" ", "\t", "{", ",", "?"]
        let enders: Set<Unicode.Scalar> = [" ", "\t", "\r", ",", "}", "]"]
        var sameColumn: [(Int, Int, Int)] = []
        var others: [(Int, Int, Int)] = []
        for li in (first.line - 1)..<lines.count {
            let line = lines[li]
            // Up to a comment.
            var end = line.count
            for c in line.indices where line[c] == "#" && (c == 0 || line[c - 1] == " " || line[c - 1] == "\t") {
                end = c
                break
            }
            var c = li == first.line - 1 ? first.column : 0
            while c < end {
                defer { c += 1 }
                guard c == 0 || separators.contains(line[c - 1]) || line[..<c].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
                for form in forms where c + form.count <= end && Array(line[c..<(c + form.count)]) == form {
                    var k = c + form.count
                    while k < end, line[k] == " " { k += 1 }
                    guard k < end, line[k] == ":", k + 1 >= line.count || enders.contains(line[k + 1]) else { continue }
                    if c == first.column - 1 { sameColumn.append((li, c, form.count)) } else { others.append((li, c, form.count)) }
                    break
                }
            }
        }
        for (li, c, length) in (sameColumn + others).prefix(30) {
            let original = lines[li]
            lines[li].replaceSubrange(c..<(c + length), with: sentinel.unicodeScalars)
            let candidate = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            lines[li] = original
            do {
                _ = try Yams.compose(yaml: candidate)
            } catch YamlError.duplicatedKeysInMapping(let d, let context)
                        where d.first == key && context.mark.line == first.line && context.mark.column == first.column {
                continue
            } catch {}
            return (li + 1, candidate)
        }
        return nil
    }

    /// One issue for a YAML syntax error, preceded by one per line indented
    /// with a tab (the usual cause).
    static func reportSyntax(_ error: YamlError, source: String, _ reader: inout ScenarioReader) {
        var line: Int?
        var message: String
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            line = mark.line
            message = "YAML syntax error: \(problem)"
            if let context {
                // libyaml's context is either "while parsing ..." or the first half of a sentence.
                message = context.text.hasPrefix("while")
                    ? message + " (\(context.text) on line \(context.mark.line))"
                    : "YAML syntax error: \(context.text), \(problem)"
            }
        case .reader(let problem, let offset, _, let yaml):
            if let offset {
                line = yaml.prefix(offset).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            }
            message = "cannot read the text: \(problem)"
        default:
            message = "cannot read the YAML: \(error)"
        }
        var tabLines: [Int] = []
        for (i, l) in source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = l.prefix { $0 == " " || $0 == "\t" }
            if indent.contains("\t"), l.contains(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) { tabLines.append(i + 1) }
        }
        for t in tabLines.prefix(20) {
            reader.report(line: t, "", "the indentation contains a tab; YAML indents with spaces only")
        }
        if let line, tabLines.contains(line) { return }
        reader.report(line: line, "", message)
    }
}
