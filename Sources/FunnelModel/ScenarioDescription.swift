import Foundation
import Sampling

// How a scenario describes itself to people: `funnelcast validate`'s
// summary and its list of parameters.

extension Scenario {
    /// A short human description of the plan, for `funnelcast validate`:
    /// name, start and horizon, trials and seed, each requisition (openings,
    /// opening day, deadline, stages; `*` marks interview stages), and the
    /// uncertain parameters (drawn once per trial) by path.
    public var summaryLines: [String] {
        let lastDay = Int(horizonDays.rounded(.up)) - 1
        var lines: [String] = []
        lines.append("Scenario: \(name)")
        lines.append("Start \(start), horizon \(Scenario.number(horizonDays)) days (last day \(start.adding(days: lastDay)))")
        lines.append("Trials \(trials), seed \(seed)")
        let workdays = calendar.workdays.map(\.name).joined(separator: " ")
        lines.append("Workdays \(workdays); \(calendar.holidays.count) holiday range\(calendar.holidays.count == 1 ? "" : "s")")
        func pool(_ label: String, _ p: Pool?) -> String {
            guard let p, p.count.fixedValue > 0 else { return "\(label) no limit" }
            return "\(label) \(Scenario.describe(p.count)) x \(Scenario.describe(p.hoursPerWeek)) h/week (\(p.discipline.rawValue))"
        }
        func pools(_ role: PoolRole) -> String {
            let list = self.pools(role)
            guard list.count > 1 || list.first?.name != nil else { return pool(role.rawValue, list.first) }
            return list.map { pool(role.rawValue + " " + ($0.name ?? ""), $0) }.joined(separator: ", ")
        }
        lines.append("Capacity: \(pools(.recruiters)); \(pools(.interviewers))")
        lines.append("Requisitions (\(requisitions.count)):")
        for r in requisitions {
            let openings = r.openings.integerValue
            let opens = start.adding(days: Int(r.opensDay.rounded(.down)))
            let deadline = r.deadline.map(\.description) ?? "\(start.adding(days: lastDay)) (horizon)"
            let stages = r.stages.map { $0.name + ($0.interview ? "*" : "") }.joined(separator: " > ")
            lines.append("  \(r.name): \(openings) opening\(openings == 1 ? "" : "s"), opens day \(Scenario.number(r.opensDay)) (\(opens)), "
                         + "deadline \(deadline); stages \(stages)")
        }
        if !interventions.isEmpty {
            lines.append("Interventions: " + interventions.map(\.name).joined(separator: "; "))
        }
        let uncertain = uncertainParameters
        lines.append("Uncertain parameters (\(uncertain.count)):")
        for u in uncertain {
            lines.append("  \(u.id.path): \(Scenario.describe(u.value))")
        }
        return lines
    }

    /// A number with at most four significant digits, without trailing zeros.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.4g", v)
    }

    /// A value for people: the number, or the distribution with its mean and sd.
    static func describe(_ q: Quantity) -> String {
        let d = q.distribution
        if case .constant(let v) = d { return number(v) }
        // The shape itself, so `successes: 21, trials: 30` reads as
        // Beta(22, 10), mean 0.6875 (not 0.7): the uniform prior's +1s.
        if case .beta(let a, let b) = d {
            return "Beta(\(number(a)), \(number(b))), mean \(number(d.mean)), sd \(number(d.variance.squareRoot()))"
        }
        return "\(d.name), mean \(number(d.mean)), sd \(number(d.variance.squareRoot()))"
    }
}

/// A parameter as `funnelcast validate --parameters` lists it.
public struct ParameterDescription: Sendable, Equatable {
    public var path: String
    /// The number, the distribution with its mean and sd, or "no limit".
    public var value: String
    public var kind: QuantityKind
    /// Drawn once per trial (MODEL.md section 2).
    public var isUncertain: Bool
}

extension Scenario {
    /// Every parameter path (MODEL.md 13, 17.13) with its value, in
    /// visiting order.
    public var parameterDescriptions: [ParameterDescription] {
        parameters.map { p in
            guard let q = p.value else {
                return ParameterDescription(path: p.slot.path, value: "no limit",
                                            kind: p.slot.id.kind, isUncertain: false)
            }
            var value = Scenario.describe(q)
            if q.scale != 1 { value += " x" + Scenario.number(q.scale) }
            if q.shift != 0 { value += (q.shift > 0 ? " +" : " ") + Scenario.number(q.shift) }
            return ParameterDescription(path: p.slot.path, value: value, kind: q.kind, isUncertain: q.isUncertain)
        }
    }
}
