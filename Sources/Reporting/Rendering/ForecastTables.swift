import Forecast
import FunnelModel
import Simulation

/// The forecast as tidy CSV tables, one per file (MODEL.md 17, issue 2).
public enum ForecastTables {
    /// `summary.csv`: one row per scope and metric; under `--precision` a
    /// last column `half_width` (half the 95% interval, where there is one),
    /// `n` then being the trials the precision rule used.
    public static func summary(_ f: Forecast) -> CSVTable {
        var t = CSVTable(header: ["scope", "metric", "n", "mean", "sd", "se", "ci_low", "ci_high",
                                  "p5", "p10", "p25", "p50", "p75", "p90", "p95", "beyond_horizon"]
                             + (f.precision == nil ? [] : ["half_width"]))
        for (s, scope) in f.scopes.enumerated() {
            for (m, metric) in Metric.allCases.enumerated() {
                let x = f.summaries[s][m]
                t.rows.append([scope, metric.rawValue, String(x.n), CSVNumber.format(x.mean), CSVNumber.format(x.sd),
                               CSVNumber.format(x.se), CSVNumber.format(x.ciLow), CSVNumber.format(x.ciHigh)]
                              + x.percentiles.map(CSVNumber.format) + [CSVNumber.format(x.beyondHorizon)]
                              + (f.precision == nil ? [] : [CSVNumber.format(Precision.halfWidth(of: x))]))
            }
        }
        return t
    }

    /// `timeline.csv`: cumulative starts at the end of each week.
    public static func timeline(_ f: Forecast) -> CSVTable {
        var t = CSVTable(header: ["scope", "week", "date", "mean", "p10", "p50", "p90"])
        for (s, scope) in f.scopes.enumerated() {
            for p in f.timeline[s] {
                t.rows.append([scope, String(p.week), p.date.description, CSVNumber.format(p.mean),
                               CSVNumber.format(p.p10), CSVNumber.format(p.p50), CSVNumber.format(p.p90)])
            }
        }
        return t
    }

    /// `starts.csv` (MODEL.md 21.9): per requisition and opening k, P(at
    /// least k started by the end of the deadline day of the batch that
    /// covers the k-th opening), the P10/P50/P90 date of the k-th start
    /// (empty: beyond the horizon), the share of trials without a k-th
    /// start within the horizon, and that deadline (empty: the horizon).
    public static func starts(_ f: Forecast) -> CSVTable {
        var t = CSVTable(header: ["scope", "k", "p_by_deadline", "date_p10", "date_p50", "date_p90", "beyond_horizon", "deadline"])
        for r in f.starts {
            for row in r.rows {
                t.rows.append([r.scope, String(row.k), CSVNumber.format(row.pByDeadline),
                               row.p10?.description ?? "", row.p50?.description ?? "", row.p90?.description ?? "",
                               CSVNumber.format(row.beyondHorizon), row.deadline?.description ?? ""])
            }
        }
        return t
    }

    /// `funnel.csv`: mean counts per trial of every step, stages first; each
    /// row adds up (entered = passed + the losses + released + open). The
    /// `channel` column is `all` for the plan's and each requisition's
    /// rows; a requisition with sourcing channels (MODEL.md 21.5) has its
    /// channels' rows after its own, which add up to them.
    public static func funnel(_ f: Forecast) -> CSVTable {
        var t = CSVTable(header: ["scope", "channel", "stage", "entered", "passed", "no_shows", "withdrawn", "contact_failures",
                                  "rejected", "released", "open"])
        func add(_ scope: String, _ channel: String, _ rows: [FunnelStep]) {
            for r in rows {
                t.rows.append([scope, channel, r.stage] + [r.entered, r.passed, r.noShows, r.withdrawn, r.contactFailures,
                                                           r.rejected, r.released, r.open]
                    .map { CSVNumber.format($0) })
            }
        }
        for (s, scope) in f.scopes.enumerated() {
            add(scope, ScenarioRules.allChannels, f.funnel[s])
            for c in f.channels where s > 0 && c.requisition == scope { add(scope, c.channel, c.funnel) }
        }
        return t
    }

    /// `channels.csv` (MODEL.md 21.5): per requisition and sourcing channel,
    /// mean applicants and hires (starts within the horizon) per trial, the
    /// standard error of the mean hires, hires per 100 applicants, the mean
    /// cost per trial and the cost per hire (all trials' cost over all
    /// trials' hires; empty: no hire). Header only without channels.
    public static func channels(_ f: Forecast) -> CSVTable {
        var t = CSVTable(header: ["scope", "channel", "applicants", "hires", "hires_se", "hires_per_100_applicants", "cost",
                                  "cost_per_hire"])
        for c in f.channels {
            t.rows.append([c.requisition, c.channel, CSVNumber.format(c.applicants), CSVNumber.format(c.hires),
                           CSVNumber.format(c.hiresSE), c.applicants > 0 ? CSVNumber.format(100 * c.hires / c.applicants) : "",
                           CSVNumber.format(c.cost), c.costPerHire.map { CSVNumber.format($0) } ?? ""])
        }
        return t
    }

    /// The header of `trials.csv` (17.8): trial, plan metrics, each
    /// requisition's metrics, then every uncertain parameter's path.
    public static func trialsHeader(_ model: SimulationModel) -> [String] {
        let scopes = ["plan"] + model.requisitions.map(\.name)
        return ["trial"] + scopes.flatMap { s in Metric.allCases.map { "\(s).\($0.rawValue)" } } + model.uncertainPaths
    }

    /// One row of `trials.csv`.
    public static func trialsRow(_ index: Int, _ o: TrialOutcome, model: SimulationModel) -> [String] {
        var row = [String(index)]
        let values = TrialMetrics.row(of: o, model: model)
        row.reserveCapacity(values.count + 1)
        for v in values { row.append(v.isFinite ? CSVNumber.format(v) : "") }
        return row
    }
}

