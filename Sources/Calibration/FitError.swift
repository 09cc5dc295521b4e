import History
import Reporting

/// Why `fit` wrote nothing.
public enum FitError: Error, Sendable, CustomStringConvertible {
    /// A history file is unreadable or wrong (one line: file, line, value).
    case history(HistoryError)
    /// The template scenario has problems (each a line).
    case template([String])
    /// `--as-of` is not a date or a date and time.
    case badAsOf(String)
    /// The fitted scenario did not load back (a bug: each issue a line).
    case fittedInvalid([String])
    /// An output could not be written.
    case output(OutputError)

    public var description: String {
        switch self {
        case .history(let e): return e.description
        case .template(let lines): return lines.joined(separator: "\n")
        case .badAsOf(let s): return "as-of must be YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss] (got \"\(s)\")"
        case .fittedInvalid(let lines): return "the fitted scenario does not load back (please report): " + lines.joined(separator: "; ")
        case .output(let e): return e.description
        }
    }
}
