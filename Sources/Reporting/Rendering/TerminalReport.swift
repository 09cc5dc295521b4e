import Forecast
import FunnelModel

/// The forecast as aligned tables for a person at a terminal.
public enum TerminalReport {
    public static func render(_ f: Forecast) -> String {
        var out = "\(f.scenarioName)\n"
        out += "\(Format.trials(f.trials)), seed \(f.seed), "
        out += "horizon \(Format.fixed(f.horizonDays, digits: 0)) days from \(f.start)\n"
        if let p = f.precision { out += "Precision: " + p.sentence + "\n" }
        out += "\n"

        out += "Will the seats be filled by the deadline?\n"
        var onTime = TextTable(columns: [.left("scope"), .right("openings"), .left("deadline"), .right("P(on time)"),
                                         .right("95% interval"), .right("hires by deadline"),
                                         .right("hires by horizon"), .right("P(cancelled)")])
        for (s, scope) in f.scopes.enumerated() {
            let p = f.summary(s, .onTime), hires = f.summary(s, .filled), cancelled = f.summary(s, .cancelled)
            let byDeadline = f.summary(s, .filledByDeadline)
            onTime.add([scope, String(f.openings[s]), f.deadlines[s]?.description ?? "horizon",
                        Format.percent(p.mean ?? 0), interval(p), Format.count(byDeadline.mean ?? 0),
                        Format.count(hires.mean ?? 0), Format.percent(cancelled.mean ?? 0)])
        }
        out += onTime.render() + "\n"
        out += "hires: mean starts per trial, by the end of the deadline day and by the horizon.\n\n"

        out += "How long? Days from opening to the accepted offer (fill) and to the start, per opening\n"
        var time = TextTable(columns: [.left("scope"), .right("fill P10"), .right("fill P50"), .right("fill P90"),
                                       .right("mean if filled"), .right("restricted mean"),
                                       .right("start P50"), .right("start P90"),
                                       .right("not filled"), .right("starts after horizon")])
        for (s, scope) in f.scopes.enumerated() {
            let fill = f.summary(s, .timeToFill), start = f.summary(s, .timeToStart)
            time.add([scope, Format.days(fill.percentile(0.10)), Format.days(fill.percentile(0.50)),
                      Format.days(fill.percentile(0.90)), Format.days(fill.mean),
                      Format.days(f.summary(s, .timeToFillRestricted).mean),
                      Format.days(start.percentile(0.50)), Format.days(start.percentile(0.90)),
                      Format.percent(f.notFilled(s)), Format.percent(f.startsAfterHorizon(s))])
        }
        out += time.render() + "\n"
        out += "Percentiles count openings not started by the horizon as beyond it. mean if filled: of openings filled\n"
        out += "within the horizon (it grows with horizon_days); restricted mean: of min(time to fill, horizon), every opening.\n\n"

        out += startsTable(f)

        out += "What does it cost? Means per trial; per hire: in trials with a hire\n"
        var cost = TextTable(columns: [.left("scope"), .right("cost"), .right("P50 per hire"), .right("P90 per hire"),
                                       .right("mean per hire"),
                                       .right("recruiter"), .right("interviewer"), .right("applicants")])
        for (s, scope) in f.scopes.enumerated() {
            let perHire = f.summary(s, .costPerHire)
            cost.add([scope, Format.money(f.summary(s, .cost).mean),
                      perHire.percentile(0.50).map { Format.money($0) } ?? "no hire",
                      perHire.percentile(0.90).map { Format.money($0) } ?? "no hire", Format.money(perHire.mean),
                      Format.hours(f.summary(s, .recruiterHours).mean),
                      Format.hours(f.summary(s, .interviewerHours).mean),
                      Format.count(f.summary(s, .applicants).mean ?? 0)])
        }
        out += cost.render() + "\n\n"
        out += channelsTable(f)
        out += CapacityReport.render(f)

        func funnel(_ title: String, _ rows: [FunnelStep]) {
            out += "Funnel: \(title) (mean candidates per trial)\n"
            var t = TextTable(columns: [.left("step"), .right("entered"), .right("passed"), .right("conversion"),
                                        .right("no-show"), .right("withdrawn"), .right("no contact"),
                                        .right("rejected"), .right("released"), .right("open")])
            for r in rows {
                t.add([stepLabel(r.stage), Format.count(r.entered), Format.count(r.passed),
                       r.conversion.map { Format.percent($0) } ?? Format.missing,
                       Format.count(r.noShows), Format.count(r.withdrawn), Format.count(r.contactFailures),
                       Format.count(r.rejected), Format.count(r.released), Format.count(r.open)])
            }
            out += t.render() + "\n\n"
        }
        for (s, scope) in f.scopes.enumerated() {
            funnel(scope, f.funnel[s])
            for c in f.channels where s > 0 && c.requisition == scope { funnel("\(scope) through \(c.channel)", c.funnel) }
        }
        out += "entered = passed + no-show + withdrawn + no contact + rejected + released + open.\n"
        out += "rejected: failed the step (stages), declined (offer), failed the check, reneged (start).\n"
        out += "released: let go when the requisition was covered or cancelled. open: still in the step at the horizon\n"
        out += "(decision: still waiting for an offer; start: accepted, starts after the horizon).\n"
        return out
    }

