import CGSL

/// A probability estimated from counts: `successes` of `trials`, written
/// as the Beta posterior `{dist: beta, successes, trials}` (MODEL.md 2:
/// Beta(s + 1, t - s + 1), a uniform prior).
public struct ProportionEstimate: Sendable, Equatable {
    public var successes: Int
    public var trials: Int
    /// The first and last instant (days since 1970) the evidence covers.
    public var from: Double = .infinity, to: Double = -.infinity
    /// How many observation periods (history files) the evidence comes from.
    public var periodCount = 1

    public init(successes: Int = 0, trials: Int = 0) { self.successes = successes; self.trials = trials }

    /// Counts one trial.
    public mutating func add(_ success: Bool, at t: Double) {
        trials += 1
        if success { successes += 1 }
        from = Swift.min(from, t); to = Swift.max(to, t)
    }

    /// The share of successes (nil with no trials).
    public var rate: Double? { trials > 0 ? Double(successes) / Double(trials) : nil }
    /// The posterior's mean, (s + 1) / (t + 2).
    public var posteriorMean: Double { Double(successes + 1) / Double(trials + 2) }
    /// The posterior's 2.5% and 97.5% quantiles (`gsl_cdf_beta_Pinv`).
    public var interval: (Double, Double) {
        let a = Double(successes + 1), b = Double(trials - successes + 1)
        return (Self.betaQuantile(0.025, a, b), Self.betaQuantile(0.975, a, b))
    }

    /// The p-quantile of Beta(a, b): `gsl_cdf_beta_Pinv`, or, where it
    /// gives no number (GSL 2.7's returns NaN for some large counts, e.g.
    /// Beta(80, 808) at 0.025), bisection on `gsl_cdf_beta_P`, which is
    /// monotone, to 1e-15.
    static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        let q = gsl_cdf_beta_Pinv(p, a, b)
        if q.isFinite && q >= 0 && q <= 1 && abs(gsl_cdf_beta_P(q, a, b) - p) < 1e-9 { return q }
        var lo = 0.0, hi = 1.0
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if gsl_cdf_beta_P(mid, a, b) < p { lo = mid } else { hi = mid }
            if hi - lo < 1e-15 { break }
        }
        return (lo + hi) / 2
    }
}
