import Foundation
import FunnelModel
import Yams

/// Walks a composed YAML tree, collecting every problem as a
/// `ScenarioIssue` instead of stopping at the first (the loader's
/// internals; `ScenarioLoader` is the public face).
///
/// Readers return nil (or a placeholder) where a value is unusable and keep
/// going, so one run reports everything that is wrong in a file. What is
/// read here is how YAML writes a scenario (keys, nodes, scalars, lines);
/// the rules a value must keep belong to the value types (`ScenarioRules`,
/// `Quantity.problem`, `Distribution(_:_:)`), which this reader reports.
struct ScenarioReader {
    let file: String
    var issues: [ScenarioIssue] = []
    /// Keys the loader renamed to step past a duplicate key (see
    /// `ScenarioLoader.compose`): sentinel -> (the key as written, the index
    /// of its issue, whose path is filled in when the walk meets it).
    var sentinels: [String: (key: String, issue: Int)] = [:]
    /// The pools read, for the requisitions' `recruiters`/`interviewers`
    /// names (MODEL.md 21.1).
    var poolsRead: [PoolRole: [Pool]] = [:]

    init(file: String) { self.file = file }

    mutating func report(_ node: Node?, _ path: String, _ message: String, value: String? = nil) {
        issues.append(ScenarioIssue(file: file, line: node?.mark?.line, path: path, message: message, value: value))
    }

    mutating func report(line: Int?, _ path: String, _ message: String, value: String? = nil) {
        issues.append(ScenarioIssue(file: file, line: line, path: path, message: message, value: value))
    }

    /// Issues in the order of their lines (file-wide ones without a line last).
    var sortedIssues: [ScenarioIssue] {
        issues.enumerated()
            .sorted { ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset) }
            .map(\.element)
    }
}

// MARK: - Paths

enum FieldPath {
    /// `parent.key`, or `key` at the top.
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    /// The path of a list item: `list.NAME` where its `name` is an
    /// identifier, `list["free text"]` for another name, `list[index]`
    /// where it has none.
    static func item(_ list: String, _ item: Node, index: Int) -> String {
        var name: String?
        if case .mapping(let m) = item, let n = m["name"], case .scalar(let s) = n, !ScenarioReader.isNull(n) { name = s.string }
        return ScenarioRules.itemPath(list, name: name, index: index)
    }
}

// MARK: - Nodes

extension ScenarioReader {
    /// YAML 1.1 spellings of null and of the booleans (what Yams's default
    /// resolver reads), matched directly: resolving tags runs regular
    /// expressions and is much slower.
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trueWords: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falseWords: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// A scalar's explicit tag (`!!str 1`), nil where it has none.
    static func explicitTag(_ s: Node.Scalar) -> String? {
        let t = s.tag.rawValue
        return t.isEmpty || t == "!" ? nil : t
    }

    static func isQuoted(_ s: Node.Scalar) -> Bool { s.style == .singleQuoted || s.style == .doubleQuoted }

    /// A tag as written: `!!str` for YAML's own tags, `!name` for others.
    static func writtenTag(_ tag: String) -> String {
        let yaml = "tag:yaml.org,2002:"
        return tag.hasPrefix(yaml) ? "!!" + tag.dropFirst(yaml.count) : tag
    }

    /// Why a scalar's explicit tag does not fit a field that expects
    /// `expected` (whose own tags are `allowed`, such as `["int", "float"]`);
    /// nil where it has no tag or an allowed one.
    static func tagProblem(_ s: Node.Scalar, expected: String, allowed: [String]) -> String? {
        guard let tag = explicitTag(s), !allowed.contains(where: { tag == "tag:yaml.org,2002:" + $0 }) else { return nil }
        let written = writtenTag(tag)
        if written == "!!str" { return "is tagged !!str, which makes it text; write \(expected) without the tag" }
        return "has the tag \(written); write \(expected) without a tag"
    }

