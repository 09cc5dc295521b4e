import CGSL

/// A probability estimated from counts: `successes` of `trials`, written
/// as the Beta posterior `{dist: beta, successes, trials}` (MODEL.md 2:
/// Beta(s + 1, t - s + 1), a uniform prior).
public struct ProportionEstimate: Sendable, Equatable {
    public var successes: Int
    public var trials: Int
    /// The first and last instant (days since 1970) the evidence covers.
    public var from: Double = .infinity, to: Double = -.infinity

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
        return (gsl_cdf_beta_Pinv(0.025, a, b), gsl_cdf_beta_Pinv(0.975, a, b))
    }
}
