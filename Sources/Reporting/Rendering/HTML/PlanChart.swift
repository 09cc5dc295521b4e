import Foundation

/// `plan`'s search curve for the report (`report --plan DIR`): one lever's
/// evaluations as read back from plan-curve.csv, and its chart (the metric
/// against the lever's value, the 95% band, the target as a line).
public struct PlanCurve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var value: Double, mean: Double, ciLow: Double, ciHigh: Double
        public init(value: Double, mean: Double, ciLow: Double, ciHigh: Double) {
            self.value = value; self.mean = mean; self.ciLow = ciLow; self.ciHigh = ciHigh
        }
    }
    public init(lever: String, metric: String, target: Double, points: [Point]) {
        self.lever = lever; self.metric = metric; self.target = target; self.points = points
    }
    public var lever: String
    /// `scope.metric`, as in plan-curve.csv.
    public var metric: String
    public var target: Double
    public var points: [Point]

    /// The curves of a plan-curve.csv (comma-delimited, as `plan` writes
    /// it), in the file's lever order. Errors name the line.
    public static func parse(_ text: String, file: String) throws(PlanCurveError) -> [PlanCurve] {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        let header = "lever,value,metric,target,mean,ci_low,ci_high,trials"
        guard lines.first == header else {
            throw PlanCurveError("\(file):1: not a plan-curve.csv (its header must be \(header))")
        }
        var curves: [PlanCurve] = []
        for (i, line) in lines.dropFirst().enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let numbers = f.count == 8 ? [f[1], f[3], f[4], f[5], f[6]].map { Double($0) } : []
            guard numbers.count == 5, numbers.allSatisfy({ $0 != nil }) else {
                throw PlanCurveError("\(file):\(i + 2): expected 8 fields with numbers in value, target, mean, ci_low, ci_high (got \(line))")
            }
            let p = Point(value: numbers[0]!, mean: numbers[2]!, ciLow: numbers[3]!, ciHigh: numbers[4]!)
            if let last = curves.last, last.lever == f[0] {
                curves[curves.count - 1].points.append(p)
            } else {
                curves.append(PlanCurve(lever: f[0], metric: f[2], target: numbers[1]!, points: [p]))
            }
        }
        guard !curves.isEmpty else { throw PlanCurveError("\(file): no evaluations") }
        return curves
    }
}

public struct PlanCurveError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

enum PlanChart {
    static func svg(_ c: PlanCurve, id: String, width: Double = 1000, height: Double = 320) -> String {
        var svg = SVGChart(id: id, width: width, height: height,
                           title: "\(c.metric) against \(c.lever)",
                           description: "Every value plan tried, on the same trials: the line is the metric's mean, the band "
                               + "its 95% interval, the horizontal line the target \(Format.significant(c.target)).")
        let frame = ChartFrame(width: width, height: height, left: 64, right: 24, top: 30, bottom: 48)
        let xs = c.points.map(\.value)
        let lo = xs.min() ?? 0, hi = Swift.max(xs.max() ?? 1, lo + 1e-9)
        let x = frame.xScale(lo, hi)
        let isShare = c.metric.hasSuffix("on_time") || c.metric.hasSuffix("cancelled")
        let yMax = isShare ? 1 : LinearScale.niceMaximum(Swift.max(c.target, c.points.map(\.ciHigh).max() ?? 1))
        let y = frame.yScale(0, yMax)
        let yTicks = y.ticks(count: 5)
        for t in yTicks { svg.line(x1: frame.left, y1: y(t), x2: frame.right, y2: y(t), class: "gridline") }
        frame.drawYAxis(&svg, y: y, ticks: yTicks, label: { isShare ? Format.percent($0, digits: 0) : Format.significant($0) },
                        title: c.metric)
        frame.drawXAxis(&svg, x: x, ticks: x.ticks(count: 6).map { ($0, Format.significant($0)) }, title: c.lever)
        let upper = c.points.map { (x($0.value), y($0.ciHigh)) }
        let lower = c.points.reversed().map { (x($0.value), y($0.ciLow)) }
        svg.polygon(upper + lower, class: "band")
        svg.polyline(c.points.map { (x($0.value), y($0.mean)) }, class: "p50-line")
        for p in c.points {
            svg.circle(cx: x(p.value), cy: y(p.mean), r: 2.5, class: "effect",
                       tooltip: "\(Format.significant(p.value)): \(Format.significant(p.mean)) "
                           + "(95% \(Format.significant(p.ciLow)) to \(Format.significant(p.ciHigh)))")
        }
        svg.line(x1: frame.left, y1: y(c.target), x2: frame.right, y2: y(c.target), class: "target")
        svg.text("target \(isShare ? Format.percent(c.target) : Format.significant(c.target))", x: frame.right - 4,
                 y: y(c.target) - 6, anchor: .end, class: "target-label")
        return svg.render()
    }
}
