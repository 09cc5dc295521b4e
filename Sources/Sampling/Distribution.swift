import CGSL
import Foundation

/// A probability distribution of a scenario value, in the parameterization
/// GSL samples from. Parameters are checked once where it is built: by the
/// throwing initializer of the written forms (`Distribution(_:_:)`, in
/// Distribution+Forms.swift) or, for a value built from its cases, by
/// `validated()` (DistributionError.swift); after that sampling trusts them.
///
/// Each case knows how to draw (GSL), its analytic mean and variance, its
/// support, and its quantile function (GSL's inverse CDFs), which the
/// tornado analysis uses for P10/P90.
public enum Distribution: Sendable, Equatable {
    case constant(Double)
    /// gsl_ran_flat on [min, max).
    case uniform(min: Double, max: Double)
    /// Triangular, drawn by the inverse CDF of a uniform.
    case triangular(min: Double, mode: Double, max: Double)
    /// Beta-PERT with lambda 4: min + (max - min) x Beta(alpha, beta).
    case pert(min: Double, mode: Double, max: Double)
    /// Normal; a draw below 0 becomes 0 (MODEL.md section 2).
    case normal(mean: Double, sd: Double)
    /// exp(Normal(mu, sigma)).
    case lognormal(mu: Double, sigma: Double)
    /// Gamma with shape k and scale theta (mean k theta).
    case gamma(shape: Double, scale: Double)
    case exponential(mean: Double)
    /// Weibull with scale a and shape b: P(X > x) = exp(-(x/a)^b).
    case weibull(scale: Double, shape: Double)
    case beta(alpha: Double, beta: Double)
    case poisson(mean: Double)
    /// A weighted choice among listed values (gsl_ran_discrete).
    case empirical(EmpiricalTable)

    /// The largest alpha + beta of a beta distribution: GSL's inverse CDF
    /// runs forever beyond (GSL 2.7), and a beta that size is certain to
    /// within 0.001 (its sd is at most 0.5 / sqrt(alpha + beta + 1)).
    public static let maxBetaWeight = 1e6

    /// The standard normal's 90th percentile, for lognormal `median, p90`.
    public static let z90 = 1.2815515655446004

    // MARK: Drawing

    /// One draw from `stream`.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double { sample(stream.generator) }

    /// One draw from `generator`.
    @inlinable
    package func sample(_ generator: RandomGenerator) -> Double {
        let r = generator.rng
        switch self {
        case .constant(let v): return v
        case .uniform(let a, let b): return gsl_ran_flat(r, a, b)
        case .triangular(let a, let c, let b):
            return Distribution.triangularQuantile(gsl_rng_uniform(r), a, c, b)
        case .pert(let a, let c, let b):
            let (alpha, beta) = Distribution.pertShape(a, c, b)
            return a + (b - a) * gsl_ran_beta(r, alpha, beta)
        case .normal(let m, let s): return Swift.max(0, m + gsl_ran_gaussian(r, s))
        case .lognormal(let mu, let sigma): return gsl_ran_lognormal(r, mu, sigma)
        case .gamma(let k, let theta): return gsl_ran_gamma(r, k, theta)
        case .exponential(let m): return gsl_ran_exponential(r, m)
        case .weibull(let a, let b): return gsl_ran_weibull(r, a, b)
        case .beta(let a, let b): return gsl_ran_beta(r, a, b)
        case .poisson(let m): return Double(gsl_ran_poisson(r, m))
        case .empirical(let table): return table.sample(r)
        }
    }

    /// The inverse CDF of a triangular distribution at `u`.
    @inlinable
    public static func triangularQuantile(_ u: Double, _ a: Double, _ c: Double, _ b: Double) -> Double {
        if b == a { return a }
        let f = (c - a) / (b - a)
        if u < f { return a + (u * (b - a) * (c - a)).squareRoot() }
        return b - ((1 - u) * (b - a) * (b - c)).squareRoot()
    }

    /// Beta shape parameters of a PERT with lambda 4.
    @inlinable
    public static func pertShape(_ a: Double, _ c: Double, _ b: Double) -> (Double, Double) {
        (1 + 4 * (c - a) / (b - a), 1 + 4 * (b - c) / (b - a))
    }

    // MARK: Moments

