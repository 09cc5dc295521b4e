import Foundation
import FunnelModel
import Sampling
import Yams

/// The scenario file, section by section (MODEL.md section 15), with the
/// defaults of the table there.
extension ScenarioReader {
    static let topKeys = [
        "name", "start", "horizon_days", "trials", "seed", "calendar", "weather", "budget",
        "recruiters", "interviewers", "costs", "requisitions", "interventions",
    ]
    static let requisitionKeys = [
        "name", "openings", "opens_day", "deadline", "sourcing", "candidate", "stages", "decision",
        "offer", "background_check", "notice_days", "renege",
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
                if t.trimmingCharacters(in: .whitespaces).isEmpty {
                    report(n, "name", "must not be empty")
                } else {
                    name = t
                }
            }
        } else {
            missing(top, "name", " (a short title for the plan)")
        }

        var start: CivilDate?
        if let n = top["start"] { start = date(n, "start") } else { missing(top, "start", " (the plan's first day, YYYY-MM-DD)") }

        var horizon: Double? = 365
        if let n = top["horizon_days"] {
            horizon = plainNumber(n, "horizon_days")
            if let h = horizon, !(h > 0) {
                report(n, "horizon_days", "must be greater than 0", value: ScenarioReader.render(n))
                horizon = nil
            } else if let h = horizon, h > 1e6 {
                report(n, "horizon_days", "is too large (at most 1000000 days)", value: ScenarioReader.render(n))
                horizon = nil
            }
        }

        var trials = 10_000
        if let n = top["trials"], let t = integer(n, "trials", minimum: 1) { trials = t }
        var seed: UInt64 = 1
        if let n = top["seed"], let s = seedValue(n, "seed") { seed = s }

        let calendar = top["calendar"].map { self.calendar($0) } ?? CalendarSpec()
        let weather = top["weather"].map { self.weather($0) } ?? Weather()
        let budget = top["budget"].map { self.budget($0) } ?? Budget()
        let recruiters = top["recruiters"].flatMap { pool($0, "recruiters") }
        let interviewers = top["interviewers"].flatMap { pool($0, "interviewers") }
        let costs = top["costs"].map { self.costs($0) } ?? Costs()
        let requisitions = self.requisitions(top, start: start, horizon: horizon)

        var s = Scenario(name: name, start: start ?? CivilDate(dayNumber: 0), horizonDays: horizon ?? 365,
                         trials: trials, seed: seed, calendar: calendar, weather: weather, budget: budget,
                         recruiters: recruiters, interviewers: interviewers, costs: costs,
                         requisitions: requisitions)
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
        guard let f = fields(node, "calendar", allowed: ["workdays", "holidays"]) else { return c }
        if let w = f["workdays"], let days = workdays(w, f.path("workdays")) { c.workdays = days }
        if let h = f["holidays"] { c.holidays = holidays(h, f.path("holidays")) }
        return c
    }

    mutating func workdays(_ node: Node, _ path: String) -> [Weekday]? {
        let names = Weekday.allCases.map(\.name).joined(separator: ", ")
        guard case .sequence(let seq) = node else {
            report(node, path, "expected a list of days such as [mon, tue, wed, thu, fri], not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return nil
        }
        guard !seq.isEmpty else {
            report(node, path, "must list at least one working day (\(names))", value: "[]")
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
                report(item, ipath, "day listed twice", value: written)
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
                    report(toNode, f.path("to"), "the holiday ends before it starts (from \(from))", value: t.description)
                    continue
                }
                to = t
            }
            out.append(Holiday(name: name, from: from, to: to))
        }
        return out
    }

    mutating func weather(_ node: Node) -> Weather {
        var w = Weather()
        guard let f = fields(node, "weather", allowed: ["bad_day_probability", "no_show_multiplier"]) else { return w }
        w.badDayProbability = quantity(f, "bad_day_probability", .probability, default: 0)
        w.noShowMultiplier = quantity(f, "no_show_multiplier", .nonNegative, default: 1)
        return w
    }

    mutating func budget(_ node: Node) -> Budget {
        var b = Budget()
        guard let f = fields(node, "budget", allowed: ["approval_days", "freezes_per_year", "freeze_days", "cancel_probability"])
        else { return b }
        b.approvalDays = quantity(f, "approval_days", .duration, default: 0)
        b.freezesPerYear = quantity(f, "freezes_per_year", .nonNegative, default: 0)
        b.freezeDays = quantity(f, "freeze_days", .duration)
        b.cancelProbability = quantity(f, "cancel_probability", .probability, default: 0)
        if b.freezesPerYear.distribution != .constant(0), !f.has("freeze_days"), !f.empty.contains("freeze_days") {
            report(f.node, f.path("freeze_days"),
                   "missing: freeze_days (how long a freeze lasts) is required when freezes_per_year is not 0",
                   value: "freezes_per_year \(ScenarioReader.render(f["freezes_per_year"]!))")
        }
        return b
    }

    /// A capacity pool; nil where absent or unusable (reported).
    mutating func pool(_ node: Node, _ path: String) -> Pool? {
        guard let f = fields(node, path, allowed: ["count", "hours_per_week"]) else { return nil }
        var count: Int?
        if let n = f["count"] { count = integer(n, f.path("count"), minimum: 0) } else { missing(f, "count", " (0 means no limit)") }
        let hours = requiredQuantity(f, "hours_per_week", .nonNegative, " (hours each person gives per week)")
        if let count, count > 0, hours.distribution == .constant(0), let h = f["hours_per_week"] {
            report(h, f.path("hours_per_week"), "must be greater than 0 for a pool of \(count) (a count of 0 means no limit)",
                   value: ScenarioReader.render(h))
        }
        guard let count else { return nil }
        return Pool(count: count, hoursPerWeek: hours)
    }

    mutating func costs(_ node: Node) -> Costs {
        var c = Costs()
        guard let f = fields(node, "costs", allowed: ["recruiter_hourly", "interviewer_hourly", "per_hire"]) else { return c }
        c.recruiterHourly = quantity(f, "recruiter_hourly", .nonNegative, default: 0)
        c.interviewerHourly = quantity(f, "interviewer_hourly", .nonNegative, default: 0)
        c.perHire = quantity(f, "per_hire", .nonNegative, default: 0)
        return c
    }

    // MARK: Requisitions

    mutating func requisitions(_ top: Fields, start: CivilDate?, horizon: Double?) -> [Requisition] {
        guard let node = top["requisitions"] else {
            missing(top, "requisitions", " (at least one)")
            return []
        }
        guard case .sequence(let seq) = node else {
            report(node, "requisitions", "expected a list of requisitions (- name: ...), not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return []
        }
        if seq.isEmpty { report(node, "requisitions", "needs at least one requisition", value: "[]") }
        var names: [String: Int?] = [:]
        var out: [Requisition] = []
        for (i, item) in seq.enumerated() {
            if let r = requisition(item, index: i, start: start, horizon: horizon, names: &names) { out.append(r) }
        }
        return out
    }

    /// A list item's name, unique among its siblings; for requisitions and
    /// stages (`identifier`) also `[A-Za-z0-9_-]+`. Returns the name even
    /// where it is wrong, for paths.
    mutating func name(_ f: Fields, what: String, names: inout [String: Int?], reserved: [String] = [],
                       identifier: Bool = true) -> String? {
        guard let node = f["name"] else {
            missing(f, "name")
            return nil
        }
        guard let name = text(node, f.path("name")) else { return nil }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            report(node, f.path("name"), "must not be empty")
            return name
        }
        if identifier && !FieldPath.isIdentifier(name) {
            report(node, f.path("name"), "a \(what) name may use only letters, digits, '_' and '-'", value: name)
        } else if reserved.contains(name) {
            report(node, f.path("name"), "'\(name)' is reserved (it names the whole plan in the outputs); choose another name",
                   value: name)
        }
        if let first = names[name] {
            let at = first.map { " (first on line \($0))" } ?? ""
            report(node, f.path("name"), "two \(what)s are called '\(name)'\(at); names must be unique", value: name)
        } else {
            names[name] = node.mark?.line
        }
        return name
    }

    mutating func requisition(_ item: Node, index: Int, start: CivilDate?, horizon: Double?,
                              names: inout [String: Int?]) -> Requisition? {
        let path = FieldPath.item("requisitions", item, index: index)
        guard let f = fields(item, path, allowed: ScenarioReader.requisitionKeys, what: "a requisition mapping") else { return nil }
        let name = self.name(f, what: "requisition", names: &names, reserved: ["plan"]) ?? "requisition\(index)"

        let openings = quantity(f, "openings", .integer(minimum: 1), default: 1)
        var opensDay = 0.0
        if let n = f["opens_day"], let v = plainNumber(n, f.path("opens_day")) {
            if v < 0 {
                report(n, f.path("opens_day"), "must not be negative", value: ScenarioReader.render(n))
            } else {
                opensDay = v
            }
        }
        var deadline: CivilDate?
        if let n = f["deadline"] { deadline = date(n, f.path("deadline")) }

        // Sourcing.
        var sourcing = Sourcing(applicantsPerWeek: Quantity(0, kind: .nonNegative))
        if let n = f["sourcing"] {
            if let s = fields(n, f.path("sourcing"), allowed: ["applicants_per_week", "initial_pool", "cost_per_applicant", "max_applicants"]) {
                sourcing.applicantsPerWeek = requiredQuantity(s, "applicants_per_week", .nonNegative)
                sourcing.initialPool = quantity(s, "initial_pool", .integer(minimum: 0), default: 0)
                sourcing.costPerApplicant = quantity(s, "cost_per_applicant", .nonNegative, default: 0)
                sourcing.maxApplicants = quantity(s, "max_applicants", .integer(minimum: 1))
            }
        } else {
            missing(f, "sourcing", " (with at least applicants_per_week)")
        }

        var candidate = CandidateBehaviour()
        if let n = f["candidate"],
           let c = fields(n, f.path("candidate"), allowed: ["competing_offers_per_week", "reply_days", "contact_failure"]) {
            candidate.competingOffersPerWeek = quantity(c, "competing_offers_per_week", .nonNegative, default: 0)
            candidate.replyDays = quantity(c, "reply_days", .duration, default: 0)
            candidate.contactFailure = quantity(c, "contact_failure", .probability, default: 0)
        }

        // Stages.
        var stages: [Stage] = []
        if let n = f["stages"] {
            if case .sequence(let seq) = n {
                if seq.isEmpty { report(n, f.path("stages"), "needs at least one stage", value: "[]") }
                var stageNames: [String: Int?] = [:]
                for (i, s) in seq.enumerated() {
                    if let stage = stage(s, index: i, parent: f.path("stages"), names: &stageNames) { stages.append(stage) }
                }
            } else {
                report(n, f.path("stages"), "expected a list of stages (- name: ...), not \(ScenarioReader.shape(n))",
                       value: ScenarioReader.render(n))
            }
        } else {
            missing(f, "stages", " (at least one)")
        }

        var decision = Decision()
        if let n = f["decision"], let d = fields(n, f.path("decision"), allowed: ["slate_size", "max_wait_days"]) {
            decision.slateSize = quantity(d, "slate_size", .integer(minimum: 1), default: 1)
            decision.maxWaitDays = quantity(d, "max_wait_days", .duration)
        }

        var offer = Offer(accept: Quantity(0, kind: .probability))
        if let n = f["offer"] {
            if let o = fields(n, f.path("offer"), allowed: ["hr_workdays", "recruiter_hours", "accept", "response_days"]) {
                offer.hrWorkdays = quantity(o, "hr_workdays", .duration, default: 0)
                offer.recruiterHours = quantity(o, "recruiter_hours", .duration, default: 0)
                offer.accept = requiredQuantity(o, "accept", .probability, " (probability that an offer is accepted)")
                offer.responseDays = quantity(o, "response_days", .duration, default: 0)
            }
        } else {
            missing(f, "offer", " (with at least accept)")
        }

        var check: BackgroundCheck?
        if let n = f["background_check"],
           let b = fields(n, f.path("background_check"),
                          allowed: ["workdays", "fail", "false_fail", "dispute", "dispute_days", "cost"]) {
            var c = BackgroundCheck()
            c.workdays = quantity(b, "workdays", .duration, default: 0)
            c.fail = quantity(b, "fail", .probability, default: 0)
            c.falseFail = quantity(b, "false_fail", .probability, default: 0)
            c.dispute = quantity(b, "dispute", .probability, default: 0)
            c.disputeDays = quantity(b, "dispute_days", .duration, default: 0)
            c.cost = quantity(b, "cost", .nonNegative, default: 0)
            check = c
        }

        var r = Requisition(name: name, sourcing: sourcing, stages: stages, offer: offer)
        r.openings = openings
        r.opensDay = opensDay
        r.deadline = deadline
        r.candidate = candidate
        r.decision = decision
        r.backgroundCheck = check
        r.noticeDays = quantity(f, "notice_days", .duration, default: 0)
        r.renege = quantity(f, "renege", .probability, default: 0)

        checkDates(f, opensDay: opensDay, deadline: deadline, start: start, horizon: horizon)
        return r
    }

    /// MODEL.md 17.3: with `deadline_day = deadline - start`, the deadline
    /// may not end before the opening (`deadline_day + 1 <= opens_day`) nor
    /// fall after the horizon's last day (`deadline_day > ceil(horizon) - 1`).
    /// Without a deadline the horizon's last day stands in for it.
    mutating func checkDates(_ f: Fields, opensDay: Double, deadline: CivilDate?, start: CivilDate?, horizon: Double?) {
        guard let start, let horizon else { return }
        let lastDay = Int(horizon.rounded(.up)) - 1
        let lastDate = start.adding(days: lastDay)
        guard let deadline, let node = f["deadline"] else {
            if Double(lastDay + 1) <= opensDay, let n = f["opens_day"] {
                report(n, f.path("opens_day"),
                       "the requisition opens after the horizon's last day (day \(lastDay), \(lastDate)); raise horizon_days",
                       value: ScenarioReader.render(n))
            }
            return
        }
        let day = deadline - start
        if day > lastDay {
            report(node, f.path("deadline"),
                   "the deadline is after the horizon's last day (day \(lastDay), \(lastDate)); raise horizon_days or move the deadline",
                   value: "\(deadline), day \(day)")
        } else if Double(day + 1) <= opensDay {
            let opening = opensDay <= Double(lastDay) ? ", \(start.adding(days: Int(opensDay.rounded(.down))))" : ""
            report(node, f.path("deadline"),
                   "the deadline ends before the requisition opens (opens_day \(Distribution.format(opensDay))\(opening))",
                   value: "\(deadline), day \(day)")
        }
    }

    mutating func stage(_ item: Node, index: Int, parent: String, names: inout [String: Int?]) -> Stage? {
        let path = FieldPath.item(parent, item, index: index)
        guard let f = fields(item, path, allowed: ScenarioReader.stageKeys, what: "a stage mapping") else { return nil }
        let name = self.name(f, what: "stage", names: &names) ?? "stage\(index)"
        var interview = false
        var interviewKnown = true
        if let n = f["interview"] {
            if let b = bool(n, f.path("interview")) { interview = b } else { interviewKnown = false }
        }
        var s = Stage(name: name, interview: interview, pass: Quantity(0, kind: .probability))
        s.hrWorkdays = quantity(f, "hr_workdays", .duration, default: 0)
        s.recruiterHours = quantity(f, "recruiter_hours", .duration, default: 0)
        s.interviewerHours = quantity(f, "interviewer_hours", .duration, default: 0)
        s.noShow = quantity(f, "no_show", .probability, default: 0)
        s.pass = requiredQuantity(f, "pass", .probability, " (probability that a candidate passes this stage)")
        if !interview && interviewKnown {
            for key in ["interviewer_hours", "no_show"] {
                if let n = f[key] {
                    report(n, f.path(key), "only interview stages have \(key); add 'interview: true' to this stage or remove the field",
                           value: ScenarioReader.render(n))
                }
            }
        }
        return s
    }
}
