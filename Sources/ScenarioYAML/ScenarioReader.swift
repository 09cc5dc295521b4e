import Foundation
import FunnelModel
import Yams

/// Walks a composed YAML tree, collecting every problem as a
/// `ScenarioIssue` instead of stopping at the first (the loader's
/// internals; `ScenarioLoader` is the public face).
///
/// Readers return nil (or a placeholder) where a value is unusable and keep
/// going, so one run reports everything that is wrong in a file.
struct ScenarioReader {
    let file: String
    var issues: [ScenarioIssue] = []
    /// Keys the loader renamed to step past a duplicate key (see
    /// `ScenarioLoader.compose`): sentinel -> (the key as written, the index
    /// of its issue, whose path is filled in when the walk meets it).
    var sentinels: [String: (key: String, issue: Int)] = [:]

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

    /// True for names usable as a path segment: `[A-Za-z0-9_-]+` (MODEL.md 17.1).
    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
        }
    }

    /// The path of a list item: `list.NAME` where its `name` is an
    /// identifier, `list["free text"]` for another name, `list[index]`
    /// where it has none.
    static func item(_ list: String, _ item: Node, index: Int) -> String {
        if case .mapping(let m) = item, let n = m["name"], case .scalar(let s) = n, !s.string.isEmpty,
           !ScenarioReader.isNull(n) {
            if isIdentifier(s.string) { return join(list, s.string) }
            return list + "[\"" + s.string + "\"]"
        }
        return list + "[\(index)]"
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

// MARK: - Scalars

extension ScenarioReader {
    /// Words YAML reads as infinities or NaN.
    static func isNonFiniteWord(_ text: String) -> Bool {
        let t = text.lowercased()
        return [".nan", ".inf", "+.inf", "-.inf", "nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]
            .contains(t)
    }

    /// A decimal number as written in YAML (underscores allowed between
    /// digits); nil for anything else, hex, octal and sexagesimal included.
    static func decimal(_ raw: String) -> Double? {
        let text = raw.replacingOccurrences(of: "_", with: "")
        var chars = Array(text.unicodeScalars)
        guard !chars.isEmpty else { return nil }
        if chars[0] == "+" || chars[0] == "-" { chars.removeFirst() }
        var i = 0
        func digits() -> Int {
            let s = i
            while i < chars.count, chars[i] >= "0", chars[i] <= "9" { i += 1 }
            return i - s
        }
        var mantissa = digits()
        if i < chars.count, chars[i] == "." { i += 1; mantissa += digits() }
        guard mantissa > 0 else { return nil }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == chars.count else { return nil }
        return Double(text)
    }

    /// A plain number. Reports (and returns nil for) mappings, lists, text,
    /// quoted numbers ("write the number without quotes"), NaN, infinities
    /// and numbers too large for a double.
    mutating func number(_ node: Node, _ path: String, expected: String = "a number") -> Double? {
        guard case .scalar(let s) = node else {
            report(node, path, "expected \(expected), not \(ScenarioReader.shape(node))", value: ScenarioReader.render(node))
            return nil
        }
        let text = s.string.trimmingCharacters(in: .whitespaces)
        if ScenarioReader.isQuoted(s) {
            if ScenarioReader.decimal(text) != nil || ScenarioReader.isNonFiniteWord(text) {
                report(node, path, "a number in quotes is text: write the number without quotes", value: ScenarioReader.render(node))
            } else {
                report(node, path, "expected \(expected)", value: ScenarioReader.render(node))
            }
            return nil
        }
        if ScenarioReader.isNull(node) {
            report(node, path, "has no value; expected \(expected)")
            return nil
        }
        if let problem = ScenarioReader.tagProblem(s, expected: "the number", allowed: ["int", "float"]) {
            report(node, path, problem, value: text)
            return nil
        }
        if let v = ScenarioReader.decimal(text) {
            guard v.isFinite else {
                report(node, path, "is too large", value: text)
                return nil
            }
            return v == 0 ? 0 : v   // -0 is 0
        }
        if ScenarioReader.isNonFiniteWord(text) {
            report(node, path, "must be a finite number (NaN and infinities are not allowed)", value: text)
        } else if text.contains(",") && ScenarioReader.decimal(text.replacingOccurrences(of: ",", with: ".")) != nil {
            report(node, path, "expected \(expected); write decimals with a point", value: text)
        } else {
            report(node, path, "expected \(expected)", value: text)
        }
        return nil
    }

    /// A whole number in `minimum...maximum`, never a distribution.
    mutating func integer(_ node: Node, _ path: String, minimum: Int, maximum: Int = Int(Int32.max)) -> Int? {
        if case .mapping = node {
            report(node, path, "must be a plain whole number, not a distribution", value: ScenarioReader.render(node))
            return nil
        }
        guard let v = number(node, path, expected: "a whole number") else { return nil }
        let text = ScenarioReader.render(node)
        guard v == v.rounded() else {
            report(node, path, "must be a whole number", value: text)
            return nil
        }
        guard v <= Double(maximum) else {
            report(node, path, "is too large (at most \(maximum))", value: text)
            return nil
        }
        guard v >= Double(minimum) else {
            report(node, path, "must be at least \(minimum)", value: text)
            return nil
        }
        return Int(v)
    }

    /// A plain number (never a distribution) for fields such as
    /// `horizon_days` and `opens_day`.
    mutating func plainNumber(_ node: Node, _ path: String) -> Double? {
        if case .mapping = node {
            report(node, path, "must be a plain number, not a distribution", value: ScenarioReader.render(node))
            return nil
        }
        return number(node, path)
    }

    /// Text: any single value (a number written as a name is its text).
    mutating func text(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let s) = node, !ScenarioReader.isNull(node) else {
            report(node, path, "expected text, not \(ScenarioReader.shape(node))", value: ScenarioReader.render(node))
            return nil
        }
        return s.string
    }

    /// `true` or `false`.
    mutating func bool(_ node: Node, _ path: String) -> Bool? {
        if case .scalar(let s) = node, !ScenarioReader.isQuoted(s) {
            if let problem = ScenarioReader.tagProblem(s, expected: "true or false", allowed: ["bool"]) {
                report(node, path, problem, value: s.string)
                return nil
            }
            if ScenarioReader.trueWords.contains(s.string) { return true }
            if ScenarioReader.falseWords.contains(s.string) { return false }
        }
        report(node, path, "expected true or false", value: ScenarioReader.render(node))
        return nil
    }

    /// A date written YYYY-MM-DD that exists.
    mutating func date(_ node: Node, _ path: String) -> CivilDate? {
        guard case .scalar(let s) = node, !ScenarioReader.isNull(node) else {
            report(node, path, "expected a date (YYYY-MM-DD), not \(ScenarioReader.shape(node))", value: ScenarioReader.render(node))
            return nil
        }
        let text = s.string.trimmingCharacters(in: .whitespaces)
        if let d = CivilDate(iso: text) { return d }
        report(node, path, ScenarioReader.dateProblem(text), value: text)
        return nil
    }

    /// What is wrong with a date that does not parse as YYYY-MM-DD, with
    /// the date rewritten where the intent is clear.
    static func dateProblem(_ text: String) -> String {
        func numbers(_ separator: Character) -> [Int]? {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { return nil }
            return parts.map { Int($0)! }
        }
        func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
            CivilDate(year: y, month: m, day: d).map(\.description)
        }
        let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, parts.allSatisfy(digits) {
            return "is not a date that exists"
        }
        // A date with a time: 2027-03-01T09:00:00Z, 2027-03-01 09:00.
        let head = text.prefix(10)
        if text.count > 10, let date = CivilDate(iso: String(head)),
           let next = text.dropFirst(10).first, next == "T" || next == "t" || next == " " {
            return "write only the date, without a time: \(date)"
        }
        // 2027-3-1, 2027/03/01.
        for separator: Character in ["-", "/", "."] {
            if let n = numbers(separator), String(n[0]).count == 4, text.split(separator: separator)[0].count == 4 {
                if let date = iso(n[0], n[1], n[2]) {
                    let how = separator == "-" ? "with two-digit months and days" : "with dashes"
                    return "write dates as YYYY-MM-DD, \(how): \(date)"
                }
                return "is not a date that exists; write dates as YYYY-MM-DD"
            }
        }
        // 01/03/2027, 1.3.2027: day and month are ambiguous.
        for separator: Character in ["/", ".", "-"] {
            if let n = numbers(separator), text.split(separator: separator)[2].count == 4 {
                let readings = Set([iso(n[2], n[1], n[0]), iso(n[2], n[0], n[1])].compactMap { $0 }).sorted()
                switch readings.count {
                case 2: return "write dates as YYYY-MM-DD (year first); \(text) could be \(readings[0]) or \(readings[1])"
                case 1: return "write dates as YYYY-MM-DD (year first): \(readings[0])"
                default: return "is not a date that exists; write dates as YYYY-MM-DD (year first)"
                }
            }
        }
        // 20270301.
        if text.count == 8, digits(Substring(text)), let date = iso(Int(text.prefix(4))!, Int(text.dropFirst(4).prefix(2))!,
                                                                     Int(text.suffix(2))!) {
            return "write dates as YYYY-MM-DD, with dashes: \(date)"
        }
        return "expected a date written YYYY-MM-DD, such as 2027-03-01"
    }
}
