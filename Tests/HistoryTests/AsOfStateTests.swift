import FunnelModel
import History
import XCTest

/// The state at an as-of instant D (MODEL.md 19.1-19.2, 19.5-19.6): each
/// requisition's counts and filled openings, every in-flight candidate's
/// position and since-when, freezes, events at or after D ignored, and the
/// one-line errors (file, line, value).
final class AsOfStateTests: XCTestCase {
    let header = "requisition,candidate,stage,event,time,detail\n"

    /// eng: screen (no interview), onsite (interview); a background check.
    /// ops: one stage, not in the history.
    func scenario(check: Bool = true) -> Scenario {
        var eng = Requisition(name: "eng", sourcing: Sourcing(applicantsPerWeek: Quantity(3, kind: .nonNegative)),
                              stages: [Stage(name: "screen", pass: Quantity(0.5, kind: .probability)),
                                       Stage(name: "onsite", interview: true, pass: Quantity(0.5, kind: .probability))],
                              offer: Offer(accept: Quantity(0.8, kind: .probability)))
        eng.openings = Quantity(3, kind: .integer(minimum: 1))
        if check { eng.backgroundCheck = BackgroundCheck() }
        let ops = Requisition(name: "ops", sourcing: Sourcing(applicantsPerWeek: Quantity(1, kind: .nonNegative)),
                              stages: [Stage(name: "screen", pass: Quantity(0.5, kind: .probability))],
                              offer: Offer(accept: Quantity(0.8, kind: .probability)))
        return Scenario(name: "t", start: CivilDate(iso: "2027-01-04")!, horizonDays: 120, requisitions: [eng, ops])
    }

    /// One candidate in every position, one started, one gone, events after D.
    var history: String {
        header + """
            *,,,freeze_started,2027-01-20,f1
            *,,,freeze_ended,2027-01-25,f1
            *,,,freeze_started,2027-02-20,f2
            eng,,,opened,2027-01-04,3
            eng,,,approved,2027-01-06,
            eng,hr,,applied,2027-02-25T10:00,
            eng,reply,,applied,2027-02-01,
            eng,reply,screen,hr_done,2027-02-02,
            eng,reply,screen,passed,2027-02-02,
            eng,reply,onsite,hr_done,2027-02-24,
            eng,booked,,applied,2027-01-10,
            eng,booked,screen,hr_done,2027-01-11,
            eng,booked,screen,passed,2027-01-11,
            eng,booked,onsite,hr_done,2027-01-12,
            eng,booked,onsite,replied,2027-02-26,
            eng,next,,applied,2027-01-09,
            eng,next,screen,hr_done,2027-02-27,
            eng,next,screen,passed,2027-02-27,
            eng,fin,,applied,2027-01-05,
            eng,fin,screen,hr_done,2027-01-06,
            eng,fin,screen,passed,2027-01-06,
            eng,fin,onsite,hr_done,2027-01-07,
            eng,fin,onsite,replied,2027-01-08,
            eng,fin,onsite,interviewed,2027-01-09,
            eng,fin,onsite,passed,2027-01-09,
            eng,fin,,finalist,2027-01-09,
            eng,fin,,offer_made,2027-02-10,
            eng,fin,,offer_sent,2027-02-12,
            eng,done,,applied,2027-01-04,initial_pool
            eng,done,,offer_made,2027-01-20,
            eng,done,,offer_sent,2027-01-21,
            eng,done,,offer_accepted,2027-01-22,
            eng,done,,check_passed,2027-01-30,
            eng,done,,started,2027-02-15,
            eng,chk,,applied,2027-01-04,initial_pool
            eng,chk,,offer_made,2027-02-01,
            eng,chk,,offer_sent,2027-02-02,
            eng,chk,,offer_accepted,2027-02-20,
            eng,gone,,applied,2027-01-04,initial_pool
            eng,gone,screen,hr_done,2027-01-05,
            eng,gone,screen,rejected,2027-01-05,
            eng,late,,applied,2027-03-02,
            eng,fin,,offer_accepted,2027-03-03,
            *,,,exported,2027-04-01,
            """
    }

