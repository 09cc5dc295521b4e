import FunnelModel
import History
import Simulation

// One simulated trial as a history (MODEL.md 18; issue 12's `simulate
// --events`): the trial runs with a recorder (`TrialEventLog`), and its
// events become history rows with the plan's names and dates. Apart from
// the engine so that the engine only reports indices and times; the
// words and the calendar are here.

/// The history of one trial of a scenario, exactly as the engine ran it.
///
/// Candidates are named `c0001`, `c0002`, ... within their requisition in
/// the order they applied: `c` + (stream index + 1), four digits at least,
/// so a name gives back the candidate's substreams (c2 = number - 1). A
/// freeze's id is `f` + (its index in the trial + 1). Times are days since
/// 1970 (`HistoryTime`): the plan's start at 00:00 plus the engine's time.
public enum SimulatedHistory {
    /// Trial `trial` of `model` with `seed`, as history events in time
    /// order (the engine's order among equal times), ending with the
    /// `exported` row at the horizon (MODEL.md 18.6).
    public static func events(model: SimulationModel, seed: UInt64, trial: Int) -> [HistoryEvent] {
        let log = TrialEventLog()
        let simulator = TrialSimulator(model: model, seed: seed)
        simulator.recorder = log
        var outcome = TrialOutcome(model: model)
        simulator.run(trial: trial, into: &outcome)
        return rows(log.events, model: model)
    }

    /// The rows of recorded trial events.
    public static func rows(_ recorded: [TrialEvent], model: SimulationModel) -> [HistoryEvent] {
        let start = Double(model.scenario.start.dayNumber)
        // offer_sent is recorded at the decision with the end of its
        // preparation; a release (cancellation) before then means it was
        // never sent (MODEL.md 18.5).
        var releasedAt: [Key: Double] = [:]
        for e in recorded where e.kind == .released { releasedAt[Key(e)] = e.time }
        let kept = recorded.enumerated().filter { _, e in
            guard e.kind == .offerSent, let t = releasedAt[Key(e)] else { return true }
            return e.time < t
        }
        // Stable: by time, then the engine's order.
        let sorted = kept.sorted { a, b in a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset }
        var out = sorted.map { row($0.element, model: model, start: start) }
        out.append(HistoryEvent(requisition: HistoryEvent.company, kind: .exported, time: HistoryTime(days: start + model.horizon)))
        return out
    }

    /// A candidate's name: `c` + (stream index + 1), four digits at least.
    public static func candidateName(_ streamIndex: Int) -> String {
        let n = String(streamIndex + 1)
        return "c" + String(repeating: "0", count: max(0, 4 - n.count)) + n
    }

    /// A freeze's id.
    public static func freezeID(_ index: Int) -> String { "f\(index + 1)" }

    static func row(_ e: TrialEvent, model: SimulationModel, start: Double) -> HistoryEvent {
        let time = HistoryTime(days: start + e.time)
        guard e.requisition >= 0 else {
            var detail = ""
            if case .freeze(let i) = e.detail { detail = freezeID(i) }
            return HistoryEvent(requisition: HistoryEvent.company, kind: e.kind, time: time, detail: detail)
        }
        let spec = model.requisitions[e.requisition]
        guard e.candidate >= 0 else {
            var detail = ""
            if e.kind == .opened {
                detail = "\(spec.openings)"
                if let d = model.scenario.requisition(named: spec.name)?.deadline { detail += ";deadline=\(d)" }
            }
            return HistoryEvent(requisition: spec.name, kind: e.kind, time: time, detail: detail)
        }
        let stage = e.stage >= 0 ? spec.stages[e.stage].name : ""
        let detail: String
        switch e.detail {
        case .initialPool: detail = HistoryEvent.initialPool
        case .competingOffer: detail = HistoryEvent.competingOffer
        case .none, .freeze: detail = ""
        }
        return HistoryEvent(requisition: spec.name, candidate: candidateName(e.candidate), stage: stage,
                            kind: e.kind, time: time, detail: detail)
    }

    private struct Key: Hashable {
        var requisition: Int, candidate: Int
        init(_ e: TrialEvent) { requisition = e.requisition; candidate = e.candidate }
    }
}
