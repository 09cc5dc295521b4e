import Foundation
import FunnelModel
import Sampling

/// Writes a scenario as YAML a person could have written (MODEL.md 15):
/// the template's values, with fitted values and their evidence comments
/// in place of the fields the history informs.
public struct ScenarioText {
    public let scenario: Scenario
    /// Fitted values by parameter path.
    public let fitted: [String: FittedParameter]
    /// Lines of the header comment.
    public let header: [String]

    public init(scenario: Scenario, fitted: [FittedParameter], header: [String]) {
        self.scenario = scenario
        var map: [String: FittedParameter] = [:]
        for f in fitted { map[f.path] = f }
        self.fitted = map
        self.header = header
    }

    /// A number as YAML: the shortest text that reads back to the same
    /// double, always with a decimal point or exponent a YAML 1.1 reader
    /// takes as a float, integers without ".0".
    public static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        var s = "\(v)"
        if s.contains("e") && !s.contains(".") { s = s.replacingOccurrences(of: "e", with: ".0e") }
        return s
    }

    /// `v` rounded to `digits` significant digits (5 for fitted values).
    public static func rounded(_ v: Double, digits: Int = 5) -> Double {
        guard v != 0, v.isFinite else { return v }
        let e = (log10(abs(v))).rounded(.down)
        let f = pow(10, Double(digits - 1) - e)
        return (v * f).rounded() / f
    }

    /// A number for the words of a comment: 3 significant digits.
    public static func short(_ v: Double) -> String { number(rounded(v, digits: 3)) }

    /// A distribution as a flow mapping (a constant as a plain number).
    public static func yaml(_ d: Distribution) -> String {
        let n = number
        switch d {
        case .constant(let v): return n(v)
        case .uniform(let a, let b): return "{dist: uniform, min: \(n(a)), max: \(n(b))}"
        case .triangular(let a, let c, let b): return "{dist: triangular, min: \(n(a)), mode: \(n(c)), max: \(n(b))}"
        case .pert(let a, let c, let b): return "{dist: pert, min: \(n(a)), mode: \(n(c)), max: \(n(b))}"
        case .normal(let m, let s): return "{dist: normal, mean: \(n(m)), sd: \(n(s))}"
        case .lognormal(let m, let s): return "{dist: lognormal, mu: \(n(m)), sigma: \(n(s))}"
        case .gamma(let k, let t): return "{dist: gamma, shape: \(n(k)), scale: \(n(t))}"
        case .exponential(let m): return "{dist: exponential, mean: \(n(m))}"
        case .weibull(let a, let b): return "{dist: weibull, scale: \(n(a)), shape: \(n(b))}"
        case .beta(let a, let b): return "{dist: beta, alpha: \(n(a)), beta: \(n(b))}"
        case .poisson(let m): return "{dist: poisson, mean: \(n(m))}"
        case .empirical(let t):
            return "{dist: empirical, values: [\(t.values.map(n).joined(separator: ", "))], weights: [\(t.probabilities.map(n).joined(separator: ", "))]}"
        }
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The whole file.
    public func render() -> String {
        var out = ""
        for h in header { out += h.isEmpty ? "#\n" : "# \(h)\n" }
        let s = scenario
        out += "name: \(Self.quoted(s.name))\n"
        out += "start: \(s.start)\n"
        out += "horizon_days: \(Self.number(s.horizonDays))\n"
        out += "trials: \(s.trials)\nseed: \(s.seed)\n\n"
        out += "calendar:\n  workdays: [\(s.calendar.workdays.map(\.name).joined(separator: ", "))]\n"
        if !s.calendar.holidays.isEmpty {
            out += "  holidays:\n"
            for h in s.calendar.holidays { out += "    - {name: \(Self.quoted(h.name)), from: \(h.from), to: \(h.to)}\n" }
        }
        out += "\nweather:\n"
        field(&out, 1, "bad_day_probability", "weather.bad_day_probability", s.weather.badDayProbability)
        field(&out, 1, "no_show_multiplier", "weather.no_show_multiplier", s.weather.noShowMultiplier)
        out += "\nbudget:\n"
        field(&out, 1, "approval_days", "budget.approval_days", s.budget.approvalDays)
        let freezes = field(&out, 1, "freezes_per_year", "budget.freezes_per_year", s.budget.freezesPerYear)
        if let q = s.budget.freezeDays {
            field(&out, 1, "freeze_days", "budget.freeze_days", q)
        } else if let f = fitted["budget.freeze_days"], let y = f.yaml {
            line(&out, 1, "freeze_days", y, f.comment)
        } else if freezes != "0" {
            line(&out, 1, "freeze_days", "0", "no freeze ended in the log")
        }
        field(&out, 1, "cancel_probability", "budget.cancel_probability", s.budget.cancelProbability)
        for role in PoolRole.allCases {
            func body(_ pool: Pool) -> String {
                "count: \(pool.count.integerValue), hours_per_week: \(Self.yaml(pool.hoursPerWeek.distribution))"
                    + (pool.discipline == .priority ? "" : ", discipline: \(pool.discipline.rawValue)")
            }
            let list = s.pools(role)
            if list.count == 1, list[0].name == nil {
                out += "\(role.rawValue): {\(body(list[0]))}\n"
            } else if !list.isEmpty {
                out += "\(role.rawValue):\n"
                for pool in list { out += "  - {name: \(Self.quoted(pool.name ?? "")), \(body(pool))}\n" }
            }
        }
        out += "\ncosts:\n"
        field(&out, 1, "recruiter_hourly", "costs.recruiter_hourly", s.costs.recruiterHourly)
        field(&out, 1, "interviewer_hourly", "costs.interviewer_hourly", s.costs.interviewerHourly)
        field(&out, 1, "per_hire", "costs.per_hire", s.costs.perHire)
        out += "\nrequisitions:\n"
        for r in s.requisitions { requisition(&out, r) }
        if !s.interventions.isEmpty {
            out += "interventions:\n"
            for i in s.interventions {
                out += "  - name: \(Self.quoted(i.name))\n    changes:\n"
                for c in i.changes { out += "      \(Self.quoted(c.pattern)): \(Self.change(c.operation))\n" }
            }
        }
        return out
    }

    /// A change as the file writes it: a value, "x0.6" or "+2" / "-1".
    static func change(_ op: ParameterChange.Operation) -> String {
        switch op {
        case .replace(let d): return yaml(d)
        case .multiply(let f): return quoted("x" + number(f))
        case .add(let a): return quoted((a >= 0 ? "+" : "") + number(a))
        }
    }

    func requisition(_ out: inout String, _ r: Requisition) {
        let p = "requisitions.\(r.name)"
        out += "  - name: \(Self.quoted(r.name))\n"
        out += "    openings: \(r.openings.integerValue)\n"
        if r.opensDay != 0 { out += "    opens_day: \(Self.number(r.opensDay))\n" }
        if let d = r.deadline { out += "    deadline: \(d)\n" }
        if let name = r.recruiterPool { out += "    recruiters: \(Self.quoted(name))\n" }
        if let name = r.interviewerPool { out += "    interviewers: \(Self.quoted(name))\n" }
        out += "    sourcing:\n"
        field(&out, 3, "applicants_per_week", "\(p).sourcing.applicants_per_week", r.sourcing.applicantsPerWeek)
        field(&out, 3, "initial_pool", "\(p).sourcing.initial_pool", r.sourcing.initialPool)
        field(&out, 3, "cost_per_applicant", "\(p).sourcing.cost_per_applicant", r.sourcing.costPerApplicant)
        if let m = r.sourcing.maxApplicants { line(&out, 3, "max_applicants", Self.yaml(m.distribution), nil) }
        out += "    candidate:\n"
        field(&out, 3, "competing_offers_per_week", "\(p).candidate.competing_offers_per_week", r.candidate.competingOffersPerWeek)
        field(&out, 3, "reply_days", "\(p).candidate.reply_days", r.candidate.replyDays)
        field(&out, 3, "contact_failure", "\(p).candidate.contact_failure", r.candidate.contactFailure)
        out += "    stages:\n"
        for st in r.stages {
            let sp = "\(p).stages.\(st.name)"
            out += "      - name: \(Self.quoted(st.name))\n"
            if st.interview { out += "        interview: true\n" }
            field(&out, 4, "hr_workdays", "\(sp).hr_workdays", st.hrWorkdays)
            field(&out, 4, "recruiter_hours", "\(sp).recruiter_hours", st.recruiterHours)
            if st.interview {
                field(&out, 4, "interviewer_hours", "\(sp).interviewer_hours", st.interviewerHours)
                field(&out, 4, "no_show", "\(sp).no_show", st.noShow)
            }
            field(&out, 4, "pass", "\(sp).pass", st.pass)
        }
        out += "    decision:\n"
        field(&out, 3, "slate_size", "\(p).decision.slate_size", r.decision.slateSize)
        if let m = r.decision.maxWaitDays { field(&out, 3, "max_wait_days", "\(p).decision.max_wait_days", m) }
        out += "    offer:\n"
        field(&out, 3, "hr_workdays", "\(p).offer.hr_workdays", r.offer.hrWorkdays)
        field(&out, 3, "recruiter_hours", "\(p).offer.recruiter_hours", r.offer.recruiterHours)
        field(&out, 3, "accept", "\(p).offer.accept", r.offer.accept)
        field(&out, 3, "response_days", "\(p).offer.response_days", r.offer.responseDays)
        let bp = "\(p).background_check"
        if r.backgroundCheck != nil || fitted["\(bp).fail"]?.yaml != nil {
            let c = r.backgroundCheck ?? BackgroundCheck()
            out += "    background_check:\n"
            field(&out, 3, "workdays", "\(bp).workdays", c.workdays)
            field(&out, 3, "fail", "\(bp).fail", c.fail)
            field(&out, 3, "false_fail", "\(bp).false_fail", c.falseFail)
            field(&out, 3, "dispute", "\(bp).dispute", c.dispute)
            field(&out, 3, "dispute_days", "\(bp).dispute_days", c.disputeDays)
            field(&out, 3, "cost", "\(bp).cost", c.cost)
        }
        field(&out, 2, "notice_days", "\(p).notice_days", r.noticeDays)
        field(&out, 2, "renege", "\(p).renege", r.renege)
        out += "\n"
    }

    /// Writes `key: value  # comment` at `depth` (two spaces a level): the
    /// fitted value where there is one, else the template's. Returns the value.
    @discardableResult
    func field(_ out: inout String, _ depth: Int, _ key: String, _ path: String, _ q: Quantity) -> String {
        if let f = fitted[path] {
            let v = f.yaml ?? Self.yaml(q.distribution)
            line(&out, depth, key, v, f.comment)
            return v
        }
        let v = q.kind == .integer(minimum: 0) || q.kind == .integer(minimum: 1) ? "\(q.integerValue)" : Self.yaml(q.distribution)
        line(&out, depth, key, v, nil)
        return v
    }

    func line(_ out: inout String, _ depth: Int, _ key: String, _ value: String, _ comment: String?) {
        out += String(repeating: "  ", count: depth) + key + ": " + value
        if let comment, !comment.isEmpty { out += "  # " + comment.replacingOccurrences(of: "\n", with: " ") }
        out += "\n"
    }
}