    func testPositionsCountsAndFreezesAtD() throws {
        let d = HistoryTime(date: CivilDate(iso: "2027-03-01")!)
        let state = try AsOfState.read(texts: [("h.csv", history)], asOf: d, scenario: scenario(), scenarioFile: "s.yaml")
        XCTAssertEqual(state.asOf, 56)   // 2027-01-04 + 56 days
        XCTAssertEqual(state.requisitions.map(\.name), ["eng", "ops"])
        let eng = state.requisitions[0]
        XCTAssertEqual(eng.opened, 0)
        XCTAssertEqual(eng.approved, 2)
        XCTAssertNil(eng.cancelled)
        // `late` applied after D: unknown.
        XCTAssertEqual(eng.applicants, 8)
        XCTAssertEqual(eng.candidatesSeen, 8)
        XCTAssertEqual(eng.offers, 3)
        XCTAssertEqual(eng.accepted, 2)        // done (started) and chk (in its check)
        XCTAssertEqual(eng.filled.count, 1)
        XCTAssertEqual(eng.filled[0].accepted, 18)
        XCTAssertEqual(eng.filled[0].started, 42)
        let byName = Dictionary(uniqueKeysWithValues: eng.inFlight.map { ($0.name, $0) })
        XCTAssertEqual(Set(byName.keys), ["hr", "reply", "booked", "next", "fin", "chk"])
        // 10:00 as a fraction of a day since 1970, less the start: within 1e-9 day.
        XCTAssertEqual(byName["hr"]?.position.stage, 0)
        XCTAssertEqual(byName["hr"]?.position.since ?? 0, 52 + 10.0 / 24, accuracy: 1e-9)
        XCTAssertEqual(byName["reply"]?.position, .awaitingReply(stage: 1, since: 51))
        XCTAssertEqual(byName["booked"]?.position, .booked(stage: 1, since: 53))
        XCTAssertEqual(byName["next"]?.position, .hrAction(stage: 1, since: 54))
        // The acceptance on 03-03 is after D: still holding the offer sent 02-12.
        XCTAssertEqual(byName["fin"]?.position, .holdingOffer(since: 39))
        XCTAssertEqual(byName["chk"]?.position, .inCheck(accepted: 47))
        // Streams in order of first appearance in time (done, chk and gone
        // at 01-04 in the file's order, then fin 01-05, next 01-09, ...).
        XCTAssertEqual(byName["chk"]?.streamIndex, 1)
        XCTAssertEqual(byName["fin"]?.streamIndex, 3)
        XCTAssertEqual(byName["next"]?.streamIndex, 4)
        XCTAssertEqual(byName["hr"]?.streamIndex, 7)
        XCTAssertEqual(eng.count { $0.group == "stage" }, 4)
        // ops is not in the history: not open by D.
        XCTAssertEqual(state.requisitions[1], RequisitionAsOf(name: "ops"))
        XCTAssertEqual(state.freezes, [FreezeAsOf(id: "f1", start: 16, end: 21), FreezeAsOf(id: "f2", start: 47, end: nil)])
        XCTAssertEqual(state.runningFreeze?.id, "f2")
    }

