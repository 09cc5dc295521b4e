import Sampling

/// What values a numeric field may hold (MODEL.md section 2): the range of
/// its kind, and the magnitude of any scenario value. The YAML reader and
/// `Scenario.validationIssues` both ask here, so a scenario built in code is
/// held to the same rules, in the same words, as one read from a file.
extension Quantity {
    /// The largest value, mean or spread of a numeric field: sums over
    /// events and trials of larger ones could overflow a double (the fuzzer
    /// found a NaN mean cost from `cost: 1.7976931348623157e308`).
    public static let maxMagnitude = 1e15

    /// Why `d` is too large for any scenario value, or nil where it is not.
    public static func magnitudeProblem(_ d: Distribution) -> String? {
        if case .constant(let v) = d {
            return abs(v) <= maxMagnitude ? nil : "is too large (at most 1e15)"
        }
        let (lo, hi) = d.support
        let largest = [abs(d.mean), d.variance.squareRoot(), lo.isFinite ? abs(lo) : 0, hi.isFinite ? abs(hi) : 0].max()!
        guard largest > maxMagnitude else { return nil }
        return "\(d.name) with these parameters has values, a mean or a spread above 1e15, larger than any scenario value"
    }

    /// Every rule a field's value must keep, in the order the reader checks
    /// them: the distribution's parameters, its magnitude, the kind's range.
    /// Nil where the value is valid.
    public var problem: String? {
        if case .integer = kind { return kind.problem(with: distribution) }
        do { _ = try distribution.validated() } catch { return error.message }
        return Quantity.magnitudeProblem(distribution) ?? kind.problem(with: distribution)
    }
}

extension QuantityKind {
    /// Why `d` cannot be the value of a field of this kind, or nil where it
    /// can. Probabilities need support within [0, 1], other fields support
    /// at or above 0; integers take only plain whole numbers.
    public func problem(with d: Distribution) -> String? {
        let name = d.name
        let (lo, hi) = d.support
        func f(_ x: Double) -> String { Distribution.format(x) }
        switch self {
        case .integer(let minimum):
            guard case .constant(let v) = d else { return "must be a plain whole number, not a distribution" }
            if v != v.rounded() { return "must be a whole number" }
            if v > Double(Int32.max) { return "is too large (at most \(Int32.max))" }
            if v < Double(minimum) { return "must be at least \(minimum)" }
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
}
