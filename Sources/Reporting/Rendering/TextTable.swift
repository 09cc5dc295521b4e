/// A plain-text table for the terminal: columns aligned by display width
/// (counted in Characters), the header underlined with `-`, two spaces
/// between columns, no trailing spaces.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public enum Alignment: Sendable { case left, right }
        public var title: String
        public var alignment: Alignment

        public init(title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }

        public static func left(_ title: String) -> Column { Column(title: title, alignment: .left) }
        public static func right(_ title: String) -> Column { Column(title: title, alignment: .right) }
    }

    private enum Line: Sendable {
        case cells([String])
        case separator
    }

    public let columns: [Column]
    private var lines: [Line] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; a short row is padded with empty cells.
    public mutating func add(_ row: [String]) {
        precondition(row.count <= columns.count,
                     "table row has \(row.count) cells for \(columns.count) columns")
        lines.append(.cells(row + Array(repeating: "", count: columns.count - row.count)))
    }

    /// Adds a line of `-` across the table, like the header underline.
    public mutating func addSeparator() {
        lines.append(.separator)
    }

    /// The table as lines joined by "\n", without a final newline (ready
    /// for `print`).
    public func render() -> String {
        var widths = columns.map { $0.title.count }
        for case .cells(let cells) in lines {
            for (i, cell) in cells.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var out = [format(columns.map(\.title), widths), rule]
        for line in lines {
            switch line {
            case .cells(let cells): out.append(format(cells, widths))
            case .separator: out.append(rule)
            }
        }
        return out.joined(separator: "\n")
    }

    private func format(_ cells: [String], _ widths: [Int]) -> String {
        var text = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { text += "  " }
            let padding = String(repeating: " ", count: widths[i] - cell.count)
            text += columns[i].alignment == .left ? cell + padding : padding + cell
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Numbers as the terminal report shows them: fixed decimals, '.' as the
/// decimal mark, ',' between thousands, never the locale.
public enum Format {
    /// "1 trial", "2,000 trials": a count of trials with its noun.
    public static func trials(_ n: Int) -> String {
        fixed(Double(n), digits: 0, grouping: true) + (n == 1 ? " trial" : " trials")
    }

    /// What a value that has none shows (no mean, no cost per hire).
    public static let missing = "-"

    /// A share as a percentage: `percent(0.7342)` is "73.4%".
    public static func percent(_ p: Double, digits: Int = 1) -> String {
        fixed(p * 100, digits: digits) + "%"
    }

    /// Days with one decimal: "41.2 d"; nil or +infinity is "not within horizon".
    public static func days(_ d: Double?) -> String {
        guard let d, d != .infinity else { return "not within horizon" }
        return fixed(d, digits: 1) + " d"
    }

    /// Hours with one decimal: "12.5 h"; nil is `missing`.
    public static func hours(_ h: Double?) -> String {
        guard let h else { return missing }
        return fixed(h, digits: 1) + " h"
    }

    /// Money rounded to whole units with thousands separators, no currency
    /// symbol: "12,345", "-1,200"; nil is `missing`.
    public static func money(_ v: Double?) -> String {
        guard let v else { return missing }
        return fixed(v, digits: 0, grouping: true)
    }

    /// A mean count with two decimals: "3.42".
    public static func count(_ v: Double) -> String {
        fixed(v, digits: 2)
    }

    /// `v` with `digits` decimals, rounded half away from zero on the binary
    /// value, optionally with ',' every three integer digits. "-" signs only
    /// values that do not round to zero. Non-finite values: "nan", "inf", "-inf".
    public static func fixed(_ v: Double, digits: Int, grouping: Bool = false) -> String {
        precondition((0...9).contains(digits), "\(digits) decimals")
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(v) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return CSVNumber.format(v) }  // beyond any plan's numbers
        let units = UInt64(scaled)
        var whole = String(units / scale)
        if grouping {
            var grouped = ""
            for (i, c) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            whole = grouped
        }
        var text = units == 0 ? whole : (v < 0 ? "-" : "") + whole
        if digits > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }
}
