import CGSL
import Foundation

/// Maximum-likelihood fits of a censored duration sample (MODEL.md 18.6)
/// for each family of `DurationFamily`, with standard errors from the
/// observed information and a goodness of fit that respects censoring.
///
/// The log-likelihood sums log f(x) for exact values, log S(c) for
/// right-censored ones and log(F(b) - F(a)) for intervals. An exact 0 (a
/// duration that took no time, as a zero `hr_workdays` gives) has no
/// density under these families: it enters as the interval [0, 1 minute].
public struct FamilyFit: Sendable {
    public var family: DurationFamily
    /// Unconstrained parameters at the optimum (see `DurationFamily.natural`).
    public var parameters: [Double]
    public var logLikelihood: Double
    /// 2k - 2 log L.
    public var aic: Double
    /// The fitted mean and its 95% interval (delta method on the log of
    /// the mean, from the inverse of the observed information); nil
    /// bounds where the information is not positive definite.
    public var mean: Double
    public var meanLow: Double?, meanHigh: Double?
    /// The largest gap between the Kaplan-Meier curve and the fitted CDF.
    public var gof: Double

    /// The fitted distribution as scenario YAML.
    public var yaml: String { family.yaml(parameters) }
    public var summary: String { family.describe(parameters) }
}

/// The fit of one duration: every family, and the best by AIC.
public struct DurationFit: Sendable {
    public var sample: DurationSample
    /// By family, in `DurationFamily.allCases` order.
    public var fits: [FamilyFit]
    /// Every ended duration was 0: the value is the constant 0.
    public var allZero: Bool

    /// The lowest AIC.
    public var best: FamilyFit? { fits.min { $0.aic < $1.aic } }

    /// The width of an exact 0 taken as an interval: one minute.
    public static let zeroWidth = 1.0 / 1440

    /// Fits `sample`; nil where it holds no ended duration.
    public static func fit(_ sample: DurationSample, families: [DurationFamily] = DurationFamily.allCases) -> DurationFit? {
        guard sample.events > 0 else { return nil }
        var zero = true
        for o in sample.observations {
            switch o {
            case .exact(let x) where x > 0: zero = false
            case .interval(_, let b) where b > zeroWidth: zero = false
            case .window(_, let b, _) where b > zeroWidth: zero = false
            default: break
            }
        }
        if zero { return DurationFit(sample: sample, fits: [], allZero: true) }
        let obs: [DurationObservation] = sample.observations.map {
            if case .exact(let x) = $0, x <= 0 { return .interval(0, zeroWidth) }
            return $0
        }
        // Starting values from the ended durations (interval midpoints).
        var values: [Double] = []
        for o in obs {
            if o.ended { values.append(max(o.typical, zeroWidth)) }
        }
        let m = values.reduce(0, +) / Double(values.count)
        let s = values.count > 1 ? sqrt(values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)) : m
        let logs = values.map { log($0) }
        let lm = logs.reduce(0, +) / Double(logs.count)
        let ls = logs.count > 1 ? sqrt(logs.reduce(0) { $0 + ($1 - lm) * ($1 - lm) } / Double(logs.count - 1)) : 0.5
        let km = KaplanMeier(obs)
        // Two-parameter families need some spread: with fewer than three
        // distinct ended values their likelihood has no interior maximum
        // (a shape runs off to infinity), so only the exponential is tried.
        let distinct = Set(values.map { ($0 * 1e6).rounded() }).count
        let tried = distinct < 3 ? families.filter { $0.parameterCount == 1 } : families
        let prepared = PreparedSample(obs)
        var fits: [FamilyFit] = []
        for family in tried {
            let negLL: ([Double]) -> Double = { t in -prepared.logLikelihood(family, t) }
            let start = family.start(mean: m, sd: s, logMean: lm, logSD: ls)
            let (t, value) = Minimizer.minimize(negLL, start: start)
            // A degenerate optimum (a parameter at the edge of what a double
            // holds) is no fit: the family cannot describe the sample.
            let (a, b) = family.natural(t)
            guard value.isFinite, value < 1e299, t.allSatisfy({ abs($0) < 30 }), a.isFinite, b.isFinite else { continue }
            let (low, high) = meanInterval(family, t, negLL)
            let mean = family.mean(t)
            fits.append(FamilyFit(family: family, parameters: t, logLikelihood: -value,
                                  aic: 2 * Double(family.parameterCount) + 2 * value,
                                  mean: mean, meanLow: low, meanHigh: high,
                                  gof: km.maxGap { family.cdf($0, t) }))
        }
        // Every ended duration could have taken no time (date-only times
        // on one day) and the likelihood's maximum is at a mean of 0 (no
        // family fits, or the best runs to under a minute): as far as the dates show, they took no time.
        let best = fits.min { $0.aic < $1.aic }
        if obs.allSatisfy({ $0.canBeZero }), fits.isEmpty || best!.mean < zeroWidth {
            return DurationFit(sample: sample, fits: [], allZero: true)
        }
        return DurationFit(sample: sample, fits: fits, allZero: false)
    }

    /// The log-likelihood of `obs` under `family` with parameters `t`,
    /// observation by observation: the reference `PreparedSample` is checked against.
    static func logLikelihood(_ family: DurationFamily, _ t: [Double], _ obs: [DurationObservation]) -> Double {
        var sum = 0.0
        for o in obs {
            switch o {
            case .exact(let x): sum += family.logDensity(x, t)
            case .rightCensored(let c): sum += family.logSurvival(c, t)
            case .interval(let a, let b):
                if !b.isFinite { sum += family.logSurvival(a, t); continue }
                sum += log(max(PreparedSample.probability(family, a, b, t), 1e-300))
            case .window(let a, let b, let w):
                sum += log(max(PreparedSample.windowProbability(family, a, b, w, t), 1e-300))
            }
        }
        return sum
    }

    /// The 95% interval of the mean: the inverse of the observed
    /// information (a central-difference Hessian of -log L in the
    /// unconstrained parameters), carried to log(mean) by the delta method.
    static func meanInterval(_ family: DurationFamily, _ t: [Double],
                             _ negLL: ([Double]) -> Double) -> (Double?, Double?) {
        guard let cov = Information.covariance(negLL, at: t) else { return (nil, nil) }
        let h = 1e-5
        var g = [Double](repeating: 0, count: t.count)
        for i in t.indices {
            var up = t, down = t
            up[i] += h; down[i] -= h
            g[i] = (log(family.mean(up)) - log(family.mean(down))) / (2 * h)
        }
        var v = 0.0
        for i in t.indices { for j in t.indices { v += g[i] * cov[i][j] * g[j] } }
        guard v >= 0, v.isFinite else { return (nil, nil) }
        let lm = log(family.mean(t)), z = 1.959963984540054 * sqrt(v)
        return (exp(lm - z), exp(lm + z))
    }
}

