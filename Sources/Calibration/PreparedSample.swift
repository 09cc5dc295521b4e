import CGSL
import Foundation
import Sampling

/// A duration sample reduced for fast likelihoods: the sums the exact
/// values enter through (count, sum, sum of logs, sum of squared logs),
/// the logs of each value for the Weibull, and the censored values and
/// intervals, which need a CDF each. A fit evaluates the likelihood
/// thousands of times; this makes an exact value cost nothing per
/// evaluation for three of the four families and one `exp` for the fourth.
struct PreparedSample {
    var n = 0.0, sumX = 0.0, sumLogX = 0.0, sumLogX2 = 0.0
    var logX: [Double] = []
    var censored: [Double] = [], logCensored: [Double] = []
    var sumCensored = 0.0
    /// Intervals and windows, each distinct one once with its count (a
    /// date-only export repeats the same few bounds many times).
    var intervals: [(low: Double, high: Double, count: Double)] = []
    var windows: [(low: Double, high: Double, slide: Double, count: Double)] = []

    init(_ obs: [DurationObservation]) {
        var intervalIndex: [Pair: Int] = [:], windowIndex: [Triple: Int] = [:]
        for o in obs {
            switch o {
            case .exact(let x):
                let l = log(x)
                n += 1; sumX += x; sumLogX += l; sumLogX2 += l * l; logX.append(l)
            case .rightCensored(let c):
                guard c > 0 else { continue }  // S(0) = 1: no information
                censored.append(c); logCensored.append(log(c)); sumCensored += c
            case .interval(let a, let b):
                if let i = intervalIndex[Pair(a: a, b: b)] { intervals[i].count += 1; continue }
                intervalIndex[Pair(a: a, b: b)] = intervals.count
                intervals.append((a, b, 1))
            case .window(let a, let b, let w):
                if let i = windowIndex[Triple(a: a, b: b, w: w)] { windows[i].count += 1; continue }
                windowIndex[Triple(a: a, b: b, w: w)] = windows.count
                windows.append((a, b, w, 1))
            }
        }
    }

    private struct Pair: Hashable { var a, b: Double }
    private struct Triple: Hashable { var a, b, w: Double }

    /// P(a < X <= b) under `family`, from whichever tail keeps its digits.
    static func probability(_ family: DurationFamily, _ a: Double, _ b: Double, _ t: [Double]) -> Double {
        if !b.isFinite { return family.survival(a, t) }
        let fa = family.cdf(a, t)
        return fa < 0.5 ? family.cdf(b, t) - fa : family.survival(a, t) - family.survival(b, t)
    }

    /// The likelihood of a window (`DurationObservation.window`): the mean
    /// over the start's position u in its day of P(low - slide u < X <=
    /// high - slide u), by GSL's fixed Gauss-Legendre rule
    /// (`gsl_integration_glfixed`, `GaussLegendre.nodes` points on [0, 1]).
    static func windowProbability(_ family: DurationFamily, _ low: Double, _ high: Double, _ slide: Double, _ t: [Double]) -> Double {
        var p = 0.0
        for (u, w) in GaussLegendre.unit {
            p += w * probability(family, low - slide * u, high - slide * u, t)
        }
        return p
    }

    /// The log-likelihood; equal to `DurationFit.logLikelihood` over the
    /// observations (a test checks it).
    func logLikelihood(_ family: DurationFamily, _ t: [Double]) -> Double {
        var sum = 0.0
        switch family {
        case .exponential:
            let m = exp(t[0])
            sum = -n * t[0] - (sumX + sumCensored) / m
        case .gamma:
            let k = exp(t[0]), theta = exp(t[1])
            sum = (k - 1) * sumLogX - sumX / theta - n * gsl_sf_lngamma(k) - n * k * t[1]
            for c in censored { sum += family.logSurvival(c, t) }
        case .lognormal:
            let mu = t[0], sigma = exp(t[1])
            sum = -sumLogX - n * t[1] - 0.5 * n * log(2 * Double.pi)
                - (sumLogX2 - 2 * mu * sumLogX + n * mu * mu) / (2 * sigma * sigma)
            for c in censored { sum += family.logSurvival(c, t) }
        case .weibull:
            let la = t[0], b = exp(t[1])
            sum = n * (t[1] - la) + (b - 1) * (sumLogX - n * la)
            for l in logX { sum -= exp(b * (l - la)) }
            for l in logCensored { sum -= exp(b * (l - la)) }
        }
        for (a, b, n) in intervals {
            if !b.isFinite { sum += n * family.logSurvival(a, t); continue }
            sum += n * log(max(Self.probability(family, a, b, t), 1e-300))
        }
        for (a, b, w, n) in windows {
            sum += n * log(max(Self.windowProbability(family, a, b, w, t), 1e-300))
        }
        return sum
    }
}

/// GSL's fixed-order Gauss-Legendre rule on [0, 1]
/// (`gsl_integration_glfixed_table_alloc`, `gsl_integration_glfixed_point`),
/// computed once.
enum GaussLegendre {
    /// Points of the rule: exact for polynomials of degree 2n - 1; the
    /// window integrands are smooth inside (0, 1) (a kink of F at 0 only
    /// at an end), and 8 points put the error far below a sample's
    /// sampling error (`DurationEstimatorTests` checks a closed form).
    static let nodes = 8

    /// (point, weight) pairs on [0, 1]; the weights sum to 1.
    static let unit: [(Double, Double)] = {
        GSL.configure()
        guard let table = gsl_integration_glfixed_table_alloc(nodes) else { return [(0.5, 1)] }
        defer { gsl_integration_glfixed_table_free(table) }
        var out: [(Double, Double)] = []
        for i in 0..<nodes {
            var x = 0.0, w = 0.0
            gsl_integration_glfixed_point(0, 1, i, &x, &w, table)
            out.append((x, w))
        }
        return out
    }()
}
