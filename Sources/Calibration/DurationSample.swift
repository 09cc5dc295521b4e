/// Observed durations of one parameter, with what censoring each carries
/// (MODEL.md 18.3 and 18.6).

/// One observed duration.
public enum DurationObservation: Sendable, Equatable {
    /// Known exactly.
    case exact(Double)
    /// Still running when observation stopped (as_of, a withdrawal, a
    /// release): the duration is longer than this.
    case rightCensored(Double)
    /// Known only to lie in [low, high] (date-only times); high may be
    /// +infinity for a date-only start still running at as_of.
    case interval(Double, Double)
}

/// The durations of one parameter.
public struct DurationSample: Sendable, Equatable {
    public var observations: [DurationObservation] = []
    /// The first and last instant (days since 1970) the evidence covers.
    public var from: Double = .infinity, to: Double = -.infinity

    public init(_ observations: [DurationObservation] = []) { self.observations = observations }

    /// A duration that ended (exact, or an interval when either end is a date only).
    public mutating func add(low: Double, high: Double) {
        let lo = Swift.max(0, low), hi = Swift.max(lo, high)
        observations.append(hi - lo < 1e-9 ? .exact(lo) : .interval(lo, hi))
    }

    public mutating func addCensored(_ elapsed: Double) { observations.append(.rightCensored(Swift.max(0, elapsed))) }

    /// Widens the evidence's date range.
    public mutating func cover(_ t: Double) { from = Swift.min(from, t); to = Swift.max(to, t) }

    /// Durations that ended (exact or interval).
    public var events: Int { observations.reduce(0) { if case .rightCensored = $1 { return $0 } else { return $0 + 1 } } }
    /// Durations still running when observation stopped.
    public var censored: Int { observations.count - events }
    /// Total time observed: each duration's value, censoring time or midpoint.
    public var exposure: Double {
        observations.reduce(0) { s, o in
            switch o {
            case .exact(let x), .rightCensored(let x): return s + x
            case .interval(let a, let b): return s + (b.isFinite ? (a + b) / 2 : a)
            }
        }
    }
}
