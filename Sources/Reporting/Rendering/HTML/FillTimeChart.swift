import Forecast

/// How long an opening takes to fill in one scope: the share of openings per
/// bin of days from opening to the accepted offer, and the share not filled
/// within the horizon as a bar of its own (never hidden), with the P50 and
/// P90 of `summary.csv` marked.
enum FillTimeChart {
    static func svg(_ f: Forecast, scope s: Int, width: Double = 540, height: Double = 280) -> String {
        let scope = f.scopes[s]
        var svg = SVGChart(
            id: "ttf-\(scope)", width: width, height: height,
            title: "Time to fill, \(scope): days from opening to the accepted offer",
            description: "Bars: share of all openings of all trials per bin of days; the separate bar on the right: "
                + "openings not filled within the horizon.")
        guard s < f.fillHistograms.count, f.fillHistograms[s].total > 0 else {
            svg.text("No openings to show.", x: width / 2, y: height / 2, anchor: .middle, class: "note")
            return svg.render()
        }
        let h = f.fillHistograms[s]
        let total = Double(h.total)
        let shares = h.counts.map { Double($0) / total }
        let beyondShare = Double(h.beyond) / total

        // The beyond-horizon bar sits right of the day axis, past a gap.
        let beyondWidth = 46.0, gap = 18.0
        let frame = ChartFrame(width: width, height: height, right: 16 + beyondWidth + gap)
        let span = h.binWidth * Double(h.counts.count)
        let x = frame.xScale(0, span)
        let yMax = LinearScale.niceMaximum(max(shares.max() ?? 0, beyondShare) * 1.1)
        let y = frame.yScale(0, yMax)
        frame.drawYAxis(&svg, y: y, ticks: y.ticks(count: 4), label: { Format.percent($0, digits: $0 < 0.1 && yMax < 0.1 ? 1 : 0) },
                        title: "share of openings")
        let step = max(h.binWidth, LinearScale.niceStep(span / 6))
        frame.drawXAxis(&svg, x: x, ticks: x.ticks(count: 6, minimumStep: step).map { ($0, Format.fixed($0, digits: 0)) },
                        title: "days from opening")

        let unit = h.binWidth == 1 ? "day" : "days"
        for (i, share) in shares.enumerated() where h.counts[i] > 0 {
            let lo = Double(i) * h.binWidth
            let x0 = x(lo), x1 = x(lo + h.binWidth)
            svg.rect(x: x0 + 0.5, y: y(share), width: x1 - x0 - 1, height: y(0) - y(share), class: "bar",
                     tooltip: "\(Format.fixed(lo, digits: 0)) to \(Format.fixed(lo + h.binWidth, digits: 0)) \(unit): "
                        + "\(Format.percent(share)) of openings (\(h.counts[i]) of \(h.total))")
        }

        // Not filled within the horizon.
        let bx = frame.right + gap
        svg.line(x1: bx - gap / 2, y1: frame.top, x2: bx - gap / 2, y2: frame.bottom, class: "gridline")
        svg.rect(x: bx, y: y(beyondShare), width: beyondWidth, height: y(0) - y(beyondShare), class: "beyond",
                 tooltip: "not filled within the horizon: \(Format.percent(beyondShare)) of openings "
                    + "(\(h.beyond) of \(h.total))",
                 data: [("share", CSVNumber.format(beyondShare))])
        svg.line(x1: bx - 4, y1: y(0), x2: bx + beyondWidth + 4, y2: y(0), class: "axis")
        svg.text(Format.percent(beyondShare), x: bx + beyondWidth / 2, y: y(beyondShare) - 5, anchor: .middle,
                 class: "value")
        svg.text("not", x: bx + beyondWidth / 2, y: frame.bottom + 14, anchor: .middle, class: "tick")
        svg.text("filled", x: bx + beyondWidth / 2, y: frame.bottom + 27, anchor: .middle, class: "tick")   // a line below "not", boxes apart

        // The percentiles of summary.csv; one beyond the horizon is not drawn.
        let summary = f.summary(s, .timeToFill)
        var markers: [(String, Double)] = []
        if let p50 = summary.percentile(0.5) { markers.append(("P50", p50)) }
        if let p90 = summary.percentile(0.9) { markers.append(("P90", p90)) }
        for (i, (name, v)) in markers.enumerated() {
            let mx = x(min(v, span))
            let rightSide = mx > frame.right - 70
            svg.line(x1: mx, y1: frame.top, x2: mx, y2: frame.bottom, class: "marker")
            svg.text("\(name) \(Format.fixed(v, digits: v < 10 ? 1 : 0)) d", x: rightSide ? mx - 3 : mx + 3,
                     y: frame.top + 10 + Double(i) * 13, anchor: rightSide ? .end : .start, class: "marker-label")
        }
        // On the row below the drawn markers' labels, never on one of theirs
        // (a P50 label near the right edge ran into it).
        let missing = [("P50", 0.5), ("P90", 0.9)].filter { summary.percentile($0.1) == nil }.map(\.0)
        if !missing.isEmpty {
            svg.text(missing.joined(separator: " and ") + " beyond the horizon", x: frame.right - 4,
                     y: frame.top + 10 + Double(markers.count) * 13, anchor: .end, class: "marker-label")
        }
        ChartFrame.legend(&svg, x: frame.left + 130, y: 16, entries: [
            ("filled", "bar", false), ("not filled within the horizon", "beyond", false),
        ])
        return svg.render()
    }
}
