import Forecast
import FunnelModel

/// The forecast as aligned tables for a person at a terminal.
public enum TerminalReport {
    public static func render(_ f: Forecast) -> String {
        var out = "\(f.scenarioName)\n"
        out += "\(Format.fixed(Double(f.trials), digits: 0, grouping: true)) trials, seed \(f.seed), "
        out += "horizon \(Format.fixed(f.horizonDays, digits: 0)) days from \(f.start)\n"
        if let p = f.precision { out += "Precision: " + p.sentence + "\n" }
        out += "\n"

        out += "Will the seats be filled by the deadline?\n"
        var onTime = TextTable(columns: [.left("scope"), .right("openings"), .left("deadline"), .right("P(on time)"),
                                         .right("95% interval"), .right("hires (mean)"), .right("P(cancelled)")])
        for (s, scope) in f.scopes.enumerated() {
            let p = f.summary(s, .onTime), hires = f.summary(s, .filled), cancelled = f.summary(s, .cancelled)
            onTime.add([scope, String(f.openings[s]), f.deadlines[s]?.description ?? "horizon",
                        Format.percent(p.mean ?? 0), interval(p), Format.count(hires.mean ?? 0),
                        Format.percent(cancelled.mean ?? 0)])
        }
        out += onTime.render() + "\n\n"

        out += "How long? Days from opening, per opening (P10 / P50 / P90)\n"
        var time = TextTable(columns: [.left("scope"), .right("fill P10"), .right("fill P50"), .right("fill P90"),
                                       .right("start P10"), .right("start P50"), .right("start P90"),
                                       .right("unfilled")])
        for (s, scope) in f.scopes.enumerated() {
            let fill = f.summary(s, .timeToFill), start = f.summary(s, .timeToStart)
            time.add([scope, Format.days(fill.percentile(0.10)), Format.days(fill.percentile(0.50)),
                      Format.days(fill.percentile(0.90)), Format.days(start.percentile(0.10)),
                      Format.days(start.percentile(0.50)), Format.days(start.percentile(0.90)),
                      Format.percent(start.beyondHorizon)])
        }
        out += time.render() + "\n\n"

        out += "What does it cost? Means per trial\n"
        var cost = TextTable(columns: [.left("scope"), .right("cost"), .right("cost per hire"), .right("P90 per hire"),
                                       .right("recruiter"), .right("interviewer"), .right("applicants")])
        for (s, scope) in f.scopes.enumerated() {
            let perHire = f.summary(s, .costPerHire)
            cost.add([scope, Format.money(f.summary(s, .cost).mean), Format.money(perHire.mean),
                      perHire.percentile(0.90).map { Format.money($0) } ?? "no hire",
                      Format.hours(f.summary(s, .recruiterHours).mean),
                      Format.hours(f.summary(s, .interviewerHours).mean),
                      Format.count(f.summary(s, .applicants).mean ?? 0)])
        }
        out += cost.render() + "\n\n"

        for (s, scope) in f.scopes.enumerated() {
            out += "Funnel: \(scope) (mean candidates per trial)\n"
            var t = TextTable(columns: [.left("step"), .right("entered"), .right("passed"), .right("conversion"),
                                        .right("no-show"), .right("withdrawn"), .right("no contact"),
                                        .right("rejected")])
            for r in f.funnel[s] {
                t.add([r.stage, Format.count(r.entered), Format.count(r.passed),
                       r.conversion.map { Format.percent($0) } ?? Format.missing,
                       Format.count(r.noShows), Format.count(r.withdrawn), Format.count(r.contactFailures),
                       Format.count(r.rejected)])
            }
            out += t.render() + "\n"
            out += "released when filled or cancelled: \(Format.count(f.summary(s, .released).mean ?? 0))\n\n"
        }
        out += "rejected: failed the step (stages), declined (offer), failed the check, reneged (start).\n"
        return out
    }

    private static func interval(_ s: MetricSummary) -> String {
        guard let lo = s.ciLow, let hi = s.ciHigh else { return Format.missing }
        return "\(Format.percent(lo)) - \(Format.percent(hi))"
    }
}
