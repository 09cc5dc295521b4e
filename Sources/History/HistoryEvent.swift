/// One row of the history (MODEL.md 18.1): who, which stage, what, when.

/// One event of the history, as a row holds it.
public struct HistoryEvent: Sendable, Equatable {
    /// A requisition name, or `*` for company events.
    public var requisition: String
    /// Unique within the requisition; empty for requisition and company events.
    public var candidate: String
    /// A stage name for stage events, else empty (or where a candidate
    /// withdrew or was released).
    public var stage: String
    public var kind: EventKind
    public var time: HistoryTime
    /// Openings and deadline for `opened`, a freeze id, `competing_offer`,
    /// `initial_pool`, or a free-text reason.
    public var detail: String

    public init(requisition: String, candidate: String = "", stage: String = "", kind: EventKind,
                time: HistoryTime, detail: String = "") {
        self.requisition = requisition; self.candidate = candidate; self.stage = stage
        self.kind = kind; self.time = time; self.detail = detail
    }

    /// The requisition name of company events.
    public static let company = "*"
    /// The `offer_declined` detail of a candidate who took another offer.
    public static let competingOffer = "competing_offer"
    /// The `applied` detail of a candidate of the initial pool.
    public static let initialPool = "initial_pool"
}