    /// Later positions: a finalist, an offer in preparation, a dispute,
    /// notice after a clean check, and notice straight after acceptance
    /// where the scenario has no check; a stage decision due at D.
    func testLaterPositions() throws {
        let text = header + """
            eng,,,opened,2027-01-04,3
            eng,a,,applied,2027-01-05,
            eng,a,screen,hr_done,2027-01-06,
            eng,a,screen,passed,2027-01-06,
            eng,a,onsite,hr_done,2027-01-07,
            eng,a,onsite,replied,2027-01-08,
            eng,a,onsite,interviewed,2027-01-09,
            eng,a,onsite,passed,2027-01-09,
            eng,a,,finalist,2027-01-09,
            eng,b,,applied,2027-01-05,
            eng,b,,offer_made,2027-01-10,
            eng,c,,applied,2027-01-05,
            eng,c,,offer_made,2027-01-10,
            eng,c,,offer_sent,2027-01-11,
            eng,c,,offer_accepted,2027-01-12,
            eng,c,,check_disputed,2027-01-14,
            eng,d,,applied,2027-01-05,
            eng,d,,offer_made,2027-01-10,
            eng,d,,offer_sent,2027-01-11,
            eng,d,,offer_accepted,2027-01-12,
            eng,d,,check_passed,2027-01-15,
            eng,e,,applied,2027-01-05,
            eng,e,screen,hr_done,2027-01-06,
            eng,f,,applied,2027-01-05,
            eng,f,screen,hr_done,2027-01-06,
            eng,f,screen,passed,2027-01-06,
            eng,f,onsite,hr_done,2027-01-07,
            eng,f,onsite,replied,2027-01-08,
            eng,f,onsite,interviewed,2027-01-09,
            """
        let d = HistoryTime(date: CivilDate(iso: "2027-01-20")!)
        func positions(_ s: Scenario) throws -> [String: Position] {
            let state = try AsOfState.read(texts: [("h.csv", text)], asOf: d, scenario: s, scenarioFile: "s.yaml")
            return Dictionary(uniqueKeysWithValues: state.requisitions[0].inFlight.map { ($0.name, $0.position) })
        }
        let p = try positions(scenario())
        XCTAssertEqual(p["a"], .finalist(since: 5))
        XCTAssertEqual(p["b"], .preparingOffer(since: 6))
        XCTAssertEqual(p["c"], .disputing(accepted: 8, since: 10))
        XCTAssertEqual(p["d"], .notice(accepted: 8, since: 11))
        XCTAssertEqual(p["e"], .deciding(stage: 0, since: 2))
        XCTAssertEqual(p["f"], .deciding(stage: 1, since: 5))
        // Without a check in the scenario an acceptance starts notice.
        let noCheck = try positions(scenario(check: false))
        XCTAssertEqual(noCheck["d"], .notice(accepted: 8, since: 11))
        XCTAssertEqual(noCheck["c"], .disputing(accepted: 8, since: 10))
    }

    /// As of the plan's start with an empty history: nothing open, nobody in flight.
    func testEmptyHistoryAtTheStart() throws {
        let d = HistoryTime(date: CivilDate(iso: "2027-01-04")!)
        let state = try AsOfState.read(texts: [("h.csv", header)], asOf: d, scenario: scenario(), scenarioFile: "s.yaml")
        XCTAssertEqual(state.asOf, 0)
        XCTAssertEqual(state.requisitions, [RequisitionAsOf(name: "eng"), RequisitionAsOf(name: "ops")])
        XCTAssertEqual(state.freezes, [])
    }

    /// The one-line errors, each naming the file, the line and the value.
    func testErrors() throws {
        func message(_ text: String, _ day: String, _ s: Scenario? = nil) -> String {
            let d = HistoryTime(parsing: Substring(day))!
            do {
                _ = try AsOfState.read(texts: [("h.csv", text)], asOf: d, scenario: s ?? scenario(), scenarioFile: "s.yaml")
                return "no error"
            } catch { return error.description }
        }
        XCTAssertEqual(message(history, "2027-01-03"),
                       "s.yaml: --as-of 2027-01-03 is before the plan's start (2027-01-04)")
        let late = header + "*,,,freeze_started,2027-01-12,f\neng,,,opened,2027-01-10T08:00,1\n"
        XCTAssertEqual(message(late, "2027-01-05"),
                       "h.csv:3: --as-of 2027-01-05 is before the history's first event (2027-01-10T08:00:00); nothing is known at that instant")
        XCTAssertEqual(message(history, "2027-05-04T00:00:01"),
                       "s.yaml: --as-of 2027-05-04T00:00:01 is after the plan's horizon (start + horizon_days = 2027-05-04T00:00:00)")
        XCTAssertEqual(message(history, "2027-04-02"),
                       "h.csv: --as-of 2027-04-02 is after the history's exported row (2027-04-01); what happened since is unknown")
        let stranger = header + "qa,,,opened,2027-01-04,1\n"
        XCTAssertEqual(message(stranger, "2027-02-01"), "h.csv:2: requisition is not in the scenario (got \"qa\")")
        let badStage = header + "eng,,,opened,2027-01-04,1\neng,x,,applied,2027-01-05,\neng,x,phone,hr_done,2027-01-06,\n"
        XCTAssertEqual(message(badStage, "2027-02-01"),
                       "h.csv:4: stage is not one of requisition eng's in the scenario (screen, onsite) (got \"phone\")")
        // An event after D that contradicts nothing is not an error.
        XCTAssertEqual(message(badStage.replacing("phone", with: "onsite") + "eng,x,,started,2027-03-01,\n", "2027-02-01"),
                       "no error")
    }
}
