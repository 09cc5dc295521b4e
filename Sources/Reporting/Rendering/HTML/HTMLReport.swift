import Forecast

/// What the report's header says about how it was made, so that a printed
/// report can be reproduced.
public struct ReportInfo: Sendable, Equatable {
    /// The scenario file as given on the command line.
    public var scenarioFile: String?
    /// The command that reproduces the forecast.
    public var command: String?
    public var version: String

    public init(scenarioFile: String? = nil, command: String? = nil, version: String = FunnelcastVersion.current) {
        self.scenarioFile = scenarioFile
        self.command = command
        self.version = version
    }
}

/// The forecast as one self-contained HTML page (issue 5): inline CSS and
/// SVG, no script, nothing fetched from the network; it opens from disk in
/// any browser and prints on A4.
///
/// The charts draw the numbers of the CSV files: the fan charts
/// `timeline.csv`, the funnels `funnel.csv`, the tables `summary.csv`
/// (cells carry the CSV value in `data-v`); the time-to-fill charts draw
/// `Forecast.fillHistograms`, the same values as the `time_to_fill` rows.
/// The page is well-formed XML as well as HTML, so any XML parser can
/// check it.
public enum HTMLReport {
    /// The sections, in page order: (id, heading). Extras' sections appear
    /// only when given.
    static func sections(_ f: Forecast, _ extras: ReportExtras) -> [(id: String, title: String)] {
        var out = [("glance", "At a glance"), ("on-time", "On time?"), ("starts", "Starts over time"),
                   ("time-to-fill", "Time to fill"), ("funnel", "The funnel"), ("cost", "Cost")]
        if !f.capacity.isEmpty { out.append(("capacity", "Capacity")) }
        if let t = extras.tornado, !t.isEmpty { out.append(("sensitivity", "What drives it")) }
        if let i = extras.interventions, !i.isEmpty { out.append(("interventions", "What would change it")) }
        if let p = extras.planCurves, !p.isEmpty { out.append(("plan", "What it takes")) }
        out.append(("tables", "All numbers"))
        return out
    }

