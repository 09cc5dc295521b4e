import Foundation
import FunnelModel
import Sampling
import Yams

/// The scenario file's top level and its shared sections (calendar,
/// weather, budget, pools, costs), MODEL.md section 15.
extension ScenarioReader {
    static let topKeys = [
        "name", "start", "horizon_days", "trials", "seed", "calendar", "weather", "budget",
        "recruiters", "interviewers", "costs", "requisitions", "interventions",
    ]
    static let requisitionKeys = [
        "name", "openings", "opens_day", "deadline", "sourcing", "candidate", "stages", "decision",
        "offer", "background_check", "notice_days", "renege", "recruiters", "interviewers",
    ]
    static let stageKeys = ["name", "interview", "hr_workdays", "recruiter_hours", "interviewer_hours", "no_show", "pass"]

    /// The whole scenario; nil where the top level is unusable. Interventions
    /// are read last, against the parameter paths of what was read.
    mutating func scenario(_ root: Node) -> Scenario? {
        guard case .mapping = root else {
            report(root, "", "a scenario file must be a mapping of fields (name, start, requisitions, ...), not \(ScenarioReader.shape(root))",
                   value: ScenarioReader.render(root))
            return nil
        }
        guard let top = fields(root, "", allowed: ScenarioReader.topKeys) else { return nil }

        var name = ""
        if let n = top["name"] {
            if let t = text(n, "name") {
                if let problem = ScenarioRules.emptyNameProblem(t) {
                    report(n, "name", problem)
                } else {
                    name = t
                }
            }
        } else {
            missing(top, "name", " (a short title for the plan)")
        }

        var start: CivilDate?
        if let n = top["start"] { start = date(n, "start") } else { missing(top, "start", " (the plan's first day, YYYY-MM-DD)") }

        // The defaults are the value types' own.
        var s = Scenario(name: name, start: start ?? CivilDate(dayNumber: 0), requisitions: [])
        var horizon: Double? = s.horizonDays
        if let n = top["horizon_days"] {
            horizon = plainNumber(n, "horizon_days")
            if let h = horizon, let problem = ScenarioRules.horizonProblem(h) {
                report(n, "horizon_days", problem, value: ScenarioReader.render(n))
                horizon = nil
            }
        }
        if let horizon { s.horizonDays = horizon }
        if let n = top["trials"], let t = integer(n, "trials", minimum: 1) { s.trials = t }
        if let n = top["seed"], let v = seedValue(n, "seed") { s.seed = v }

        if let n = top["calendar"] { s.calendar = calendar(n) }
        if let n = top["weather"] { s.weather = section(n, "weather", Weather(), Weather.Field.allCases) }
        if let n = top["budget"] { s.budget = budget(n, start: start) }
        s.recruiterPools = top["recruiters"].map { pools($0, .recruiters) } ?? []
        s.interviewerPools = top["interviewers"].map { pools($0, .interviewers) } ?? []
        poolsRead = [.recruiters: s.recruiterPools, .interviewers: s.interviewerPools]
        if let n = top["costs"] { s.costs = section(n, "costs", Costs(), Costs.Field.allCases) }
        s.requisitions = requisitions(top, start: start, horizon: horizon)
        if let n = top["interventions"] {
            // A pool written but unusable was reported already: no second issue for it.
            let written = Set(["recruiters", "interviewers"].filter { top.has($0) || top.empty.contains($0) })
            s.interventions = interventions(n, scenario: s, writtenPools: written)
        }
        return s
    }

    /// The seed: a whole number in 0 ... UInt64.max (read exactly, not through a double).
    mutating func seedValue(_ node: Node, _ path: String) -> UInt64? {
        if case .scalar(let s) = node, !ScenarioReader.isQuoted(s) {
            var t = s.string.replacingOccurrences(of: "_", with: "")
            if t.hasPrefix("+") { t.removeFirst() }
            if let v = UInt64(t) { return v }
        }
        if case .mapping = node {
            report(node, path, "must be a plain whole number, not a distribution", value: ScenarioReader.render(node))
            return nil
        }
        guard let v = number(node, path, expected: "a whole number") else { return nil }
        let written = ScenarioReader.render(node)
        if v != v.rounded() {
            report(node, path, "must be a whole number", value: written)
        } else if v < 0 {
            report(node, path, "must be at least 0", value: written)
        } else {
            report(node, path, "is too large (at most \(UInt64.max))", value: written)
        }
        return nil
    }

    // MARK: Shared resources

