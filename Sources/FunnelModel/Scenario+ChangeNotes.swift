import Sampling

// What a change did that is not what was written: a value clipped to its
// field's range (a probability x2 capped at 1) or an integer rounded (a
// count x1.4 rounding back to 1), said in one line per field (issue 15,
// point 6), for the terminal, the report and interventions.csv.

extension Scenario {
    /// One line per changed field whose value as written was clipped or
    /// rounded, in visiting order: "PATH: 0.6 x2 = 1.2, capped at 1".
    /// Reads the changed scenario alone: a change keeps the file's value
    /// and records itself in `scale` and `shift`.
    public var changeNotes: [String] {
        parameters.compactMap { p in
            guard let q = p.value, q.scale != 1 || q.shift != 0 else { return nil }
            return Scenario.note(q, path: p.slot.path)
        }
    }

    static func note(_ q: Quantity, path: String) -> String? {
        let r = q.kind.range
        let change = Scenario.changeText(q)
        if !q.isDistribution {
            let written = q.distribution.mean
            let raw = written * q.scale + q.shift
            let used = q.adjust(written)
            guard raw != used else { return nil }
            let what = "\(path): \(number(written)) \(change) = \(number(raw))"
            if raw > r.upperBound { return what + ", capped at \(number(r.upperBound))" }
            if raw < r.lowerBound { return what + ", raised to \(number(r.lowerBound))" }
            return what + ", rounded to \(number(used))" + (used == written ? " (no change)" : "")
        }
        // A distribution: clipped where its upper (or lower) draws leave the range.
        let high = (try? q.distribution.quantile(0.99)) ?? q.distribution.mean
        let low = (try? q.distribution.quantile(0.01)) ?? q.distribution.mean
        let hi = high * q.scale + q.shift, lo = low * q.scale + q.shift
        let mid = q.distribution.mean * q.scale + q.shift
        if hi > r.upperBound {
            let share = mid > r.upperBound ? "most" : "some"
            return "\(path): \(change) on \(describe(Quantity(q.distribution, kind: q.kind))): \(share) draws capped at \(number(r.upperBound))"
        }
        if lo < r.lowerBound {
            let share = mid < r.lowerBound ? "most" : "some"
            return "\(path): \(change) on \(describe(Quantity(q.distribution, kind: q.kind))): \(share) draws raised to \(number(r.lowerBound))"
        }
        return nil
    }

    /// The change a quantity carries, as value x scale + shift: "x2",
    /// "+2", "x2 +4".
    static func changeText(_ q: Quantity) -> String {
        var parts: [String] = []
        if q.scale != 1 { parts.append("x" + number(q.scale)) }
        if q.shift != 0 { parts.append((q.shift < 0 ? "" : "+") + number(q.shift)) }
        return parts.joined(separator: " ")
    }
}

extension Scenario {
    /// A tornado's low or high of a whole number where the run is not
    /// `value x factor` (issue 15, point 6): "pools.recruiters.count low:
    /// 1 x0.8 = 0.8, rounded to 1, moved one step to 0, raised to 1 (no
    /// change: the base run)"; nil where it is.
    public static func stepNote(path: String, side: String, value v: Double, factor: Double, used: Double) -> String? {
        let raw = v * factor
        guard raw != used else { return nil }
        var s = "\(path) \(side): \(number(v)) x\(number(factor)) = \(number(raw))"
        let r = raw.rounded()
        if r != raw { s += ", rounded to \(number(r))" }
        var step = r
        if r == v {
            step = factor < 1 ? v - 1 : v + 1
            s += ", moved one step to \(number(step))"
        }
        if used > step { s += ", raised to \(number(used))" } else if used < step { s += ", capped at \(number(used))" }
        if used == v { s += " (no change: the base run)" }
        return s
    }
}
