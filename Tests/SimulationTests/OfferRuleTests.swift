import XCTest
@testable import Simulation

/// `OfferRule.decide` (MODEL.md 6, 16.11-16.13) on hand-worked cases: one
/// requisition at one instant, its waiting finalists given by their
/// max-wait ends, best first.
final class OfferRuleTests: XCTestCase {
    private typealias Decision = OfferRule.Decision

    /// A requisition at day 10 with its budget approved, no freeze, a
    /// slate of 3, nothing owed and the pipeline not drained.
    private func situation(openings: Int = 1, accepted: Int = 0, outstanding: Int = 0, owed: Int = 0,
                           approved: Bool = true, frozen: Bool = false, slateSize: Int = 3,
                           drained: Bool = false) -> OfferRule.Situation {
        OfferRule.Situation(openings: openings, accepted: accepted, outstanding: outstanding, owed: owed,
                            approved: approved, frozen: frozen, slateSize: slateSize, drained: drained, now: 10)
    }

    private let never = Double.infinity

    func testSlateNotFullWaits() {
        XCTAssertEqual(OfferRule.decide(situation(), waitExpiries: [never, never]),
                       Decision(offers: 0, owed: 0, hold: .slateNotReady))
    }

    func testFullSlateOffersOnePerUncoveredOpening() {
        // Three finalists, two openings: the best two get offers, the third waits.
        XCTAssertEqual(OfferRule.decide(situation(openings: 2), waitExpiries: [never, never, never]),
                       Decision(offers: 2, owed: 0, hold: .noOpening))
        // Four openings, a full slate of three: all three, nobody left.
        XCTAssertEqual(OfferRule.decide(situation(openings: 4), waitExpiries: [never, never, never]),
                       Decision(offers: 3, owed: 0, hold: nil))
    }

    func testMaxWaitExpiryOffersBeforeTheSlateIsFull() {
        // The second finalist's wait ended at day 9.5: both get offers (two openings).
        XCTAssertEqual(OfferRule.decide(situation(openings: 2), waitExpiries: [never, 9.5]),
                       Decision(offers: 2, owed: 0, hold: nil))
        // A wait ending exactly now has expired.
        XCTAssertEqual(OfferRule.decide(situation(), waitExpiries: [10]), Decision(offers: 1, owed: 0, hold: nil))
        // One ending later has not.
        XCTAssertEqual(OfferRule.decide(situation(), waitExpiries: [10.5]),
                       Decision(offers: 0, owed: 0, hold: .slateNotReady))
    }

    func testDrainedPipelineOffersToWhoeverWaits() {
        XCTAssertEqual(OfferRule.decide(situation(openings: 2, drained: true), waitExpiries: [never]),
                       Decision(offers: 1, owed: 0, hold: nil))
    }

    func testReplacementAfterDeclineSkipsTheSlateWait() {
        // A decline owes one offer: it goes out though the slate is not full.
        XCTAssertEqual(OfferRule.decide(situation(owed: 1), waitExpiries: [never, never]),
                       Decision(offers: 1, owed: 0, hold: .noOpening))
        // Owed more than anyone waiting: what cannot be given is not kept.
        XCTAssertEqual(OfferRule.decide(situation(openings: 2, owed: 2), waitExpiries: [never]),
                       Decision(offers: 1, owed: 0, hold: nil))
        // Owed more than the uncovered openings: the rest stays owed.
        XCTAssertEqual(OfferRule.decide(situation(openings: 2, accepted: 1, owed: 2), waitExpiries: [never, never]),
                       Decision(offers: 1, owed: 1, hold: .noOpening))
    }

    func testSlateConditionsAfterReplacementsCountOnlyThoseStillWaiting() {
        // Two openings, one owed; the best finalist's wait has expired but
        // the replacement goes to them, and the two left (slate 3, none
        // expired) wait for the slate.
        XCTAssertEqual(OfferRule.decide(situation(openings: 2, owed: 1), waitExpiries: [5, never, never]),
                       Decision(offers: 1, owed: 0, hold: .slateNotReady))
        // Where the expired one is left waiting, the second opening goes too.
        XCTAssertEqual(OfferRule.decide(situation(openings: 2, owed: 1), waitExpiries: [never, 5, never]),
                       Decision(offers: 2, owed: 0, hold: .noOpening))
    }

    func testOpeningsPartlyCovered() {
        // Three openings, one accepted, one offer out: one offer for the full slate.
        XCTAssertEqual(OfferRule.decide(situation(openings: 3, accepted: 1, outstanding: 1),
                                        waitExpiries: [never, never, never]),
                       Decision(offers: 1, owed: 0, hold: .noOpening))
        // All covered by accepted and outstanding offers: nobody, and what is owed stays.
        XCTAssertEqual(OfferRule.decide(situation(openings: 2, accepted: 1, outstanding: 1, owed: 1),
                                        waitExpiries: [never, never, never]),
                       Decision(offers: 0, owed: 1, hold: .noOpening))
    }

    func testBudgetNotApprovedWaitsAndKeepsWhatIsOwed() {
        XCTAssertEqual(OfferRule.decide(situation(owed: 1, approved: false), waitExpiries: [never, never, never]),
                       Decision(offers: 0, owed: 1, hold: .budgetNotApproved))
    }

    func testFreezeWaitsAndKeepsWhatIsOwed() {
        XCTAssertEqual(OfferRule.decide(situation(owed: 1, frozen: true, drained: true), waitExpiries: [5]),
                       Decision(offers: 0, owed: 1, hold: .frozen))
    }

    func testNobodyWaitingOwesNothing() {
        XCTAssertEqual(OfferRule.decide(situation(owed: 2, drained: true), waitExpiries: []),
                       Decision(offers: 0, owed: 0, hold: nil))
    }
}
