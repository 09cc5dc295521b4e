/// Writes events in the history format (MODEL.md 18), RFC 4180: the header
/// `requisition,candidate,stage,event,time,detail`, CRLF after every record,
/// fields quoted where they hold a comma, a quote or a line break.
public struct HistoryWriter: Sendable {
    /// The text written so far (header included).
    public private(set) var text: String
    /// Write every time as a date only (`--dates-only`, as many exports do).
    public var datesOnly: Bool

    public init(datesOnly: Bool = false) {
        self.datesOnly = datesOnly
        text = Self.header
    }

    /// Appends one event.
    public mutating func append(_ e: HistoryEvent) { Self.appendRecord(e, datesOnly: datesOnly, to: &text) }

    /// The header record, CRLF included (for writers that stream to a file).
    public static var header: String { HistoryReader.columns.joined(separator: ",") + "\r\n" }

    /// One event's record, CRLF included (for writers that stream to a file).
    public static func record(_ e: HistoryEvent, datesOnly: Bool = false) -> String {
        var out = ""
        appendRecord(e, datesOnly: datesOnly, to: &out)
        return out
    }

    static func appendRecord(_ e: HistoryEvent, datesOnly: Bool, to out: inout String) {
        var time = e.time
        if datesOnly { time = HistoryTime(days: time.days.rounded(.down), dateOnly: true) }
        let fields = [e.requisition, e.candidate, e.stage, e.kind.rawValue, time.description, e.detail]
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(",") }
            appendField(f, to: &out)
        }
        out.append("\r\n")
    }

    /// The whole log of `events`, in their order.
    public static func render(_ events: [HistoryEvent], datesOnly: Bool = false) -> String {
        var w = HistoryWriter(datesOnly: datesOnly)
        for e in events { w.append(e) }
        return w.text
    }

    static func appendField(_ field: String, to out: inout String) {
        // Scalars, not Characters: "\r\n" is one Character in Swift.
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" })
                || field.first == " " || field.last == " " else {
            out.append(field); return
        }
        out.append("\"")
        for s in field.unicodeScalars {
            if s == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(s)
        }
        out.append("\"")
    }
}
