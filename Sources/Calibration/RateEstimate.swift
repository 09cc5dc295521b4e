import CGSL
import Foundation

/// A Poisson rate estimated from events over an exposure, written as the
/// Gamma posterior of the rate `{dist: gamma, mean, sd}`: with the
/// reference prior Gamma(0, 0), events n over exposure T give Gamma(n, T),
/// mean n / T (the maximum-likelihood rate) and sd sqrt(n) / T.
public struct RateEstimate: Sendable, Equatable {
    public var events: Int = 0
    /// In the rate's unit (weeks for per-week rates, years for per-year).
    public var exposure: Double = 0
    /// Events and exposure per period (weekly counts for the dispersion test).
    public var periods: [(events: Int, exposure: Double)] = []
    public var from: Double = .infinity, to: Double = -.infinity
    /// How many observation periods (history files) the evidence comes from.
    public var periodCount = 1

    public init(events: Int = 0, exposure: Double = 0) { self.events = events; self.exposure = exposure }

    public static func == (a: RateEstimate, b: RateEstimate) -> Bool { a.events == b.events && a.exposure == b.exposure }

    public var rate: Double? { exposure > 0 ? Double(events) / exposure : nil }
    public var sd: Double? { exposure > 0 ? Double(events).squareRoot() / exposure : nil }
    /// The posterior's 2.5% and 97.5% quantiles (`gsl_cdf_gamma_Pinv`).
    public var interval: (Double, Double)? {
        guard exposure > 0, events > 0 else { return nil }
        return (gsl_cdf_gamma_Pinv(0.025, Double(events), 1 / exposure),
                gsl_cdf_gamma_Pinv(0.975, Double(events), 1 / exposure))
    }

    /// Pearson's dispersion test of the period counts against a constant
    /// rate: X2 = sum (n_i - r e_i)^2 / (r e_i) over periods with exposure,
    /// chi-square with (periods - 1) degrees of freedom under a Poisson
    /// process. Returns X2 / df (the dispersion index) and the upper-tail
    /// p-value (`gsl_cdf_chisq_Q`); nil with fewer than 4 periods or fewer
    /// than 20 events (the chi-square approximation needs counts).
    public var dispersion: (index: Double, pValue: Double)? {
        let used = periods.filter { $0.exposure > 0 }
        guard used.count >= 4, used.reduce(0, { $0 + $1.events }) >= 20, let r = rate, r > 0 else { return nil }
        var x2 = 0.0
        for p in used { let e = r * p.exposure; x2 += (Double(p.events) - e) * (Double(p.events) - e) / e }
        let df = Double(used.count - 1)
        return (x2 / df, gsl_cdf_chisq_Q(x2, df))
    }

    /// Over-dispersed at the 1% level: the rate itself moves between periods.
    public var overDispersed: Bool { (dispersion?.pValue ?? 1) < 0.01 }
}
