import Foundation
import FunnelModel
import Simulation

// A `plan` lever: a numeric parameter path (MODEL.md 13) or a
// requisition's `opens_day`, with today's value, the range it may move in
// and how a value is set.

/// One numeric field `plan` may move.
public struct Lever: Sendable, Equatable {
    public var id: ParameterID
    /// Today's value (a distribution's mean, adjusted).
    public var current: Double
    /// Whole numbers only (counts, openings, slates).
    public var isInteger: Bool
    /// The range searched: --min/--max, or the field's valid range and a
    /// multiple of today's value.
    public var range: ClosedRange<Double>

    public var path: String { id.path }

    /// Resolves `path` in `scenario`; `min`/`max` bound the search. Errors
    /// name the path and say why (closest paths for an unknown one).
    public init(path: String, in scenario: Scenario, min: Double?, max: Double?) throws(PlanError) {
        var slots = scenario.parameters.map { ($0.slot, $0.value) }
        for r in scenario.requisitions {
            slots.append((ParameterSlot(.requisition(r.name, .opensDay)), r.opensDayQuantity))
        }
        guard let (slot, value) = slots.first(where: { $0.0.path == path }) else {
            let closest = Suggest.closestPaths(path, slots.map(\.0.path), count: 3)
            throw PlanError("--lever \(path): not a numeric parameter of the scenario; closest: "
                            + (closest.isEmpty ? "none" : closest.joined(separator: ", ")))
        }
        guard let value else {
            throw PlanError("--lever \(path): the field is not set (no limit), so it has no value to move; "
                            + "set it in the scenario first")
        }
        id = slot.id
        current = value.fixedValue
        // Counts are whole; so are opening days ("open it by day 23").
        if case .integer = value.kind { isInteger = true } else if case .requisition(_, .opensDay) = id { isInteger = true } else {
            isInteger = false
        }
        let valid = Lever.validRange(id, value.kind, scenario: scenario)
        let lo = min ?? Swift.max(valid.lowerBound, Lever.defaultMinimum(id, current: current))
        let hi = max ?? Swift.min(valid.upperBound, Lever.defaultMaximum(id, current: current, kind: value.kind, scenario: scenario))
        if let min, let max, min > max {
            throw PlanError("--min \(PlanFormat.number(min)) is above --max \(PlanFormat.number(max))")
        }
        guard lo <= hi else {
            throw PlanError("--lever \(path): the range to search is empty (from \(PlanFormat.number(lo)) to \(PlanFormat.number(hi)))")
        }
        guard valid.contains(lo), valid.contains(hi) else {
            throw PlanError("--lever \(path): --min/--max must lie within the field's range "
                            + "\(PlanFormat.number(valid.lowerBound)) to \(PlanFormat.number(valid.upperBound)) "
                            + "(got \(PlanFormat.number(lo)) to \(PlanFormat.number(hi)))")
        }
        range = isInteger ? lo.rounded(.up)...hi.rounded(.down) : lo...hi
    }

    /// The values the field can take in a valid scenario.
    static func validRange(_ id: ParameterID, _ kind: QuantityKind, scenario: Scenario) -> ClosedRange<Double> {
        if case .requisition(let name, .opensDay) = id {
            let r = scenario.requisitions.first { $0.name == name }!
            let last = scenario.horizonDays.rounded(.up) - 1
            let deadline = r.deadline.map { Double($0 - scenario.start) } ?? last
            return 0...Swift.max(0, Swift.min(last, deadline))
        }
        if id.pool == .recruiters || id.pool == .interviewers, case .pool(_, _, .count) = id { return 1...kind.range.upperBound }
        if case .pool(_, _, .hoursPerWeek) = id { return 0.5...kind.range.upperBound }
        return kind.range
    }

    /// The default bottom: the field's minimum, a tenth of today's hours for a pool.
    static func defaultMinimum(_ id: ParameterID, current: Double) -> Double {
        if case .pool(_, _, .hoursPerWeek) = id { return current / 10 }
        return 0
    }

    /// The default top of the search: 1 for probabilities, the last valid
    /// day for opens_day, else 4 x today's value (at least today's + 10).
    static func defaultMaximum(_ id: ParameterID, current: Double, kind: QuantityKind, scenario: Scenario) -> Double {
        if case .requisition(_, .opensDay) = id { return .infinity }
        if kind == .probability { return 1 }
        return Swift.max(4 * current, current + 10)
    }

    /// `scenario` with the lever at `value` (a constant).
    public func apply(_ value: Double, to scenario: Scenario) throws(PlanError) -> Scenario {
        if case .requisition(let name, .opensDay) = id {
            var s = scenario
            let i = s.requisitions.firstIndex { $0.name == name }!
            s.requisitions[i].opensDay = value
            return s
        }
        do {
            return try scenario.applying([ParameterChange(id, .replace(.constant(value)))])
        } catch {
            throw PlanError("--lever \(path) at \(PlanFormat.number(value)): \(error.message)")
        }
    }
}

/// Why `plan` cannot search: a bad lever, metric or target (a bad option,
/// exit 64 in the tool).
public struct PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Numbers as `plan` prints them: up to 4 significant decimals, no trailing zeros.
public enum PlanFormat {
    public static func number(_ v: Double) -> String {
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
