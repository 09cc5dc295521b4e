/// A linear map from data values to chart coordinates, and the round tick
/// values an axis shows.
struct LinearScale {
    var domain: (Double, Double)
    var range: (Double, Double)

    init(domain: (Double, Double), range: (Double, Double)) {
        // A zero-width domain would divide by zero: widen it by one unit.
        self.domain = domain.0 == domain.1 ? (domain.0, domain.0 + 1) : domain
        self.range = range
    }

    func callAsFunction(_ v: Double) -> Double {
        range.0 + (v - domain.0) / (domain.1 - domain.0) * (range.1 - range.0)
    }

    /// Round values in the domain, about `count` of them, on a step of 1, 2
    /// or 5 times a power of ten (at least `minimumStep`, 1 for counts).
    func ticks(count: Int = 5, minimumStep: Double = 0) -> [Double] {
        let lo = min(domain.0, domain.1), hi = max(domain.0, domain.1)
        let step = max(LinearScale.niceStep((hi - lo) / Double(max(1, count))), minimumStep)
        guard step > 0, step.isFinite else { return [lo] }
        // Tick values rounded to the step's decimals: 3 x 0.05 is 0.15, not 0.15000000000000002.
        var scale = 1.0
        while (step * scale).rounded() != step * scale && scale < 1e12 { scale *= 10 }
        var out: [Double] = []
        var k = (lo / step).rounded(.up)
        while k * step <= hi + step * 1e-9 {
            out.append((k * step * scale).rounded() / scale)
            k += 1
        }
        return out
    }

    /// The smallest of 1, 2, 5 x 10^k at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1.0
        while power > raw { power /= 10 }
        while power * 10 <= raw { power *= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where m * power >= raw { return m * power }
        return 10 * power
    }

    /// A round upper bound for an axis starting at 0 that shows `maximum`:
    /// the first tick at or above it.
    static func niceMaximum(_ maximum: Double, count: Int = 5) -> Double {
        guard maximum > 0, maximum.isFinite else { return 1 }
        let step = niceStep(maximum / Double(count))
        return (maximum / step).rounded(.up) * step
    }
}
