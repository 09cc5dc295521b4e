// The offer rule of MODEL.md section 6 and 16.11-16.13 as a pure
// function: from where a requisition stands (its waiting finalists, best
// first, openings, accepted and outstanding offers, replacements owed,
// budget approval and freeze), how many of the best finalists get an
// offer now and what stays owed. Apart from the engine so that the rule
// can be read in one place and tested with hand-worked cases; the engine
// re-checks it at every change (16.13) and sends the offers.

/// When the hiring manager sends offers (MODEL.md 6, 16.11-16.13).
///
/// Offers go to the best waiting finalists, one per uncovered opening
/// (openings - accepted - outstanding offers, 16.11), never before the
/// budget is approved nor during a freeze. Replacement offers owed after a
/// decline, rescind or renege go out at once (16.12); any further offer
/// waits until the slate is full, a remaining finalist's max wait has
/// expired, or the pipeline is drained (nobody in earlier stages and
/// sourcing stopped for good).
enum OfferRule {
    /// Where a requisition stands when the rule is checked.
    struct Situation: Equatable {
        var openings: Int
        /// Accepted offers not rescinded nor reneged.
        var accepted: Int
        /// Offers sent and not yet answered.
        var outstanding: Int
        /// Replacement offers owed to waiting finalists (16.12).
        var owed: Int
        /// The budget is approved (section 8).
        var approved: Bool
        /// A freeze is on.
        var frozen: Bool
        /// `decision.slate_size`.
        var slateSize: Int
        /// Nobody is left in the stages and sourcing has stopped (16.6).
        var drained: Bool
        /// The instant of the check, against which max waits expire.
        var now: Double
    }

    /// Why finalists left waiting keep waiting.
    enum Hold: Equatable {
        /// Every opening is covered by accepted or outstanding offers.
        case noOpening
        case budgetNotApproved
        case frozen
        /// Neither a full slate, nor an expired max wait, nor a drained pipeline.
        case slateNotReady
    }

    /// What the rule decides.
    struct Decision: Equatable {
        /// Offers to send now, to that many of the best waiting finalists.
        var offers: Int
        /// Replacement offers still owed afterwards.
        var owed: Int
        /// Why the finalists left after these offers wait; nil when none is left.
        var hold: Hold?
    }

    /// The decision for `situation`, whose waiting finalists' max-wait
    /// ends (`Candidate.waitExpires`, infinity for none) are
    /// `waitExpiries`, best finalist first.
    static func decide(_ situation: Situation, waitExpiries: some Collection<Double>) -> Decision {
        let s = situation
        let waiting = waitExpiries.count
        // Nobody to offer to: nothing stays owed (16.12, "if nobody is waiting").
        guard waiting > 0 else { return Decision(offers: 0, owed: 0, hold: nil) }
        var needed = s.openings - s.accepted - s.outstanding
        guard needed > 0 else { return Decision(offers: 0, owed: s.owed, hold: .noOpening) }
        guard s.approved else { return Decision(offers: 0, owed: s.owed, hold: .budgetNotApproved) }
        guard !s.frozen else { return Decision(offers: 0, owed: s.owed, hold: .frozen) }

        // Replacements first, to the best, without the slate wait.
        let replacements = min(s.owed, needed, waiting)
        needed -= replacements
        let left = waiting - replacements
        guard left > 0 else { return Decision(offers: replacements, owed: 0, hold: nil) }
        let owed = s.owed - replacements
        guard needed > 0 else { return Decision(offers: replacements, owed: owed, hold: .noOpening) }

        // The slate, max-wait and drain conditions, over those still waiting.
        let slateFull = left >= s.slateSize
        let expired = waitExpiries.dropFirst(replacements).contains { $0 <= s.now }
        guard slateFull || expired || s.drained else {
            return Decision(offers: replacements, owed: owed, hold: .slateNotReady)
        }
        let offers = min(needed, left)
        return Decision(offers: replacements + offers, owed: owed, hold: left > offers ? .noOpening : nil)
    }
}
