import Foundation
import FunnelModel
import Yams

/// A requisition's cohort starts (`start_days`, `start_dates`, MODEL.md
/// 21.8) and openings in batches (`openings: [{count, deadline}]`, 21.9).
extension ScenarioReader {
    /// `start_days` or `start_dates` (not both) into `r`.
    mutating func cohortStarts(_ f: Fields, into r: inout Requisition, start: CivilDate?) {
        if let n = f["start_days"], let days = startDays(n, f.path("start_days")) { r.startDays = days }
        if let n = f["start_dates"], let dates = startDates(n, f.path("start_dates"), start: start) { r.startDates = dates }
        if f["start_days"] != nil, let n = f["start_dates"] {
            report(n, f.path("start_dates"), ScenarioRules.startDaysAndDates, value: ScenarioReader.render(n))
        }
    }

    /// A list of weekday names; an unknown one is reported with the closest name.
    mutating func startDays(_ node: Node, _ path: String) -> [Weekday]? {
        let names = Weekday.allCases.map(\.name)
        guard case .sequence(let seq) = node else {
            report(node, path, "expected a list of days such as [mon], not \(ScenarioReader.shape(node))", value: ScenarioReader.render(node))
            return nil
        }
        guard !seq.isEmpty else {
            report(node, path, ScenarioRules.noStartDays, value: "[]")
            return nil
        }
        var days: [Weekday] = []
        var ok = true
        for (i, item) in seq.enumerated() {
            let ipath = path + "[\(i)]"
            let written = ScenarioReader.render(item)
            guard case .scalar(let s) = item, let day = Weekday.allCases.first(where: { $0.name == s.string.lowercased() }) else {
                var problem = "unknown day; use \(names.joined(separator: ", "))"
                if case .scalar(let s) = item, let guess = ScenarioReader.closestDay(s.string) { problem += "; did you mean '\(guess)'?" }
                report(item, ipath, problem, value: written)
                ok = false
                continue
            }
            if days.contains(day) {
                report(item, ipath, ScenarioRules.dayListedTwice, value: written)
                ok = false
                continue
            }
            days.append(day)
        }
        return ok ? days.sorted { $0.rawValue < $1.rawValue } : nil
    }

    /// The weekday a mistyped or spelled-out name means (`Monday`, `tues`, `wedn`).
    static func closestDay(_ word: String) -> String? {
        let w = word.lowercased().trimmingCharacters(in: .whitespaces)
        let names = Weekday.allCases.map(\.name)
        if w.count >= 3, let byPrefix = names.first(where: { w.hasPrefix($0) }) { return byPrefix }
        let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let guess = Suggest.closest(w, among: full) { return String(guess.prefix(3)) }
        return Suggest.closest(w, among: names)
    }

    /// A list of dates on or after the plan's start, none twice; sorted.
    mutating func startDates(_ node: Node, _ path: String, start: CivilDate?) -> [CivilDate]? {
        guard case .sequence(let seq) = node else {
            report(node, path, "expected a list of dates such as [2027-03-01], not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return nil
        }
        guard !seq.isEmpty else {
            report(node, path, ScenarioRules.noStartDays, value: "[]")
            return nil
        }
        var dates: [CivilDate] = []
        var ok = true
        for (i, item) in seq.enumerated() {
            let ipath = path + "[\(i)]"
            guard let d = date(item, ipath) else { ok = false; continue }
            if let start, d < start {
                report(item, ipath, ScenarioRules.startDateBeforeStart(start: start), value: d.description)
                ok = false
            } else if dates.contains(d) {
                report(item, ipath, ScenarioRules.dateListedTwice, value: d.description)
                ok = false
            } else {
                dates.append(d)
            }
        }
        return ok ? dates.sorted() : nil
    }

    /// `openings` as a list of batches: counts >= 1, deadlines in order and
    /// each a valid deadline (MODEL.md 17.3). Sets `openings` to the sum and
    /// `deadline` to the last batch's; a `deadline` written too is an error.
    mutating func batches(_ node: Node, _ f: Fields, into r: inout Requisition, start: CivilDate?, horizon: Double?) {
        let path = f.path("openings")
        guard case .sequence(let seq) = node else { return }
        guard !seq.isEmpty else {
            report(node, path, ScenarioRules.noBatches, value: "[]")
            return
        }
        var out: [OpeningBatch] = []
        var ok = true
        for (i, item) in seq.enumerated() {
            let ipath = path + "[\(i)]"
            guard let b = fields(item, ipath, allowed: ["count", "deadline"], what: "a batch mapping ({count, deadline})") else {
                ok = false
                continue
            }
            var count: Int?
            if let n = b["count"] {
                if case .scalar = n, let v = plainNumber(n, b.path("count")) {
                    if v != v.rounded() || v > Double(Int32.max) {
                        report(n, b.path("count"), "must be a whole number", value: ScenarioReader.render(n))
                    } else if v < 1 {
                        report(n, b.path("count"), ScenarioRules.batchCountTooSmall, value: ScenarioReader.render(n))
                    } else {
                        count = Int(v)
                    }
                } else if case .mapping = n {
                    report(n, b.path("count"), "must be a plain whole number, not a distribution", value: ScenarioReader.render(n))
                }
            } else {
                missing(b, "count", " (openings in this batch)")
            }
            var deadline: CivilDate?
            if let n = b["deadline"] {
                deadline = date(n, b.path("deadline"))
                if let d = deadline, let previous = out.last?.deadline, d <= previous {
                    report(n, b.path("deadline"), ScenarioRules.batchDeadlineOutOfOrder(previous: previous), value: d.description)
                    deadline = nil
                } else if let d = deadline, let start, let horizon,
                          case .deadline(let message)? = ScenarioRules.dateProblem(opensDay: r.opensDay, deadline: d, start: start,
                                                                                   horizon: horizon) {
                    report(n, b.path("deadline"), message, value: "\(d), day \(d - start)")
                    deadline = nil
                }
            } else {
                missing(b, "deadline", " (the date this batch's openings are due, YYYY-MM-DD)")
            }
            guard let count, let deadline else { ok = false; continue }
            out.append(OpeningBatch(count: count, deadline: deadline))
        }
        if let n = f["deadline"] { report(n, f.path("deadline"), ScenarioRules.batchDeadlineWithDeadline, value: ScenarioReader.render(n)) }
        guard ok else { return }
        r.batches = out
        r.openings = Quantity(Double(out.reduce(0) { $0 + $1.count }), kind: Requisition.Field.openings.kind)
        r.deadline = out.last?.deadline
    }
}
