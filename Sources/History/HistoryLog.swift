import FunnelModel

/// A whole history, pooled over files by requisition name: requisitions
/// with their candidates' paths, the company's freezes, and where the
/// observation of each part ends (MODEL.md 18.6).

/// A budget freeze as the log shows it.
public struct FreezeRecord: Sendable, Equatable {
    public var id: String
    public var started: HistoryTime
    /// nil: still running at the end of the observation.
    public var ended: HistoryTime?
}

/// One requisition: its own events and its candidates.
public struct RequisitionHistory: Sendable {
    public var name: String
    public var opened: HistoryTime?
    public var openings = 1
    public var deadline: CivilDate?
    public var approved: HistoryTime?
    public var cancelled: HistoryTime?
    /// Stage names in path order (the template's, or inferred from the paths).
    public var stages: [String]
    /// For each stage, whether the log shows interview events there.
    public var interviewObserved: [Bool]
    public var candidates: [CandidatePath]
    /// Where the observation of this requisition ends (days since 1970):
    /// events at or after it are unknown.
    public var asOf: Double
    /// The earliest event of the requisition.
    public var firstEvent: HistoryTime
}

/// The pooled history.
public struct HistoryLog: Sendable {
    public var requisitions: [RequisitionHistory]
    public var freezes: [FreezeRecord]
    /// The end of the company-wide observation (the latest as_of of the files).
    public var asOf: Double
    /// The earliest event of the whole log.
    public var start: HistoryTime
    /// Paths with gaps and the number of missing events in all.
    public var candidatesWithGaps: Int
    public var gaps: Int
    /// Events dropped because they come at or after as_of.
    public var eventsAfterAsOf: Int
    /// Rows read.
    public var rows: Int
    /// Things the planner should know (as_of taken from the last event...).
    public var warnings: [String]
    /// The earliest row of the files, before any cut at as_of (its time,
    /// file and line): an as-of instant before it knows nothing (MODEL.md 19).
    public var firstRow: (time: HistoryTime, file: String, line: Int)? = nil
    /// Each file's `exported` row, where it has one.
    public var exportedRows: [(time: HistoryTime, file: String)] = []

    /// The requisition named `name`.
    public func requisition(_ name: String) -> RequisitionHistory? { requisitions.first { $0.name == name } }

    /// Reads, checks and pools the history files at `paths` (streaming,
    /// one row at a time). `asOf` (days since 1970) ends the observation
    /// of every file, but never after a file's own `exported` row.
    /// `template`, where given, names each requisition's stages in order:
    /// a requisition or stage of the log it lacks is an error.
    public static func read(paths: [String], asOf: Double? = nil,
                            template: [String: [String]]? = nil) throws(HistoryError) -> HistoryLog {
        var builder = HistoryLogBuilder()
        for (f, path) in paths.enumerated() {
            builder.beginFile(path)
            try HistoryReader.forEach(path: path) { (event: HistoryEvent, line: Int) throws(HistoryError) in
                try builder.add(event, file: f, line: line)
            }
        }
        return try builder.finish(asOf: asOf, template: template)
    }

    /// The same from texts in memory: (file name, text) pairs.
    public static func read(texts: [(file: String, text: String)], asOf: Double? = nil,
                            template: [String: [String]]? = nil) throws(HistoryError) -> HistoryLog {
        var builder = HistoryLogBuilder()
        for (f, t) in texts.enumerated() {
            builder.beginFile(t.file)
            try HistoryReader.forEach(text: t.text, file: t.file) { (event: HistoryEvent, line: Int) throws(HistoryError) in
                try builder.add(event, file: f, line: line)
            }
        }
        return try builder.finish(asOf: asOf, template: template)
    }
}
