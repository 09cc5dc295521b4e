import Forecast

/// One table per intervention: the plan's and each requisition's key
/// metrics, baseline -> intervention, the change and its 95% interval.
public enum InterventionReport {
    /// The metrics the tables show, in order.
    public static let keyMetrics: [Metric] = [.onTime, .filled, .timeToFill, .timeToStart, .cost, .costPerHire]

    public static func render(_ results: [InterventionComparison.Result], trials: Int) -> String {
        var out = ""
        for r in results {
            out += "Intervention: \(r.intervention)\n"
            out += "\(Format.fixed(Double(trials), digits: 0, grouping: true)) trials, the same random numbers as the baseline; "
                + "change = mean paired difference over trials where both have a value\n"
            var t = TextTable(columns: [.left("scope"), .left("metric"), .right("baseline"), .right("intervention"),
                                        .right("change"), .right("95% interval")])
            var scope: String? = nil
            for e in r.effects where keyMetrics.contains(e.metric) {
                if let scope, scope != e.scope { t.addSeparator() }
                t.add([scope == e.scope ? "" : e.scope, label(e.metric), MetricFormat.value(e.baseline, e.metric),
                       MetricFormat.value(e.value, e.metric), MetricFormat.change(e.difference.mean, e.metric),
                       interval(e)])
                scope = e.scope
            }
            out += t.render() + "\n\n"
        }
        return out
    }

    static func label(_ m: Metric) -> String {
        switch m {
        case .onTime: return "P(on time)"
        case .filled: return "hires"
        case .timeToFill: return "time to fill (mean)"
        case .timeToStart: return "time to start (mean)"
        case .cost: return "cost"
        case .costPerHire: return "cost per hire"
        default: return m.rawValue
        }
    }

    static func interval(_ e: InterventionComparison.Effect) -> String {
        guard let lo = e.difference.ciLow, let hi = e.difference.ciHigh else { return Format.missing }
        return "\(MetricFormat.change(lo, e.metric)) .. \(MetricFormat.change(hi, e.metric))"
    }
}