    /// A plain `~`, `null` or nothing at all.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, !isQuoted(s), s.style != .literal, s.style != .folded else { return false }
        return explicitTag(s) == nil ? nullWords.contains(s.string) : explicitTag(s) == Tag.Name.null.rawValue
    }

    /// What kind of node this is, for messages: "a mapping", "a list", "text".
    static func shape(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar: return isNull(node) ? "nothing" : "a single value"
        }
    }

    /// The node as written, in flow style, cut at `limit` characters.
    static func render(_ node: Node, limit: Int = 100) -> String {
        func r(_ n: Node) -> String {
            switch n {
            case .scalar(let s):
                if s.style == .doubleQuoted { return "\"" + s.string + "\"" }
                if s.style == .singleQuoted { return "'" + s.string + "'" }
                return s.string
            case .mapping(let m):
                return "{" + m.map { "\(r($0.key)): \(r($0.value))" }.joined(separator: ", ") + "}"
            case .sequence(let q):
                return "[" + q.map(r).joined(separator: ", ") + "]"
            case .alias:
                return "*alias"
            }
        }
        let s = r(node)
        return s.count > limit ? String(s.prefix(limit - 3)) + "..." : s
    }

    /// The keys of a mapping, as strings, with their nodes. Reports keys
    /// that are not plain text; skips (and locates) renamed duplicates.
    mutating func pairs(_ m: Node.Mapping, _ path: String) -> [(key: String, keyNode: Node, value: Node)] {
        var out: [(String, Node, Node)] = []
        for (k, v) in m {
            guard case .scalar(let s) = k, !ScenarioReader.isNull(k) else {
                report(k, path, "a key must be a plain name", value: ScenarioReader.render(k))
                continue
            }
            if let sentinel = sentinels[s.string] {
                issues[sentinel.issue].path = FieldPath.join(path, sentinel.key)
                continue
            }
            out.append((s.string, k, v))
        }
        return out
    }
}

// MARK: - Mappings of fields

/// The fields of one mapping, checked against the keys allowed there.
struct Fields {
    /// The mapping node (for the line of a missing field).
    let node: Node
    let path: String
    var values: [String: Node] = [:]
    /// Keys written with no value (already reported).
    var empty: Set<String> = []

    subscript(_ key: String) -> Node? { values[key] }
    func path(_ key: String) -> String { FieldPath.join(path, key) }
    func has(_ key: String) -> Bool { values[key] != nil }
}

extension ScenarioReader {
    /// Reads a mapping of fields. Reports a node that is not a mapping
    /// (returning nil), keys that are not allowed here (naming those that
    /// are), and keys written without a value.
    mutating func fields(_ node: Node, _ path: String, allowed: [String], what: String? = nil) -> Fields? {
        guard case .mapping(let m) = node else {
            let label = what ?? "a mapping"
            if ScenarioReader.isNull(node) {
                report(node, path, "is empty; expected \(label) with fields \(allowed.joined(separator: ", ")), or remove the line")
            } else {
                report(node, path, "expected \(label) with fields \(allowed.joined(separator: ", ")), not \(ScenarioReader.shape(node))",
                       value: ScenarioReader.render(node))
            }
            return nil
        }
        var f = Fields(node: node, path: path)
        for (key, keyNode, value) in pairs(m, path) {
            guard allowed.contains(key) else {
                var message = "unknown field '\(key)'"
                if let guess = Suggest.closest(key, among: allowed) {
                    message += "; did you mean '\(guess)'? Allowed here: "
                } else {
                    message += "; allowed here: "
                }
                message += allowed.joined(separator: ", ")
                report(keyNode, FieldPath.join(path, key), message)
                continue
            }
            if ScenarioReader.isNull(value) {
                report(keyNode, FieldPath.join(path, key), "has no value; write one or remove the line")
                f.empty.insert(key)
                continue
            }
            f.values[key] = value
        }
        return f
    }

    /// Reports a required field that is absent (unless written empty, which
    /// was reported already).
    mutating func missing(_ f: Fields, _ key: String, _ hint: String = "") {
        guard !f.empty.contains(key) else { return }
        report(f.node, f.path(key), "missing required field '\(key)'" + hint)
    }
}
