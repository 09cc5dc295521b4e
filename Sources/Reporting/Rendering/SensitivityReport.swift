import Forecast

/// Sensitivity results for a person at a terminal: the tornado as a text
/// chart, the Sobol indices and the Spearman correlations as tables.
public enum SensitivityReport {
    /// Half the width of the tornado's bars, in characters.
    static let halfWidth = 20

    /// The tornado, largest swing first, at most `limit` rows; a bar per
    /// parameter around the base value: `=` where the parameter is at its
    /// low value, `#` at its high value.
    public static func tornado(_ r: Tornado.Result, limit: Int = 25) -> String {
        let m = r.metric
        // A statistic with no value at the base (a percentile beyond the
        // horizon): one line instead of a table of "-".
        guard r.base != nil else {
            return "Tornado: \(title(m)), \(m.scopeName) has no value in the base run "
                + (m.statistic.rawValue.hasPrefix("p") ? "(beyond the horizon); choose a lower percentile, beyond_horizon, "
                   + "or raise horizon_days.\n" : "(no trial has one).\n")
        }
        var out = "Tornado: \(title(m)), \(m.scopeName); base \(MetricFormat.value(r.base, m.metric, m.statistic))\n"
        out += "\(Format.trials(r.trials)) per run, \(r.runs) runs, "
            + "the same random numbers in each. Bars: = parameter at low, # at high, | the base.\n"
            + "Swing: |at high - at low| with its 95% interval from the paired trials (\(Tornado.batchCount(trials: r.trials)) "
            + "batches); a rank marked = has an interval that overlaps another's (a tie: the order is not resolved).\n"
        var t = TextTable(columns: [.right("rank"), .left("parameter"), .right("low"), .right("high"), .right("at low"),
                                    .right("at high"), .right("swing"), .right("95% interval"), .left("")])
        let shown = r.rows.prefix(limit)
        let reach = shown.flatMap { [$0.metricLow, $0.metricHigh] }.compactMap { v in v.flatMap { b in r.base.map { abs(b - $0) } } }
            .max() ?? 0
        for row in shown {
            let interval = row.swingLow.flatMap { l in row.swingHigh.map { "\(swing(l, m)) .. \(swing($0, m))" } } ?? Format.missing
            t.add([String(row.rank) + (row.ties.isEmpty ? " " : "="), row.path, MetricFormat.parameter(row.low),
                   MetricFormat.parameter(row.high),
                   MetricFormat.value(row.metricLow, m.metric, m.statistic), MetricFormat.value(row.metricHigh, m.metric, m.statistic),
                   swing(row.swing, m), interval, bar(low: row.metricLow, high: row.metricHigh, base: r.base, reach: reach)])
        }
        out += t.render() + "\n"
        for row in shown { for note in row.notes { out += "note: \(note)\n" } }
        if r.rows.count > shown.count {
            out += "\(r.rows.count - shown.count) more parameters with smaller swings; --out DIR writes them all.\n"
        }
        return out
    }

    /// The chart cell: 2 x halfWidth + 1 characters with `|` in the middle.
    static func bar(low: Double?, high: Double?, base: Double?, reach: Double) -> String {
        var cells = Array(repeating: Character(" "), count: 2 * halfWidth + 1)
        cells[halfWidth] = "|"
        guard let base, reach > 0 else { return String(cells) }
        func column(_ v: Double) -> Int { halfWidth + Int(((v - base) / reach * Double(halfWidth)).rounded()) }
        // The farther end first, so the nearer one stays visible on top.
        let ends = [(low, Character("=")), (high, Character("#"))].compactMap { v, c in v.map { ($0, c) } }
            .sorted { abs($0.0 - base) > abs($1.0 - base) }
        for (v, c) in ends {
            let k = column(v)
            for i in min(k, halfWidth)...max(k, halfWidth) where i != halfWidth { cells[i] = c }
        }
        return String(cells)
    }

