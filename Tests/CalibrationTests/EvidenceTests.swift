@testable import Calibration
import FunnelModel
import History
import XCTest

/// The numerators, denominators and exposures of docs/history.md section 2,
/// on small hand-written histories whose answer can be counted by eye.
final class EvidenceTests: XCTestCase {
    let header = "requisition,candidate,stage,event,time,detail\n"
    let allWeek = CalendarSpec(workdays: Weekday.allCases)

    func evidence(_ body: String, calendar: CalendarSpec? = nil, interviews: [String: [Bool]] = [:]) throws -> PlanEvidence {
        let log = try HistoryLog.read(texts: [("h.csv", header + body)])
        return EvidenceBuilder.collect(log, calendar: calendar ?? allWeek, interviews: interviews)
    }

    /// A competing-offer decline is not a decline of `accept`; it censors
    /// the response time at the moment they left.
    func testAcceptExcludesCompetingDeclines() throws {
        let e = try evidence("""
            eng,a,,offer_made,2026-01-05T09:00,
            eng,a,,offer_sent,2026-01-06T09:00,
            eng,a,,offer_accepted,2026-01-08T09:00,
            eng,b,,offer_made,2026-01-05T09:00,
            eng,b,,offer_sent,2026-01-06T09:00,
            eng,b,,offer_declined,2026-01-07T09:00,salary
            eng,c,,offer_made,2026-01-05T09:00,
            eng,c,,offer_sent,2026-01-06T09:00,
            eng,c,,offer_declined,2026-01-06T21:00,competing_offer
            eng,d,,offer_made,2026-01-05T09:00,
            eng,d,,offer_declined,2026-01-05T21:00,competing_offer
            *,,,exported,2026-02-01,
            """).requisitions[0]
        XCTAssertEqual(e.accept.successes, 1)
        XCTAssertEqual(e.accept.trials, 2)
        XCTAssertEqual(e.responseDays.observations, [.exact(2), .exact(1), .rightCensored(0.5)])
        // d left during preparation: offer_sent is missing, preparation censored.
        XCTAssertEqual(e.offerHrWorkdays.observations, [.exact(1), .exact(1), .exact(1), .rightCensored(0.5)])
        XCTAssertEqual(e.competingOffersPerWeek.events, 2)
    }

    /// No-shows over interviews held or missed; contact failures over
    /// invitations; a contact failure starts no reply.
    func testNoShowAndContactFailureDenominators() throws {
        var rows = ""
        for (i, outcome) in ["interviewed", "interviewed", "interviewed", "no_show"].enumerated() {
            rows += "eng,c\(i),phone,hr_done,2026-01-05T09:00,\neng,c\(i),phone,replied,2026-01-06T09:00,\neng,c\(i),phone,\(outcome),2026-01-07T09:00,\n"
        }
        rows += "eng,x,phone,hr_done,2026-01-05T09:00,\neng,x,phone,contact_failed,2026-01-05T09:00,\n"
        rows += "eng,y,phone,hr_done,2026-01-05T09:00,\n*,,,exported,2026-01-15,\n"
        let e = try evidence(rows, interviews: ["eng": [true]]).requisitions[0]
        XCTAssertEqual(e.stages[0].noShow.successes, 1)
        XCTAssertEqual(e.stages[0].noShow.trials, 4)
        XCTAssertEqual(e.contactFailure.successes, 1)
        XCTAssertEqual(e.contactFailure.trials, 6)
        // Four replies of one day; y's still running at as_of (9.625 days); none for x.
        XCTAssertEqual(e.replyDays.observations, [.exact(1), .exact(1), .exact(1), .exact(1), .rightCensored(9.625)])
    }

    /// HR durations on the work clock: Mon-Fri, and a freeze stops it.
    func testHRDurationsOnTheWorkClockWithFreezes() throws {
        // Applied Friday 2026-01-09 12:00, hr_done Tuesday 2026-01-13 12:00:
        // Friday's half day, Monday, Tuesday's half = 2 work days; a freeze
        // over Monday leaves 1.
        let body = "eng,a,,applied,2026-01-09T12:00,\neng,a,screen,hr_done,2026-01-13T12:00,\n*,,,exported,2026-02-01,\n"
        XCTAssertEqual(try evidence(body, calendar: CalendarSpec()).requisitions[0].stages[0].hrWorkdays.observations, [.exact(2)])
        let frozen = "*,,,freeze_started,2026-01-12,f\n*,,,freeze_ended,2026-01-13,f\n" + body
        let e = try evidence(frozen, calendar: CalendarSpec())
        XCTAssertEqual(e.requisitions[0].stages[0].hrWorkdays.observations, [.exact(1)])
        // The freeze is known to the day at both ends: a window, 1 to 2
        // days from the start's day's 00:00, sliding 1 day over it (a
        // triangle over (0, 2)).
        XCTAssertEqual(e.freezeDays.observations, [.window(1, 2, slide: 1)])
        // Dates only: on the work clock, from Friday's 00:00 to Tuesday
        // (Friday, Monday: 2) or Wednesday (3) 00:00, Friday's 1 work day of slide.
        let dates = "eng,a,,applied,2026-01-09,\neng,a,screen,hr_done,2026-01-13,\n*,,,exported,2026-02-01,\n"
        XCTAssertEqual(try evidence(dates, calendar: CalendarSpec()).requisitions[0].stages[0].hrWorkdays.observations, [.window(2, 3, slide: 1)])
        // Applied on a Saturday (no work that day): as good as an exact start.
        let weekend = "eng,a,,applied,2026-01-10,\neng,a,screen,hr_done,2026-01-13,\n*,,,exported,2026-02-01,\n"
        XCTAssertEqual(try evidence(weekend, calendar: CalendarSpec()).requisitions[0].stages[0].hrWorkdays.observations, [.interval(1, 2)])
    }