    /// The analytic mean. For `normal`, that of the distribution before
    /// draws below 0 become 0 (validation requires mean >= 4 sd, where the
    /// difference is below 1e-5 sd).
    public var mean: Double {
        switch self {
        case .constant(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(let a, let c, let b): return (a + b + c) / 3
        case .pert(let a, let c, let b): return (a + 4 * c + b) / 6
        case .normal(let m, _): return m
        case .lognormal(let mu, let s): return Foundation.exp(mu + s * s / 2)
        case .gamma(let k, let t): return k * t
        case .exponential(let m): return m
        case .weibull(let a, let b): return a * tgamma(1 + 1 / b)
        case .beta(let a, let b): return a / (a + b)
        case .poisson(let m): return m
        case .empirical(let t): return t.mean
        }
    }

    /// The analytic variance (see `mean` for `normal`).
    public var variance: Double {
        switch self {
        case .constant: return 0
        case .uniform(let a, let b): return (b - a) * (b - a) / 12
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .pert(let a, let c, let b):
            let (al, be) = Distribution.pertShape(a, c, b)
            return (b - a) * (b - a) * al * be / ((al + be) * (al + be) * (al + be + 1))
        case .normal(_, let s): return s * s
        case .lognormal(let mu, let s): return (Foundation.exp(s * s) - 1) * Foundation.exp(2 * mu + s * s)
        case .gamma(let k, let t): return k * t * t
        case .exponential(let m): return m * m
        case .weibull(let a, let b):
            let g1 = tgamma(1 + 1 / b), g2 = tgamma(1 + 2 / b)
            return a * a * (g2 - g1 * g1)
        case .beta(let a, let b): return a * b / ((a + b) * (a + b) * (a + b + 1))
        case .poisson(let m): return m
        case .empirical(let t): return t.variance
        }
    }

    /// The smallest and largest values a draw can take (infinite where unbounded).
    public var support: (lower: Double, upper: Double) {
        switch self {
        case .constant(let v): return (v, v)
        case .uniform(let a, let b), .triangular(let a, _, let b), .pert(let a, _, let b): return (a, b)
        case .normal: return (0, .infinity)
        case .lognormal, .gamma, .exponential, .weibull, .poisson: return (0, .infinity)
        case .beta: return (0, 1)
        case .empirical(let t): return (t.values.min() ?? 0, t.values.max() ?? 0)
        }
    }

    /// True for a distribution that always gives the same value.
    public var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    // MARK: Quantiles

    /// The `p`-quantile (0 < p < 1), from GSL's inverse CDFs. A level
    /// outside [0, 1] is GSL's domain error; NaN is refused here, since
    /// GSL's range check lets it through and its inverse CDFs then never
    /// finish (found by GSLNeverAbortsTests).
    public func quantile(_ p: Double) throws(GSLError) -> Double {
        guard !p.isNaN else { throw GSLError(function: "Distribution.quantile", code: Int32(GSL_EDOM), reason: "the level is NaN") }
        switch self {
        case .constant(let v): return v
        case .uniform(let a, let b): return try GSL.checked("gsl_cdf_flat_Pinv") { gsl_cdf_flat_Pinv(p, a, b) }
        case .triangular(let a, let c, let b): return Distribution.triangularQuantile(p, a, c, b)
        case .pert(let a, let c, let b):
            let (al, be) = Distribution.pertShape(a, c, b)
            return try a + (b - a) * GSL.checked("gsl_cdf_beta_Pinv") { gsl_cdf_beta_Pinv(p, al, be) }
        case .normal(let m, let s):
            return try Swift.max(0, GSL.checked("gsl_cdf_gaussian_Pinv") { m + gsl_cdf_gaussian_Pinv(p, s) })
        case .lognormal(let mu, let s):
            return try GSL.checked("gsl_cdf_lognormal_Pinv") { gsl_cdf_lognormal_Pinv(p, mu, s) }
        case .gamma(let k, let t): return try GSL.checked("gsl_cdf_gamma_Pinv") { gsl_cdf_gamma_Pinv(p, k, t) }
        case .exponential(let m): return try GSL.checked("gsl_cdf_exponential_Pinv") { gsl_cdf_exponential_Pinv(p, m) }
        case .weibull(let a, let b): return try GSL.checked("gsl_cdf_weibull_Pinv") { gsl_cdf_weibull_Pinv(p, a, b) }
        case .beta(let a, let b):
            // GSL 2.7's inverse never returns past about alpha + beta = 1e6.
            guard a + b <= Distribution.maxBetaWeight else {
                throw GSLError(function: "gsl_cdf_beta_Pinv", code: Int32(GSL_EDOM),
                               reason: "alpha + beta is above \(Int(Distribution.maxBetaWeight)), where the inverse does not finish")
            }
            return try GSL.checked("gsl_cdf_beta_Pinv") { gsl_cdf_beta_Pinv(p, a, b) }
        case .poisson(let m):
            // Smallest k with P(X <= k) >= p (GSL has no Poisson inverse).
            // P(X <= k) = Q(k + 1, m), the upper regularized incomplete gamma
            // (which is how gsl_cdf_poisson_P computes it, for k within 32 bits
            // only). The walk starts at the normal approximation, a few steps
            // from the answer, not at 0, which for a large mean is billions away.
            guard p > 0 else { return 0 }
            guard p < 1 else { return .infinity }
            func cdf(_ k: Double) throws(GSLError) -> Double {
                try GSL.checked("gsl_cdf_gamma_Q") { gsl_cdf_gamma_Q(m, k + 1, 1) }
            }
            let z = try GSL.checked("gsl_cdf_ugaussian_Pinv") { gsl_cdf_ugaussian_Pinv(p) }
            var k = Swift.max(0, (m + m.squareRoot() * z).rounded(.down))
            // Beyond a mean of 1e12 the approximation is within a few units of
            // a quantile of that size (and k + 1 soon equals k in a double).
            if m > 1e12 { return k }
            while k > 0, try cdf(k - 1) >= p { k -= 1 }
            while try cdf(k) < p { k += 1 }
            return k
        case .empirical(let t): return t.quantile(p)
        }
    }
}


/// Which family a distribution (or a raw draw) belongs to: the benchmark
/// counts draws by kind and prices each kind from its measured cost.
package enum DrawKind: Int, CaseIterable, Sendable {
    case uniform, exponential, flat, triangular, pert, normal, lognormal, gamma, weibull, beta, poisson, empirical

    package var name: String { String(describing: self) }
}

extension Distribution {
    /// The kind of draw `sample` makes (nil: a constant, no draw).
    package var drawKind: DrawKind? {
        switch self {
        case .constant: return nil
        case .uniform: return .flat
        case .triangular: return .triangular
        case .pert: return .pert
        case .normal: return .normal
        case .lognormal: return .lognormal
        case .gamma: return .gamma
        case .exponential: return .exponential
        case .weibull: return .weibull
        case .beta: return .beta
        case .poisson: return .poisson
        case .empirical: return .empirical
        }
    }
}
