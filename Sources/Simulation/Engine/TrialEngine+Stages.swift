import FunnelModel
import Sampling

// A candidate's path through the stages (MODEL.md 5, 16.8-16.10), one
// handler per event kind: the HR action ends (`hrDone`), the interviewer
// is requested (`interviewerRequest`), the interview happens
// (`interview`), the candidate leaves for a competing offer (`leave`).
// Passing the last stage makes a waiting finalist; the decisions that
// follow are in `TrialEngine+Decisions.swift`.

extension TrialEngine {
    /// The candidate enters stage `s` at `t0`: the HR action, on the work
    /// clock and the recruiter pool (`TrialEngine+Pools.swift`).
    mutating func startStage(_ r: Int, _ c: Int, _ s: Int, _ t0: Double, _ out: inout TrialOutcome) {
        candidates[c].stage = Int16(s)
        candidates[c].status = .inStage
        addStage(r, s, .entered, for: c)
        if s == 0 { addWeekly(r, .screens, t0) }
        let stage = model.requisitions[r].stages[s]
        let work = draw(r, c, Purpose.stage(s, Purpose.hr), stage.hrWorkdays)
        let hours = draw(r, c, Purpose.stage(s, Purpose.hours), stage.recruiterHours)
        requestStageAction(r, c, s, t0, clock: calendar.work(at: t0), work: work, hours: hours)
    }

    /// Schedules a candidate's next event, or their departure where
    /// `leave_at` comes first (MODEL.md 16.8).
    mutating func schedule(_ r: Int, _ c: Int, _ kind: EventKind, at time: Double) {
        let leaveAt = candidates[c].leaveAt
        if leaveAt <= time {
            // Queued already where the candidate waited for a pool (`wait`).
            if leaveAt <= model.horizon && !candidates[c].leaveQueued {
                queue.push(leaveAt, .leave, requisition: r, subject: Int32(c))
            }
        } else if time <= model.horizon {
            queue.push(time, kind, requisition: r, subject: Int32(c))
        }
    }

    // MARK: Event handlers

    /// The HR action of the candidate's stage is done (T1 of 16.9): on an
    /// interview stage, contact failure or the reply; else the pass decision.
    mutating func hrDone(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard candidates[c].status == .inStage else { return }
        let s = Int(candidates[c].stage)
        note(.hrDone, r: r, c: c, stage: s, at: t)
        guard hasInterview[firstStage[r] + s] else {
            passOrReject(r, c, s, chance(r, c, Purpose.stage(s, Purpose.pass), passOf(r, c, s)), t, &out)
            return
        }
        let spec = model.requisitions[r]
        let p = resolved[r].contactFailure
        var lost = p >= 1
        // A distribution's value is drawn below; its mean (an exp()
        // for a lognormal) would only be thrown away.
        var reply = spec.replyDays.isDistribution ? 0 : spec.replyDays.fixedValue
        if TrialEngine.random(p) || spec.replyDays.isDistribution {
            let stream = bundle(r, c, Purpose.stage(s, Purpose.contactReply))
            lost = decide(stream, p)
            if !lost { reply = value(stream, spec.replyDays) }
        }
        if lost {
            note(.contactFailed, r: r, c: c, stage: s, at: t)
            addStage(r, s, .contactFailures, for: c)
            add(r, .contactFailures, 1, for: c)
            leaveStages(r, c, t, &out)
        } else {
            schedule(r, c, .interviewerRequest, at: t + reply)
        }
    }

    /// The candidate replied (T2): interviewer hours are requested; the
    /// interview is at the first working instant the pool allows (T3,
    /// `TrialEngine+Pools.swift`).
    mutating func interviewerRequest(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard candidates[c].status == .inStage else { return }
        let s = Int(candidates[c].stage)
        note(.replied, r: r, c: c, stage: s, at: t)
        let hours = draw(r, c, Purpose.stage(s, Purpose.interviewerHours),
                         model.requisitions[r].stages[s].interviewerHours)
        requestInterview(r, c, s, t, hours: hours)
    }

