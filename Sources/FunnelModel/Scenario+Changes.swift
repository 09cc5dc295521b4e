import Sampling

// Applying parameter changes (interventions, tornado points) to a scenario
// through its `ParameterID`s, and the error a change that cannot apply gives.

/// A parameter change that cannot be applied: the path it reached (or the
/// pattern, when it reached none), the value or change, and why.
///
/// `description` reads `PATH: what is wrong (got VALUE)`, like a
/// `ScenarioIssue` without a file; ` (got VALUE)` is left out where there
/// is no value to show.
public struct ChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var value: String?
    public var message: String

    public init(path: String, value: String?, message: String) {
        self.path = path; self.value = value; self.message = message
    }

    public var description: String { "\(path): \(message)" + (value.map { " (got \($0))" } ?? "") }
}

extension ParameterChange.Operation: CustomStringConvertible {
    /// The change as a planner writes it: `x0.6`, `+2`, `-1`, `5`, or the
    /// distribution with its mean and sd.
    public var description: String {
        switch self {
        case .multiply(let f): return "x" + Scenario.number(f)
        case .add(let a): return (a < 0 ? "" : "+") + Scenario.number(a)
        case .replace(let d): return Scenario.describe(Quantity(d, kind: .nonNegative))
        }
    }
}

extension Scenario {
    /// This scenario with `changes` applied in order (MODEL.md 13, 17.13,
    /// 17.14), through `visitParameters`:
    ///
    /// - a replacement (a number or a distribution) becomes the field's new
    ///   value, with scale 1 and shift 0; it must fit the field's range
    ///   (probabilities in [0, 1], whole numbers for counts);
    /// - `x f` multiplies the value as drawn (`scale` and `shift` by `f`);
    /// - `+ a` adds to it (`shift`);
    /// - a "no limit" field (absent pool, `max_applicants`, `max_wait_days`)
    ///   can be set to a number but not multiplied or added to.
    ///
    /// The result is clipped to the field's range and integers are rounded
    /// where the value is used (`Quantity.adjust`), so a probability times
    /// 1.5 is capped at 1. What clipping cannot mend is checked again: a
    /// changed pool must keep a count of at least 1 and have both its count
    /// and hours, and freezes need `budget.freeze_days`.
    public func applying(_ changes: [ParameterChange]) throws(ChangeError) -> Scenario {
        var s = self
        var reachedPools: Set<PoolRef> = []
        // Fields set on a pool the plan lacks: the pool exists once both its
        // count and its hours are set, possibly by different changes.
        var pending: [ParameterID: Quantity] = [:]
        for change in changes {
            let written = change.operation.description
            var matched = 0
            try s.visitParameters { (slot, q) throws(ChangeError) in
                let pool = slot.id.poolRef
                if pool != nil, q == nil { q = pending[slot.id] }
                guard PathPattern.matches(change.pattern, slot.path) else { return }
                matched += 1
                q = try Scenario.apply(change.operation, to: q, at: slot.id, written: written)
                if let pool {
                    reachedPools.insert(pool)
                    if slot.isOptional { pending[slot.id] = q }
                }
            }
            guard matched > 0 else {
                let closest = PathPattern.closest(change.pattern, in: s.parameters.map(\.slot.path))
                throw ChangeError(path: change.pattern, value: written,
                                  message: "the pattern matches no parameter; closest: \(closest.joined(separator: ", "))")
            }
        }
        try s.checkChanged(pools: reachedPools, before: self)
        return s
    }

    /// This scenario with an intervention's changes applied; errors name
    /// the intervention.
    public func applying(_ intervention: Intervention) throws(ChangeError) -> Scenario {
        do {
            return try applying(intervention.changes)
        } catch {
            throw ChangeError(path: error.path, value: error.value,
                              message: "intervention '\(intervention.name)': \(error.message)")
        }
    }

    /// One operation on one field's value (nil: a "no limit" field).
    static func apply(_ op: ParameterChange.Operation, to q: Quantity?, at id: ParameterID,
                      written: String) throws(ChangeError) -> Quantity {
        func fail(_ message: String) -> ChangeError { ChangeError(path: id.path, value: written, message: message) }
        switch op {
        case .replace(let d):
            let kind = q?.kind ?? id.kind
            if let problem = kind.problem(with: d) { throw fail(problem) }
            return Quantity(d, kind: kind)
        case .multiply(let f):
            guard var q else { throw fail(Scenario.noLimitMessage) }
            guard f.isFinite, f >= 0 else { throw fail("a multiplier must be a number of at least 0") }
            q.scale *= f
            q.shift *= f
            return q
        case .add(let a):
            guard var q else { throw fail(Scenario.noLimitMessage) }
            guard a.isFinite else { throw fail("an addition must be a finite number") }
            q.shift += a
            return q
        }
    }

    static let noLimitMessage = "the field is not set (no limit): a \"no limit\" field can be set to a number but not multiplied or added to"

    /// What a change can break that clipping does not mend.
    private func checkChanged(pools: Set<PoolRef>, before: Scenario) throws(ChangeError) {
        for ref in pools.sorted(by: { ($0.role.rawValue, $0.name ?? "") < ($1.role.rawValue, $1.name ?? "") }) {
            let label = ref.role.rawValue
            guard let pool = self.pools(ref.role).first(where: { $0.name == ref.name }) else {
                throw ChangeError(path: label, value: nil,
                                  message: "the plan has no \(label) pool; a change that adds one must set both "
                                      + "\(label).count and \(label).hours_per_week")
            }
            if pool.count.integerValue < 1 {
                throw ChangeError(path: ParameterID.pool(ref.role, ref.name, .count).path, value: Scenario.number(pool.count.fixedValue),
                                  message: "a pool count must stay at least 1 after a change")
            }
            if !pool.hoursPerWeek.isDistribution, pool.hoursPerWeek.fixedValue <= 0 {
                throw ChangeError(path: ParameterID.pool(ref.role, ref.name, .hoursPerWeek).path, value: Scenario.number(pool.hoursPerWeek.fixedValue),
                                  message: "must stay greater than 0 for a pool of \(pool.count.integerValue)")
            }
        }
        let freezes = budget.freezesPerYear
        if budget != before.budget, budget.freezeDays == nil, freezes.adjust(freezes.distribution.support.upper) > 0 {
            throw ChangeError(path: ParameterID.budget(.freezeDays).path, value: nil,
                              message: "budget.freezes_per_year is above 0 after the change, so budget.freeze_days is required")
        }
    }
}

extension PathPattern {
    /// Up to `count` parameter paths closest to `pattern` (edit distance
    /// segment by segment; a `*` stays a `*`), for "matches nothing" errors.
    public static func closest(_ pattern: String, in paths: [String], count: Int = 3) -> [String] {
        Suggest.closestPaths(pattern, paths, count: count)
    }

    /// The paths each pattern matches, in `paths` order, or an error naming
    /// the first pattern that matches none of them with the closest paths.
    /// `what` names the paths in the error ("parameter", "uncertain parameter").
    public static func select(_ patterns: [String], from paths: [String], what: String = "parameter") throws(ChangeError) -> [String] {
        for p in patterns where !paths.contains(where: { matches(p, $0) }) {
            let closest = closest(p, in: paths)
            throw ChangeError(path: p, value: nil, message: "the pattern matches no \(what); closest: "
                                  + (closest.isEmpty ? "none" : closest.joined(separator: ", ")))
        }
        return paths.filter { path in patterns.contains { matches($0, path) } }
    }
}
