import Sampling

/// What a numeric field is, which fixes its valid range and when it is drawn.
public enum QuantityKind: Sendable, Equatable {
    /// A probability in [0, 1]; drawn once per trial where uncertain.
    case probability
    /// A non-negative rate, multiplier, cost or capacity; once per trial.
    case nonNegative
    /// A duration or an amount of hours; drawn per event (MODEL.md section 2).
    case duration
    /// A whole number with a lower bound (openings, counts); never a distribution.
    case integer(minimum: Int)

    /// The valid range a value is clipped to after a change.
    public var range: ClosedRange<Double> {
        switch self {
        case .probability: return 0...1
        case .nonNegative, .duration: return 0...Double.greatestFiniteMagnitude
        case .integer(let m): return Double(m)...Double(Int32.max)
        }
    }

    /// True where a distribution is drawn per event, not per trial.
    public var isPerEvent: Bool { self == .duration }
}

/// A numeric scenario value: a distribution (a plain number is `.constant`)
/// with the changes interventions and sensitivity runs apply to each draw.
///
/// The value used is `clip(draw x scale + shift)` to the kind's range;
/// integers are rounded. A change never edits `distribution`, so the file's
/// value and the applied change both stay visible.
public struct Quantity: Sendable, Equatable {
    public var distribution: Distribution
    public var kind: QuantityKind
    public var scale: Double = 1
    public var shift: Double = 0

    public init(_ distribution: Distribution, kind: QuantityKind) {
        self.distribution = distribution
        self.kind = kind
    }

    public init(_ value: Double, kind: QuantityKind) {
        self.init(.constant(value), kind: kind)
    }

    /// True when the value varies: a non-constant distribution.
    public var isDistribution: Bool { !distribution.isConstant }

    /// An uncertain parameter (MODEL.md section 2): a distribution on a
    /// field that is drawn once per trial.
    public var isUncertain: Bool { isDistribution && !kind.isPerEvent }

    /// A raw value with this quantity's changes applied and clipped.
    @inlinable
    public func adjust(_ raw: Double) -> Double {
        var v = raw * scale + shift
        let r = kind.range
        if v < r.lowerBound { v = r.lowerBound }
        if v > r.upperBound { v = r.upperBound }
        if case .integer = kind { v = v.rounded() }
        return v
    }

    /// One draw, adjusted.
    @inlinable
    public func draw(_ stream: RandomStream) -> Double { adjust(distribution.sample(stream)) }

    /// One draw, adjusted.
    @inlinable
    package func draw(_ generator: RandomGenerator) -> Double { adjust(distribution.sample(generator)) }

    /// The value of a constant quantity, adjusted (the mean otherwise).
    public var fixedValue: Double { adjust(distribution.mean) }

    /// The value of an integer field.
    public var integerValue: Int { Int(fixedValue) }
}
