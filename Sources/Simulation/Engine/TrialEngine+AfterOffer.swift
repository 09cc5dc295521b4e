import FunnelModel
import Sampling

// A candidate's path from an offer to the start (MODEL.md 6-7,
// 16.14-16.18), one handler per event kind: the answer (`offerAnswer`),
// the background check's result (`checkResult`) and a cleared dispute
// (`checkCleared`), the would-be start with its renege draw (`start`).
// What an accepted, rescinded or reneged offer does to the requisition's
// decisions is in `TrialEngine+Decisions.swift`.

extension TrialEngine {
    // MARK: Event handlers

    /// The answer to an offer: accept with probability `offer.accept`, else decline.
    mutating func offerAnswer(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard candidates[c].status == .offered else { return }
        if chance(r, c, Purpose.accept, resolved[r].accept) {
            accept(r, c, t, &out)
        } else {
            note(.offerDeclined, r: r, c: c, at: t)
            candidates[c].status = .gone
            decline(r, c, t, &out)
        }
    }

    /// The background check's result (16.17): a failure for cause, a wrong
    /// failure that is disputed (cleared later, or rescinded now), or clean.
    mutating func checkResult(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard candidates[c].status == .accepted, let check = model.requisitions[r].check else { return }
        let v = resolved[r]
        var fail = v.fail >= 1, falseFail = v.falseFail >= 1, cleared = v.dispute >= 1
        var delay = check.disputeDays.isDistribution ? 0 : check.disputeDays.fixedValue
        if TrialEngine.random(v.fail) || TrialEngine.random(v.falseFail) || TrialEngine.random(v.dispute)
            || check.disputeDays.isDistribution {
            let stream = bundle(r, c, Purpose.checkResult)
            fail = decide(stream, v.fail)
            falseFail = decide(stream, v.falseFail)
            cleared = decide(stream, v.dispute)
            if !fail && falseFail && cleared { delay = value(stream, check.disputeDays) }
        }
        if fail {
            note(.checkFailed, r: r, c: c, at: t)
            add(r, .bgFail, 1, for: c)
            rescind(r, c, t, &out)
        } else if falseFail {
            note(.checkDisputed, r: r, c: c, at: t)
            if cleared {
                if t + delay <= model.horizon { queue.push(t + delay, .checkCleared, requisition: r, subject: Int32(c)) }
            } else {
                note(.checkFailed, r: r, c: c, at: t)
                add(r, .bgFalseFail, 1, for: c)
                rescind(r, c, t, &out)
            }
        } else {
            note(.checkPassed, r: r, c: c, at: t)
            checkPassed(r, c, t, &out)
        }
    }

    /// A disputed wrong failure is cleared: the check passes, late.
    mutating func checkCleared(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard candidates[c].status == .accepted else { return }
        note(.checkCleared, r: r, c: c, at: t)
        checkPassed(r, c, t, &out)
    }

    /// The would-be start (the end of notice, or the cohort day): the
    /// candidate starts, or reneges (16.18, 21.8).
    mutating func start(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard candidates[c].status == .accepted else { return }
        if chance(r, c, Purpose.renege, resolved[r].renege) {
            note(.reneged, r: r, c: c, at: t)
            add(r, .reneges, 1, for: c)
            candidates[c].status = .gone
            state[r].accepted -= 1
            uncovered(r, t, &out)
        } else {
            note(.started, r: r, c: c, at: t)
            candidates[c].status = .started
            let o = model.requisitions[r].opensDay
            add(r, .filled, 1, for: c)
            out.requisitions[r].fillTimes.append(candidates[c].acceptedAt - o)
            out.requisitions[r].startTimes.append(t - o)
            out.requisitions[r].startInstants.append(t)
        }
    }

    // MARK: Steps

    /// An accepted offer: the check starts (or notice, without one); full
    /// coverage releases the pipeline and stops sourcing (16.16).
    private mutating func accept(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        let spec = model.requisitions[r]
        note(.offerAccepted, r: r, c: c, at: t)
        candidates[c].status = .accepted
        candidates[c].acceptedAt = t
        state[r].outstanding -= 1
        state[r].accepted += 1
        add(r, .accepted, 1, for: c)
        if let check = spec.check {
            add(r, .checks, 1, for: c)
            let work = draw(r, c, Purpose.checkWork, check.workdays)
            let result = calendar.addWork(t, work)
            if result <= model.horizon { queue.push(result, .checkResult, requisition: r, subject: Int32(c)) }
        } else {
            startNotice(r, c, t, &out)
        }
        if state[r].accepted >= spec.openings {
            release(r, offers: false, t, &out)
            updateSourcing(r, t, &out)
        } else {
            recheck(r, t, &out)
        }
    }

    private mutating func checkPassed(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        add(r, .checksPassed, 1, for: c)
        startNotice(r, c, t, &out)
    }

    /// Notice runs in calendar days from the clean result (16.18); with
    /// cohort starts the start (and its renege draw) waits for the first
    /// allowed day at or after the notice's end (21.8), never if none is left.
    private mutating func startNotice(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        add(r, .noticeStarted, 1, for: c)
        let spec = model.requisitions[r]
        let notice = draw(r, c, Purpose.notice, spec.noticeDays)
        let start = spec.cohort.start(noticeEnds: t + notice)
        if start <= model.horizon { queue.push(start, .start, requisition: r, subject: Int32(c)) }
    }

    private mutating func rescind(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        candidates[c].status = .gone
        state[r].accepted -= 1
        uncovered(r, t, &out)
    }
}
