import Sampling

extension Quantity {
    /// One draw given that the value (adjusted: `clip(raw x scale + shift)`)
    /// is at least `elapsed`: the residual-life draw of MODEL.md 19.3 for a
    /// duration that has run `elapsed` at the as-of instant. The condition
    /// on the value is a condition on the raw draw, raw >= (elapsed - shift) /
    /// scale (scale > 0; with scale 0 the value is fixed). Always >= `elapsed`.
    public func draw(exceeding elapsed: Double, _ stream: RandomStream) -> Double {
        draw(exceeding: elapsed, stream.generator)
    }

    /// The same from a raw generator (the engine's).
    package func draw(exceeding elapsed: Double, _ generator: RandomGenerator) -> Double {
        guard scale > 0 else { return Swift.max(adjust(0), elapsed) }
        let raw = distribution.sample(exceeding: (elapsed - shift) / scale, generator)
        return Swift.max(adjust(raw), elapsed)
    }
}
