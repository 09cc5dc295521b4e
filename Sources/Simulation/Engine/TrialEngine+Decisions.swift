import FunnelModel
import Sampling

// The hiring manager's side of a requisition (MODEL.md 6, 8, 16.11-16.16):
// the waiting finalists, ranked; the re-check of the offer rule
// (`OfferRule`, a pure function) at every change and the offers it
// sends; declines and uncovered openings, which owe replacement offers;
// the release of the pipeline on full coverage or cancellation; and the
// cancellation draw at each freeze start.

extension TrialEngine {
    // MARK: Waiting finalists

    /// Ranks finalist `c` among the waiting: after every one at least as
    /// good, so the best (and, among equals, the first to arrive) is first.
    mutating func addWaiting(_ r: Int, _ c: Int) {
        let quality = candidates[c].quality
        var i = state[r].waiting.count
        while i > 0 && candidates[Int(state[r].waiting[i - 1])].quality < quality { i -= 1 }
        state[r].waiting.insert(Int32(c), at: i)
    }

    mutating func removeWaiting(_ r: Int, _ c: Int) {
        if let i = state[r].waiting.firstIndex(of: Int32(c)) { state[r].waiting.remove(at: i) }
        if state[r].waiting.isEmpty { state[r].credit = 0 }
    }

    // MARK: Decisions and offers

    /// Re-checks the offer rule (16.13) and sends the offers it decides.
    mutating func recheck(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard state[r].opened, !state[r].cancelled else { return }
        // The rule's first case, without building its situation: the
        // common one, and `recheck` runs at almost every event.
        if state[r].waiting.isEmpty { state[r].credit = 0; return }
        let decision = offerDecision(r, t)
        state[r].credit = decision.owed
        for _ in 0..<decision.offers { offerToBest(r, t, &out) }
    }

    /// The offer rule applied to requisition `r` at `t`.
    private func offerDecision(_ r: Int, _ t: Double) -> OfferRule.Decision {
        let s = state[r], spec = model.requisitions[r]
        let situation = OfferRule.Situation(
            openings: spec.openings, accepted: s.accepted, outstanding: s.outstanding, owed: s.credit,
            approved: t >= s.approvalTime, frozen: calendar.isFrozen(t), slateSize: spec.slateSize,
            drained: s.inStages == 0 && sourcingStopped(r), now: t)
        return OfferRule.decide(situation, waitExpiries: WaitExpiries(waiting: s.waiting, candidates: candidates))
    }

    /// An offer to the best waiting finalist: prepared on the work clock and
    /// the recruiter pool, answered `response_days` later (16.14).
    private mutating func offerToBest(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        let c = Int(state[r].waiting.removeFirst())
        note(.offerMade, r: r, c: c, at: t)
        let spec = model.requisitions[r]
        candidates[c].status = .offered
        state[r].outstanding += 1
        add(r, .offers, 1, for: c)
        addWeekly(r, .offers, t)
        let work = draw(r, c, Purpose.offerWork, spec.offerWorkdays)
        let hours = draw(r, c, Purpose.offerHours, spec.offerRecruiterHours)
        requestOffer(r, c, t, clock: calendar.work(at: t), work: work, hours: hours)
    }

    /// The offer to `c` is prepared at `prepared`: its answer comes
    /// `response_days` later.
    mutating func offerPrepared(_ r: Int, _ c: Int, _ prepared: Double) {
        // Sent when prepared, unless they left first (a cancellation
        // before then is taken out by the recorder's reader).
        if recorder != nil && prepared < candidates[c].leaveAt && prepared <= model.horizon { note(.offerSent, r: r, c: c, at: prepared) }
        let answer = prepared + draw(r, c, Purpose.response, model.requisitions[r].responseDays)
        // A leave_at before the answer is a decline, at leave_at; that event
        // was scheduled when the candidate became a finalist.
        if answer < candidates[c].leaveAt && answer <= model.horizon {
            queue.push(answer, .offerAnswer, requisition: r, subject: Int32(c))
        }
    }

    /// A declined offer: the next best finalist is owed one at once (16.12).
    mutating func decline(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        add(r, .declines, 1, for: c)
        state[r].outstanding -= 1
        if !state[r].waiting.isEmpty { state[r].credit += 1 }
        recheck(r, t, &out)
    }

    /// An accepted offer fell through: the opening is open again (7, 16.12, 16.15).
    mutating func uncovered(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard !state[r].cancelled else { return }
        if !state[r].waiting.isEmpty { state[r].credit += 1 }
        updateSourcing(r, t, &out)
        recheck(r, t, &out)
    }

    // MARK: Release and cancellation

    /// Releases the pipeline: stages and waiting finalists, and on
    /// cancellation unanswered offers too (16.15, 16.16).
    mutating func release(_ r: Int, offers: Bool, _ t: Double, _ out: inout TrialOutcome) {
        // The counts say how many there are to release; they are the
        // newest candidates, so a walk back from the newest stops early
        // instead of visiting every candidate of the trial.
        let live = state[r].inStages + state[r].waiting.count + (offers ? state[r].outstanding : 0)
        var released = 0
        var c = candidates.count - 1
        while released < live && c >= 0 {
            if Int(candidates[c].requisition) == r {
                switch candidates[c].status {
                case .inStage:
                    note(.released, r: r, c: c, stage: Int(candidates[c].stage), at: t)
                    addStage(r, Int(candidates[c].stage), .released, for: c)
                    candidates[c].status = .gone
                    released += 1
                case .finalist:
                    note(.released, r: r, c: c, stage: -1, at: t)
                    add(r, .releasedFinalists, 1, for: c)
                    candidates[c].status = .gone
                    released += 1
                case .offered where offers:
                    note(.released, r: r, c: c, at: t)
                    add(r, .releasedOffers, 1, for: c)
                    candidates[c].status = .gone
                    released += 1
                default: break
                }
            }
            c -= 1
        }
        #if DEBUG
        for x in candidates where Int(x.requisition) == r {
            let live = x.status == .inStage || x.status == .finalist || (offers && x.status == .offered)
            assert(!live, "release: the counts missed a candidate")
        }
        #endif
        if offers { state[r].outstanding = 0 }
        state[r].inStages = 0
        state[r].waiting.removeAll(keepingCapacity: true)
        state[r].credit = 0
        add(r, .released, Double(released))
    }

    /// Freeze `f` starts: each open requisition not yet covered is
    /// cancelled with probability `budget.cancel_probability` (16.15).
    mutating func freezeStarts(_ f: Int, _ t: Double, _ out: inout TrialOutcome) {
        let p = model.cancelProbability.value(out.parameters)
        guard p > 0 else { return }
        for r in model.requisitions.indices {
            guard state[r].opened, !state[r].cancelled, state[r].accepted < model.requisitions[r].openings else { continue }
            planStream.seek(keys.cancellation, StreamLayout.cancellationStream(freeze: f, randomFreezes: randomFreezes),
                            UInt32(r), trial)
            tally(.uniform, seek: true)
            if planStream.uniform() < p {
                state[r].cancelled = true
                note(.cancelled, r: r, at: t)
                set(r, .cancelled, 1)
                release(r, offers: true, t, &out)
                updateSourcing(r, t, &out)
            }
        }
    }
}

/// The max-wait ends of a requisition's waiting finalists, best first:
/// what `OfferRule` reads, without copying them out.
private struct WaitExpiries: RandomAccessCollection {
    let waiting: [Int32]
    let candidates: [Candidate]
    var startIndex: Int { 0 }
    var endIndex: Int { waiting.count }
    subscript(i: Int) -> Double { candidates[Int(waiting[i])].waitExpires }
}