    /// Where the hires come from (MODEL.md 21.5): per requisition and
    /// sourcing channel, applicants, hires and what they cost; empty
    /// without channels.
    static func channelsTable(_ f: Forecast) -> String {
        guard !f.channels.isEmpty else { return "" }
        var out = "Which channel brings the hires? Means per trial; per hire: all trials' cost over all trials' hires\n"
        var t = TextTable(columns: [.left("requisition"), .left("channel"), .right("applicants"), .right("hires"),
                                    .right("hires per 100 applicants"), .right("cost"), .right("cost per hire")])
        for c in f.channels {
            t.add([c.requisition, c.channel, Format.count(c.applicants), Format.count(c.hires),
                   c.applicants > 0 ? Format.fixed(100 * c.hires / c.applicants, digits: 1) : Format.missing,
                   Format.money(c.cost), c.costPerHire.map { Format.money($0) } ?? "no hire"])
        }
        out += t.render() + "\n"
        out += "cost: the channel's applicants at its cost per applicant, its candidates' recruiter and interviewer hours,\n"
        out += "checks and per-hire costs (the rows add up to the requisition's cost). Funnels per channel are below.\n\n"
        return out
    }

    /// "When does the k-th hire start?" (MODEL.md 21.9): per requisition
    /// and opening k, P(at least k started by the deadline of k's batch)
    /// and the P10/P50/P90 date of the k-th start. At most 10 rows per
    /// requisition (k spread evenly, the last always shown); every k is in
    /// starts.csv.
    static func startsTable(_ f: Forecast) -> String {
        guard !f.starts.isEmpty else { return "" }
        var out = "When does the k-th hire start? Per requisition and opening k\n"
        var t = TextTable(columns: [.left("scope"), .right("k"), .left("due by"), .right("P(>= k by then)"),
                                    .left("k-th start P10"), .left("P50"), .left("P90"), .right("not by horizon")])
        var thinned = false
        for r in f.starts {
            let n = r.rows.count
            let shown = n <= 10 ? Array(0..<n) : Array(Set((1...10).map { ($0 * n + 9) / 10 - 1 })).sorted()
            thinned = thinned || shown.count < n
            for (i, index) in shown.enumerated() {
                let row = r.rows[index]
                let beyond = "beyond"
                t.add([i == 0 ? r.scope : "", String(row.k), row.deadline?.description ?? "horizon",
                       Format.percent(row.pByDeadline), row.p10?.description ?? beyond, row.p50?.description ?? beyond,
                       row.p90?.description ?? beyond, Format.percent(row.beyondHorizon)])
            }
        }
        out += t.render() + "\n"
        out += "due by: the deadline of the batch the k-th opening belongs to (the requisition's deadline without batches).\n"
        out += "P10/P50/P90: the date by which the k-th hire has started in 10/50/90% of trials; beyond: after the horizon.\n"
        if thinned { out += "Some k are left out here; starts.csv has every k.\n" }
        return out + "\n"
    }

    /// The terminal's name of a funnel step: `decision` is a wait for an
    /// offer, not a verdict.
    public static func stepLabel(_ stage: String) -> String {
        switch stage {
        case "decision": return "decision (wait)"
        case "start": return "start (notice)"
        default: return stage
        }
    }

    private static func interval(_ s: MetricSummary) -> String {
        guard let lo = s.ciLow, let hi = s.ciHigh else { return Format.missing }
        return "\(Format.percent(lo)) - \(Format.percent(hi))"
    }
}
