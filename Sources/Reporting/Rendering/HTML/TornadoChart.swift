/// The tornado chart (MODEL.md 12): each parameter moved alone to its low
/// and its high value, the metric at each drawn as a bar from the base
/// run's value, largest swing first.
enum TornadoChart {
    static func svg(_ bars: [TornadoBar], metric: MetricLabel, baseline: Double?, width: Double = 1000) -> String {
        let sorted = bars.enumerated().sorted { ($0.element.swing, -$0.offset) > ($1.element.swing, -$1.offset) }.map(\.element)
        let rowHeight = 32.0, top = 50.0
        let height = top + rowHeight * Double(max(1, sorted.count)) + 40
        var svg = SVGChart(
            id: "tornado", width: width, height: height,
            title: "Tornado: \(metric.name) with each parameter at its low and its high value",
            description: "One row per parameter, largest swing first; each bar runs from the base run's value to the "
                + "metric with the parameter at its low value (one colour) or high value (the other).")
        let labelWidth = 330.0
        let frame = ChartFrame(width: width, height: height, left: labelWidth, right: 150, top: top, bottom: 40)
        let values: [Double] = sorted.flatMap { b -> [Double] in [b.metricLow, b.metricHigh] } + (baseline.map { [$0] } ?? [])
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        let pad = max((hi - lo) * 0.05, metric.unit == .share ? 0.005 : 1e-9)
        lo -= pad; hi += pad
        if metric.unit == .share { lo = max(0, lo); hi = min(1, hi) }
        let x = frame.xScale(lo, hi)
        let ticks = x.ticks(count: 6)
        for t in ticks {
            svg.line(x1: x(t), y1: frame.top - 4, x2: x(t), y2: frame.bottom, class: "gridline")
        }
        frame.drawXAxis(&svg, x: x, ticks: ticks.map { ($0, metric.formatTick($0)) }, title: metric.name)

        let center = baseline ?? (lo + hi) / 2
        for (i, b) in sorted.enumerated() {
            let y = frame.top + Double(i) * rowHeight
            // A rank whose interval overlaps another's is marked "=" (a tie).
            let tie = b.ties.isEmpty ? "" : " ="
            func size(_ v: Double) -> String { String(metric.formatChange(v).drop { $0 == "+" }) }
            let interval = b.swingLow.flatMap { l in b.swingHigh.map { h in
                "; swing \(size(b.swing)), 95% interval \(size(l)) to \(size(h))" } } ?? ""
            let tied = b.ties.isEmpty ? "" : "; tied with rank" + (b.ties.count == 1 ? " " : "s ")
                + b.ties.map(String.init).joined(separator: ", ")
            svg.text(ChartFrame.shorten(b.parameter, limit: 48) + tie, x: labelWidth - 10, y: y + 20, anchor: .end,
                     class: "label", tooltip: b.parameter + interval + tied)
            for (v, input, cls, side) in [(b.metricLow, b.low, "t-low", "low"), (b.metricHigh, b.high, "t-high", "high")] {
                let a = min(x(center), x(v)), w = abs(x(v) - x(center))
                svg.rect(x: a, y: y + 5, width: max(w, 1), height: rowHeight - 10, class: cls,
                         tooltip: "\(b.parameter) at its \(side) value \(Format.significant(input)): "
                            + "\(metric.name) \(metric.format(v))")
            }
            svg.text("\(metric.format(b.metricLow)) / \(metric.format(b.metricHigh))", x: frame.right + 10, y: y + 14,
                     class: "value")
            svg.text("values \(Format.significant(b.low)) / \(Format.significant(b.high))", x: frame.right + 10, y: y + 27,
                     class: "tick")
        }
        if let baseline {
            svg.line(x1: x(baseline), y1: frame.top - 4, x2: x(baseline), y2: frame.bottom, class: "baseline")
            svg.text("base \(metric.format(baseline))", x: x(baseline), y: frame.top - 8, anchor: .middle,
                     class: "marker-label")
        }
        svg.text("metric at low / high", x: frame.right + 10, y: frame.top - 8, class: "axis-title")
        ChartFrame.legend(&svg, x: 10, y: 16, entries: [
            ("parameter at its low value", "t-low", false), ("parameter at its high value", "t-high", false),
        ])
        return svg.render()
    }
}
