import Forecast
import Foundation

/// One table per intervention: the plan's and each requisition's key
/// metrics, baseline -> intervention, the change and its 95% interval.
public enum InterventionReport {
    /// The metrics the tables show, in order: P(on time) and hires by the
    /// deadline first, times led by their median.
    public static let keyMetrics: [Metric] = [.onTime, .filledByDeadline, .filled, .timeToFill, .timeToFillRestricted,
                                              .timeToStart, .cost, .costPerHire]

    /// `files`: the two scenario files of `compare A.yaml B.yaml` (the
    /// result is B against A; the columns are headed A and B); nil: the
    /// scenario's interventions against its baseline.
    public static func render(_ results: [InterventionComparison.Result], trials: Int,
                              files: (baseline: String, other: String)? = nil) -> String {
        var out = ""
        for r in results {
            if let files {
                out += "Compared: B = \(files.other) against A = \(files.baseline) (the baseline)\n"
            } else {
                out += "Intervention: \(r.intervention)\n"
            }
            for note in r.notes { out += "note: \(note)\n" }
            out += "\(Format.trials(trials)), "
                + "the same random numbers as the baseline\n"
            var t = TextTable(columns: [.left("scope"), .left("metric"), .right("trials"),
                                        .right(files == nil ? "baseline" : "A"),
                                        .right(files == nil ? "intervention" : "B"), .right("change"), .right("95% interval")])
            var scope: String? = nil
            let shown = r.effects.filter { keyMetrics.contains($0.metric) }
            var scopes: [String] = []
            for e in shown where !scopes.contains(e.scope) { scopes.append(e.scope) }
            let ordered = scopes.flatMap { sc in keyMetrics.compactMap { m in shown.first { $0.scope == sc && $0.metric == m } } }
            for e in ordered {
                if let scope, scope != e.scope { t.addSeparator() }
                let name = scope == e.scope ? "" : e.scope
                if leadsWithMedian(e.metric) {
                    let change = e.baselineMedian.flatMap { b in e.valueMedian.map { $0 - b } }
                    t.add([name, medianLabel(e.metric), "all", MetricFormat.value(e.baselineMedian, e.metric),
                           MetricFormat.value(e.valueMedian, e.metric), MetricFormat.change(change, e.metric), Format.missing])
                }
                t.add([leadsWithMedian(e.metric) ? "" : name, label(e.metric), String(e.difference.n),
                       MetricFormat.value(e.baseline, e.metric), MetricFormat.value(e.value, e.metric),
                       MetricFormat.change(e.difference.mean, e.metric), interval(e)])
                scope = e.scope
            }
            out += t.render() + "\n"
            out += (files == nil ? legend : fileLegend) + "\n\n"
        }
        return out
    }

    /// What every intervention table's numbers are.
    public static let legend = """
        baseline, intervention and change: means over the paired trials (the "trials" column: those where both runs \
        have a value), so intervention - baseline = change; the interval is the paired 95% interval of the change.
        P50 rows: the median over every opening (or trial) of each run, beyond the horizon counted; no paired interval.
        time to fill (mean if filled): the trial's mean over its filled openings; restricted: of min(time, horizon), \
        every opening.
        """

    /// The legend of `compare A.yaml B.yaml`'s table.
    public static let fileLegend = legend
        .replacingOccurrences(of: "baseline, intervention and change", with: "A, B and change")
        .replacingOccurrences(of: "so intervention - baseline = change", with: "so B - A = change")

    /// Time-like metrics (and cost per hire): a median row comes first.
    static func leadsWithMedian(_ m: Metric) -> Bool {
        m == .timeToFill || m == .timeToStart || m == .costPerHire
    }

    static func medianLabel(_ m: Metric) -> String {
        switch m {
        case .timeToFill: return "time to fill P50"
        case .timeToStart: return "time to start P50"
        default: return "cost per hire P50"
        }
    }

    static func label(_ m: Metric) -> String {
        switch m {
        case .onTime: return "P(all filled by deadline)"
        case .filledByDeadline: return "hires by deadline"
        case .filled: return "hires by horizon"
        case .timeToFill: return "time to fill (mean if filled)"
        case .timeToFillRestricted: return "time to fill (restricted mean)"
        case .timeToStart: return "time to start (mean if started)"
        case .cost: return "cost"
        case .costPerHire: return "cost per hire (mean)"
        default: return m.rawValue
        }
    }

    static func interval(_ e: InterventionComparison.Effect) -> String {
        guard let lo = e.difference.ciLow, let hi = e.difference.ciHigh else { return Format.missing }
        return "\(MetricFormat.change(lo, e.metric)) .. \(MetricFormat.change(hi, e.metric))"
    }
}
