import FunnelModel
import History
import XCTest

/// Pooling and path reconstruction (MODEL.md 18.5-18.6): as_of, freezes,
/// gaps, the stage order, the template's stages.
final class HistoryLogTests: XCTestCase {
    let header = "requisition,candidate,stage,event,time,detail\n"

    func testPathAsOfAndFreezes() throws {
        let text = header + """
            *,,,freeze_started,2026-02-01,q1
            *,,,freeze_ended,2026-02-10,q1
            *,,,freeze_started,2026-05-01,q2
            eng,,,opened,2026-01-05,2
            eng,a,,applied,2026-01-06T09:00,
            eng,a,screen,hr_done,2026-01-07T09:00,
            eng,a,screen,passed,2026-01-07T09:00,
            eng,a,phone,hr_done,2026-01-09T09:00,
            eng,a,phone,replied,2026-01-10T09:00,
            eng,a,phone,interviewed,2026-01-12T09:00,
            eng,a,phone,passed,2026-01-12T09:00,
            eng,a,,finalist,2026-01-12T09:00,
            eng,a,,offer_made,2026-01-12T09:00,
            eng,b,,applied,2026-01-08,
            eng,b,phone,hr_done,2026-01-09,
            eng,a,,offer_sent,2026-01-14T09:00,
            eng,a,,offer_accepted,2026-06-01,
            *,,,exported,2026-03-01,
            """
        let log = try HistoryLog.read(texts: [("h.csv", text)])
        XCTAssertEqual(log.asOf, Double(CivilDate(iso: "2026-03-01")!.dayNumber))
        XCTAssertEqual(log.eventsAfterAsOf, 2)  // the second freeze and the acceptance
        XCTAssertEqual(log.freezes.count, 1)
        let eng = try XCTUnwrap(log.requisition("eng"))
        XCTAssertEqual(eng.stages, ["screen", "phone"])
        XCTAssertEqual(eng.interviewObserved, [false, true])
        XCTAssertEqual(eng.openings, 2)
        let a = try XCTUnwrap(eng.candidates.first { $0.name == "a" })
        XCTAssertEqual(a.visits.map(\.stage), [0, 1])
        XCTAssertNotNil(a.offer?.sent)
        XCTAssertNil(a.offer?.accepted)
        XCTAssertNil(a.end)
        XCTAssertEqual(a.gaps, 0)
        // b skipped the screen in the log: one stage missing.
        let b = try XCTUnwrap(eng.candidates.first { $0.name == "b" })
        XCTAssertEqual(b.gaps, 1)
        XCTAssertEqual(log.candidatesWithGaps, 1)
        XCTAssertTrue(log.warnings.isEmpty)
    }

    func testNoExportedRowWarnsAndEndsAfterTheLastEvent() throws {
        let log = try HistoryLog.read(texts: [("h.csv", header + "eng,a,,applied,2026-01-06T09:00,\n")])
        XCTAssertEqual(log.warnings.count, 1)
        XCTAssertGreaterThan(log.asOf, log.start.days)
        XCTAssertEqual(log.requisitions[0].candidates.count, 1)
    }

    func testPoolsFilesByRequisitionAndChecksTheTemplate() throws {
        let q1 = header + "eng,a,,applied,2026-01-06,\n*,,,exported,2026-04-01,\n"
        let q2 = header + "eng,b,,applied,2026-04-06,\nops,c,,applied,2026-04-07,\n*,,,exported,2026-07-01,\n"
        let log = try HistoryLog.read(texts: [("q1.csv", q1), ("q2.csv", q2)])
        XCTAssertEqual(log.requisitions.map(\.name), ["eng", "ops"])
        XCTAssertEqual(log.requisition("eng")?.candidates.count, 2)
        XCTAssertEqual(log.asOf, Double(CivilDate(iso: "2026-07-01")!.dayNumber))
        XCTAssertThrowsError(try HistoryLog.read(texts: [("q2.csv", q2)], template: ["eng": ["screen"]])) { e in
            XCTAssertEqual("\(e)", "q2.csv:3: requisition is not in the template (got \"ops\")")
        }
        let staged = header + "eng,a,,applied,2026-01-06,\neng,a,onsite,hr_done,2026-01-07,\n"
        XCTAssertThrowsError(try HistoryLog.read(texts: [("h.csv", staged)], template: ["eng": ["screen", "phone"]])) { e in
            XCTAssertEqual("\(e)", "h.csv:3: stage is not one of requisition eng's in the template (screen, phone) (got \"onsite\")")
        }
    }

    func testEventAfterThePathEndedIsImpossible() {
        let text = header + "eng,a,,applied,2026-01-06,\neng,a,screen,rejected,2026-01-07,\neng,a,phone,hr_done,2026-01-08,\n"
        XCTAssertThrowsError(try HistoryLog.read(texts: [("h.csv", text)])) { e in
            XCTAssertEqual("\(e)", "h.csv:4: impossible path: candidate a: hr_done after the path ended with rejected (got \"hr_done\")")
        }
    }

    func testSameInstantKeepsFileOrder() throws {
        // A dispute that fails: check_disputed and check_failed at one instant.
        let text = header + """
            eng,a,,offer_made,2026-01-01T10:00,
            eng,a,,offer_sent,2026-01-02T10:00,
            eng,a,,offer_accepted,2026-01-03T10:00,
            eng,a,,check_disputed,2026-01-09T10:00,
            eng,a,,check_failed,2026-01-09T10:00,
            """
        let log = try HistoryLog.read(texts: [("h.csv", text)])
        let o = try XCTUnwrap(log.requisitions[0].candidates[0].offer)
        XCTAssertNotNil(o.checkDisputed)
        XCTAssertNotNil(o.checkFailed)
    }
}
