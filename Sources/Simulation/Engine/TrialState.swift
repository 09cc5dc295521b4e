// The per-trial state of the engine's requisitions and candidates: plain
// values in flat arrays that the engine resets, keeping their storage,
// at the start of every trial (so a trial allocates nothing once the
// arrays have grown). They hold no logic beyond resetting: the rules that
// move them are in the `TrialEngine` extensions beside this file.

/// One candidate of the trial (events name them by their index in the
/// engine's `candidates`).
struct Candidate {
    enum Status: UInt8 { case inStage, finalist, offered, accepted, started, gone }
    /// When the candidate takes a competing offer (MODEL.md 16.8).
    var leaveAt = Double.infinity
    /// The hiring manager's ranking of finalists: higher is better.
    var quality = 0.0
    /// When a waiting finalist's max wait ends (16.13).
    var waitExpires = Double.infinity
    var acceptedAt = 0.0
    /// The candidate's index within their requisition: c2 of their substreams.
    var streamIndex: UInt32 = 0
    var requisition: UInt16 = 0
    /// Their sourcing process (`SimulationModel.sources`): for the pass factor.
    var source: UInt16 = 0
    var stage: Int16 = 0
    var status = Status.inStage
    /// Their `leave` event is in the queue (set where they waited for a
    /// `priority` pool): no second one is queued.
    var leaveQueued = false
}

/// Where one sourcing process (a channel, or a single mapping) stands.
struct SourceState {
    /// An arrival process is running (paused during freezes, not stopped).
    var sourcing = false
    /// Bumped when sourcing stops or restarts: a pending arrival of an
    /// earlier generation is stale.
    var generation: Int32 = 0
    var applicants = 0
}

/// Where one requisition stands in the trial.
struct RequisitionState {
    var opened = false, cancelled = false
    var approvalTime = 0.0
    /// Applicants of all its sources (a candidate's index among them is c2
    /// of their substreams).
    var applicants = 0, inStages = 0
    /// Accepted offers not rescinded nor reneged (started ones included).
    var accepted = 0
    var outstanding = 0
    /// Offers owed at once to waiting finalists after a decline, rescind or renege (16.12).
    var credit = 0
    /// The waiting finalists, best first (by quality; equal ones in the
    /// order they became finalists), so offers go to the front.
    var waiting: [Int32] = []

    /// Back to a requisition not yet open, keeping `waiting`'s storage.
    mutating func reset() {
        var storage: [Int32] = []
        swap(&storage, &waiting)
        storage.removeAll(keepingCapacity: true)
        self = RequisitionState()
        waiting = storage
    }
}

/// A requisition's uncertain values, resolved once per trial from the
/// trial's parameter draws.
struct Resolved {
    var competingOffersPerWeek = 0.0, contactFailure = 0.0
    var accept = 0.0, renege = 0.0, fail = 0.0, falseFail = 0.0, dispute = 0.0
    /// Per stage.
    var noShow: [Double] = [], pass: [Double] = []
}