    public static func render(_ f: Forecast, info: ReportInfo = ReportInfo(), extras: ReportExtras = ReportExtras()) -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
        page += "<meta name=\"generator\" content=\"funnelcast \(HTML.escape(info.version))\"/>"
        page += "<title>\(HTML.escape(f.scenarioName)): hiring forecast</title>"
        page += "<style>\n\(ReportStyle.css)\n</style></head>\n<body><div class=\"page\">\n"
        page += header(f, info: info)
        page += "<nav>" + sections(f, extras).map { "<a href=\"#\($0.id)\">\(HTML.escape($0.title))</a>" }.joined() + "</nav>\n"
        page += "<main>\n"
        page += glance(f)
        page += section("on-time", "Will the seats be filled by the deadline?",
                        lead: "On time: every opening of the requisition started by the end of its deadline day "
                            + "(the plan: every requisition on time). The interval is Wilson's 95% interval.",
                        body: ReportTables.onTime(f))
        page += section("starts", "Starts over time",
                        lead: "Cumulative starts at the end of each week. The band holds 80% of the trials (P10 to P90), "
                            + "the solid line is the median, the dashed line the mean. Hover over a week for its numbers.",
                        body: "<div class=\"charts\">" + f.scopes.indices.map { s in
                            figure(FanChart.svg(f, scope: s), heading: scopeCaption(f, s))
                        }.joined() + "</div>" + ReportTables.kthStarts(f))
        page += section("time-to-fill", "How long does an opening take?",
                        lead: "Days from the requisition's opening to the accepted offer of the candidate who starts, "
                            + "over every opening of every trial. Openings not filled within the horizon have their own "
                            + "bar on the right.",
                        body: "<div class=\"charts\">" + f.scopes.indices.map { s in
                            figure(FillTimeChart.svg(f, scope: s), heading: fillCaption(f, s))
                        }.joined() + "</div>" + ReportTables.times(f))
        page += section("funnel", "Where are candidates lost?",
                        lead: "Each bar is the candidates who entered a step (mean per trial), split into those who passed "
                            + "and those lost, by reason. After the stages: the decision (finalists waiting for it), the "
                            + "offer, the background check and the start.",
                        body: FunnelChart.legend(f) + f.scopes.indices.map { s in
                            figure(FunnelChart.svg(f, scope: s), heading: funnelCaption(f, s))
                        }.joined())
        page += section("cost", "What does it cost?",
                        lead: "Means per trial; cost per hire is the trial's cost divided by its starts.",
                        body: ReportTables.cost(f) + ReportTables.channels(f))
        if !f.capacity.isEmpty {
            page += section("capacity", "How busy are the pools?",
                            lead: "Each pool's busy working time over its available working time (count x hours_per_week on "
                                + "the work calendar), week by week: the mean over trials and the P90. A pool above the "
                                + "capacity line (\(Format.percent(PoolCapacity.bottleneck, digits: 0))) is the bottleneck: "
                                + "its requests wait (capacity-waits.csv has the waits by priority class).",
                            body: "<div class=\"charts\">" + f.capacity.map { pool in
                                figure(CapacityChart.svg(f, pool: pool), heading: "\(pool.name) (\(pool.discipline.rawValue)), "
                                       + "overall \(pool.overall.mean.map { Format.percent($0) } ?? Format.missing)")
                            }.joined() + "</div>")
        }
        if let bars = extras.tornado, !bars.isEmpty {
            page += section("sensitivity", "What drives the forecast?",
                            lead: "Each parameter moved alone to a low and a high value, with the same random numbers "
                                + "as the base run; the longest bars matter most."
                                + (extras.tornadoTrials.map { n in
                                    n == f.trials ? "" : " Each run has \(Format.fixed(Double(n), digits: 0, grouping: true)) "
                                        + "trials, so its base value differs from the forecast's above by Monte Carlo error."
                                } ?? "")
                                + (extras.tornadoLeftOut > 0
                                    ? " \(extras.tornadoLeftOut) more parameters with smaller swings are not drawn; "
                                        + "funnelcast sensitivity --method tornado --out DIR lists them all."
                                    : ""),
                            body: figure(TornadoChart.svg(bars, metric: extras.tornadoMetric, baseline: extras.tornadoBaseline),
                                         heading: "Tornado: \(extras.tornadoMetric.name)")
                                + (bars.contains { !$0.ties.isEmpty }
                                    ? "<p class=\"note\">A parameter marked = has a swing whose 95% interval (from the paired "
                                        + "trials) overlaps another's: their order is not resolved by the trials run.</p>"
                                    : "")
                                + bars.flatMap(\.notes).map { "<p class=\"note\">\(HTML.escape($0))</p>" }.joined())
        }
        if let effects = extras.interventions, !effects.isEmpty {
            page += section("interventions", "What would change it?",
                            lead: "Each intervention run with the same random numbers as the baseline: the change of "
                                + "\(extras.interventionMetric.name) with its 95% interval (paired differences).",
                            body: figure(InterventionChart.svg(effects, metric: extras.interventionMetric),
                                         heading: "Interventions: \(extras.interventionMetric.name)")
                                + effects.flatMap { e in e.notes.map { (e.name, $0) } }.map { name, note in
                                    "<p class=\"note\">\(HTML.escape(name)): \(HTML.escape(note))</p>"
                                }.joined()
                                + interventionScopeTable(extras))
        }
        if let curves = extras.planCurves, !curves.isEmpty {
            page += section("plan", "What would it take?",
                            lead: "funnelcast plan's search: the metric at every lever value tried, on the same trials, with "
                                + "its 95% interval as a band and the target as a line.",
                            body: curves.enumerated().map { k, c in
                                figure(PlanChart.svg(c, id: "plan-\(k)"), heading: "\(c.lever): \(c.metric)")
                            }.joined())
        }
        page += section("tables", "All numbers",
                        lead: "Every metric and every funnel step, as in summary.csv and funnel.csv.",
                        body: f.scopes.indices.map { s in
                            "<div class=\"tables\">" + ReportTables.metrics(f, scope: s) + ReportTables.funnel(f, scope: s)
                                + "</div>"
                        }.joined())
        page += "</main>\n"
        page += "<footer>Made by funnelcast \(HTML.escape(info.version)) from \(Format.trials(f.trials)) "
            + "with seed \(f.seed). The same version, scenario, trials and seed give the same numbers, "
            + "whatever the number of threads.</footer>\n"
        page += "</div></body></html>\n"
        return page
    }

    // MARK: Parts

    static func header(_ f: Forecast, info: ReportInfo) -> String {
        let lastDay = f.start.adding(days: max(0, Int(f.horizonDays.rounded(.up)) - 1))
        var meta: [(String, String)] = []
        if let file = info.scenarioFile { meta.append(("scenario file", file)) }
        meta += [("trials", Format.fixed(Double(f.trials), digits: 0, grouping: true)), ("seed", String(f.seed)),
                 ("plan start", f.start.description),
                 ("horizon", "\(Format.fixed(f.horizonDays, digits: 0)) days, to \(lastDay)"),
                 ("funnelcast", info.version)]
        if let command = info.command { meta.append(("reproduce with", command)) }
        if let p = f.precision { meta.append(("precision", p.sentence)) }
        var out = "<header><h1>\(HTML.escape(f.scenarioName))</h1>"
        out += "<p class=\"subtitle\">Hiring forecast: \(f.scopes.count - 1) requisition\(f.scopes.count == 2 ? "" : "s"), "
            + "\(f.openings[0]) opening\(f.openings[0] == 1 ? "" : "s"), Monte Carlo simulation</p>"
        out += "<dl class=\"meta\">"
        for (k, v) in meta {
            let value = k == "reproduce with" ? "<code>\(HTML.escape(v))</code>" : HTML.escape(v)
            out += "<dt>\(HTML.escape(k))</dt><dd>\(value)</dd>"
        }
        return out + "</dl></header>\n"
    }

    static func glance(_ f: Forecast) -> String {
        let onTime = f.summary(0, .onTime), filled = f.summary(0, .filled), fill = f.summary(0, .timeToFill)
        let perHire = f.summary(0, .costPerHire), cancelled = f.summary(0, .cancelled)
        var cards: [(String, String, String)] = []
        let interval = onTime.ciLow.flatMap { lo in onTime.ciHigh.map { "95% interval \(Format.percent(lo)) - \(Format.percent($0))" } }
        cards.append(("every deadline met", Format.percent(onTime.mean ?? 0), interval ?? ""))
        cards.append(("hires by the horizon", Format.fixed(filled.mean ?? 0, digits: 1),
                      "of \(f.openings[0]) openings (mean)"))
        cards.append(("time to fill, median", ReportTables.days(fill.percentile(0.5)),
                      "P90 \(ReportTables.days(fill.percentile(0.9)))"))
        cards.append(("cost per hire", Format.money(perHire.mean), "mean; P90 \(perHire.percentile(0.9).map { Format.money($0) } ?? "no hire")"))
        cards.append(("a requisition cancelled", Format.percent(cancelled.mean ?? 0), "share of trials"))
        let body = "<div class=\"cards\">" + cards.map { k, v, d in
            "<div class=\"card\"><div class=\"k\">\(HTML.escape(k))</div><div class=\"v\">\(HTML.escape(v))</div>"
                + "<div class=\"d\">\(HTML.escape(d))</div></div>"
        }.joined() + "</div>"
        return section("glance", "At a glance", lead: nil, body: body)
    }

    static func section(_ id: String, _ title: String, lead: String?, body: String) -> String {
        "<section id=\"\(id)\"><h2>\(HTML.escape(title))</h2>"
            + (lead.map { "<p class=\"lead\">\(HTML.escape($0))</p>" } ?? "") + body + "</section>\n"
    }

    /// A chart under its heading (`<h3>`: the scope and its key numbers).
    static func figure(_ svg: String, heading: String) -> String {
        "<figure><h3>\(HTML.escape(heading))</h3>\(svg)</figure>"
    }

    static func scopeCaption(_ f: Forecast, _ s: Int) -> String {
        let p = f.summary(s, .onTime).mean ?? 0
        let deadline = f.deadlines[s].map { (s == 0 ? "last deadline " : "deadline ") + $0.description } ?? "no deadline (the horizon)"
        return "\(f.scopes[s]): \(f.openings[s]) opening\(f.openings[s] == 1 ? "" : "s"), \(deadline), "
            + "P(on time) \(Format.percent(p))"
    }

    static func funnelCaption(_ f: Forecast, _ s: Int) -> String {
        let applicants = f.summary(s, .applicants).mean ?? 0, hires = f.summary(s, .filled).mean ?? 0
        let per = hires > 0 ? ": \(Format.fixed(applicants / hires, digits: 0)) applicants per hire" : ""
        return "\(f.scopes[s]): \(Format.count(applicants)) applicants and \(Format.count(hires)) hires per trial\(per)"
    }

    static func fillCaption(_ f: Forecast, _ s: Int) -> String {
        let x = f.summary(s, .timeToFill)
        return "\(f.scopes[s]): median \(ReportTables.days(x.percentile(0.5))), "
            + "not filled within the horizon \(Format.percent(x.beyondHorizon))"
    }
}

extension HTMLReport {
    /// The interventions' change of their metric in every scope (plan and
    /// each requisition), with the paired 95% interval (issue 15, point 9);
    /// empty where the page has one scope only.
    static func interventionScopeTable(_ extras: ReportExtras) -> String {
        let scopes = extras.interventionScopes
        guard scopes.count > 1, !extras.interventionsByScope.isEmpty else { return "" }
        let metric = extras.interventionMetric
        var t = HTMLTable(columns: [("intervention", false)] + scopes.map { ($0, true) },
                          caption: "Change of \(extras.interventionMetricName) by scope (95% interval, paired trials)")
        for effects in extras.interventionsByScope {
            guard let name = effects.first?.name else { continue }
            t.add([HTMLTable.Cell(name, numeric: false)] + scopes.map { scope in
                guard let e = effects.first(where: { $0.scope == scope }) else { return HTMLTable.Cell(Format.missing) }
                return HTMLTable.Cell("\(metric.formatChange(e.difference)) (\(metric.formatChange(e.ciLow)) to "
                                      + "\(metric.formatChange(e.ciHigh)))", column: "difference", value: e.difference)
            }, attributes: [("data-intervention", name)])
        }
        return t.render()
    }
}
