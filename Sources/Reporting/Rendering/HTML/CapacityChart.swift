import Forecast
import FunnelModel

/// One pool's utilisation per week (MODEL.md 21.4, `capacity.csv`): the
/// mean over trials as a solid line, the P90 dashed, and the capacity line
/// at 85% above which the forecast calls a pool the bottleneck.
enum CapacityChart {
    /// The chart's id: `capacity-` and the pool's name, '.' as '-'.
    static func id(_ pool: PoolCapacity) -> String { "capacity-" + pool.name.replacingOccurrences(of: ".", with: "-") }

    static func svg(_ f: Forecast, pool: PoolCapacity, width: Double = 540, height: Double = 260) -> String {
        var svg = SVGChart(
            id: id(pool), width: width, height: height,
            title: "Utilisation per week, \(pool.name) (\(pool.discipline.rawValue))",
            description: "Busy working time over available working time each week: solid line the mean over trials, "
                + "dashed the P90; horizontal line: \(Format.percent(PoolCapacity.bottleneck, digits: 0)), the capacity line.")
        let frame = ChartFrame(width: width, height: height, right: 20)
        let x = frame.xScale(0, f.horizonDays)
        let y = frame.yScale(0, 1)
        frame.drawYAxis(&svg, y: y, ticks: [0, 0.25, 0.5, 0.75, 1], label: { Format.percent($0, digits: 0) }, title: "utilisation")
        frame.drawXAxis(&svg, x: x, ticks: ChartFrame.monthTicks(start: f.start, days: f.horizonDays))

        // Week k spans days 7(k-1) ... 7k; each point sits at its week's middle.
        let weeks = pool.weeks.filter { $0.utilisation.mean != nil }
        func px(_ w: WeekUtilisation) -> Double { x(min(7 * Double(w.week) - 3.5, f.horizonDays)) }
        svg.polyline(weeks.map { (px($0), y($0.utilisation.p90 ?? 0)) }, class: "mean-line")
        svg.polyline(weeks.map { (px($0), y($0.utilisation.mean ?? 0)) }, class: "p50-line")

        let cap = y(PoolCapacity.bottleneck)
        svg.line(x1: frame.left, y1: cap, x2: frame.right, y2: cap, class: "target")
        svg.text("capacity line \(Format.percent(PoolCapacity.bottleneck, digits: 0))", x: frame.left + 4, y: cap - 5,
                 class: "target-label")

        for w in pool.weeks {
            let x0 = x(Double(7 * (w.week - 1))), x1 = x(min(Double(7 * w.week), f.horizonDays))
            guard x1 > x0 else { continue }
            let u = w.utilisation
            svg.rect(x: x0, y: frame.top, width: x1 - x0, height: frame.bottom - frame.top, class: "hover",
                     tooltip: "week \(w.week) (to \(w.date)): mean \(u.mean.map { Format.percent($0) } ?? Format.missing), "
                        + "P90 \(u.p90.map { Format.percent($0) } ?? Format.missing), \(u.trials) trials",
                     data: [("week", String(w.week)), ("mean", CSVNumber.format(u.mean)), ("p90", CSVNumber.format(u.p90))])
        }
        ChartFrame.legend(&svg, x: frame.left + 70, y: 16, entries: [("mean", "p50-line", true), ("P90", "mean-line", true)])
        return svg.render()
    }
}
