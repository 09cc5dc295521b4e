import Foundation
import Yams

/// Reading numbers and distributions (MODEL.md section 2) into
/// `Distribution` values, and checking them against a field's kind.
extension ScenarioReader {
    /// The distributions a scenario may name, in the order messages list them.
    static let distributionNames = [
        "constant", "uniform", "triangular", "pert", "normal", "lognormal",
        "gamma", "exponential", "weibull", "beta", "poisson", "empirical",
    ]

    /// Each distribution's accepted parameter sets ("rows"); exactly one is written.
    static let distributionForms: [String: [[String]]] = [
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

    static let distributionExample = "{dist: gamma, mean: 2, sd: 1}"

    /// The largest value, mean or spread of a numeric field: sums over
    /// events and trials of larger ones could overflow a double (the fuzzer
    /// found a NaN mean cost from `cost: 1.7976931348623157e308`).
    static let maxMagnitude = 1e15

    /// The largest Poisson mean GSL's sampler handles (see `distribution`).
    static let maxPoissonMean = 1e9

    /// "{mean, sd} or {shape, scale}".
    static func formsText(_ name: String) -> String {
        let forms = distributionForms[name] ?? []
        let written = forms.map { "{" + $0.joined(separator: ", ") + "}" }
        if written.count <= 1 { return written.first ?? "" }
        return written.dropLast().joined(separator: ", ") + " or " + written.last!
    }

    /// A number for messages: whole numbers without a decimal point.
    static func format(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }

    /// The name a scenario file uses for a distribution.
    static func name(of d: Distribution) -> String {
        switch d {
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

    /// A plain number (`.constant`) or a distribution mapping, with its
    /// parameters checked (but not the field's range: see `rangeProblem`).
    mutating func distribution(_ node: Node, _ path: String) -> Distribution? {
        let expected = "a number or a distribution such as \(ScenarioReader.distributionExample)"
        switch node {
        case .scalar:
            guard let v = number(node, path, expected: expected) else { return nil }
            guard abs(v) <= ScenarioReader.maxMagnitude else {
                report(node, path, "is too large (at most 1e15)", value: ScenarioReader.render(node))
                return nil
            }
            return .constant(v)
        case .sequence, .alias:
            report(node, path, "expected \(expected), not \(ScenarioReader.shape(node))", value: ScenarioReader.render(node))
            return nil
        case .mapping(let m):
            guard let written = distribution(mapping: m, node: node, path: path) else { return nil }
            let d = ScenarioReader.collapsed(written)
            // Extreme parameters can overflow in the conversions or the moments.
            guard ScenarioReader.parameters(of: d).allSatisfy(\.isFinite), d.mean.isFinite, d.variance.isFinite else {
                report(node, path, "\(ScenarioReader.name(of: d)) with these parameters has no finite mean and variance",
                       value: ScenarioReader.render(node))
                return nil
            }
            let (lo, hi) = d.support
            let largest = [abs(d.mean), d.variance.squareRoot(), lo.isFinite ? abs(lo) : 0, hi.isFinite ? abs(hi) : 0].max()!
            guard largest <= ScenarioReader.maxMagnitude else {
                report(node, path, "\(ScenarioReader.name(of: d)) with these parameters has values, a mean or a spread above 1e15, "
                       + "larger than any scenario value", value: ScenarioReader.render(node))
                return nil
            }
            return d
        }
    }

    /// A distribution that can take only one value is that number: uniform,
    /// triangular or pert with min = max, an empirical table with one value
    /// of positive weight. It is then no uncertain parameter (docs/model.md,
    /// "Degenerate values").
    static func collapsed(_ d: Distribution) -> Distribution {
        switch d {
        case .uniform(let a, let b) where a == b: return .constant(a)
        case .triangular(let a, _, let b) where a == b: return .constant(a)
        case .pert(let a, _, let b) where a == b: return .constant(a)
        case .empirical(let t):
            let possible = Set(zip(t.values, t.probabilities).filter { $0.1 > 0 }.map(\.0))
            return possible.count == 1 ? .constant(possible.first!) : d
        default: return d
        }
    }

    /// The numbers a distribution is built from, in GSL's parameterization.
    static func parameters(of d: Distribution) -> [Double] {
        switch d {
        case .constant(let v), .exponential(let v), .poisson(let v): return [v]
        case .uniform(let a, let b), .normal(let a, let b), .lognormal(let a, let b), .gamma(let a, let b),
             .weibull(let a, let b), .beta(let a, let b):
            return [a, b]
        case .triangular(let a, let c, let b), .pert(let a, let c, let b): return [a, c, b]
        case .empirical(let t): return t.values
        }
    }

    private mutating func distribution(mapping m: Node.Mapping, node: Node, path: String) -> Distribution? {
        let written = ScenarioReader.render(node)
        let known = ScenarioReader.distributionNames.joined(separator: ", ")
        var distNode: Node?
        var params: [(key: String, keyNode: Node, value: Node)] = []
        for p in pairs(m, path) {
            if p.key == "dist" { distNode = p.value } else { params.append(p) }
        }
        guard let distNode else {
            report(node, path, "a distribution needs 'dist' (one of \(known)), as in \(ScenarioReader.distributionExample)",
                   value: written)
            return nil
        }
        guard case .scalar(let ds) = distNode, !ScenarioReader.isNull(distNode),
              let forms = ScenarioReader.distributionForms[ds.string] else {
            let given = ScenarioReader.render(distNode)
            var message = "unknown distribution; known: \(known)"
            if let guess = Suggest.closest(given, among: ScenarioReader.distributionNames) {
                message = "unknown distribution; did you mean '\(guess)'? Known: \(known)"
            }
            report(distNode, FieldPath.join(path, "dist"), message, value: given)
            return nil
        }
        let name = ds.string
        let formsText = ScenarioReader.formsText(name)
        let allowed = Set(forms.joined())
        var ok = true
        for p in params where !allowed.contains(p.key) {
            var message = "unknown parameter '\(p.key)' for \(name)"
            if let guess = Suggest.closest(p.key, among: Array(allowed).sorted()) { message += "; did you mean '\(guess)'?" }
            message += " (\(name) takes \(formsText))"
            report(p.keyNode, FieldPath.join(path, p.key), message)
            ok = false
        }
        guard ok else { return nil }
        let given = params.map(\.key)
        guard forms.contains(where: { Set($0) == Set(given) }) else {
            if given.isEmpty {
                report(node, path, "\(name) needs its parameters: \(formsText)", value: written)
            } else if let form = forms.filter({ Set(given).isSubset(of: Set($0)) }).min(by: { $0.count < $1.count }) {
                let absent = form.filter { !given.contains($0) }
                report(node, path, "\(name) is missing \(absent.joined(separator: ", ")) (\(name) takes \(formsText))", value: written)
            } else {
                report(node, path, "\(name) takes exactly one of \(formsText), not a mix of them", value: written)
            }
            return nil
        }

        // The numbers.
        var v: [String: Double] = [:]
        for p in params where p.key != "values" && p.key != "weights" {
            if let x = number(p.value, FieldPath.join(path, p.key)) { v[p.key] = x } else { ok = false }
        }
        guard ok else { return nil }

        func fail(_ message: String) -> Distribution? {
            report(node, path, message, value: written)
            return nil
        }
        func f(_ x: Double) -> String { ScenarioReader.format(x) }

        switch name {
        case "constant":
            return .constant(v["value"]!)
        case "uniform":
            let a = v["min"]!, b = v["max"]!
            guard a <= b else { return fail("uniform min \(f(a)) is greater than max \(f(b))") }
            return .uniform(min: a, max: b)
        case "triangular", "pert":
            let a = v["min"]!, c = v["mode"]!, b = v["max"]!
            guard a <= b else { return fail("\(name) min \(f(a)) is greater than max \(f(b))") }
            guard a <= c, c <= b else { return fail("\(name) mode \(f(c)) is outside [min, max] = [\(f(a)), \(f(b))]") }
            if name == "pert" { return .pert(min: a, mode: c, max: b) }   // min = max: a constant (collapsed)
            return .triangular(min: a, mode: c, max: b)
        case "normal":
            let mean = v["mean"]!, sd = v["sd"]!
            guard sd > 0 else { return fail("normal sd must be greater than 0; for a fixed value write the number") }
            guard mean >= 4 * sd else {
                return fail("normal needs mean >= 4 sd (here \(f(mean)) < \(f(4 * sd))) so that negative draws are negligible; "
                            + "use gamma or lognormal with this mean and sd")
            }
            return .normal(mean: mean, sd: sd)
        case "lognormal":
            if let median = v["median"], let p90 = v["p90"] {
                guard median > 0, median < p90 else {
                    return fail("lognormal needs 0 < median < p90 (median \(f(median)), p90 \(f(p90)))")
                }
                let mu = Foundation.log(median)
                return .lognormal(mu: mu, sigma: (Foundation.log(p90) - mu) / Distribution.z90)
            }
            if let mean = v["mean"], let sd = v["sd"] {
                guard mean > 0, sd > 0 else { return fail("lognormal mean and sd must be greater than 0") }
                let s2 = Foundation.log(1 + sd * sd / (mean * mean))
                return .lognormal(mu: Foundation.log(mean) - s2 / 2, sigma: s2.squareRoot())
            }
            let mu = v["mu"]!, sigma = v["sigma"]!
            guard sigma > 0 else { return fail("lognormal sigma must be greater than 0") }
            return .lognormal(mu: mu, sigma: sigma)
        case "gamma":
            if let mean = v["mean"], let sd = v["sd"] {
                guard mean > 0, sd > 0 else { return fail("gamma mean and sd must be greater than 0") }
                return .gamma(shape: mean * mean / (sd * sd), scale: sd * sd / mean)
            }
            let k = v["shape"]!, theta = v["scale"]!
            guard k > 0, theta > 0 else { return fail("gamma shape and scale must be greater than 0") }
            return .gamma(shape: k, scale: theta)
        case "exponential":
            let mean = v["mean"]!
            guard mean > 0 else { return fail("exponential mean must be greater than 0") }
            return .exponential(mean: mean)
        case "weibull":
            let a = v["scale"]!, b = v["shape"]!
            guard a > 0, b > 0 else { return fail("weibull scale and shape must be greater than 0") }
            return .weibull(scale: a, shape: b)
        case "beta":
            let alpha: Double, beta: Double
            if let a = v["alpha"], let b = v["beta"] {
                guard a > 0, b > 0 else { return fail("beta alpha and beta must be greater than 0") }
                (alpha, beta) = (a, b)
            } else if let mean = v["mean"], let n = v["n"] {
                guard mean > 0, mean < 1 else { return fail("beta mean must be strictly between 0 and 1 (got mean \(f(mean)))") }
                guard n > 0 else { return fail("beta n must be greater than 0") }
                (alpha, beta) = (mean * n, (1 - mean) * n)
            } else {
                let s = v["successes"]!, t = v["trials"]!
                guard t == t.rounded(), t >= 1 else { return fail("beta trials must be a whole number >= 1 (got trials \(f(t)))") }
                guard s == s.rounded(), s >= 0 else { return fail("beta successes must be a whole number >= 0 (got successes \(f(s)))") }
                guard s <= t else { return fail("beta successes \(f(s)) exceed trials \(f(t))") }
                (alpha, beta) = (s + 1, t - s + 1)
            }
            // GSL's inverse CDF never returns beyond (found by GSLNeverAbortsTests).
            guard alpha + beta <= Distribution.maxBetaWeight else {
                return fail("beta with alpha + beta above \(f(Distribution.maxBetaWeight)) is certain to within 0.001: "
                            + "write its mean (about \(String(format: "%.3g", alpha / (alpha + beta)))) as a number")
            }
            return .beta(alpha: alpha, beta: beta)
        case "poisson":
            let mean = v["mean"]!
            guard mean > 0 else { return fail("poisson mean must be greater than 0") }
            // GSL draws Poisson counts as 32-bit integers; with a mean past
            // about 4.9e9 its sampler's inner counts overflow and a draw can
            // take hours (found by the fuzzer: a mean of 1e15).
            guard mean <= ScenarioReader.maxPoissonMean else {
                return fail("poisson mean must be at most \(f(ScenarioReader.maxPoissonMean)) (GSL draws Poisson counts as "
                            + "32-bit integers); for a larger count use gamma or lognormal")
            }
            return .poisson(mean: mean)
        case "empirical":
            return empirical(params, node: node, path: path)
        default:
            return nil
        }
    }

    private mutating func empirical(_ params: [(key: String, keyNode: Node, value: Node)], node: Node, path: String) -> Distribution? {
        func list(_ key: String) -> [Double]? {
            guard let p = params.first(where: { $0.key == key }) else { return nil }
            let lpath = FieldPath.join(path, key)
            guard case .sequence(let seq) = p.value else {
                report(p.value, lpath, "expected a list of numbers such as [14, 30, 60], not \(ScenarioReader.shape(p.value))",
                       value: ScenarioReader.render(p.value))
                return nil
            }
            guard !seq.isEmpty else {
                report(p.value, lpath, "must list at least one number")
                return nil
            }
            var out: [Double] = []
            var ok = true
            for (i, item) in seq.enumerated() {
                if let x = number(item, lpath + "[\(i)]") { out.append(x) } else { ok = false }
            }
            return ok ? out : nil
        }
        let values = list("values")
        let hasWeights = params.contains { $0.key == "weights" }
        let weights = hasWeights ? list("weights") : nil
        guard let values, !hasWeights || weights != nil else { return nil }
        let written = ScenarioReader.render(node)
        if let weights {
            guard weights.count == values.count else {
                report(node, path, "empirical has \(values.count) values but \(weights.count) weights; give one weight per value",
                       value: written)
                return nil
            }
            guard weights.allSatisfy({ $0 >= 0 }) else {
                report(node, path, "empirical weights must not be negative", value: written)
                return nil
            }
            guard weights.reduce(0, +) > 0 else {
                report(node, path, "empirical weights must have a positive sum", value: written)
                return nil
            }
        }
        do {
            return .empirical(try EmpiricalTable(values: values, weights: weights))
        } catch {
            report(node, path, "empirical table rejected: \(error)", value: written)
            return nil
        }
    }

    /// Why `d` cannot be the value of a field of `kind`, or nil where it can.
    /// Probabilities need support within [0, 1], other fields support at or
    /// above 0; integers take only plain whole numbers.
    static func rangeProblem(_ d: Distribution, kind: QuantityKind) -> String? {
        let name = self.name(of: d)
        let (lo, hi) = d.support
        func f(_ x: Double) -> String { format(x) }
        switch kind {
        case .integer(let minimum):
            guard case .constant(let v) = d else { return "must be a plain whole number, not a distribution" }
            if v != v.rounded() { return "must be a whole number" }
            if v < Double(minimum) { return "must be at least \(minimum)" }
            if v > Double(Int32.max) { return "is too large (at most \(Int32.max))" }
            return nil
        case .probability:
            if case .constant(let v) = d {
                return (0...1).contains(v) ? nil : "a probability must be between 0 and 1"
            }
            if hi.isInfinite {
                return "\(name) can give values above 1; a probability needs a distribution within [0, 1] "
                    + "(beta, or uniform, triangular, pert or empirical within [0, 1])"
            }
            if lo < 0 || hi > 1 {
                return "\(name) on [\(f(lo)), \(f(hi))] can give values outside [0, 1]; a probability must stay within [0, 1]"
            }
            return nil
        case .nonNegative, .duration:
            if case .constant(let v) = d {
                return v >= 0 ? nil : "must not be negative"
            }
            if lo < 0 {
                return "\(name) on [\(f(lo)), \(f(hi))] can give negative values; this field must not be negative"
            }
            return nil
        }
    }

    /// A field's value: a whole number for integer kinds, else a number or a
    /// distribution whose support fits the kind. Reports and returns nil on
    /// any problem.
    mutating func quantity(_ node: Node, _ path: String, kind: QuantityKind) -> Quantity? {
        if case .integer(let minimum) = kind {
            return integer(node, path, minimum: minimum).map { Quantity(Double($0), kind: kind) }
        }
        guard let d = distribution(node, path) else { return nil }
        if let problem = ScenarioReader.rangeProblem(d, kind: kind) {
            report(node, path, problem, value: ScenarioReader.render(node))
            return nil
        }
        return Quantity(d, kind: kind)
    }

    /// An optional field's value; nil where absent or wrong (reported).
    mutating func quantity(_ f: Fields, _ key: String, _ kind: QuantityKind) -> Quantity? {
        guard let node = f[key] else { return nil }
        return quantity(node, f.path(key), kind: kind)
    }

    /// A field with a default: the default where absent or wrong (reported).
    mutating func quantity(_ f: Fields, _ key: String, _ kind: QuantityKind, default d: Double) -> Quantity {
        quantity(f, key, kind) ?? Quantity(d, kind: kind)
    }

    /// A required field: reported where absent; a placeholder of 0 keeps
    /// the walk going (the scenario is rejected anyway).
    mutating func requiredQuantity(_ f: Fields, _ key: String, _ kind: QuantityKind, _ hint: String = "") -> Quantity {
        if f[key] == nil { missing(f, key, hint) }
        return quantity(f, key, kind) ?? Quantity(0, kind: kind)
    }
}
