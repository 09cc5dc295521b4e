/// Observed durations of one parameter, with what censoring each carries
/// (MODEL.md 18.3 and 18.6).

/// One observed duration.
public enum DurationObservation: Sendable, Equatable {
    /// Known exactly.
    case exact(Double)
    /// Still running when observation stopped (as_of, a withdrawal, a
    /// release): the duration is longer than this.
    case rightCensored(Double)
    /// Known only to lie in [low, high] (one end a date only, the other
    /// exact); high may be +infinity (longer than low).
    case interval(Double, Double)
    /// Both ends known to the day (MODEL.md 18.3): the start lies
    /// uniformly in its day, over which the clock advances `slide` (1 for
    /// calendar days, 1 or 0 for a working or non-working day on the work
    /// clock); with the start at fraction u of its day, the duration lies
    /// in [low - slide u, high - slide u]. The likelihood is
    /// P(start in its day, end in its day) up to a constant:
    /// the integral over u in [0, 1] of F(high - slide u) - F(low - slide u)
    /// (a triangular weight over [low - slide, high], not a flat window).
    /// high = +infinity: a date-only start still running at an exact
    /// censoring instant (the integral of S(low - slide u)).
    case window(Double, Double, slide: Double)
}

extension DurationObservation {
    /// Whether the duration ended (not right-censored).
    public var ended: Bool {
        switch self {
        case .exact: return true
        case .rightCensored: return false
        case .interval(_, let b), .window(_, let b, _): return b.isFinite
        }
    }

    /// A typical value: the value, the censoring time, the middle of the
    /// interval or window (the mean of a uniform start).
    var typical: Double {
        switch self {
        case .exact(let x), .rightCensored(let x): return x
        case .interval(let a, let b): return b.isFinite ? (a + b) / 2 : a
        case .window(let a, let b, let w): return b.isFinite ? (a + b - w) / 2 : a - w / 2
        }
    }
}

/// The durations of one parameter.
public struct DurationSample: Sendable, Equatable {
    public var observations: [DurationObservation] = []
    /// The first and last instant (days since 1970) the evidence covers.
    public var from: Double = .infinity, to: Double = -.infinity
    /// How many observation periods (history files) the evidence comes from.
    public var periodCount = 1

    public init(_ observations: [DurationObservation] = []) { self.observations = observations }

    /// A duration that ended (exact, or an interval when either end is a date only).
    public mutating func add(low: Double, high: Double) {
        let lo = Swift.max(0, low), hi = Swift.max(lo, high)
        observations.append(hi - lo < 1e-9 ? .exact(lo) : .interval(lo, hi))
    }

    public mutating func addCensored(_ elapsed: Double) { observations.append(.rightCensored(Swift.max(0, elapsed))) }

    /// A duration from a start known only to the day, over which the clock
    /// advances `slide`: `low` and `high` are measured from the day's
    /// first instant to the end's earliest and latest (equal for an exact
    /// end; high = +infinity: still running at the censoring instant `low`).
    /// With no slide the start is as good as exact.
    public mutating func add(fromDay low: Double, high: Double, slide: Double) {
        guard slide > 1e-12 else {
            if high.isFinite { add(low: low, high: high) } else { addCensored(low) }
            return
        }
        let lo = Swift.max(0, low)
        if high.isFinite && high - lo < 1e-9 {
            // An exact end: the duration is uniform over [lo - slide, lo].
            add(low: lo - slide, high: lo)
        } else {
            observations.append(.window(lo, Swift.max(lo, high), slide: slide))
        }
    }

    /// Widens the evidence's date range.
    public mutating func cover(_ t: Double) { from = Swift.min(from, t); to = Swift.max(to, t) }

    /// Durations that ended (exact or interval).
    public var events: Int { observations.reduce(0) { $1.ended ? $0 + 1 : $0 } }
    /// Durations still running when observation stopped.
    public var censored: Int { observations.count - events }
    /// Total time observed: each duration's value, censoring time or midpoint.
    public var exposure: Double {
        observations.reduce(0) { $0 + $1.typical }
    }
}