    /// The interview (T3): a no-show, with the day's weather, or the pass decision.
    /// Candidate `c`'s pass probability at stage `s`: the stage's, times
    /// their channel's pass factor, capped at 1 (MODEL.md 21.5).
    @inline(__always)
    func passOf(_ r: Int, _ c: Int, _ s: Int) -> Double {
        let p = resolved[r].pass[s]
        guard model.hasPassFactors else { return p }
        return Swift.min(1, p * sourceFactor[Int(candidates[c].source)])
    }

    mutating func interview(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard candidates[c].status == .inStage else { return }
        let s = Int(candidates[c].stage)
        var p = resolved[r].noShow[s]
        let day = Int(t)
        if day < badDay.count && badDay[day] { p = min(1, p * noShowMultiplier) }
        let pass = passOf(r, c, s)
        var noShow = p >= 1, passed = pass >= 1
        if TrialEngine.random(p) || TrialEngine.random(pass) {
            let stream = bundle(r, c, Purpose.stage(s, Purpose.showPass))
            noShow = decide(stream, p)
            if !noShow { passed = decide(stream, pass) }
        }
        if noShow {
            note(.noShow, r: r, c: c, stage: s, at: t)
            addStage(r, s, .noShows, for: c)
            add(r, .noShows, 1, for: c)
            leaveStages(r, c, t, &out)
        } else {
            note(.interviewed, r: r, c: c, stage: s, at: t)
            passOrReject(r, c, s, passed, t, &out)
        }
    }

    /// The candidate's `leave_at`: withdrawn from a stage or from the
    /// waiting finalists, or a decline of an offer still out (16.8, 16.14).
    mutating func leave(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        switch candidates[c].status {
        case .inStage:
            note(.withdrawn, r: r, c: c, stage: Int(candidates[c].stage), at: t)
            addStage(r, Int(candidates[c].stage), .withdrawn, for: c)
            add(r, .withdrawn, 1, for: c)
            leaveStages(r, c, t, &out)
        case .finalist:
            note(.withdrawn, r: r, c: c, at: t)
            add(r, .withdrawn, 1, for: c)
            add(r, .decisionWithdrawn, 1, for: c)
            candidates[c].status = .gone
            removeWaiting(r, c)
            recheck(r, t, &out)
        case .offered:
            // Took the competing offer while ours was out (16.14).
            note(.offerDeclined, r: r, c: c, at: t, .competingOffer)
            candidates[c].status = .gone
            decline(r, c, t, &out)
        default: return
        }
    }

    // MARK: Stage outcomes

    private mutating func passOrReject(_ r: Int, _ c: Int, _ s: Int, _ passed: Bool, _ t: Double,
                                       _ out: inout TrialOutcome) {
        if passed {
            note(.passed, r: r, c: c, stage: s, at: t)
            addStage(r, s, .passed, for: c)
            if s + 1 < model.requisitions[r].stages.count {
                startStage(r, c, s + 1, t, &out)
            } else {
                becomeFinalist(r, c, t, &out)
            }
        } else {
            note(.rejected, r: r, c: c, stage: s, at: t)
            addStage(r, s, .rejected, for: c)
            add(r, .rejected, 1, for: c)
            leaveStages(r, c, t, &out)
        }
    }

    /// A candidate lost from the stages (any reason).
    private mutating func leaveStages(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        candidates[c].status = .gone
        state[r].inStages -= 1
        recheck(r, t, &out)
    }

    /// Passed the last stage: waits for a decision, until max wait and
    /// `leave_at`, ranked among the other finalists.
    private mutating func becomeFinalist(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        let spec = model.requisitions[r]
        state[r].inStages -= 1
        note(.finalist, r: r, c: c, at: t)
        candidates[c].status = .finalist
        add(r, .finalists, 1, for: c)
        var expiry = Double.infinity
        if let wait = spec.maxWaitDays {
            expiry = t + draw(r, c, Purpose.maxWait, wait)
            if expiry <= model.horizon && expiry < candidates[c].leaveAt {
                queue.push(expiry, .maxWait, requisition: r)
            }
        }
        candidates[c].waitExpires = expiry
        let leaveAt = candidates[c].leaveAt
        if leaveAt <= model.horizon && !candidates[c].leaveQueued {
            queue.push(leaveAt, .leave, requisition: r, subject: Int32(c))
        }
        addWaiting(r, c)
        recheck(r, t, &out)
    }
}