    static func swing(_ s: Double?, _ m: MetricChoice) -> String {
        guard let s else { return Format.missing }
        return m.unit == .share && (m.statistic == .mean || m.statistic == .beyondHorizon)
            ? Format.fixed(s * 100, digits: 1) + " pp" : MetricFormat.value(s, m.metric, m.statistic)
    }

    /// "P(on time)", "time to fill P50", "mean cost per hire".
    static func title(_ m: MetricChoice) -> String {
        let name = m.metric.rawValue.replacingOccurrences(of: "_", with: " ")
        switch m.statistic {
        case .mean: return m.metric.isBinary ? "P(\(name))" : "mean \(name)"
        case .sd: return "sd of \(name)"
        case .beyondHorizon: return "\(name) beyond the horizon"
        default: return "\(name) \(m.statistic.rawValue.uppercased())"
        }
    }

    /// The Sobol indices with their intervals, the trial's randomness last.
    public static func sobol(_ r: ScenarioSobol.Result) -> String {
        let m = r.metric
        var out = "Sobol indices of one trial's \(m.metric.rawValue), \(m.scopeName): "
            + "\(Format.fixed(Double(r.rows), digits: 0, grouping: true)) rows per matrix, "
            + "\(Format.trials(r.trials))\n"
        if r.indices.droppedRows > 0 {
            out += "\(r.indices.droppedRows) rows left out: the metric had no value in one of their trials.\n"
        }
        out += "S1: share of the variance the input explains alone; ST: alone or with others (95% bootstrap intervals).\n"
        out += "Estimates below 0 (Monte Carlo error around an index of 0) are shown as 0; the CSV has the raw values.\n"
        if r.rows < 50 * r.inputs.count {
            out += "Note: \(r.rows) rows for \(r.inputs.count) inputs is few; indices under about 0.1 are not told apart "
                + "from 0. Raise --trials (rows per matrix) to \(50 * r.inputs.count) or more.\n"
        }
        var t = TextTable(columns: [.left("input"), .right("S1"), .right("95% interval"), .right("ST"), .right("95% interval")])
        for (i, name) in r.inputs.enumerated() {
            let s = r.indices.firstOrder[i], st = r.indices.total[i]
            if i == r.inputs.count - 1 { t.addSeparator() }
            t.add([name, index(clip(s.estimate)), interval(s), index(clip(st.estimate)), interval(st)])
        }
        return out + t.render() + "\n"
    }

    /// An index as shown: below 0 is 0 (the CSV keeps the raw estimate).
    static func clip(_ v: Double) -> Double { v.isFinite && v < 0 ? 0 : v }

    static func index(_ v: Double) -> String { v.isFinite ? Format.fixed(v, digits: 3) : Format.missing }

    static func interval(_ s: SobolIndex) -> String {
        s.low.isFinite && s.high.isFinite ? "\(index(clip(s.low))) .. \(index(clip(s.high)))" : Format.missing
    }

    /// Spearman correlations of each parameter with the key metrics of one
    /// scope (on time, hires, times, cost) and `metric`.
    public static func correlation(_ rows: [ParameterCorrelation.Row], scope: String, metric: Metric, trials: Int) -> String {
        let key: [Metric] = [.onTime, .filled, .timeToFill, .timeToStart, .cost, .costPerHire]
        let columns = Metric.allCases.filter { key.contains($0) || $0 == metric }
        let out = "Spearman rank correlation with the per-trial metrics of \(scope), "
            + "\(Format.trials(trials))\n"
        var t = TextTable(columns: [.left("parameter")] + columns.map { .right($0.rawValue) })
        var parameters: [String] = []
        for r in rows where !parameters.contains(r.parameter) { parameters.append(r.parameter) }
        for p in parameters {
            t.add([p] + columns.map { m in
                rows.first { $0.parameter == p && $0.scope == scope && $0.metric == m }?.spearman
                    .map { Format.fixed($0, digits: 2) } ?? Format.missing
            })
        }
        return out + t.render() + "\n"
    }
}