extension DurationObservation {
    /// An ended duration whose bounds allow 0 (a right-censored one says nothing).
    var canBeZero: Bool {
        switch self {
        case .exact(let x): return x <= DurationFit.zeroWidth
        case .rightCensored: return true
        case .interval(let a, let b): return !b.isFinite || a <= DurationFit.zeroWidth
        case .window(let a, let b, let w): return !b.isFinite || a - w <= DurationFit.zeroWidth
        }
    }
}

/// The observed information of a likelihood, by finite differences.
enum Information {
    /// The inverse of the central-difference Hessian of `f` at `t` (step
    /// 1e-4 in each unconstrained parameter), or nil where that Hessian is
    /// not positive definite (a flat or degenerate likelihood). One and two
    /// dimensions, which is all the families need.
    static func covariance(_ f: ([Double]) -> Double, at t: [Double]) -> [[Double]]? {
        let h = 1e-4
        let n = t.count
        let f0 = f(t)
        var H = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            var up = t, down = t
            up[i] += h; down[i] -= h
            H[i][i] = (f(up) - 2 * f0 + f(down)) / (h * h)
            for j in (i + 1)..<max(i + 1, n) {
                var pp = t, pm = t, mp = t, mm = t
                pp[i] += h; pp[j] += h; pm[i] += h; pm[j] -= h
                mp[i] -= h; mp[j] += h; mm[i] -= h; mm[j] -= h
                H[i][j] = (f(pp) - f(pm) - f(mp) + f(mm)) / (4 * h * h)
                H[j][i] = H[i][j]
            }
        }
        if n == 1 { return H[0][0] > 0 ? [[1 / H[0][0]]] : nil }
        let det = H[0][0] * H[1][1] - H[0][1] * H[1][0]
        guard n == 2, H[0][0] > 0, det > 0, det.isFinite else { return nil }
        return [[H[1][1] / det, -H[0][1] / det], [-H[1][0] / det, H[0][0] / det]]
    }
}
