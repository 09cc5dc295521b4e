import Forecast
import FunnelModel

/// The HTML report's tables: the terminal report's questions, then every
/// metric and every funnel step as `summary.csv` and `funnel.csv` hold them.
enum ReportTables {
    static func onTime(_ f: Forecast) -> String {
        var t = HTMLTable(columns: [("scope", false), ("openings", true), ("deadline", false), ("P(on time)", true),
                                    ("95% interval", true), ("hires by deadline", true), ("hires by horizon", true),
                                    ("P(cancelled)", true)])
        for (s, scope) in f.scopes.enumerated() {
            let p = f.summary(s, .onTime), hires = f.summary(s, .filled), cancelled = f.summary(s, .cancelled)
            let interval = p.ciLow.flatMap { lo in p.ciHigh.map { "\(Format.percent(lo)) - \(Format.percent($0))" } }
            t.add([HTMLTable.Cell(scope, numeric: false), HTMLTable.Cell(String(f.openings[s])),
                   HTMLTable.Cell(f.deadlines[s]?.description ?? "horizon", numeric: false),
                   HTMLTable.Cell(Format.percent(p.mean ?? 0), column: "mean", value: p.mean),
                   HTMLTable.Cell(interval ?? Format.missing),
                   HTMLTable.Cell(Format.count(f.summary(s, .filledByDeadline).mean ?? 0)),
                   HTMLTable.Cell(Format.count(hires.mean ?? 0)),
                   HTMLTable.Cell(Format.percent(cancelled.mean ?? 0))])
        }
        return t.render()
    }

    /// When the k-th hire starts (MODEL.md 21.9, `starts.csv`): per
    /// requisition, P(at least k by the deadline of k's batch) and the
    /// P10/P50/P90 date of the k-th start; then the distribution of the
    /// number of starts by each deadline.
    static func kthStarts(_ f: Forecast) -> String {
        guard !f.starts.isEmpty else { return "" }
        var out = "<h3>When does the k-th hire start?</h3>"
        var t = HTMLTable(columns: [("scope", false), ("k", true), ("due by", false), ("P(at least k by then)", true),
                                    ("k-th start P10", false), ("P50", false), ("P90", false), ("not by horizon", true)])
        for r in f.starts {
            for row in r.rows {
                t.add([HTMLTable.Cell(r.scope, numeric: false), HTMLTable.Cell(String(row.k)),
                       HTMLTable.Cell(row.deadline?.description ?? "horizon", numeric: false),
                       HTMLTable.Cell(Format.percent(row.pByDeadline), column: "p_by_deadline", value: row.pByDeadline),
                       HTMLTable.Cell(row.p10?.description ?? "beyond", numeric: false),
                       HTMLTable.Cell(row.p50?.description ?? "beyond", numeric: false),
                       HTMLTable.Cell(row.p90?.description ?? "beyond", numeric: false),
                       HTMLTable.Cell(Format.percent(row.beyondHorizon), column: "beyond_horizon", value: row.beyondHorizon)])
            }
        }
        out += t.render()
        out += "<p class=\"note\">due by: the deadline of the batch the k-th opening belongs to. P10/P50/P90: the date by "
            + "which the k-th hire has started in 10/50/90% of trials (beyond: after the horizon).</p>"
        out += "<h3>How many have started by each deadline?</h3><div class=\"tables\">"
        for r in f.starts {
            var d = HTMLTable(columns: [("starts", true)] + r.deadlines.enumerated().map { j, date in
                ("by \(date?.description ?? "the horizon") (\(r.due[j]) due)", true)
            })
            d.caption = "\(r.scope): share of trials with exactly this many starts"
            for m in 0..<(r.distribution.first?.count ?? 0) {
                d.add([HTMLTable.Cell(String(m))] + r.distribution.map { HTMLTable.Cell(Format.percent($0[m])) })
            }
            out += d.render()
        }
        return out + "</div>"
    }

