import FunnelModel
import History

/// One parameter as the fit gives it: the estimate, its evidence in words,
/// and the scenario text that carries it (MODEL.md 18, issue 12).
public struct FittedParameter: Sendable {
    public enum Estimate: Sendable {
        /// A probability as Beta posterior counts.
        case proportion(ProportionEstimate)
        /// A rate, in `unit` ("week", "year").
        case rate(RateEstimate, unit: String)
        /// A duration fit (nil where no duration ended).
        case duration(DurationFit?, DurationSample, workClock: Bool)
        /// A whole number read off the log.
        case count(Int)
    }

    /// The parameter path (MODEL.md 13).
    public var path: String
    public var estimate: Estimate
    /// The scenario value (YAML), or nil to keep the template's.
    public var yaml: String?
    /// The evidence in words, for the comment beside the value.
    public var evidence: String
    /// Thin evidence: the comment says so.
    public var thin: Bool
    /// Why the template's value is kept, where it is.
    public var keptBecause: String?

    /// The comment written beside the value.
    public var comment: String {
        var c = evidence
        if let keptBecause { c = "not fitted, kept: \(keptBecause)" + (evidence.isEmpty ? "" : "; \(evidence)") }
        if thin && keptBecause == nil { c += ": wide" }
        return c
    }

    /// The number of the estimate (the probability, the rate, the mean).
    public var value: Double? {
        switch estimate {
        case .proportion(let p): return p.rate
        case .rate(let r, _): return r.rate
        case .duration(let f, _, _): return f.map { $0.allZero ? 0 : ($0.best?.mean ?? .nan) }
        case .count(let n): return Double(n)
        }
    }
}

/// Dates of the evidence, "2026-01-05 .. 2026-06-30"; pooled from several
/// observation periods, "4 periods, 2026-01-05 .. 2026-12-31" (the header
/// of the fitted file lists each period's span).
func dateRange(_ from: Double, _ to: Double, periods: Int = 1) -> String {
    guard from.isFinite, to.isFinite else { return "" }
    let a = CivilDate(dayNumber: Int(from.rounded(.down))), b = CivilDate(dayNumber: Int(to.rounded(.down)))
    return (periods > 1 ? "\(periods) periods, " : "") + (a == b ? "\(a)" : "\(a) .. \(b)")
}
