import Foundation
import Sampling

/// Running mean and variance of draws (Welford's algorithm, so a large mean
/// does not cost the variance its precision).
struct SampleMoments {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var m2 = 0.0

    mutating func add(_ x: Double) {
        count += 1
        let d = x - mean
        mean += d / Double(count)
        m2 += d * (x - mean)
    }

    /// The sample variance, dividing by n - 1.
    var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }
}

extension Distribution {
    /// The fourth central moment E[(X - mean)^4], in closed form, for the
    /// standard error of a sample variance: se(s^2) ~ sqrt((mu4 - var^2) / n).
    ///
    /// Sources: the kurtosis of each family (uniform 9/5, triangular 12/5,
    /// normal 3, exponential 9, gamma 3 + 6/k, lognormal
    /// e^(4s^2) + 2e^(3s^2) + 3e^(2s^2) - 3, beta from its excess kurtosis,
    /// Weibull from its raw moments Gamma(1 + n/b), Poisson lambda + 3 lambda^2).
    /// For `normal`, that of the unclipped normal (as `mean` and `variance`).
    var fourthCentralMoment: Double {
        let v = variance
        switch self {
        case .constant: return 0
        case .uniform(let a, let b): return pow(b - a, 4) / 80
        case .triangular: return 2.4 * v * v
        case .pert(let a, let c, let b):
            let (al, be) = Distribution.pertShape(a, c, b)
            return pow(b - a, 4) * Distribution.beta(alpha: al, beta: be).fourthCentralMoment
        case .normal: return 3 * v * v
        case .lognormal(_, let s):
            let s2 = s * s
            return (exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 3) * v * v
        case .gamma(let k, _): return (3 + 6 / k) * v * v
        case .exponential: return 9 * v * v
        case .weibull(let a, let b):
            let g = (1...4).map { tgamma(1 + Double($0) / b) }
            return pow(a, 4) * (g[3] - 4 * g[2] * g[0] + 6 * g[1] * g[0] * g[0] - 3 * pow(g[0], 4))
        case .beta(let a, let b):
            let excess = 6 * ((a - b) * (a - b) * (a + b + 1) - a * b * (a + b + 2))
                / (a * b * (a + b + 2) * (a + b + 3))
            return (3 + excess) * v * v
        case .poisson(let m): return m + 3 * m * m
        case .empirical(let t):
            let m = t.mean
            return zip(t.values, t.probabilities).reduce(0) { $0 + $1.1 * pow($1.0 - m, 4) }
        }
    }
}
