import Foundation

/// The distributions as a scenario writes them (MODEL.md section 2): their
/// names, the parameter sets each accepts, and the throwing initializer
/// that turns one written form into GSL's parameterization, checking it.
extension Distribution {
    /// The distributions a scenario may name, in the order messages list them.
    public static let names = [
        "constant", "uniform", "triangular", "pert", "normal", "lognormal",
        "gamma", "exponential", "weibull", "beta", "poisson", "empirical",
    ]

    /// Each distribution's accepted parameter sets ("forms"); exactly one is written.
    public static let forms: [String: [[String]]] = [
        "constant": [["value"]],
        "uniform": [["min", "max"]],
        "triangular": [["min", "mode", "max"]],
        "pert": [["min", "mode", "max"]],
        "normal": [["mean", "sd"]],
        "lognormal": [["median", "p90"], ["mean", "sd"], ["mu", "sigma"]],
        "gamma": [["mean", "sd"], ["shape", "scale"]],
        "exponential": [["mean"]],
        "weibull": [["scale", "shape"]],
        "beta": [["alpha", "beta"], ["mean", "n"], ["successes", "trials"]],
        "poisson": [["mean"]],
        "empirical": [["values"], ["values", "weights"]],
    ]

    /// How a distribution is written, for messages.
    public static let example = "{dist: gamma, mean: 2, sd: 1}"

    /// The largest Poisson mean GSL's sampler handles (see `checkPoisson`).
    public static let maxPoissonMean = 1e9

    /// "{mean, sd} or {shape, scale}".
    public static func formsText(_ name: String) -> String {
        let written = (forms[name] ?? []).map { "{" + $0.joined(separator: ", ") + "}" }
        if written.count <= 1 { return written.first ?? "" }
        return written.dropLast().joined(separator: ", ") + " or " + written.last!
    }

    /// The name a scenario file uses for this distribution.
    public var name: String {
        switch self {
        case .constant: return "constant"
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .pert: return "pert"
        case .normal: return "normal"
        case .lognormal: return "lognormal"
        case .gamma: return "gamma"
        case .exponential: return "exponential"
        case .weibull: return "weibull"
        case .beta: return "beta"
        case .poisson: return "poisson"
        case .empirical: return "empirical"
        }
    }

