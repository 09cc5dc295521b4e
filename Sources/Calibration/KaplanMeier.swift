/// The Kaplan-Meier estimate of a duration's distribution under right
/// censoring, for a goodness of fit that respects censoring: the largest
/// gap between it and a fitted CDF.
struct KaplanMeier {
    /// Event times and the estimated CDF just before and at each.
    private(set) var times: [Double] = []
    private(set) var before: [Double] = []
    private(set) var after: [Double] = []

    /// Exact values are events; intervals and windows enter as events at their
    /// midpoint (a Turnbull estimate would be exact; with date-only
    /// times the intervals are one day wide, which moves the curve by at
    /// most a day); right-censored values leave the risk set after the
    /// events at the same time.
    init(_ obs: [DurationObservation]) {
        var items: [(t: Double, event: Bool)] = []
        for o in obs {
            items.append((o.typical, o.ended))
        }
        items.sort { $0.t != $1.t ? $0.t < $1.t : ($0.event && !$1.event) }
        var atRisk = Double(items.count)
        var survival = 1.0
        var i = 0
        while i < items.count {
            let t = items[i].t
            var d = 0.0, c = 0.0
            while i < items.count && items[i].t == t {
                if items[i].event { d += 1 } else { c += 1 }
                i += 1
            }
            if d > 0 {
                times.append(t)
                before.append(1 - survival)
                survival *= 1 - d / atRisk
                after.append(1 - survival)
            }
            atRisk -= d + c
        }
    }

    /// max over event times of |KM - F|, on both sides of each step.
    func maxGap(_ cdf: (Double) -> Double) -> Double {
        var gap = 0.0
        for k in times.indices {
            let f = cdf(times[k])
            gap = Swift.max(gap, abs(f - before[k]), abs(f - after[k]))
        }
        return gap
    }
}
