/// The interventions' effects (MODEL.md 12): for each, the mean paired
/// difference from the baseline as a dot with its 95% interval as a line,
/// around a zero line.
enum InterventionChart {
    static func svg(_ effects: [InterventionEffect], metric: MetricLabel, width: Double = 1000) -> String {
        let rowHeight = 32.0, top = 40.0
        let height = top + rowHeight * Double(max(1, effects.count)) + 44
        var svg = SVGChart(
            id: "interventions", width: width, height: height,
            title: "Interventions: change of \(metric.name) against the baseline",
            description: "One row per intervention: the dot is the mean paired difference from the baseline, the line "
                + "its 95% interval; right of zero is higher.")
        let labelWidth = 300.0
        let frame = ChartFrame(width: width, height: height, left: labelWidth, right: 290, top: top, bottom: 44)
        let values: [Double] = effects.flatMap { e -> [Double] in [e.ciLow, e.ciHigh, e.difference] } + [0]
        var lo = values.min() ?? -1, hi = values.max() ?? 1
        let pad = max((hi - lo) * 0.08, metric.unit == .share ? 0.005 : 1e-9)
        lo -= pad; hi += pad
        let x = frame.xScale(lo, hi)
        let ticks = x.ticks(count: 6)
        for t in ticks where t != 0 {
            svg.line(x1: x(t), y1: frame.top - 4, x2: x(t), y2: frame.bottom, class: "gridline")
        }
        frame.drawXAxis(&svg, x: x, ticks: ticks.map { ($0, metric.formatTick($0, change: true)) },
                        title: "change of \(metric.name)")
        svg.line(x1: x(0), y1: frame.top - 8, x2: x(0), y2: frame.bottom, class: "baseline")
        svg.text("no change", x: x(0), y: frame.top - 12, anchor: .middle, class: "marker-label")

        for (i, e) in effects.enumerated() {
            let y = frame.top + Double(i) * rowHeight + rowHeight / 2
            let tooltip = "\(e.name): \(metric.format(e.baseline)) → \(metric.format(e.value)), "
                + "change \(metric.formatChange(e.difference)) (95% interval \(metric.formatChange(e.ciLow)) to "
                + "\(metric.formatChange(e.ciHigh)))"
            svg.text(ChartFrame.shorten(e.name, limit: 44), x: labelWidth - 10, y: y + 4, anchor: .end, class: "label",
                     tooltip: e.name)
            svg.line(x1: x(e.ciLow), y1: y, x2: x(e.ciHigh), y2: y, class: "interval", tooltip: tooltip)
            for v in [e.ciLow, e.ciHigh] { svg.line(x1: x(v), y1: y - 6, x2: x(v), y2: y + 6, class: "interval") }
            svg.circle(cx: x(e.difference), cy: y, r: 5, class: e.ciLow > 0 ? "effect-up" : e.ciHigh < 0 ? "effect-down" : "effect",
                       tooltip: tooltip)
            svg.text("\(metric.formatChange(e.difference)) (\(metric.formatChange(e.ciLow)) to \(metric.formatChange(e.ciHigh)))",
                     x: frame.right + 12, y: y - 2, class: "value")
            svg.text("\(metric.format(e.baseline)) → \(metric.format(e.value))", x: frame.right + 12, y: y + 11,
                     class: "tick")
        }
        return svg.render()
    }
}
