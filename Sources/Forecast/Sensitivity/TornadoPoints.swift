import FunnelModel
import Sampling

/// Where the tornado moves one parameter (MODEL.md 12, 17.15): its low and
/// high change, and the values to print for them.
public struct TornadoPoint: Sendable, Equatable {
    public var id: ParameterID
    /// The parameter's path (`ParameterID.path`).
    public var path: String { id.path }
    /// The value at low and high: P10 and P90 of an uncertain parameter,
    /// the moved number, or the scaled mean of a duration's distribution.
    public var low: Double, high: Double
    public var lowChange: ParameterChange, highChange: ParameterChange
    /// Whether low (high) leaves the scenario as it was (a 0 times 0.8, a
    /// probability of 1 times 1.2): its run would repeat the base run.
    public var lowIsBase: Bool, highIsBase: Bool
    /// One line per side that is not what the swing asked for: a value
    /// capped at its field's range, a count rounded, moved one step or
    /// held at its minimum (issue 15, point 6).
    public var notes: [String] = []
}

extension TornadoPoint {
    /// The tornado's parameters of `scenario`: every path of MODEL.md
    /// 17.13 (`trials`, `seed` and `horizon_days` are no parameter paths)
    /// that `patterns` match (nil: all), in visiting order, with their low
    /// and high:
    ///
    /// - uncertain parameters: P10 and P90 of the distribution (GSL inverse
    ///   CDF, then the field's adjustment), held there;
    /// - durations and hours given as distributions: every draw scaled by
    ///   `1 -/+ swing`; low and high are the scaled means;
    /// - fixed numbers: `x (1 -/+ swing)`, clipped to the field's range;
    /// - whole numbers: rounded, and moved at least one step, within their
    ///   range (a pool count stays at least 1).
    ///
    /// "No limit" fields that are not set (an absent pool, no
    /// `max_applicants`) have no value to move and are left out.
    public static func points(of scenario: Scenario, patterns: [String]? = nil,
                              swing: Double) throws(SensitivityError) -> [TornadoPoint] {
        guard swing.isFinite, swing > 0, swing < 1 else {
            throw SensitivityError("--swing must be between 0 and 1, such as 0.2 for 20% (got \(swing))", badOption: true)
        }
        let all = scenario.parameters.filter { $0.value != nil }
        var wanted = Set(all.map(\.slot.path))
        if let patterns {
            do { wanted = Set(try PathPattern.select(patterns, from: all.map(\.slot.path), what: "tornado parameter")) } catch {
                throw SensitivityError("--parameters \(error)", badOption: true)
            }
        }
        var out: [TornadoPoint] = []
        for p in all where wanted.contains(p.slot.path) {
            let q = p.value!
            let id = p.slot.id, path = id.path
            if q.isUncertain {
                let lo: Double, hi: Double
                do {
                    lo = q.adjust(try q.distribution.quantile(0.10))
                    hi = q.adjust(try q.distribution.quantile(0.90))
                } catch {
                    throw SensitivityError("\(path): the P10 or P90 of its distribution failed: \(error)")
                }
                out.append(TornadoPoint(id: id, low: lo, high: hi,
                                        lowChange: ParameterChange(id, .replace(.constant(lo))),
                                        highChange: ParameterChange(id, .replace(.constant(hi))),
                                        lowIsBase: false, highIsBase: false))
            } else if case .integer(let minimum) = q.kind {
                let v = q.fixedValue
                let floor = Double(id.pool != nil ? max(1, minimum) : minimum)   // a pool count stays at least 1
                var lo = (v * (1 - swing)).rounded(), hi = (v * (1 + swing)).rounded()
                if lo == v { lo = v - 1 }
                if hi == v { hi = v + 1 }
                lo = max(lo, floor)
                hi = min(hi, q.kind.range.upperBound)
                let notes = [Scenario.stepNote(path: path, side: "low", value: v, factor: 1 - swing, used: lo),
                             Scenario.stepNote(path: path, side: "high", value: v, factor: 1 + swing, used: hi)]
                out.append(TornadoPoint(id: id, low: lo, high: hi,
                                        lowChange: ParameterChange(id, .replace(.constant(lo))),
                                        highChange: ParameterChange(id, .replace(.constant(hi))),
                                        lowIsBase: lo == v, highIsBase: hi == v, notes: notes.compactMap { $0 }))
            } else {
                // Scale every draw (a fixed number is one draw): x(1 -/+ swing).
                var low = q, high = q
                low.scale *= 1 - swing; low.shift *= 1 - swing
                high.scale *= 1 + swing; high.shift *= 1 + swing
                let fixed = !q.isDistribution
                let lowChange = ParameterChange(id, .multiply(1 - swing)), highChange = ParameterChange(id, .multiply(1 + swing))
                // The changed scenario's own note (Scenario.changeNotes), with the side named.
                func note(_ change: ParameterChange, _ side: String) -> [String] {
                    ((try? scenario.applying([change]))?.changeNotes ?? []).map { n in
                        n.hasPrefix(path + ":") ? path + " " + side + n.dropFirst(path.count) : n
                    }
                }
                out.append(TornadoPoint(id: id, low: low.fixedValue, high: high.fixedValue,
                                        lowChange: lowChange, highChange: highChange,
                                        lowIsBase: fixed && low.fixedValue == q.fixedValue,
                                        highIsBase: fixed && high.fixedValue == q.fixedValue,
                                        notes: note(lowChange, "low") + note(highChange, "high")))
            }
        }
        return out
    }
}
