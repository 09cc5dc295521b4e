/// An HTML `<table>` of already formatted cells. A cell may carry the exact
/// number behind its text (`data-v`, formatted as in the CSV files) and the
/// CSV column it comes from (`data-col`), so tests can compare the report
/// with the CSV files.
struct HTMLTable {
    struct Cell {
        var text: String
        /// The CSV column name and value behind the text.
        var data: (column: String, value: String)?
        var numeric: Bool

        init(_ text: String, numeric: Bool = true, column: String? = nil, value: Double? = nil) {
            self.text = text
            self.numeric = numeric
            if let column { data = (column, CSVNumber.format(value)) }
        }
    }

    var columns: [(title: String, numeric: Bool)]
    private var rows: [String] = []
    var caption: String?

    init(columns: [(title: String, numeric: Bool)], caption: String? = nil) {
        self.columns = columns
        self.caption = caption
    }

    /// Adds a row; `attributes` go on the `<tr>` (`data-scope`, ...).
    mutating func add(_ cells: [Cell], attributes: [(String, String)] = []) {
        let attrs = attributes.map { " \($0.0)=\"\(HTML.escape($0.1))\"" }.joined()
        var row = "<tr\(attrs)>"
        for (i, c) in cells.enumerated() {
            let tag = i == 0 && !c.numeric ? "th scope=\"row\"" : "td"
            var a = c.numeric ? " class=\"num\"" : ""
            if let d = c.data { a += " data-col=\"\(HTML.escape(d.column))\" data-v=\"\(HTML.escape(d.value))\"" }
            let close = tag.hasPrefix("th") ? "th" : "td"
            row += "<\(tag)\(a)>\(HTML.escape(c.text))</\(close)>"
        }
        rows.append(row + "</tr>")
    }

    func render() -> String {
        var out = "<table>"
        if let caption { out += "<caption>\(HTML.escape(caption))</caption>" }
        out += "<thead><tr>"
        for c in columns { out += "<th scope=\"col\"\(c.numeric ? " class=\"num\"" : "")>\(HTML.escape(c.title))</th>" }
        out += "</tr></thead><tbody>" + rows.joined() + "</tbody></table>"
        return out
    }
}
