/// The field delimiter of the CSV files, as a person writes it on the
/// command line: `,` (the default), `;` (spreadsheets in locales whose
/// decimal mark is the comma), `tab` or `\t`, `|`, or another single
/// character. Decimals are written with '.' whatever the delimiter.
public enum CSVDelimiter {
    /// The delimiter `text` names, or a one-line reason why it cannot be one.
    public static func parse(_ text: String) -> Result<Character, DelimiterError> {
        let c: Character
        switch text {
        case "tab", "TAB", "\\t", "\t": c = "\t"
        default:
            guard text.count == 1, let only = text.first else {
                return .failure(DelimiterError("must be a single character such as ';' or ',' (or 'tab')", text))
            }
            c = only
        }
        if c == "\"" || c == "\r" || c == "\n" || c == "\r\n" {
            return .failure(DelimiterError("cannot be a quote or a line break (they would make the file ambiguous)", text))
        }
        if c == "." || c.isNumber || c.isLetter || c == "-" || c == "+" {
            return .failure(DelimiterError("cannot be '.', '-', '+', a digit or a letter (numbers are written with them)", text))
        }
        return .success(c)
    }
}

/// Why a delimiter was refused: the rule it breaks, and what was given.
public struct DelimiterError: Error, Equatable, CustomStringConvertible {
    public var rule: String
    public var given: String

    init(_ rule: String, _ given: String) {
        self.rule = rule
        self.given = given
    }

    public var description: String {
        "the CSV delimiter \(rule) (got \(given.debugDescription))"
    }
}
