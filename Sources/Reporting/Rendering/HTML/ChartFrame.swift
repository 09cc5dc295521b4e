import FunnelModel

/// The plot area of an x-y chart inside its SVG, and the axes drawn around it.
struct ChartFrame {
    /// Plot area edges, in SVG user units (y grows downwards).
    var left: Double, right: Double, top: Double, bottom: Double

    init(width: Double, height: Double, left: Double = 48, right: Double = 16, top: Double = 34, bottom: Double = 40) {
        self.left = left
        self.right = width - right
        self.top = top
        self.bottom = height - bottom
    }

    func xScale(_ lo: Double, _ hi: Double) -> LinearScale { LinearScale(domain: (lo, hi), range: (left, right)) }
    func yScale(_ lo: Double, _ hi: Double) -> LinearScale { LinearScale(domain: (lo, hi), range: (bottom, top)) }

    /// Horizontal grid lines and their labels at `ticks` of `y`.
    func drawYAxis(_ svg: inout SVGChart, y: LinearScale, ticks: [Double], label: (Double) -> String, title: String? = nil) {
        for t in ticks {
            let py = y(t)
            svg.line(x1: left, y1: py, x2: right, y2: py, class: t == 0 ? "axis" : "gridline")
            svg.text(label(t), x: left - 6, y: py + 4, anchor: .end, class: "tick")
        }
        if let title { svg.text(title, x: left, y: top - 10, anchor: .start, class: "axis-title") }
    }

    /// Tick marks and labels under the plot at `ticks` of `x`.
    func drawXAxis(_ svg: inout SVGChart, x: LinearScale, ticks: [(value: Double, label: String)], title: String? = nil) {
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, class: "axis")
        for t in ticks {
            let px = x(t.value)
            svg.line(x1: px, y1: bottom, x2: px, y2: bottom + 5, class: "axis")
            svg.text(t.label, x: px, y: bottom + 18, anchor: .middle, class: "tick")
        }
        if let title { svg.text(title, x: right, y: bottom + 34, anchor: .end, class: "axis-title") }
    }

    /// Ticks on the first day of each month within days `0 ... days` from
    /// `start`, labelled "Feb", with the year on January and on the first
    /// tick; every second, third or sixth month when there are many. A span
    /// with fewer than two month starts gets weekly ticks labelled "Jan 11".
    static func monthTicks(start: CivilDate, days: Double) -> [(value: Double, label: String)] {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var months: [(Double, Int, Int)] = []
        var d = 0
        while Double(d) <= days {
            let c = start.adding(days: d).components
            if c.day == 1 { months.append((Double(d), c.month, c.year)) }
            d += 1
        }
        guard months.count >= 2 else {
            let step = days > 42 ? 14 : 7
            return stride(from: 0, through: Int(days), by: step).map { d in
                let c = start.adding(days: d).components
                return (Double(d), "\(names[c.month - 1]) \(c.day)")
            }
        }
        let every = months.count > 24 ? 6 : months.count > 12 ? 3 : months.count > 7 ? 2 : 1
        var out: [(value: Double, label: String)] = []
        for (i, m) in months.enumerated() where i % every == 0 {
            let name = names[m.1 - 1]
            out.append((m.0, out.isEmpty || m.1 == 1 ? "\(name) \(m.2)" : name))
        }
        return out
    }

    /// Draws a row of legend entries at the top of the chart, from `x`.
    /// Each entry is a swatch (a rectangle of `swatchClass`, or a short line
    /// where `line` is true) and its text; returns where the next would go.
    @discardableResult
    static func legend(_ svg: inout SVGChart, x: Double, y: Double,
                       entries: [(text: String, swatchClass: String, line: Bool)]) -> Double {
        var cx = x
        for e in entries {
            if e.line {
                svg.line(x1: cx, y1: y - 4, x2: cx + 18, y2: y - 4, class: e.swatchClass)
            } else {
                svg.rect(x: cx, y: y - 10, width: 14, height: 10, class: e.swatchClass)
            }
            let textX = cx + (e.line ? 22 : 18)
            svg.text(e.text, x: textX, y: y, class: "legend")
            cx = textX + Double(e.text.count) * 6.0 + 16
        }
        return cx
    }

    /// `text` cut to at most `limit` Characters, keeping its end (the end of
    /// a parameter path names the field): "…stages.onsite.pass".
    static func shorten(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return "…" + String(text.suffix(limit - 1))
    }
}

extension Format {
    /// A parameter's value in a few digits: "0.52", "7.2", "2,000", "0.0031".
    static func significant(_ v: Double) -> String {
        guard v.isFinite else { return fixed(v, digits: 0) }
        let a = abs(v)
        if a >= 100 || a == a.rounded() { return fixed(v, digits: 0, grouping: true) }
        var digits = 2
        while digits < 6 && a < pow10(-(digits - 2)) { digits += 1 }
        var s = fixed(v, digits: digits)
        while s.hasSuffix("0") { s.removeLast() }
        return s.hasSuffix(".") ? String(s.dropLast()) : s
    }

    private static func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}