    /// The distribution `name` written with `parameters` (one of its
    /// `forms`; `values` and `weights` for `empirical`), converted to GSL's
    /// parameterization and checked. A distribution that can take only one
    /// value comes back as that number (`collapsed`).
    public init(_ name: String, _ p: [String: Double], values: [Double]? = nil,
                weights: [Double]? = nil) throws(DistributionError) {
        func fail(_ message: String) -> DistributionError { DistributionError(message) }
        func f(_ x: Double) -> String { Distribution.format(x) }
        let d: Distribution
        switch name {
        case "constant":
            d = .constant(p["value"]!)
        case "uniform":
            let a = p["min"]!, b = p["max"]!
            guard a <= b else { throw fail("uniform min \(f(a)) is greater than max \(f(b))") }
            d = .uniform(min: a, max: b)
        case "triangular", "pert":
            let a = p["min"]!, c = p["mode"]!, b = p["max"]!
            guard a <= b else { throw fail("\(name) min \(f(a)) is greater than max \(f(b))") }
            guard a <= c, c <= b else { throw fail("\(name) mode \(f(c)) is outside [min, max] = [\(f(a)), \(f(b))]") }
            d = name == "pert" ? .pert(min: a, mode: c, max: b) : .triangular(min: a, mode: c, max: b)
        case "normal":
            let mean = p["mean"]!, sd = p["sd"]!
            try Distribution.checkNormal(mean: mean, sd: sd)
            d = .normal(mean: mean, sd: sd)
        case "lognormal":
            if let median = p["median"], let p90 = p["p90"] {
                guard median > 0, median < p90 else {
                    throw fail("lognormal needs 0 < median < p90 (median \(f(median)), p90 \(f(p90)))")
                }
                let mu = Foundation.log(median)
                d = .lognormal(mu: mu, sigma: (Foundation.log(p90) - mu) / Distribution.z90)
            } else if let mean = p["mean"], let sd = p["sd"] {
                guard mean > 0, sd > 0 else { throw fail("lognormal mean and sd must be greater than 0") }
                let s2 = Foundation.log(1 + sd * sd / (mean * mean))
                d = .lognormal(mu: Foundation.log(mean) - s2 / 2, sigma: s2.squareRoot())
            } else {
                let mu = p["mu"]!, sigma = p["sigma"]!
                guard sigma > 0 else { throw fail("lognormal sigma must be greater than 0") }
                d = .lognormal(mu: mu, sigma: sigma)
            }
        case "gamma":
            if let mean = p["mean"], let sd = p["sd"] {
                guard mean > 0, sd > 0 else { throw fail("gamma mean and sd must be greater than 0") }
                d = .gamma(shape: mean * mean / (sd * sd), scale: sd * sd / mean)
            } else {
                let k = p["shape"]!, theta = p["scale"]!
                guard k > 0, theta > 0 else { throw fail("gamma shape and scale must be greater than 0") }
                d = .gamma(shape: k, scale: theta)
            }
        case "exponential":
            let mean = p["mean"]!
            guard mean > 0 else { throw fail("exponential mean must be greater than 0") }
            d = .exponential(mean: mean)
        case "weibull":
            let a = p["scale"]!, b = p["shape"]!
            guard a > 0, b > 0 else { throw fail("weibull scale and shape must be greater than 0") }
            d = .weibull(scale: a, shape: b)
        case "beta":
            let alpha: Double, beta: Double
            if let a = p["alpha"], let b = p["beta"] {
                guard a > 0, b > 0 else { throw fail("beta alpha and beta must be greater than 0") }
                (alpha, beta) = (a, b)
            } else if let mean = p["mean"], let n = p["n"] {
                guard mean > 0, mean < 1 else { throw fail("beta mean must be strictly between 0 and 1 (got mean \(f(mean)))") }
                guard n > 0 else { throw fail("beta n must be greater than 0") }
                (alpha, beta) = (mean * n, (1 - mean) * n)
            } else {
                let s = p["successes"]!, t = p["trials"]!
                guard t == t.rounded(), t >= 1 else { throw fail("beta trials must be a whole number >= 1 (got trials \(f(t)))") }
                guard s == s.rounded(), s >= 0 else { throw fail("beta successes must be a whole number >= 0 (got successes \(f(s)))") }
                guard s <= t else { throw fail("beta successes \(f(s)) exceed trials \(f(t))") }
                (alpha, beta) = (s + 1, t - s + 1)
            }
            try Distribution.checkBetaWeight(alpha: alpha, beta: beta)
            d = .beta(alpha: alpha, beta: beta)
        case "poisson":
            let mean = p["mean"]!
            try Distribution.checkPoisson(mean: mean)
            d = .poisson(mean: mean)
        case "empirical":
            d = try Distribution.empirical(values ?? [], weights: weights)
        default:
            throw fail("unknown distribution; known: \(Distribution.names.joined(separator: ", "))")
        }
        self = d.collapsed
        try checkFinite()
    }

    /// An empirical table of `values` (equally likely without `weights`).
    static func empirical(_ values: [Double], weights: [Double]?) throws(DistributionError) -> Distribution {
        guard !values.isEmpty else { throw DistributionError("empirical needs at least one value") }
        if let weights {
            guard weights.count == values.count else {
                throw DistributionError("empirical has \(values.count) values but \(weights.count) weights; give one weight per value")
            }
            guard weights.allSatisfy({ $0 >= 0 }) else { throw DistributionError("empirical weights must not be negative") }
            guard weights.reduce(0, +) > 0 else { throw DistributionError("empirical weights must have a positive sum") }
        }
        do {
            return .empirical(try EmpiricalTable(values: values, weights: weights))
        } catch {
            throw DistributionError("empirical table rejected: \(error)")
        }
    }
}