    static func times(_ f: Forecast) -> String {
        var t = HTMLTable(columns: [("scope", false), ("fill P10", true), ("fill P50", true), ("fill P90", true),
                                    ("mean if filled", true), ("restricted mean", true),
                                    ("start P10", true), ("start P50", true), ("start P90", true),
                                    ("not filled", true), ("starts after horizon", true)])
        for (s, scope) in f.scopes.enumerated() {
            let fill = f.summary(s, .timeToFill), start = f.summary(s, .timeToStart)
            t.add([HTMLTable.Cell(scope, numeric: false)]
                  + [0.10, 0.50, 0.90].map { HTMLTable.Cell(days(fill.percentile($0))) }
                  + [HTMLTable.Cell(days(fill.mean)), HTMLTable.Cell(days(f.summary(s, .timeToFillRestricted).mean))]
                  + [0.10, 0.50, 0.90].map { HTMLTable.Cell(days(start.percentile($0))) }
                  + [HTMLTable.Cell(Format.percent(f.notFilled(s))), HTMLTable.Cell(Format.percent(f.startsAfterHorizon(s)))])
        }
        return t.render()
    }

    static func cost(_ f: Forecast) -> String {
        var t = HTMLTable(columns: [("scope", false), ("cost", true), ("P50 per hire", true), ("P90 per hire", true),
                                    ("mean per hire", true),
                                    ("recruiter", true), ("interviewer", true), ("applicants", true)])
        for (s, scope) in f.scopes.enumerated() {
            let perHire = f.summary(s, .costPerHire)
            t.add([HTMLTable.Cell(scope, numeric: false), HTMLTable.Cell(Format.money(f.summary(s, .cost).mean)),
                   HTMLTable.Cell(perHire.percentile(0.50).map { Format.money($0) } ?? "no hire"),
                   HTMLTable.Cell(perHire.percentile(0.90).map { Format.money($0) } ?? "no hire"),
                   HTMLTable.Cell(Format.money(perHire.mean)),
                   HTMLTable.Cell(Format.hours(f.summary(s, .recruiterHours).mean)),
                   HTMLTable.Cell(Format.hours(f.summary(s, .interviewerHours).mean)),
                   HTMLTable.Cell(Format.count(f.summary(s, .applicants).mean ?? 0))])
        }
        return t.render()
    }

    /// One scope's funnel, as `funnel.csv` rows, then its channels' (MODEL.md 21.5).
    static func funnel(_ f: Forecast, scope s: Int) -> String {
        var out = funnel(f.funnel[s], scope: f.scopes[s], channel: nil)
        for c in f.channels where s > 0 && c.requisition == f.scopes[s] {
            out += funnel(c.funnel, scope: c.requisition, channel: c.channel)
        }
        return out
    }

    /// Where the hires come from (MODEL.md 21.5): per requisition and
    /// channel, as `channels.csv` rows; empty without channels.
    static func channels(_ f: Forecast) -> String {
        guard !f.channels.isEmpty else { return "" }
        var t = HTMLTable(columns: [("requisition", false), ("channel", false), ("applicants", true), ("hires", true),
                                    ("hires per 100 applicants", true), ("cost", true), ("cost per hire", true)],
                          caption: "Sourcing channels (means per trial; per hire: all trials' cost over all trials' hires)")
        for c in f.channels {
            t.add([HTMLTable.Cell(c.requisition, numeric: false), HTMLTable.Cell(c.channel, numeric: false),
                   HTMLTable.Cell(Format.count(c.applicants), column: "applicants", value: c.applicants),
                   HTMLTable.Cell(Format.count(c.hires), column: "hires", value: c.hires),
                   HTMLTable.Cell(c.applicants > 0 ? Format.fixed(100 * c.hires / c.applicants, digits: 1) : Format.missing),
                   HTMLTable.Cell(Format.money(c.cost), column: "cost", value: c.cost),
                   HTMLTable.Cell(c.costPerHire.map { Format.money($0) } ?? "no hire")],
                  attributes: [("data-scope", c.requisition), ("data-channel", c.channel)])
        }
        return t.render()
    }

