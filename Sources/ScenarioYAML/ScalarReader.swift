import Foundation
import FunnelModel
import Yams

/// Reading single YAML values: numbers (decimal only, never quoted, never
/// NaN), whole numbers, text, booleans and dates, each refused with a
/// message that says what to write instead.
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