    /// Applicants over sourcing time only: not in a freeze, not while the
    /// openings are covered, not after cancellation or as_of.
    func testApplicantExposure() throws {
        let body = """
            *,,,freeze_started,2026-01-08,f
            *,,,freeze_ended,2026-01-15,f
            eng,,,opened,2026-01-01,1
            eng,a,,applied,2026-01-02,
            eng,p,,applied,2026-01-01,initial_pool
            eng,f,,applied,2026-01-10,
            eng,a,,offer_made,2026-01-20T00:00,
            eng,a,,offer_sent,2026-01-21T00:00,
            eng,a,,offer_accepted,2026-01-22T00:00,
            eng,a,,reneged,2026-01-29T00:00,
            eng,b,,applied,2026-02-03,
            eng,,,cancelled,2026-02-05T00:00,
            *,,,exported,2026-03-01,
            """
        let e = try evidence(body)
        let r = e.requisitions[0]
        // Open 01-01 .. 02-05 (35 days), minus the freeze (7), minus covered 01-22 .. 01-29 (7): 21 days.
        XCTAssertEqual(r.applicantsPerWeek.exposure, 3, accuracy: 1e-9)
        // a and b; p is the initial pool, f arrived in the freeze.
        XCTAssertEqual(r.applicantsPerWeek.events, 2)
        XCTAssertEqual(r.initialPool, 1)
        // One freeze start while the requisition was open, no cancellation then;
        // the cancellation at no freeze start is one more draw and success.
        XCTAssertEqual(e.cancelProbability.trials, 2)
        XCTAssertEqual(e.cancelProbability.successes, 1)
        XCTAssertEqual(e.freezesPerYear.events, 1)
        XCTAssertEqual(e.freezeDays.observations, [.window(7, 8, slide: 1)])
    }

    /// Check outcomes: for cause, wrong and cleared, wrong and not cleared.
    func testCheckCounts() throws {
        func path(_ id: String, _ tail: String) -> String {
            "eng,\(id),,offer_made,2026-01-01T00:00,\neng,\(id),,offer_sent,2026-01-01T00:00,\neng,\(id),,offer_accepted,2026-01-02T00:00,\n" + tail
        }
        let body = path("a", "eng,a,,check_passed,2026-01-05T00:00,\neng,a,,started,2026-02-01T00:00,\n")
            + path("b", "eng,b,,check_failed,2026-01-05T00:00,\n")
            + path("c", "eng,c,,check_disputed,2026-01-05T00:00,\neng,c,,check_cleared,2026-01-10T00:00,\neng,c,,reneged,2026-02-01T00:00,\n")
            + path("d", "eng,d,,check_disputed,2026-01-05T00:00,\neng,d,,check_failed,2026-01-05T00:00,\n")
            + "*,,,exported,2026-03-01,\n"
        let r = try evidence(body).requisitions[0]
        XCTAssertEqual([r.fail.successes, r.fail.trials], [1, 4])
        XCTAssertEqual([r.falseFail.successes, r.falseFail.trials], [2, 3])
        XCTAssertEqual([r.dispute.successes, r.dispute.trials], [1, 2])
        XCTAssertEqual(r.disputeDays.observations, [.exact(5)])
        XCTAssertEqual(r.checkWorkdays.observations, [.exact(3), .exact(3), .exact(3), .exact(3)])
        XCTAssertEqual(r.noticeDays.observations, [.exact(27), .exact(22)])
        XCTAssertEqual([r.renege.successes, r.renege.trials], [1, 2])
    }

    /// The template's weather is backed out of the no-show rate.
    func testWeatherBackedOutOfNoShows() throws {
        var rows = ""
        for i in 0..<100 {
            rows += "eng,c\(i),phone,hr_done,2026-01-05T09:00,\neng,c\(i),phone,replied,2026-01-06T09:00,\neng,c\(i),phone,\(i < 24 ? "no_show" : "interviewed"),2026-01-07T09:00,\n"
        }
        let e = try evidence(rows + "*,,,exported,2026-02-01,\n", interviews: ["eng": [true]])
        var template = Scenario(name: "t", start: CivilDate(iso: "2026-01-05")!, requisitions: [
            Requisition(name: "eng", sourcing: FunnelModel.Sourcing(applicantsPerWeek: Quantity(1, kind: .nonNegative)),
                        stages: [Stage(name: "phone", interview: true, pass: Quantity(0.5, kind: .probability))],
                        offer: Offer(accept: Quantity(0.5, kind: .probability)))])
        template.weather.badDayProbability = Quantity(0.1, kind: .probability)
        template.weather.noShowMultiplier = Quantity(3, kind: .nonNegative)
        let p = try XCTUnwrap(Fitter(template: template, evidence: e).parameters().first { $0.path == "requisitions.eng.stages.phone.no_show" })
        // E[multiplier] = 1 + 0.1 x 2 = 1.2: 24 observed / 1.2 = 20.
        XCTAssertEqual(p.yaml, "{dist: beta, successes: 20, trials: 100}")
        XCTAssertTrue(p.comment.hasPrefix("24 no-shows in 100 interviews held or missed, 2026-01-07; 24 observed, / 1.2 for the template's weather"), p.comment)
    }
}
