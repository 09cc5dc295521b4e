import CGSL
import Foundation

/// The four distribution families a duration is fitted with (MODEL.md 2),
/// each in an unconstrained parameterization for the minimizer, with its
/// log density and CDF from GSL (`gsl_cdf_*_P/Q`, `gsl_sf_lngamma`).
public enum DurationFamily: String, CaseIterable, Sendable {
    case exponential, gamma, lognormal, weibull

    /// Free parameters (for AIC).
    public var parameterCount: Int { self == .exponential ? 1 : 2 }

    /// Unconstrained parameters: exponential [log mean]; gamma [log shape,
    /// log scale]; lognormal [mu, log sigma]; weibull [log scale, log shape].
    func natural(_ t: [Double]) -> (Double, Double) {
        switch self {
        case .exponential: return (exp(t[0]), 0)
        case .gamma, .weibull: return (exp(t[0]), exp(t[1]))
        case .lognormal: return (t[0], exp(t[1]))
        }
    }

    /// Starting parameters from the mean and sd of typical values.
    func start(mean m: Double, sd s: Double, logMean lm: Double, logSD ls: Double) -> [Double] {
        let cv = max(0.05, s / max(m, 1e-9))
        switch self {
        case .exponential: return [log(m)]
        case .gamma: let k = 1 / (cv * cv); return [log(k), log(m / k)]
        case .lognormal: return [lm, log(max(ls, 0.05))]
        case .weibull:
            // Shape from the coefficient of variation (k ~ cv^-1.086).
            let k = pow(cv, -1.086)
            return [log(m / exp(gsl_sf_lngamma(1 + 1 / k))), log(k)]
        }
    }

    /// log f(x), x > 0.
    func logDensity(_ x: Double, _ t: [Double]) -> Double {
        let (a, b) = natural(t)
        switch self {
        case .exponential: return -log(a) - x / a
        case .gamma: return (a - 1) * log(x) - x / b - gsl_sf_lngamma(a) - a * log(b)
        case .lognormal: let z = (log(x) - a) / b; return -log(x * b) - 0.5 * log(2 * Double.pi) - 0.5 * z * z
        case .weibull: return log(b / a) + (b - 1) * log(x / a) - pow(x / a, b)
        }
    }

    /// P(X <= x).
    public func cdf(_ x: Double, _ t: [Double]) -> Double {
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        let (a, b) = natural(t)
        switch self {
        case .exponential: return gsl_cdf_exponential_P(x, a)
        case .gamma: return gsl_cdf_gamma_P(x, a, b)
        case .lognormal: return gsl_cdf_lognormal_P(x, a, b)
        case .weibull: return gsl_cdf_weibull_P(x, a, b)
        }
    }

    /// P(X > x).
    func survival(_ x: Double, _ t: [Double]) -> Double {
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        let (a, b) = natural(t)
        switch self {
        case .exponential: return gsl_cdf_exponential_Q(x, a)
        case .gamma: return gsl_cdf_gamma_Q(x, a, b)
        case .lognormal: return gsl_cdf_lognormal_Q(x, a, b)
        case .weibull: return gsl_cdf_weibull_Q(x, a, b)
        }
    }

    /// log P(X > x), exact in the tails where the closed form allows.
    func logSurvival(_ x: Double, _ t: [Double]) -> Double {
        if x <= 0 { return 0 }
        let (a, b) = natural(t)
        switch self {
        case .exponential: return -x / a
        case .weibull: return -pow(x / a, b)
        default: return log(max(survival(x, t), 1e-300))
        }
    }

    /// The mean.
    func mean(_ t: [Double]) -> Double {
        let (a, b) = natural(t)
        switch self {
        case .exponential: return a
        case .gamma: return a * b
        case .lognormal: return exp(a + b * b / 2)
        case .weibull: return a * exp(gsl_sf_lngamma(1 + 1 / b))
        }
    }

    /// The fitted distribution as a scenario writes it.
    func yaml(_ t: [Double]) -> String {
        let (a, b) = natural(t)
        func n(_ v: Double) -> String { ScenarioText.number(ScenarioText.rounded(v)) }
        switch self {
        case .exponential: return "{dist: exponential, mean: \(n(a))}"
        case .gamma: return "{dist: gamma, shape: \(n(a)), scale: \(n(b))}"
        case .lognormal: return "{dist: lognormal, mu: \(n(a)), sigma: \(n(b))}"
        case .weibull: return "{dist: weibull, scale: \(n(a)), shape: \(n(b))}"
        }
    }

    /// The parameters in words, for the report.
    func describe(_ t: [Double]) -> String {
        let (a, b) = natural(t)
        func n(_ v: Double) -> String { ScenarioText.number(ScenarioText.rounded(v)) }
        switch self {
        case .exponential: return "mean \(n(a))"
        case .gamma: return "shape \(n(a)), scale \(n(b))"
        case .lognormal: return "mu \(n(a)), sigma \(n(b))"
        case .weibull: return "scale \(n(a)), shape \(n(b))"
        }
    }
}
