/// A CSV table: a header and rows of already formatted fields.
///
/// Rendered per RFC 4180: every record ends with CRLF (the last one too); a
/// field is quoted when it contains the delimiter, a double quote, CR or LF,
/// and a double quote inside is doubled. The text is UTF-8 when written, no BOM.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The whole table as text. Rows may differ in length from the header;
    /// they are written as they are.
    /// With `decimalComma`, every field that is a number as `CSVNumber`
    /// writes it ("0.25", "-1.5e-07") gets ',' as its decimal mark, as a
    /// German or French spreadsheet reads it; the delimiter must then not be ','.
    public func render(delimiter: Character = ",", decimalComma: Bool = false) -> String {
        precondition(delimiter != "\"" && delimiter != "\r" && delimiter != "\n" && delimiter != "\r\n",
                     "CSV delimiter \(delimiter.debugDescription) would be ambiguous")
        precondition(!decimalComma || delimiter != ",", "a decimal comma needs a delimiter other than ','")
        var out = ""
        out.reserveCapacity((rows.count + 1) * max(header.count, 1) * 8)
        Self.append(record: header, delimiter: delimiter, to: &out)
        for row in rows {
            Self.append(record: decimalComma ? row.map(CSVNumber.withDecimalComma) : row, delimiter: delimiter, to: &out)
        }
        return out
    }

    private static func append(record: [String], delimiter: Character, to out: inout String) {
        for (i, field) in record.enumerated() {
            if i > 0 { out.append(delimiter) }
            if needsQuotes(field, delimiter: delimiter) {
                out.append("\"")
                // Scalars, not Characters: a "\"" may sit inside a grapheme.
                for scalar in field.unicodeScalars {
                    if scalar == "\"" { out.unicodeScalars.append("\"") }
                    out.unicodeScalars.append(scalar)
                }
                out.append("\"")
            } else {
                out.append(field)
            }
        }
        out.append("\r\n")
    }

    /// Whether `field` must be quoted. Checked on Unicode scalars: "\r\n" is
    /// one Character in Swift, and a delimiter followed by a combining mark
    /// is part of another Character, yet both still split a naive reader.
    static func needsQuotes(_ field: String, delimiter: Character) -> Bool {
        let delimiterScalars = Array(delimiter.unicodeScalars)
        if delimiterScalars.count == 1 {
            let d = delimiterScalars[0]
            return field.unicodeScalars.contains { $0 == d || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        }
        return field.contains(delimiter)
            || field.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" }
    }
}

/// Numbers in CSV fields: plain, locale-free, round-trippable by any reader.
public enum CSVNumber {
    /// `field` with ',' for '.' where it is a number as `format` writes it
    /// (digits, one '.', an optional exponent); any other field as it is.
    public static func withDecimalComma(_ field: String) -> String {
        guard field.contains("."), isNumber(field) else { return field }
        return field.replacingOccurrences(of: ".", with: ",")
    }

    static func isNumber(_ field: String) -> Bool {
        var chars = Substring(field)
        if chars.first == "-" { chars = chars.dropFirst() }
        let mantissa = chars.prefix { $0 != "e" }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        let exponent = chars.dropFirst(mantissa.count)
        if exponent.isEmpty { return true }
        let e = exponent.dropFirst()
        return (e.first == "+" || e.first == "-") && e.count > 1 && e.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// Formats `v` for a CSV field.
    ///
    /// - nil, NaN or infinite: "" (an empty cell).
    /// - integers with `|v| < 1e15`: all digits, no ".0" (`-0` is "0").
    /// - otherwise rounded to 6 significant digits, trailing zeros removed,
    ///   '.' as the decimal mark; in fixed notation when the rounded `|v|`
    ///   is in [1e-6, 1e15) (`0.000123457`, `1234570`), else as
    ///   `1.5e-07` / `1.23457e+15`.
    ///
    /// Never reads the C locale: digits come from `%.5e` and the decimal
    /// mark is written here.
    public static func format(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "" }
        if v == v.rounded(.towardZero) && abs(v) < 1e15 {
            return String(Int64(v))  // Int64(-0.0) == 0
        }
        let (negative, digits, exponent) = significantDigits(v, count: 6)
        var trimmed = digits
        while trimmed.count > 1 && trimmed.last == "0" { trimmed.removeLast() }
        var out = negative ? "-" : ""
        if exponent >= -6 && exponent < 15 {
            if exponent >= 0 {
                let whole = exponent + 1
                if trimmed.count <= whole {
                    out += trimmed + String(repeating: "0", count: whole - trimmed.count)
                } else {
                    out += trimmed.prefix(whole) + "." + trimmed.dropFirst(whole)
                }
            } else {
                out += "0." + String(repeating: "0", count: -exponent - 1) + trimmed
            }
        } else {
            out += String(trimmed.prefix(1))
            if trimmed.count > 1 { out += "." + trimmed.dropFirst() }
            out += exponent < 0 ? "e-" : "e+"
            let e = abs(exponent)
            out += e < 10 ? "0\(e)" : "\(e)"
        }
        return out
    }

    /// `v` rounded to `count` significant digits (correctly, by the C
    /// library): its sign, the digits, and the decimal exponent of the first.
    static func significantDigits(_ v: Double, count: Int) -> (negative: Bool, digits: String, exponent: Int) {
        let text = CFormat.string("%.*e", Int32(count - 1), v)
        var negative = false, digits = "", exponentText = ""
        var inExponent = false
        for c in text {
            if inExponent {
                exponentText.append(c)
            } else if c == "e" || c == "E" {
                inExponent = true
            } else if c == "-" {
                negative = true
            } else if c.isASCII && c.isNumber {
                digits.append(c)
            }  // the decimal mark, whatever the locale says it is
        }
        return (negative, digits, Int(exponentText) ?? 0)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
