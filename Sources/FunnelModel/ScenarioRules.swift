import Foundation
import Sampling

/// The rules a scenario keeps beyond each field's range (MODEL.md sections
/// 15 and 17): names, the horizon, pools, freezes, dates. Each rule says
/// what is wrong in the words a planner reads; the YAML reader reports
/// them at the line they were written on, `Scenario.validationIssues` at
/// the path of a scenario built in code.
public enum ScenarioRules {
    /// The longest horizon, in days.
    public static let maxHorizonDays = 1e6

    /// Why `days` cannot be the horizon, or nil.
    public static func horizonProblem(_ days: Double) -> String? {
        if !(days > 0) { return "must be greater than 0" }
        if days > maxHorizonDays { return "is too large (at most 1000000 days)" }
        return nil
    }

    /// Why `name` cannot name the plan or a list item, or nil.
    public static func emptyNameProblem(_ name: String) -> String? {
        name.trimmingCharacters(in: .whitespaces).isEmpty ? "must not be empty" : nil
    }

    /// True for names usable as a path segment: `[A-Za-z0-9_-]+` (MODEL.md 17.1).
    public static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
        }
    }

    /// Names a requisition may not take: `plan` names the whole plan in the outputs.
    public static let reservedRequisitionNames = ["plan"]

    /// Why a requisition's or stage's (`what`) name is unusable as a path
    /// segment, or nil.
    public static func identifierProblem(_ name: String, what: String, reserved: [String] = []) -> String? {
        if !isIdentifier(name) { return "a \(what) name may use only letters, digits, '_' and '-'" }
        if reserved.contains(name) {
            return "'\(name)' is reserved (it names the whole plan in the outputs); choose another name"
        }
        return nil
    }

    /// The `channel` of funnel.csv's and channels.csv's rows that count a
    /// whole requisition (or the plan), so no channel may take the name.
    public static let allChannels = "all"
    public static let reservedChannelName =
        "'all' is reserved (it names a requisition's total in funnel.csv's channel column); choose another name"

    /// Two items of one list with the same name; `firstLine` where known.
    public static func duplicateName(_ name: String, what: String, firstLine: Int?) -> String {
        let at = firstLine.map { " (first on line \($0))" } ?? ""
        return "two \(what)s are called '\(name)'\(at); names must be unique"
    }

    public static let noRequisitions = "needs at least one requisition"
    public static let noStages = "needs at least one stage"
    public static let negativeOpensDay = "must not be negative"

    /// opens_day given as a date before the plan's start.
    public static func opensBeforeStart(start: CivilDate) -> String {
        "is before the plan's start (\(start)); give a date on or after it, or a number of days after the start"
    }

    /// A pool with people needs hours (a count of 0 means no limit).
    public static func poolHoursProblem(count: Int, hours: Quantity) -> String? {
        count > 0 && hours.distribution == .constant(0)
            ? "must be greater than 0 for a pool of \(count) (a count of 0 means no limit)" : nil
    }

    /// A pool of a list of several that has no name (MODEL.md 21.1).
    public static func unnamedPool(_ role: PoolRole) -> String {
        "missing: name (a list of \(role.rawValue) pools names each one, so requisitions can say which they draw on)"
    }

    /// Why requisition field `role` cannot name `name` among `pools`, or nil.
    public static func poolNameProblem(_ name: String, role: PoolRole, pools: [Pool]) -> String? {
        let label = role.rawValue
        if pools.isEmpty { return "the plan has no \(label) pool to name; add a list of named pools under \(label)" }
        let names = pools.compactMap(\.name)
        if names.isEmpty {
            return "\(label) is one pool without a name; write \(label) as a list of named pools ([{name, count, hours_per_week}, ...]) to choose between them"
        }
        if names.contains(name) { return nil }
        var message = "no \(label) pool is called '\(name)'"
        let close = Suggest.closestPaths(name, names, count: 3)
        message += close.isEmpty ? "; the pools are \(names.joined(separator: ", "))" : "; closest: \(close.joined(separator: ", "))"
        return message
    }

    /// Freezes need their length.
    public static func freezeDaysProblem(_ budget: Budget) -> String? {
        budget.freezesPerYear.distribution != .constant(0) && budget.freezeDays == nil
            ? "missing: freeze_days (how long a freeze lasts) is required when freezes_per_year is not 0" : nil
    }

    /// A field only interview stages have, set on another stage.
    public static func interviewOnly(_ field: Stage.Field) -> String {
        "only interview stages have \(field.rawValue); add 'interview: true' to this stage or remove the field"
    }

    public static func noWorkdays() -> String {
        "must list at least one working day (\(Weekday.allCases.map(\.name).joined(separator: ", ")))"
    }

    public static let dayListedTwice = "day listed twice"

    public static func holidayEndsBeforeStart(from: CivilDate) -> String { "the holiday ends before it starts (from \(from))" }

    // MARK: Cohort starts and batches (MODEL.md 21.8-21.9)

    public static let startDaysAndDates = "give start_days or start_dates, not both"
    public static let noStartDays = "must list at least one day (or leave the field out: any day)"

    /// A cohort start date before the plan's start.
    public static func startDateBeforeStart(start: CivilDate) -> String {
        "is before the plan's start (\(start)); list only dates on or after it"
    }

    public static let dateListedTwice = "date listed twice"
    public static let noBatches = "must list at least one batch ({count, deadline}), or be a whole number"
    public static let batchCountTooSmall = "a batch needs at least 1 opening"
    public static let batchDeadlineWithDeadline = "give the deadlines in the batches (openings: [{count, deadline}]), not here too"

    /// A batch deadline not after the previous batch's.
    public static func batchDeadlineOutOfOrder(previous: CivilDate) -> String {
        "must be after the previous batch's deadline (\(previous)); list batches in deadline order"
    }

    /// A rule a freeze window breaks (MODEL.md 21.7): the window, the field
    /// to report at (`from` or `to`), the message and the value.
    public struct FreezeWindowProblem: Equatable, Sendable {
        public var index: Int
        public var field: String
        public var message: String
        public var value: String
    }

    /// The rules of `budget.freeze_windows` (docs/model.md, "Freeze
    /// windows"): `to` on or after `from`; `from` on or after the plan's
    /// start (a freeze that began before the plan has no start inside it,
    /// where its cancellations are drawn: write it from the plan's start);
    /// no two windows overlapping (they would stop the clock once but draw
    /// cancellations twice; adjacent windows are allowed).
    public static func freezeWindowProblems(_ windows: [FreezeWindow], start: CivilDate) -> [FreezeWindowProblem] {
        var out: [FreezeWindowProblem] = []
        var usable: [Int] = []
        for (i, w) in windows.enumerated() {
            if w.to < w.from {
                out.append(FreezeWindowProblem(index: i, field: "to", message: "the freeze window ends before it starts (from \(w.from))",
                                               value: w.to.description))
            } else if w.from < start {
                out.append(FreezeWindowProblem(
                    index: i, field: "from",
                    message: "is before the plan's start (\(start)); a freeze window starts on or after it (write from: \(start) for one already in force)",
                    value: w.from.description))
            } else {
                usable.append(i)
            }
        }
        for (k, i) in usable.enumerated() {
            let w = windows[i]
            if let j = usable[..<k].first(where: { windows[$0].from <= w.to && w.from <= windows[$0].to }) {
                let other = windows[j]
                let label = other.name.isEmpty ? "window \(j + 1)" : "'\(other.name)'"
                out.append(FreezeWindowProblem(
                    index: i, field: "from",
                    message: "overlaps the freeze window \(label) (\(other.from) to \(other.to)); merge them into one window or move one",
                    value: "\(w.from) to \(w.to)"))
            }
        }
        return out
    }

    /// Which date field breaks MODEL.md 17.3, and why.
    public enum DateProblem: Equatable {
        case deadline(String)
        case opensDay(String)
    }

    /// MODEL.md 17.3: with `deadline_day = deadline - start`, the deadline
    /// may not end before the opening (`deadline_day + 1 <= opens_day`) nor
    /// fall after the horizon's last day (`deadline_day > ceil(horizon) - 1`).
    /// Without a deadline the horizon's last day stands in for it.
    public static func dateProblem(opensDay: Double, deadline: CivilDate?, start: CivilDate, horizon: Double) -> DateProblem? {
        let lastDay = Int(horizon.rounded(.up)) - 1
        let lastDate = start.adding(days: lastDay)
        guard let deadline else {
            if Double(lastDay + 1) <= opensDay {
                return .opensDay("the requisition opens after the horizon's last day (day \(lastDay), \(lastDate)); raise horizon_days")
            }
            return nil
        }
        let day = deadline - start
        if day > lastDay {
            return .deadline("the deadline is after the horizon's last day (day \(lastDay), \(lastDate)); "
                             + "raise horizon_days or move the deadline")
        }
        if Double(day + 1) <= opensDay {
            let opening = opensDay <= Double(lastDay) ? ", \(start.adding(days: Int(opensDay.rounded(.down))))" : ""
            return .deadline("the deadline ends before the requisition opens (opens_day \(Distribution.format(opensDay))\(opening))")
        }
        return nil
    }
}
