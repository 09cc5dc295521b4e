import Forecast

/// The funnel of one scope (`funnel.csv`): one bar per step, as wide as the
/// candidates who entered it, split into those who passed and those lost,
/// by reason. Counts are means per trial.
enum FunnelChart {
    /// A part of a step's bar: its legend text and CSS class.
    struct Part: Equatable {
        let name: String
        let cssClass: String
    }

    static let passed = Part(name: "passed", cssClass: "f-passed")
    static let noShow = Part(name: "no-show", cssClass: "f-noshow")
    static let withdrawn = Part(name: "withdrawn (took another offer)", cssClass: "f-withdrawn")
    static let contact = Part(name: "contact failure", cssClass: "f-contact")
    static let rejected = Part(name: "rejected", cssClass: "f-rejected")
    static let declined = Part(name: "declined", cssClass: "f-declined")
    static let check = Part(name: "failed the check", cssClass: "f-check")
    static let renege = Part(name: "reneged", cssClass: "f-renege")
    static let released = Part(name: "released (covered or cancelled)", cssClass: "f-other")
    static let open = Part(name: "still in the step at the horizon", cssClass: "f-open")

    /// A step's parts with their mean counts, in drawing order. The step's
    /// own failure is `rejected` at the stages, a decline at `offer`, a
    /// failed check at `background_check`, a renege at `start` (17.10).
    /// Then those released on coverage or cancellation and those still in
    /// the step at the horizon: the parts add up to `entered`.
    static func parts(_ r: FunnelStep, index: Int, count: Int) -> [(Part, Double)] {
        let own: Part
        switch count - index {
        case 3: own = declined
        case 2: own = check
        case 1: own = renege
        default: own = rejected
        }
        var out = [(passed, r.passed), (noShow, r.noShows), (withdrawn, r.withdrawn), (contact, r.contactFailures),
                   (own, r.rejected)]
        out.append((released, r.released))
        out.append((open, r.open))
        return out
    }

    /// The legend of every funnel of the report: the parts that occur in
    /// any scope, as HTML (one legend for all the funnel charts).
    static func legend(_ f: Forecast) -> String {
        var present: [Part] = []
        for rows in f.funnel {
            for (i, r) in rows.enumerated() {
                for (part, v) in parts(r, index: i, count: rows.count) where v > 0 && !present.contains(part) {
                    present.append(part)
                }
            }
        }
        let order = [passed, noShow, withdrawn, contact, rejected, declined, check, renege, released, open]
        return "<p class=\"legend\">" + order.filter { present.contains($0) }.map {
            "<span class=\"key\"><span class=\"swatch \($0.cssClass)\"></span>\(HTML.escape($0.name))</span>"
        }.joined() + "</p>"
    }

    static func svg(_ f: Forecast, scope s: Int, width: Double = 1000) -> String {
        let scope = f.scopes[s]
        let rows = f.funnel[s]
        let rowHeight = 30.0, top = 24.0
        let height = top + rowHeight * Double(rows.count) + 10
        var svg = SVGChart(
            id: "funnel-\(scope)", width: width, height: height,
            title: "Funnel, \(scope): where candidates are lost",
            description: "One bar per step, split into the share of the candidates who entered it that passed "
                + "and the shares lost, by reason. Numbers: mean candidates per trial.")
        let labelWidth = 150.0, numbersWidth = 230.0
        let x0 = labelWidth, x1 = width - numbersWidth

        svg.text("entered → passed (conversion)", x: width - 8, y: top - 8, anchor: .end, class: "axis-title")

        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            svg.text(ChartFrame.shorten(r.stage, limit: 22), x: labelWidth - 10, y: y + 18, anchor: .end, class: "label",
                     tooltip: r.stage)
            if r.entered > 0 {
                var cx = x0
                for (part, v) in parts(r, index: i, count: rows.count) where v > 0 {
                    let w = (x1 - x0) * v / r.entered
                    svg.rect(x: cx, y: y + 4, width: w, height: rowHeight - 8, class: part.cssClass,
                             tooltip: "\(r.stage): \(part.name) \(Format.count(v)) of \(Format.count(r.entered)) "
                                + "(\(Format.percent(v / r.entered)))")
                    cx += w
                }
            } else {
                svg.rect(x: x0, y: y + 4, width: x1 - x0, height: rowHeight - 8, class: "f-empty")
            }
            let conversion = r.conversion.map { " (\(Format.percent($0)))" } ?? ""
            svg.text("\(Format.count(r.entered)) → \(Format.count(r.passed))\(conversion)", x: width - 8, y: y + 18,
                     anchor: .end, class: "value")
        }
        return svg.render()
    }
}
