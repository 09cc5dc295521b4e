/// The errors of reading a history: each names the file, the line and the
/// offending value in one line, so a planner can open the export and fix it.

/// What is wrong with a history file.
public enum HistoryProblem: Sendable, Equatable {
    /// The file cannot be opened or read (the reason).
    case unreadable(String)
    /// The file has no header row.
    case empty
    /// A required column is not in the header.
    case missingColumn(String)
    /// A record's quotes are not balanced or a quote sits inside a field.
    case malformedCSV(String)
    /// A row with fewer fields than the columns it needs.
    case shortRow(fields: Int, needed: Int)
    /// An `event` that is not one of MODEL.md 18.4-18.5.
    case unknownEvent(String)
    /// A `time` that is neither a date nor a date and time.
    case badTime(String)
    /// A requisition name outside `[A-Za-z0-9_-]+` (or `*` on a non-company event).
    case badRequisition(String)
    /// A row whose columns do not fit its event (the column, the value, why).
    case badRow(column: String, value: String, reason: String)
    /// A detail that does not parse (`opened`'s openings, a freeze id).
    case badDetail(String, reason: String)
    /// A path that cannot have happened (the event, why).
    case impossiblePath(event: String, reason: String)
    /// A requisition or stage the template does not have.
    case notInTemplate(String, reason: String)
}

/// A problem in a history file, at a line (1-based; nil for the file).
public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var problem: HistoryProblem

    public init(file: String, line: Int?, _ problem: HistoryProblem) {
        self.file = file; self.line = line; self.problem = problem
    }

    /// One line: `FILE:LINE: what is wrong (got VALUE)`.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(message)"
    }

    var message: String {
        func got(_ v: String) -> String { "(got \"\(v)\")" }
        switch problem {
        case .unreadable(let why): return "cannot be read: \(why)"
        case .empty: return "is empty; a history needs a header row requisition,candidate,stage,event,time,detail"
        case .missingColumn(let c): return "the header has no \(c) column (a history needs requisition,candidate,stage,event,time,detail)"
        case .malformedCSV(let why): return "not valid CSV: \(why)"
        case .shortRow(let n, let needed): return "the row has \(n) fields, the header needs \(needed)"
        case .unknownEvent(let e):
            return "unknown event \(got(e)); expected one of \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))"
        case .badTime(let t): return "time is not YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss] \(got(t))"
        case .badRequisition(let r): return "requisition must match [A-Za-z0-9_-]+, or * for company events \(got(r))"
        case .badRow(let c, let v, let why): return "\(c) \(why) \(got(v))"
        case .badDetail(let d, let why): return "detail \(why) \(got(d))"
        case .impossiblePath(let e, let why): return "impossible path: \(why) \(got(e))"
        case .notInTemplate(let v, let why): return "\(why) \(got(v))"
        }
    }
}
