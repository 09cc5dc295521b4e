import CGSL
import Foundation

/// Residual life (MODEL.md 19.3): a duration that has already run `elapsed`
/// at the as-of instant, drawn from its distribution conditioned on not
/// having ended before then.
///
/// The condition is X >= e ("the event has not happened before D": events
/// at D itself are unknown, MODEL.md 19), which for a continuous family is
/// X > e. The draw is the inverse CDF of the truncated distribution: one
/// uniform v on (0, 1], the survival level q = v S(e) (uniform on (0, S(e)]),
/// x = Q^-1(q). The upper-tail (Q) forms of GSL's inverse CDFs are used so
/// that an elapsed time deep in the tail, where F(e) rounds to 1 in a double,
/// keeps its precision. Exponential and Weibull invert in closed form in log
/// survival (the same inverse, never underflowing). Discrete families
/// (Poisson, empirical) draw from the values >= e, renormalized.
///
/// Where `elapsed` is at or below the lower end of the support the condition
/// says nothing and the draw is the ordinary `sample` (the same stream use);
/// where `elapsed` is past a bounded support, or the survival underflows a
/// double, the event happens at once: the draw is `elapsed` (residual 0).
extension Distribution {
    /// One draw of the whole duration X given X >= `elapsed`; always >= `elapsed`.
    public func sample(exceeding elapsed: Double, _ stream: RandomStream) -> Double {
        sample(exceeding: elapsed, stream.generator)
    }

    /// The remaining duration X - e given X >= e (`elapsed` = e), >= 0.
    public func residual(after elapsed: Double, _ stream: RandomStream) -> Double {
        sample(exceeding: elapsed, stream.generator) - elapsed
    }

    /// The remaining duration X - e given X >= e, from a raw generator.
    package func residual(after elapsed: Double, _ generator: RandomGenerator) -> Double {
        sample(exceeding: elapsed, generator) - elapsed
    }

    /// One draw of X given X >= `elapsed`, from a raw generator.
    package func sample(exceeding e: Double, _ generator: RandomGenerator) -> Double {
        let (lower, upper) = support
        if !(e > lower) {
            return sample(generator)
        }
        if e >= upper { return e }
        let r = generator.rng
        // v in (0, 1]: 1 - gsl_rng_uniform, so that q never reaches 0 (where
        // every inverse is +infinity) and q = S(e) is the boundary itself.
        let v = 1 - gsl_rng_uniform(r)
        let x: Double
        switch self {
        case .constant(let c):
            return Swift.max(c, e)
        case .uniform(let a, let b):
            // Given X >= e the uniform is uniform on [e, b).
            x = gsl_cdf_flat_Qinv(v * gsl_cdf_flat_Q(e, a, b), a, b)
        case .triangular(let a, let c, let b):
            let s = Distribution.triangularSurvival(e, a, c, b)
            x = Distribution.triangularQuantile(1 - v * s, a, c, b)
        case .pert(let a, let c, let b):
            let (al, be) = Distribution.pertShape(a, c, b)
            let s = gsl_cdf_beta_Q((e - a) / (b - a), al, be)
            guard s > 0 else { return e }
            x = a + (b - a) * gsl_cdf_beta_Qinv(v * s, al, be)
        case .normal(let m, let sd):
            // e > 0 here: X >= e is the unclipped normal above e.
            let s = gsl_cdf_gaussian_Q(e - m, sd)
            guard s > 0 else { return e }
            x = m + gsl_cdf_gaussian_Qinv(v * s, sd)
        case .lognormal(let mu, let sigma):
            let s = gsl_cdf_lognormal_Q(e, mu, sigma)
            guard s > 0 else { return e }
            x = gsl_cdf_lognormal_Qinv(v * s, mu, sigma)
        case .gamma(let k, let theta):
            let s = gsl_cdf_gamma_Q(e, k, theta)
            guard s > 0 else { return e }
            x = gsl_cdf_gamma_Qinv(v * s, k, theta)
        case .exponential(let m):
            // Q^-1(v e^(-e/m)) = e - m ln v: memoryless.
            x = e - m * Foundation.log(v)
        case .weibull(let a, let b):
            // Q(x) = exp(-(x/a)^b), so Q^-1(v Q(e)) = a ((e/a)^b - ln v)^(1/b).
            x = a * Foundation.pow(Foundation.pow(e / a, b) - Foundation.log(v), 1 / b)
        case .beta(let al, let be):
            let s = gsl_cdf_beta_Q(e, al, be)
            guard s > 0 else { return e }
            x = gsl_cdf_beta_Qinv(v * s, al, be)
        case .poisson(let m):
            // X >= k0 = ceil(e): u uniform on (F(k0 - 1), 1], the smallest k
            // with F(k) >= u. P(X >= k0) = P(k0, m), the lower regularized
            // incomplete gamma. Away from the tail that is `quantile`; deep in
            // the tail (S < 1e-3, where 1 - q loses digits) a walk up from k0
            // in survival terms, a few steps since the mass sits near k0.
            let k0 = e.rounded(.up)
            let s = gsl_sf_gamma_inc_P(k0, m)
            guard s > 0 else { return e }
            // Smallest k >= k0 with P(X > k) <= v s, i.e. P(X >= k + 1) <= v s.
            let target = v * s
            if s >= 1e-3, let q = try? quantile(1 - target) { return Swift.max(q, k0) }
            var k = k0
            while gsl_sf_gamma_inc_P(k + 1, m) > target { k += 1 }
            return k
        case .empirical(let table):
            return table.sample(atLeast: e, v) ?? e
        }
        // Rounding in an inverse may land a hair below e.
        return x.isFinite ? Swift.max(x, e) : e
    }

    /// P(X > x) of a triangular distribution.
    @inlinable
    public static func triangularSurvival(_ x: Double, _ a: Double, _ c: Double, _ b: Double) -> Double {
        if x <= a { return 1 }
        if x >= b { return 0 }
        if x <= c { return 1 - (x - a) * (x - a) / ((b - a) * (c - a)) }
        return (b - x) * (b - x) / ((b - a) * (b - c))
    }
}

extension EmpiricalTable {
    /// The value chosen by survival level `v` in (0, 1] among the values
    /// >= `e`, weights renormalized (values in increasing order, so v near 1
    /// is the smallest such value); nil when no value with weight is >= e.
    func sample(atLeast e: Double, _ v: Double) -> Double? {
        let order = values.indices.filter { values[$0] >= e && probabilities[$0] > 0 }
            .sorted { values[$0] < values[$1] }
        let mass = order.reduce(0.0) { $0 + probabilities[$1] }
        guard mass > 0 else { return nil }
        // The inverse CDF of the renormalized values at 1 - v, in [0, 1).
        let target = (1 - v) * mass
        var cumulative = 0.0
        for i in order {
            cumulative += probabilities[i]
            if cumulative > target { return values[i] }
        }
        return values[order.last!]
    }
}
