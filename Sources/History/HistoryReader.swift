import FunnelModel

/// Reads history files (MODEL.md 18.1-18.5) row by row into `HistoryEvent`
/// values: the header maps the six columns in any order (extra columns are
/// ignored), and each row is checked against its event's scope.
public enum HistoryReader {
    /// The columns a history needs, in the order `HistoryWriter` writes them.
    public static let columns = ["requisition", "candidate", "stage", "event", "time", "detail"]

    /// Streams the events of the file at `path` to `body` with their line,
    /// in file order, holding one row at a time.
    public static func forEach(path: String, _ body: (HistoryEvent, Int) throws(HistoryError) -> Void) throws(HistoryError) {
        try forEach(path: path, blockSize: 1 << 20, body)
    }

    /// The same, reading `blockSize` bytes at a time.
    static func forEach(path: String, blockSize: Int, _ body: (HistoryEvent, Int) throws(HistoryError) -> Void) throws(HistoryError) {
        var reader = try CSVRecordReader(path: path, blockSize: blockSize)
        try read(&reader, file: path, body)
    }

    /// Streams the events of history text in memory; `file` names it in errors.
    public static func forEach(text: String, file: String, _ body: (HistoryEvent, Int) throws(HistoryError) -> Void) throws(HistoryError) {
        var reader = CSVRecordReader(text: text, file: file)
        try read(&reader, file: file, body)
    }

    /// The events of history text in memory; `file` names it in errors.
    public static func events(text: String, file: String) throws(HistoryError) -> [HistoryEvent] {
        var reader = CSVRecordReader(text: text, file: file)
        var out: [HistoryEvent] = []
        try read(&reader, file: file) { event, _ in out.append(event) }
        return out
    }

    static func read(_ reader: inout CSVRecordReader, file: String,
                     _ body: (HistoryEvent, Int) throws(HistoryError) -> Void) throws(HistoryError) {
        guard let header = try reader.next() else { throw HistoryError(file: file, line: nil, .empty) }
        let names = header.fields.map { Substring($0).trimmingSpaces.lowercased() }
        var index: [Int] = []
        for column in columns {
            guard let i = names.firstIndex(of: column) else {
                throw HistoryError(file: file, line: header.line, .missingColumn(column))
            }
            index.append(i)
        }
        let needed = index.max()! + 1
        while let (fields, line) = try reader.next() {
            guard fields.count >= needed else { throw HistoryError(file: file, line: line, .shortRow(fields: fields.count, needed: needed)) }
            let event = try parse(fields, index, file: file, line: line)
            try body(event, line)
        }
    }

    /// One row as an event, checked against its scope.
    static func parse(_ f: [String], _ ix: [Int], file: String, line: Int) throws(HistoryError) -> HistoryEvent {
        func fail(_ p: HistoryProblem) -> HistoryError { HistoryError(file: file, line: line, p) }
        let requisition = String(Substring(f[ix[0]]).trimmingSpaces)
        let candidate = f[ix[1]]
        let stage = String(Substring(f[ix[2]]).trimmingSpaces)
        let name = String(Substring(f[ix[3]]).trimmingSpaces)
        guard let kind = EventKind.byName[name] else { throw fail(.unknownEvent(name)) }
        guard let time = HistoryTime(parsing: Substring(f[ix[4]])) else { throw fail(.badTime(f[ix[4]])) }
        let detail = String(Substring(f[ix[5]]).trimmingSpaces)
        switch kind.scope {
        case .company:
            guard requisition == HistoryEvent.company else {
                throw fail(.badRow(column: "requisition", value: requisition, reason: "of a company event (\(name)) must be *"))
            }
        case .requisition, .candidate:
            guard isName(requisition) else { throw fail(.badRequisition(requisition)) }
        }
        if kind.scope == .candidate {
            guard !candidate.isEmpty else {
                throw fail(.badRow(column: "candidate", value: candidate, reason: "is empty on a candidate event (\(name))"))
            }
        } else if !candidate.isEmpty {
            throw fail(.badRow(column: "candidate", value: candidate, reason: "must be empty on a \(kind.scope) event (\(name))"))
        }
        if kind.needsStage {
            guard isName(stage) else {
                throw fail(.badRow(column: "stage", value: stage, reason: "of a stage event (\(name)) must be a stage name [A-Za-z0-9_-]+"))
            }
        } else if !stage.isEmpty && kind != .withdrawn && kind != .released {
            throw fail(.badRow(column: "stage", value: stage, reason: "must be empty on \(name)"))
        }
        return HistoryEvent(requisition: requisition, candidate: candidate, stage: stage, kind: kind, time: time, detail: detail)
    }

    /// A requisition or stage name of MODEL.md 17.1.
    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 45
        }
    }

    /// The openings and deadline of an `opened` detail (`4;deadline=2027-05-31`).
    public static func openedDetail(_ detail: String) -> (openings: Int, deadline: CivilDate?)? {
        let parts = detail.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        var openings = 1
        var deadline: CivilDate? = nil
        for (i, p) in parts.enumerated() where !p.isEmpty {
            if i == 0, let n = Int(p), n >= 1 { openings = n; continue }
            if p.hasPrefix("deadline=") {
                guard let d = CivilDate(iso: String(p.dropFirst("deadline=".count))) else { return nil }
                deadline = d
                continue
            }
            return nil
        }
        return (openings, deadline)
    }
}
