/// Text escaped for HTML and SVG (element content and quoted attributes).
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities; everything else as it is.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// One inline SVG chart, built element by element in drawing order.
///
/// Coordinates are user units of a `width` x `height` viewBox; the page's
/// CSS scales the chart to its column (`width: 100%`) and styles elements
/// by class, so charts print with the page and need no script. Every chart
/// is `<svg class="chart" id="...">` with a `<title>` and a `<desc>` for
/// screen readers; `HTMLReportTests` and `make test-report` find charts by
/// that class.
struct SVGChart {
    enum Anchor: String { case start, middle, end }

    let id: String
    let width: Double
    let height: Double
    private var body = ""

    /// A chart with an id unique in the page, a title (what it shows) and a
    /// description (how to read it).
    init(id: String, width: Double, height: Double, title: String, description: String) {
        self.id = id
        self.width = width
        self.height = height
        body += "<title id=\"\(HTML.escape(id))-title\">\(HTML.escape(title))</title>"
            + "<desc>\(HTML.escape(description))</desc>"
    }

    /// A number for an attribute: at most two decimals, no trailing zeros,
    /// '.' as the decimal mark, never "-0".
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = Format.fixed(r, digits: 2)
        while s.last == "0" { s.removeLast() }
        return s
    }

    private static func attributes(_ a: [(String, String?)]) -> String {
        a.compactMap { k, v in v.map { " \(k)=\"\(HTML.escape($0))\"" } }.joined()
    }

    /// `<title>` child: the tooltip a browser shows on hover.
    private static func tooltip(_ t: String?) -> String { t.map { "<title>\(HTML.escape($0))</title>" } ?? "" }

    private mutating func element(_ name: String, _ a: [(String, String?)], tooltip: String? = nil, content: String? = nil) {
        let inner = Self.tooltip(tooltip) + (content ?? "")
        body += "<\(name)\(Self.attributes(a))" + (inner.isEmpty ? "/>" : ">\(inner)</\(name)>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class cls: String,
                       tooltip: String? = nil, data: [(String, String)] = []) {
        element("rect", [("x", Self.number(x)), ("y", Self.number(y)),
                         ("width", Self.number(max(0, width))), ("height", Self.number(max(0, height))), ("class", cls)]
                + data.map { ("data-" + $0.0, $0.1) }, tooltip: tooltip)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class cls: String, tooltip: String? = nil) {
        element("line", [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
                         ("y2", Self.number(y2)), ("class", cls)], tooltip: tooltip)
    }

    mutating func polyline(_ points: [(Double, Double)], class cls: String, tooltip: String? = nil) {
        element("polyline", [("points", Self.points(points)), ("class", cls)], tooltip: tooltip)
    }

    mutating func polygon(_ points: [(Double, Double)], class cls: String, tooltip: String? = nil) {
        element("polygon", [("points", Self.points(points)), ("class", cls)], tooltip: tooltip)
    }

    mutating func circle(cx: Double, cy: Double, r: Double, class cls: String, tooltip: String? = nil) {
        element("circle", [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("class", cls)],
                tooltip: tooltip)
    }

    mutating func text(_ string: String, x: Double, y: Double, anchor: Anchor = .start, class cls: String = "label",
                       tooltip: String? = nil) {
        element("text", [("x", Self.number(x)), ("y", Self.number(y)), ("text-anchor", anchor.rawValue), ("class", cls)],
                content: Self.tooltip(tooltip) + HTML.escape(string))
    }

    private static func points(_ p: [(Double, Double)]) -> String {
        p.map { number($0.0) + "," + number($0.1) }.joined(separator: " ")
    }

    /// The finished `<svg>` element.
    func render() -> String {
        "<svg class=\"chart\" id=\"\(HTML.escape(id))\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" "
            + "aria-labelledby=\"\(HTML.escape(id))-title\">"
            + body + "</svg>"
    }
}