    /// Funnel rows of a scope, or of one of its channels.
    private static func funnel(_ rows: [FunnelStep], scope: String, channel: String?) -> String {
        var t = HTMLTable(columns: [("step", false), ("entered", true), ("passed", true), ("conversion", true),
                                    ("no-show", true), ("withdrawn", true), ("no contact", true), ("rejected", true),
                                    ("released", true), ("open", true)],
                          caption: "Funnel: \(scope)\(channel.map { " through \($0)" } ?? "") (mean candidates per trial)")
        for r in rows {
            t.add([HTMLTable.Cell(TerminalReport.stepLabel(r.stage), numeric: false),
                   HTMLTable.Cell(Format.count(r.entered), column: "entered", value: r.entered),
                   HTMLTable.Cell(Format.count(r.passed), column: "passed", value: r.passed),
                   HTMLTable.Cell(r.conversion.map { Format.percent($0) } ?? Format.missing),
                   HTMLTable.Cell(Format.count(r.noShows), column: "no_shows", value: r.noShows),
                   HTMLTable.Cell(Format.count(r.withdrawn), column: "withdrawn", value: r.withdrawn),
                   HTMLTable.Cell(Format.count(r.contactFailures), column: "contact_failures", value: r.contactFailures),
                   HTMLTable.Cell(Format.count(r.rejected), column: "rejected", value: r.rejected),
                   HTMLTable.Cell(Format.count(r.released), column: "released", value: r.released),
                   HTMLTable.Cell(Format.count(r.open), column: "open", value: r.open)],
                  attributes: [("data-scope", scope), ("data-channel", channel ?? ScenarioRules.allChannels),
                               ("data-stage", r.stage)])
        }
        return t.render()
    }

    /// Every metric of one scope, as `summary.csv` rows.
    static func metrics(_ f: Forecast, scope s: Int) -> String {
        var t = HTMLTable(columns: [("metric", false), ("mean", true), ("95% interval", true), ("P10", true),
                                    ("P50", true), ("P90", true), ("beyond horizon", true), ("n", true)],
                          caption: "Every metric: \(f.scopes[s])")
        for metric in Metric.allCases {
            let x = f.summary(s, metric)
            let interval = x.ciLow.flatMap { lo in x.ciHigh.map { "\(value(lo, metric)) - \(value($0, metric))" } }
            t.add([HTMLTable.Cell(metric.rawValue, numeric: false),
                   HTMLTable.Cell(x.mean.map { value($0, metric) } ?? Format.missing, column: "mean", value: x.mean),
                   HTMLTable.Cell(interval ?? Format.missing)]
                  + [(0.10, "p10"), (0.50, "p50"), (0.90, "p90")].map { level, column in
                      let p = x.percentile(level)
                      return HTMLTable.Cell(p.map { percentile($0, metric) } ?? beyond(metric), column: column, value: p)
                  }
                  + [HTMLTable.Cell(Format.percent(x.beyondHorizon), column: "beyond_horizon", value: x.beyondHorizon),
                     HTMLTable.Cell(Format.fixed(Double(x.n), digits: 0, grouping: true), column: "n", value: Double(x.n))],
                  attributes: [("data-scope", f.scopes[s]), ("data-metric", metric.rawValue)])
        }
        return t.render()
    }

    /// A metric's value as people read it.
    static func value(_ v: Double, _ metric: Metric) -> String {
        switch metric {
        case .onTime, .cancelled: return Format.percent(v)
        case .timeToFill, .timeToStart: return Format.days(v)
        case .cost, .costPerHire: return Format.money(v)
        case .recruiterHours, .interviewerHours: return Format.hours(v)
        default: return Format.count(v)
        }
    }

    /// A percentile: 0/1 metrics as "no"/"yes", counts whole where they are.
    static func percentile(_ v: Double, _ metric: Metric) -> String {
        switch metric {
        case .onTime, .cancelled:
            return v == 1 ? "yes" : v == 0 ? "no" : Format.fixed(v, digits: 2)
        case .filled, .applicants, .contactFailures, .noShows, .withdrawn, .rejected, .offers, .declines, .bgFail,
             .bgFalseFail, .reneges, .released:
            return Format.fixed(v, digits: v == v.rounded() ? 0 : 1)
        default:
            return value(v, metric)
        }
    }

    /// What a percentile beyond the horizon shows.
    static func beyond(_ metric: Metric) -> String {
        metric == .costPerHire ? "no hire" : "beyond horizon"
    }

    static func days(_ d: Double?) -> String { d.map { Format.days($0) } ?? "beyond horizon" }
}
