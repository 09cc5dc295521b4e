import Forecast
import FunnelModel

/// Cumulative starts per week of one scope (MODEL.md 12, `timeline.csv`):
/// the P10-P90 band, the P50 line and the mean dashed, with the openings
/// and the deadline marked.
enum FanChart {
    static func svg(_ f: Forecast, scope s: Int, width: Double = 540, height: Double = 300) -> String {
        let scope = f.scopes[s]
        let points = f.timeline[s]
        let openings = Double(f.openings[s])
        var svg = SVGChart(
            id: "fan-\(scope)", width: width, height: height,
            title: "Cumulative starts per week, \(scope)",
            description: "Band: 80% of trials (P10 to P90); solid line: the median (P50); dashed: the mean; "
                + "horizontal line: \(f.openings[s]) openings; vertical line: the deadline.")
        let frame = ChartFrame(width: width, height: height, right: 20)
        let x = frame.xScale(0, f.horizonDays)
        let top = max(openings, points.map(\.p90).max() ?? 0, points.map(\.mean).max() ?? 0)
        let yMax = LinearScale.niceMaximum(top * 1.12)
        let y = frame.yScale(0, yMax)

        frame.drawYAxis(&svg, y: y, ticks: y.ticks(count: 5, minimumStep: 1), label: { Format.fixed($0, digits: 0) },
                        title: "starts")
        frame.drawXAxis(&svg, x: x, ticks: ChartFrame.monthTicks(start: f.start, days: f.horizonDays))

        // Week k ends at day 7k (the last one at the horizon); the curve starts at 0.
        func px(_ p: TimelinePoint) -> Double { x(min(Double(7 * p.week), f.horizonDays)) }
        let origin = (x(0), y(0))
        let upper = [origin] + points.map { (px($0), y($0.p90)) }
        let lower = points.reversed().map { (px($0), y($0.p10)) } + [origin]
        svg.polygon(upper + lower, class: "band")
        svg.polyline([origin] + points.map { (px($0), y($0.mean)) }, class: "mean-line")
        svg.polyline([origin] + points.map { (px($0), y($0.p50)) }, class: "p50-line")

        // Openings: the level the curves should reach.
        svg.line(x1: frame.left, y1: y(openings), x2: frame.right, y2: y(openings), class: "target")
        svg.text("\(f.openings[s]) opening\(f.openings[s] == 1 ? "" : "s")", x: frame.left + 4, y: y(openings) - 5,
                 class: "target-label")

        // Deadline: the end of its day (MODEL.md 17.3).
        if let deadline = f.deadlines[s] {
            let day = Double(deadline - f.start + 1)
            let dx = x(min(day, f.horizonDays))
            svg.line(x1: dx, y1: frame.top, x2: dx, y2: frame.bottom, class: "deadline")
            let label = (s == 0 ? "last deadline " : "deadline ") + deadline.description
            let leftSide = dx > (frame.left + frame.right) / 2
            svg.text(label, x: leftSide ? dx - 4 : dx + 4, y: frame.top + 12, anchor: leftSide ? .end : .start,
                     class: "deadline-label")
        }

        // Hover targets: one column per week with its numbers.
        for (i, p) in points.enumerated() {
            let x0 = i == 0 ? x(0) : px(points[i - 1])
            svg.rect(x: x0, y: frame.top, width: px(p) - x0, height: frame.bottom - frame.top, class: "hover",
                     tooltip: "week \(p.week) (to \(p.date)): P10 \(Format.fixed(p.p10, digits: 1)), "
                        + "P50 \(Format.fixed(p.p50, digits: 1)), P90 \(Format.fixed(p.p90, digits: 1)), "
                        + "mean \(Format.fixed(p.mean, digits: 2))",
                     data: [("week", String(p.week)), ("p10", CSVNumber.format(p.p10)), ("p50", CSVNumber.format(p.p50)),
                            ("p90", CSVNumber.format(p.p90)), ("mean", CSVNumber.format(p.mean))])
        }

        ChartFrame.legend(&svg, x: frame.left + 70, y: 16, entries: [
            ("P10-P90", "band", false), ("P50", "p50-line", true), ("mean", "mean-line", true),
        ])
        return svg.render()
    }
}
