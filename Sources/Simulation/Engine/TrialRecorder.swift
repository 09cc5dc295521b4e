import History

// The engine's event recording (MODEL.md 18.5; issue 12's `simulate
// --events`): what a trial tells a recorder at every event of the history
// format, where it happens, and the engine's one-line hook. Off by
// default and then one predictable branch per hook (no recorder: nothing
// is built, nothing is called); on, it changes nothing of the trial (no
// draw, no queue event, no count), which `RecorderTests` check.

/// One event of a trial, in the engine's terms: indices and days since
/// the plan's start. `SimulatedHistory` (Calibration) turns it into a
/// history row with names and dates.
public struct TrialEvent: Sendable, Equatable {
    /// What the row's `detail` column says, where the engine knows it.
    public enum Detail: Sendable, Equatable {
        case none
        /// `applied` of a candidate of the initial pool.
        case initialPool
        /// `offer_declined` because `leave_at` came first (MODEL.md 16.14).
        case competingOffer
        /// `freeze_started` / `freeze_ended`: the freeze's index in the trial.
        case freeze(Int)
    }

    public var kind: History.EventKind
    /// Days since the plan's start (00:00 of `start`).
    public var time: Double
    /// The requisition's index in the model; -1 for company events.
    public var requisition: Int
    /// The candidate's index within their requisition (their stream index,
    /// c2 of their substreams); -1 for requisition and company events.
    public var candidate: Int
    /// The stage's index; -1 where the row has no stage.
    public var stage: Int
    public var detail: Detail

    public init(kind: History.EventKind, time: Double, requisition: Int = -1, candidate: Int = -1,
                stage: Int = -1, detail: Detail = .none) {
        self.kind = kind; self.time = time; self.requisition = requisition
        self.candidate = candidate; self.stage = stage; self.detail = detail
    }
}

/// Receives a trial's events as the engine handles them. Events come in
/// the engine's order, which is time order except `offer_sent`, recorded
/// when the offer is decided with the instant its preparation ends (the
/// engine has no event there); `SimulatedHistory` sorts them.
public protocol TrialRecorder: AnyObject {
    func record(_ event: TrialEvent)
}

/// A recorder that keeps every event in memory.
public final class TrialEventLog: TrialRecorder {
    public private(set) var events: [TrialEvent] = []
    public init() {}
    public func record(_ event: TrialEvent) { events.append(event) }
    /// Forgets the events (before another trial).
    public func removeAll() { events.removeAll(keepingCapacity: true) }
}

extension TrialEngine {
    /// Tells the recorder, if there is one, that `kind` happened at `t` to
    /// candidate `c` (the engine's index, -1: none) of requisition `r`.
    /// Inlined at every hook as one test of `recorder`, marked unlikely so
    /// the compiler keeps the recording out of the handlers' hot path; the
    /// call is out of line and static, so a hook never needs the engine's
    /// `self` as a value (a copy of the whole struct: with an instance
    /// method there, the off path cost about 30% of a trial).
    @inline(__always)
    func note(_ kind: History.EventKind, r: Int = -1, c: Int = -1, stage: Int = -1, at t: Double,
              _ detail: TrialEvent.Detail = .none) {
        if _slowPath(recorder != nil) {
            Self.send(recorder!, TrialEvent(kind: kind, time: t, requisition: r,
                                           candidate: c < 0 ? -1 : Int(candidates[c].streamIndex), stage: stage, detail: detail))
        }
    }

    @inline(never)
    private static func send(_ recorder: any TrialRecorder, _ event: TrialEvent) { recorder.record(event) }
}
