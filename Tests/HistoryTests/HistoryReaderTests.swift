import Foundation
import FunnelModel
@testable import History
import XCTest

/// The history CSV reader (MODEL.md 18.1-18.5): columns in any order,
/// quoted fields, and each kind of bad input as a one-line error naming the
/// file, the line and the value.
final class HistoryReaderTests: XCTestCase {
    func testColumnsInAnyOrderExtraColumnsAndQuotes() throws {
        let text = """
            time,event,owner,requisition,detail,candidate,stage\r
            2026-01-05,opened,x,eng,"3;deadline=2026-06-30",,\r
            2026-01-06T09:30,applied,y,eng,,"Doe, ""JD"" Jane",\r
            2026-01-07T10:00:15,hr_done,z,eng,,"Doe, ""JD"" Jane",screen\r

            """
        let events = try HistoryReader.events(text: text, file: "h.csv")
        XCTAssertEqual(events.count, 3)
        XCTAssertEqual(events[0].kind, .opened)
        XCTAssertEqual(HistoryReader.openedDetail(events[0].detail)?.openings, 3)
        XCTAssertEqual(HistoryReader.openedDetail(events[0].detail)?.deadline, CivilDate(iso: "2026-06-30"))
        XCTAssertTrue(events[0].time.dateOnly)
        XCTAssertEqual(events[1].candidate, "Doe, \"JD\" Jane")
        XCTAssertFalse(events[1].time.dateOnly)
        XCTAssertEqual(events[1].time.days, Double(CivilDate(iso: "2026-01-06")!.dayNumber) + 9.5 / 24, accuracy: 1e-9)
        XCTAssertEqual(events[2].stage, "screen")
        XCTAssertEqual(events[2].time.description, "2026-01-07T10:00:15")
    }

    func testQuotedLineBreakKeepsLineNumbers() {
        let text = "requisition,candidate,stage,event,time,detail\neng,\"a\nb\",,applied,2026-01-01,\neng,c,,jumped,2026-01-01,\n"
        XCTAssertThrowsError(try HistoryReader.events(text: text, file: "h.csv")) { e in
            // The bad row starts on line 4: the quoted field spans lines 2-3.
            XCTAssertEqual("\(e)", "h.csv:4: unknown event (got \"jumped\"); expected one of " + EventKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func testErrorsNameFileLineAndValue() {
        func error(_ body: String, header: String = "requisition,candidate,stage,event,time,detail") -> String {
            do { _ = try HistoryLog.read(texts: [("h.csv", header + "\n" + body)]); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(error("", header: "requisition,candidate,stage,event,detail"),
                       "h.csv:1: the header has no time column (a history needs requisition,candidate,stage,event,time,detail)")
        XCTAssertEqual(error("eng,a,,applied,2026-13-01,"),
                       "h.csv:2: time is not YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss] (got \"2026-13-01\")")
        XCTAssertEqual(error("eng,a,,applied,2026-01-01,\neng,a,,offer_accepted,2026-01-03,"),
                       "h.csv:3: impossible path: candidate a: offer_accepted with no offer_made or offer_sent before it (got \"offer_accepted\")")
        let twice = "eng,a,,offer_made,2026-01-01,\neng,a,,offer_accepted,2026-01-02,\neng,a,,started,2026-02-01,\neng,a,,started,2026-03-01,"
        XCTAssertEqual(error(twice), "h.csv:5: impossible path: candidate a: a second started (got \"started\")")
        XCTAssertEqual(error("eng,a,,hr_done,2026-01-01,"),
                       "h.csv:2: stage of a stage event (hr_done) must be a stage name [A-Za-z0-9_-]+ (got \"\")")
        XCTAssertEqual(error("eng team,a,,applied,2026-01-01,"),
                       "h.csv:2: requisition must match [A-Za-z0-9_-]+, or * for company events (got \"eng team\")")
        XCTAssertTrue(error("eng,\"a,,applied,2026-01-01,").hasPrefix("h.csv:2: not valid CSV"))
    }

    func testTimes() {
        XCTAssertNil(HistoryTime(parsing: "2026-02-30"))
        XCTAssertNil(HistoryTime(parsing: "2026-01-01T24:00"))
        XCTAssertNil(HistoryTime(parsing: "2026-01-01T9:00"))
        XCTAssertEqual(HistoryTime(parsing: "2026-01-01 12:00")?.days, Double(CivilDate(iso: "2026-01-01")!.dayNumber) + 0.5)
        XCTAssertEqual(HistoryTime(parsing: "2026-01-01T00:00:59")?.description, "2026-01-01T00:00:59")
    }

    func testWriterRoundTrip() throws {
        let d = Double(CivilDate(iso: "2026-03-02")!.dayNumber)
        let events = [
            HistoryEvent(requisition: "*", kind: .freezeStarted, time: HistoryTime(days: d + 0.25), detail: "f1"),
            HistoryEvent(requisition: "eng", kind: .opened, time: HistoryTime(days: d, dateOnly: true), detail: "2;deadline=2026-09-30"),
            HistoryEvent(requisition: "eng", candidate: "O'Brien, \"Pat\"\r\nline two", kind: .applied, time: HistoryTime(days: d + 1 + 1.0 / 86_400)),
            HistoryEvent(requisition: "eng", candidate: " spaced ", stage: "screen", kind: .hrDone, time: HistoryTime(days: d + 2.75)),
            HistoryEvent(requisition: "eng", candidate: "z", kind: .offerDeclined, time: HistoryTime(days: d + 3), detail: "competing_offer"),
        ]
        let text = HistoryWriter.render(events)
        XCTAssertTrue(text.hasPrefix("requisition,candidate,stage,event,time,detail\r\n"))
        XCTAssertEqual(try HistoryReader.events(text: text, file: "w.csv"), events)
        // Dates only: every time becomes its day.
        let dates = try HistoryReader.events(text: HistoryWriter.render(events, datesOnly: true), file: "w.csv")
        XCTAssertEqual(dates.map(\.time), events.map { HistoryTime(days: $0.time.days.rounded(.down), dateOnly: true) })
    }

    /// The file reader streams in blocks: records, quoted line breaks, CRLFs
    /// and a byte order mark that straddle block edges read as from memory.
    func testStreamingAcrossBlockEdges() throws {
        var events: [HistoryEvent] = []
        let d = Double(CivilDate(iso: "2026-03-02")!.dayNumber)
        for i in 0..<300 {
            events.append(HistoryEvent(requisition: "eng", candidate: i % 3 == 0 ? "n\(i), \"q\"\r\nx" : "c\(i)", stage: "screen",
                                       kind: .hrDone, time: HistoryTime(days: d + Double(i) / 24), detail: i % 5 == 0 ? "a,b" : ""))
        }
        let text = "\u{FEFF}" + HistoryWriter.render(events)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for block in [1, 2, 3, 7, 64, 1 << 20] {
            var read: [HistoryEvent] = [], lines: [Int] = []
            try HistoryReader.forEach(path: path, blockSize: block) { (e: HistoryEvent, line: Int) throws(HistoryError) in
                read.append(e); lines.append(line)
            }
            XCTAssertEqual(read.count, events.count, "block \(block)")
            XCTAssertTrue(read == events, "block \(block): first difference at \(read.indices.first { read[$0] != events[$0] } ?? -1)")
            // Each quoted line break moves the next record one line down.
            XCTAssertEqual(lines.last, 2 + 299 + 100, "block \(block)")
        }
    }
}
