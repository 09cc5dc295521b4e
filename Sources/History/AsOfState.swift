import FunnelModel

/// Where a plan stands at an instant D, as its history shows it (MODEL.md
/// 19): each requisition's openings, offers accepted and starts so far,
/// budget approval and cancellation, the freezes, and every in-flight
/// candidate's position with the instant their running duration began.
/// Events at or after D are unknown (the history is read with `as_of` = D).
///
/// Times are days since the scenario's `start` (MODEL.md 19.5). The state
/// keeps instants, not elapsed durations: a duration on the work clock
/// resumes on the trial's work clock, which the engine builds, so the
/// elapsed time is worked out there (`Position.since`).
public struct AsOfState: Sendable {
    /// D, in days since the scenario's start.
    public var asOf: Double
    /// D as the history states times (days since 1970-01-01 00:00).
    public var instant: HistoryTime
    /// One per scenario requisition, in the scenario's order.
    public var requisitions: [RequisitionAsOf]
    /// Freezes the log shows started before D, in start order.
    public var freezes: [FreezeAsOf]

    /// The freeze running at D, if any.
    public var runningFreeze: FreezeAsOf? { freezes.first { $0.end == nil } }
}

/// A freeze of the log, in plan days; `end` nil while it runs at D.
public struct FreezeAsOf: Sendable, Equatable {
    public var id: String
    public var start: Double
    public var end: Double?

    public init(id: String, start: Double, end: Double?) { self.id = id; self.start = start; self.end = end }
}

/// One requisition at D.
public struct RequisitionAsOf: Sendable, Equatable {
    public var name: String
    /// When it opened (nil: not opened by D; MODEL.md 19.6 opens it at
    /// max(opens_day, D)).
    public var opened: Double?
    public var approved: Double?
    public var cancelled: Double?
    /// Applicants so far (every candidate the log shows).
    public var applicants = 0
    /// Offers made so far (`offer_made`, or `offer_sent` where that is missing).
    public var offers = 0
    /// Offers accepted and still standing at D (not rescinded nor reneged;
    /// started ones included): the engine's `accepted`.
    public var accepted = 0
    /// The acceptance and start instants of the candidates who started
    /// before D (the filled openings, with their real times).
    public var filled: [(accepted: Double, started: Double)] = []
    /// Candidates in flight at D, in their order of first appearance in the
    /// log (which keeps their random streams, MODEL.md 19.6).
    public var inFlight: [CandidateAsOf] = []
    /// Candidates of the log, in flight or not: new ones continue the count.
    public var candidatesSeen = 0

    /// A requisition the log does not show by D.
    public init(name: String) { self.name = name }

    public static func == (a: RequisitionAsOf, b: RequisitionAsOf) -> Bool {
        a.name == b.name && a.opened == b.opened && a.approved == b.approved && a.cancelled == b.cancelled
            && a.applicants == b.applicants && a.offers == b.offers && a.accepted == b.accepted
            && a.filled.map(\.accepted) == b.filled.map(\.accepted) && a.filled.map(\.started) == b.filled.map(\.started)
            && a.inFlight == b.inFlight && a.candidatesSeen == b.candidatesSeen
    }

    /// In-flight candidates per position, for the state table.
    public func count(_ matches: (Position) -> Bool) -> Int { inFlight.filter { matches($0.position) }.count }
}

/// One in-flight candidate.
public struct CandidateAsOf: Sendable, Equatable {
    public var name: String
    /// Their index in order of first appearance among the requisition's
    /// candidates in the log: c2 of their random streams.
    public var streamIndex: Int
    /// When they applied (their first event where `applied` is missing).
    public var applied: Double
    public var position: Position
}

/// Where an in-flight candidate is at D, and since when (plan days) the
/// duration now running began.
public enum Position: Sendable, Equatable {
    /// In stage `stage`, the HR action (and any wait for a recruiter) running
    /// since they entered the stage.
    case hrAction(stage: Int, since: Double)
    /// An interview stage after the HR action: the invitation went out at
    /// `since`, no reply yet (`reply_days` running).
    case awaitingReply(stage: Int, since: Double)
    /// Replied at `since`; the interview has not happened (the log has no
    /// booking: the interviewer is requested again at D, MODEL.md 19.5).
    case booked(stage: Int, since: Double)
    /// The stage's action is done (the HR action of a stage without an
    /// interview, or the interview) and the log has no pass or reject
    /// before D: the decision is at D.
    case deciding(stage: Int, since: Double)
    /// Passed the last stage at `since`, waiting for a decision
    /// (`max_wait_days` running).
    case finalist(since: Double)
    /// Offer decided at `since`, being prepared.
    case preparingOffer(since: Double)
    /// Offer sent at `since`, no answer yet (`response_days` running).
    case holdingOffer(since: Double)
    /// Accepted at `accepted`; the background check running since then.
    case inCheck(accepted: Double)
    /// A wrong failure disputed at `since` (accepted at `accepted`).
    case disputing(accepted: Double, since: Double)
    /// The clean result (or the acceptance, without a check) at `since`:
    /// serving notice.
    case notice(accepted: Double, since: Double)

    /// The instant the running duration began.
    public var since: Double {
        switch self {
        case .hrAction(_, let t), .awaitingReply(_, let t), .booked(_, let t), .deciding(_, let t),
             .finalist(let t), .preparingOffer(let t), .holdingOffer(let t), .inCheck(let t),
             .disputing(_, let t), .notice(_, let t):
            return t
        }
    }

    /// The stage, for a candidate still in the stages.
    public var stage: Int? {
        switch self {
        case .hrAction(let s, _), .awaitingReply(let s, _), .booked(let s, _), .deciding(let s, _): return s
        default: return nil
        }
    }

    /// A short name for tables: `stage`, `finalist`, `offer`, `check`, `notice`.
    public var group: String {
        switch self {
        case .hrAction, .awaitingReply, .booked, .deciding: return "stage"
        case .finalist: return "finalist"
        case .preparingOffer, .holdingOffer: return "offer"
        case .inCheck, .disputing: return "check"
        case .notice: return "notice"
        }
    }
}