    mutating func calendar(_ node: Node) -> CalendarSpec {
        var c = CalendarSpec()
        guard let f = fields(node, "calendar", allowed: ["workdays", "holidays", "seasonality"]) else { return c }
        if let w = f["workdays"], let days = workdays(w, f.path("workdays")) { c.workdays = days }
        if let h = f["holidays"] { c.holidays = holidays(h, f.path("holidays")) }
        if let n = f["seasonality"] { c.seasonality = seasonality(n, f.path("seasonality")) }
        return c
    }

    /// `calendar.seasonality` (MODEL.md 21.6): month keys (jan ... dec) to
    /// multipliers `D >= 0`; a month not written is 1. A key that is no
    /// month is reported with the closest month.
    mutating func seasonality(_ node: Node, _ path: String) -> Seasonality? {
        let months = Month.allCases.map(\.name)
        guard case .mapping(let m) = node else {
            report(node, path, "expected a mapping of months to multipliers such as {jan: 1.2, dec: 0.6}, not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return nil
        }
        var s = Seasonality()
        var seen: Set<Month> = []
        for (key, keyNode, value) in pairs(m, path) {
            let kpath = FieldPath.join(path, key)
            guard let month = Month(name: key.lowercased()) else {
                var message = "'\(key)' is not a month"
                let prefix = String(key.lowercased().prefix(3))
                if let guess = Month(name: prefix)?.name ?? Suggest.closest(key, among: months) {
                    message += "; did you mean '\(guess)'?"
                }
                report(keyNode, kpath, message + " Months: " + months.joined(separator: ", "), value: key)
                continue
            }
            guard seen.insert(month).inserted else {
                report(keyNode, kpath, "month listed twice", value: key)
                continue
            }
            if ScenarioReader.isNull(value) {
                report(keyNode, kpath, "has no value; write one or remove the line")
                continue
            }
            if let q = quantity(value, FieldPath.join(path, month.name), kind: ParameterID.season(month).kind) { s[month] = q }
        }
        return s
    }

    mutating func workdays(_ node: Node, _ path: String) -> [Weekday]? {
        let names = Weekday.allCases.map(\.name).joined(separator: ", ")
        guard case .sequence(let seq) = node else {
            report(node, path, "expected a list of days such as [mon, tue, wed, thu, fri], not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return nil
        }
        guard !seq.isEmpty else {
            report(node, path, ScenarioRules.noWorkdays(), value: "[]")
            return nil
        }
        var days: [Weekday] = []
        var ok = true
        for (i, item) in seq.enumerated() {
            let ipath = path + "[\(i)]"
            let written = ScenarioReader.render(item)
            guard case .scalar(let s) = item, let day = Weekday.allCases.first(where: { $0.name == s.string.lowercased() }) else {
                report(item, ipath, "unknown day; use \(names)", value: written)
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

    mutating func holidays(_ node: Node, _ path: String) -> [Holiday] {
        guard case .sequence(let seq) = node else {
            report(node, path, "expected a list of holidays ({name, from, to}), not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return []
        }
        var out: [Holiday] = []
        for (i, item) in seq.enumerated() {
            let ipath = FieldPath.item(path, item, index: i)
            guard let f = fields(item, ipath, allowed: ["name", "from", "to"], what: "a holiday mapping") else { continue }
            let name = f["name"].flatMap { text($0, f.path("name")) } ?? ""
            guard let fromNode = f["from"] else {
                missing(f, "from", " (first day of the holiday, YYYY-MM-DD)")
                continue
            }
            guard let from = date(fromNode, f.path("from")) else { continue }
            var to = from
            if let toNode = f["to"] {
                guard let t = date(toNode, f.path("to")) else { continue }
                guard from <= t else {
                    report(toNode, f.path("to"), ScenarioRules.holidayEndsBeforeStart(from: from), value: t.description)
                    continue
                }
                to = t
            }
            out.append(Holiday(name: name, from: from, to: to))
        }
        return out
    }

    /// A section of numeric fields only (weather, costs): each field written
    /// replaces the default `value` holds.
    mutating func section<F: QuantityField>(_ node: Node, _ path: String, _ value: F.Root, _ list: [F]) -> F.Root {
        var v = value
        guard let f = fields(node, path, allowed: list.map(\.key)) else { return v }
        read(f, into: &v, list)
        return v
    }

    mutating func budget(_ node: Node, start: CivilDate?) -> Budget {
        var b = Budget()
        guard let f = fields(node, "budget", allowed: Budget.Field.allCases.map(\.key) + ["freeze_windows"]) else { return b }
        read(f, into: &b, Budget.Field.allCases)
        if let n = f["freeze_windows"] { b.freezeWindows = freezeWindows(n, f.path("freeze_windows"), start: start) }
        if let problem = ScenarioRules.freezeDaysProblem(b), !f.has("freeze_days"), !f.empty.contains("freeze_days") {
            report(f.node, f.path("freeze_days"), problem, value: "freezes_per_year \(ScenarioReader.render(f["freezes_per_year"]!))")
        }
        return b
    }

    /// `budget.freeze_windows` (MODEL.md 21.7): `{name, from, to}` items,
    /// dates inclusive (`to` defaults to `from`), checked by
    /// `ScenarioRules.freezeWindowProblems` at the line of the bad date.
    mutating func freezeWindows(_ node: Node, _ path: String, start: CivilDate?) -> [FreezeWindow] {
        guard case .sequence(let seq) = node else {
            report(node, path, "expected a list of freeze windows ({name, from, to}), not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return []
        }
        var out: [FreezeWindow] = []
        var nodes: [(from: Node, to: Node, path: String)] = []
        for (i, item) in seq.enumerated() {
            let ipath = FieldPath.item(path, item, index: i)
            guard let f = fields(item, ipath, allowed: ["name", "from", "to"], what: "a freeze window mapping") else { continue }
            let name = f["name"].flatMap { text($0, f.path("name")) } ?? ""
            guard let fromNode = f["from"] else {
                missing(f, "from", " (first day of the freeze, YYYY-MM-DD)")
                continue
            }
            guard let from = date(fromNode, f.path("from")) else { continue }
            var to = from
            let toNode = f["to"] ?? fromNode
            if let n = f["to"] {
                guard let t = date(n, f.path("to")) else { continue }
                to = t
            }
            out.append(FreezeWindow(name: name, from: from, to: to))
            nodes.append((fromNode, toNode, ipath))
        }
        guard let start else { return out }
        let problems = ScenarioRules.freezeWindowProblems(out, start: start)
        for p in problems {
            let n = nodes[p.index]
            report(p.field == "to" ? n.to : n.from, n.path + "." + p.field, p.message, value: p.value)
        }
        let bad = Set(problems.map(\.index))
        return out.indices.filter { !bad.contains($0) }.map { out[$0] }
    }

    /// A role's pools (MODEL.md 21.1): one mapping (the single form) or a
    /// list of named pools; unusable ones are reported and left out.
    mutating func pools(_ node: Node, _ role: PoolRole) -> [Pool] {
        let label = role.rawValue
        guard case .sequence(let seq) = node else { return pool(node, label).map { [$0] } ?? [] }
        guard !seq.isEmpty else {
            report(node, label, "a list of \(label) pools needs at least one pool (leave \(label) out for no limit)", value: "[]")
            return []
        }
        var names: [String: Int?] = [:]
        var out: [Pool] = []
        for (i, item) in seq.enumerated() {
            let path = FieldPath.item(label, item, index: i)
            guard let f = fields(item, path, allowed: Pool.Field.allCases.map(\.key) + ["discipline", "name"],
                                 what: "a pool mapping ({name, count, hours_per_week})") else { continue }
            let name = self.name(f, what: "pool", names: &names)
            guard var p = pool(item, path, named: true), let name else { continue }
            p.name = name
            out.append(p)
        }
        return out
    }

    /// A capacity pool; nil where absent or unusable (reported).
    mutating func pool(_ node: Node, _ path: String, named: Bool = false) -> Pool? {
        guard let f = fields(node, path, allowed: Pool.Field.allCases.map(\.key) + ["discipline"] + (named ? ["name"] : [])) else { return nil }
        var count: Int?
        if let n = f["count"] { count = integer(n, f.path("count"), minimum: 0) } else { missing(f, "count", " (0 means no limit)") }
        let hours = requiredQuantity(f, Pool.Field.hoursPerWeek.key, Pool.Field.hoursPerWeek.kind, " (hours each person gives per week)")
        if let count, let problem = ScenarioRules.poolHoursProblem(count: count, hours: hours), let h = f["hours_per_week"] {
            report(h, f.path("hours_per_week"), problem, value: ScenarioReader.render(h))
        }
        var discipline: PoolDiscipline?
        if let d = f["discipline"], let word = text(d, f.path("discipline")) {
            if let chosen = PoolDiscipline(rawValue: word) {
                discipline = chosen
            } else {
                let names = PoolDiscipline.allCases.map(\.rawValue)
                var problem = "must be one of \(names.joined(separator: ", "))"
                if let guess = Suggest.closest(word, among: names) { problem += "; did you mean '\(guess)'?" }
                report(d, f.path("discipline"), problem, value: word)
            }
        }
        guard let count else { return nil }
        var pool = Pool(count: count, hoursPerWeek: hours)
        if let discipline { pool.discipline = discipline }
        return pool
    }
}
