/// Why a distribution's parameters are refused, as one sentence a planner
/// reads ("uniform min 5 is greater than max 2").
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension Distribution {
    /// A number for messages: whole numbers without a decimal point.
    public static func format(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }

    /// Checks the parameters of a distribution built from its cases (GSL's
    /// parameterization), as the named initializer does for the forms a
    /// scenario writes: after this, sampling, moments and quantiles trust
    /// them. A code-built scenario is validated through here.
    public func validated() throws(DistributionError) -> Distribution {
        func f(_ x: Double) -> String { Distribution.format(x) }
        try checkFinite()
        switch self {
        case .constant, .empirical:
            break
        case .uniform(let a, let b):
            guard a <= b else { throw DistributionError("uniform min \(f(a)) is greater than max \(f(b))") }
        case .triangular(let a, let c, let b), .pert(let a, let c, let b):
            guard a <= b else { throw DistributionError("\(name) min \(f(a)) is greater than max \(f(b))") }
            guard a <= c, c <= b else { throw DistributionError("\(name) mode \(f(c)) is outside [min, max] = [\(f(a)), \(f(b))]") }
            if case .pert = self, a == b { throw DistributionError("pert with min = max is the number \(f(a)); write the number") }
        case .normal(let mean, let sd):
            try Distribution.checkNormal(mean: mean, sd: sd)
        case .lognormal(_, let sigma):
            guard sigma > 0 else { throw DistributionError("lognormal sigma must be greater than 0") }
        case .gamma(let k, let theta):
            guard k > 0, theta > 0 else { throw DistributionError("gamma shape and scale must be greater than 0") }
        case .exponential(let mean):
            guard mean > 0 else { throw DistributionError("exponential mean must be greater than 0") }
        case .weibull(let a, let b):
            guard a > 0, b > 0 else { throw DistributionError("weibull scale and shape must be greater than 0") }
        case .beta(let alpha, let beta):
            guard alpha > 0, beta > 0 else { throw DistributionError("beta alpha and beta must be greater than 0") }
            try Distribution.checkBetaWeight(alpha: alpha, beta: beta)
        case .poisson(let mean):
            try Distribution.checkPoisson(mean: mean)
        }
        return self
    }

    /// Extreme parameters can overflow in the conversions or the moments.
    public func checkFinite() throws(DistributionError) {
        guard Distribution.parameters(of: self).allSatisfy(\.isFinite), mean.isFinite, variance.isFinite else {
            throw DistributionError("\(name) with these parameters has no finite mean and variance")
        }
    }

    static func checkNormal(mean: Double, sd: Double) throws(DistributionError) {
        func f(_ x: Double) -> String { Distribution.format(x) }
        guard sd > 0 else { throw DistributionError("normal sd must be greater than 0; for a fixed value write the number") }
        guard mean >= 4 * sd else {
            throw DistributionError("normal needs mean >= 4 sd (here \(f(mean)) < \(f(4 * sd))) so that negative draws are negligible; "
                                    + "use gamma or lognormal with this mean and sd")
        }
    }

    /// GSL's inverse CDF never returns beyond (found by GSLNeverAbortsTests).
    static func checkBetaWeight(alpha: Double, beta: Double) throws(DistributionError) {
        guard alpha + beta <= Distribution.maxBetaWeight else {
            throw DistributionError("beta with alpha + beta above \(format(Distribution.maxBetaWeight)) is certain to within 0.001: "
                                    + "write its mean (about \(String(format: "%.3g", alpha / (alpha + beta)))) as a number")
        }
    }

    /// GSL draws Poisson counts as 32-bit integers; with a mean past about
    /// 4.9e9 its sampler's inner counts overflow and a draw can take hours
    /// (found by the fuzzer: a mean of 1e15).
    static func checkPoisson(mean: Double) throws(DistributionError) {
        guard mean > 0 else { throw DistributionError("poisson mean must be greater than 0") }
        guard mean <= Distribution.maxPoissonMean else {
            throw DistributionError("poisson mean must be at most \(format(Distribution.maxPoissonMean)) (GSL draws Poisson counts as "
                                    + "32-bit integers); for a larger count use gamma or lognormal")
        }
    }

    /// The numbers a distribution is built from, in GSL's parameterization.
    public static func parameters(of d: Distribution) -> [Double] {
        switch d {
        case .constant(let v), .exponential(let v), .poisson(let v): return [v]
        case .uniform(let a, let b), .normal(let a, let b), .lognormal(let a, let b), .gamma(let a, let b),
             .weibull(let a, let b), .beta(let a, let b):
            return [a, b]
        case .triangular(let a, let c, let b), .pert(let a, let c, let b): return [a, c, b]
        case .empirical(let t): return t.values
        }
    }

    /// A distribution that can take only one value is that number: uniform,
    /// triangular or pert with min = max, an empirical table with one value
    /// of positive weight. It is then no uncertain parameter (docs/model.md,
    /// "Degenerate values").
    public var collapsed: Distribution {
        switch self {
        case .uniform(let a, let b) where a == b: return .constant(a)
        case .triangular(let a, _, let b) where a == b: return .constant(a)
        case .pert(let a, _, let b) where a == b: return .constant(a)
        case .empirical(let t):
            let possible = Set(zip(t.values, t.probabilities).filter { $0.1 > 0 }.map(\.0))
            return possible.count == 1 ? .constant(possible.first!) : self
        default: return self
        }
    }
}
