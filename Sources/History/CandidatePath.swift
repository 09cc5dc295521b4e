/// A candidate's path through one requisition, rebuilt from their events
/// (MODEL.md 5-7 as 18.5 records them): each stage visited, the offer, the
/// check, the end. Events an export did not record are counted as gaps.

/// One stage of a candidate's path; nil where the event is not in the log.
public struct StageVisit: Sendable, Equatable {
    /// Index into the requisition's `stages`.
    public var stage: Int
    public var hrDone: HistoryTime?
    public var contactFailed: HistoryTime?
    public var replied: HistoryTime?
    public var interviewed: HistoryTime?
    public var noShow: HistoryTime?
    public var passed: HistoryTime?
    public var rejected: HistoryTime?

    public init(stage: Int) { self.stage = stage }

    /// When the stage ended for this candidate, where it did.
    public var end: HistoryTime? { passed ?? rejected ?? noShow ?? contactFailed }
    /// The first event recorded at this stage.
    public var firstEvent: HistoryTime? {
        [hrDone, contactFailed, replied, interviewed, noShow, passed, rejected].compactMap { $0 }.min()
    }
}

/// The offer to a candidate and what followed it.
public struct OfferPath: Sendable, Equatable {
    /// The decision (`offer_made`); nil where the log lacks it.
    public var made: HistoryTime?
    /// Prepared and sent; missing when they left or were released during preparation.
    public var sent: HistoryTime?
    public var accepted: HistoryTime?
    public var declined: HistoryTime?
    /// A decline because they took another offer (`competing_offer`).
    public var declinedCompeting = false
    public var checkPassed: HistoryTime?
    public var checkFailed: HistoryTime?
    public var checkDisputed: HistoryTime?
    public var checkCleared: HistoryTime?

    public init() {}

    /// The check's first result (pass, failure or dispute), where there is one.
    public var checkResult: HistoryTime? { checkPassed ?? checkDisputed ?? checkFailed }
    /// The clean result that starts the notice period.
    public var clean: HistoryTime? { checkPassed ?? checkCleared }
}

/// One candidate's reconstructed path.
public struct CandidatePath: Sendable, Equatable {
    public var name: String
    public var applied: HistoryTime?
    /// Part of the initial pool at the opening (`applied` detail `initial_pool`).
    public var initialPool = false
    /// The stages visited, in the requisition's stage order.
    public var visits: [StageVisit] = []
    public var finalist: HistoryTime?
    public var offer: OfferPath?
    public var started: HistoryTime?
    public var reneged: HistoryTime?
    public var withdrawn: HistoryTime?
    public var released: HistoryTime?
    /// The stage index where they withdrew or were released (nil: after the stages).
    public var leftAtStage: Int?
    /// Events of the path the log did not record (MODEL.md 18: fitted from
    /// what is there, counted, not refused).
    public var gaps = 0
    /// The first and last event of the candidate.
    public var first: HistoryTime
    public var last: HistoryTime

    public init(name: String, first: HistoryTime) { self.name = name; self.first = first; self.last = first }

    /// The visit of stage `s`, if any.
    public func visit(_ s: Int) -> StageVisit? { visits.first { $0.stage == s } }

    /// When the path ended (a terminal event), or nil while in flight.
    public var end: HistoryTime? {
        if let w = withdrawn { return w }
        if let r = released { return r }
        if let s = started { return s }
        if let r = reneged { return r }
        if let o = offer {
            if let d = o.declined { return d }
            if let f = o.checkFailed { return f }
        }
        for v in visits { if let e = v.end, v.passed == nil { return e } }
        return nil
    }
}
