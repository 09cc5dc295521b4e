import Forecast

/// The sensitivity and intervention results as CSV tables (issue 3).
public enum SensitivityTables {
    /// `sensitivity-tornado.csv`, largest swing first: `swing_low` and
    /// `swing_high`, the swing's 95% interval from the paired trials;
    /// `ties`, the ranks whose intervals overlap this row's (space
    /// separated; empty: none); `note`, the point's clipped or rounded sides.
    public static func tornado(_ r: Tornado.Result) -> CSVTable {
        CSVTable(header: ["parameter", "low", "high", "metric_low", "metric_high", "swing", "swing_low", "swing_high",
                          "rank", "ties", "note"],
                 rows: r.rows.map { row in
                     [row.path, CSVNumber.format(row.low), CSVNumber.format(row.high), CSVNumber.format(row.metricLow),
                      CSVNumber.format(row.metricHigh), CSVNumber.format(row.swing), CSVNumber.format(row.swingLow),
                      CSVNumber.format(row.swingHigh), String(row.rank), row.ties.map(String.init).joined(separator: " "),
                      row.notes.joined(separator: "; ")]
                 })
    }

    /// `sensitivity-sobol.csv`: one row per input, the trial's own
    /// randomness last.
    public static func sobol(_ r: ScenarioSobol.Result) -> CSVTable {
        CSVTable(header: ["parameter", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"],
                 rows: r.inputs.indices.map { i in
                     let s = r.indices.firstOrder[i], t = r.indices.total[i]
                     return [r.inputs[i]] + [s.estimate, s.low, s.high, t.estimate, t.low, t.high].map { CSVNumber.format($0) }
                 })
    }

    /// `sensitivity-correlation.csv`; an empty `spearman` where it is undefined.
    public static func correlation(_ rows: [ParameterCorrelation.Row]) -> CSVTable {
        CSVTable(header: ["parameter", "scope", "metric", "spearman"],
                 rows: rows.map { [$0.parameter, $0.scope, $0.metric.rawValue, CSVNumber.format($0.spearman)] })
    }

    /// `interventions.csv`: every intervention, scope and metric; baseline,
    /// value and difference over the `n_paired` trials where both runs have
    /// a value; the medians as `summary.csv` has them; `note`: the
    /// intervention's clipped or rounded changes (empty: none).
    /// Under `--precision`, two last columns: the trials the baseline's
    /// precision rule chose and the half-width it reached (the same on every row).
    public static func interventions(_ results: [InterventionComparison.Result], precision: PrecisionReached? = nil) -> CSVTable {
        var t = CSVTable(header: ["intervention", "scope", "metric", "n_paired", "baseline", "value", "difference", "ci_low",
                                  "ci_high", "baseline_p50", "value_p50", "note"]
                         + (precision == nil ? [] : ["trials", "baseline_half_width"]))
        for r in results {
            for e in r.effects {
                t.rows.append([r.intervention, e.scope, e.metric.rawValue, String(e.difference.n)]
                              + [e.baseline, e.value, e.difference.mean, e.difference.ciLow, e.difference.ciHigh,
                                 e.baselineMedian, e.valueMedian].map { CSVNumber.format($0) }
                              + [r.notes.joined(separator: "; ")]
                              + (precision.map { [String($0.trials), CSVNumber.format($0.halfWidth)] } ?? []))
            }
        }
        return t
    }
}
