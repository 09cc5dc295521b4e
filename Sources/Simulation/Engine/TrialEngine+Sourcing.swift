import FunnelModel
import Sampling

// Sourcing (MODEL.md 4, 16.4-16.6, 21.5): a requisition opens with its
// initial pool, applicants arrive as a Poisson process per source (a
// channel, or the single mapping) paused by freezes, and a process stops
// for good (all openings covered, cancelled, the applicant
// limit reached, a rate of 0) or restarts afresh when an opening is
// uncovered again. Each arrival becomes a candidate with a competing-offer
// time and a quality, and enters the first stage.

extension TrialEngine {
    /// The requisition opens: each source's initial pool arrives, even
    /// inside a freeze (16.5), channel by channel.
    mutating func open(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        state[r].opened = true
        note(.opened, r: r, at: t)
        for k in model.sourceRange[r] {
            let spec = model.sources[k]
            let pool = min(spec.initialPool, spec.maxApplicants)
            for _ in 0..<pool { arrive(r, source: k, t, &out, initialPool: true) }
        }
        updateSourcing(r, t, &out)
        recheck(r, t, &out)
    }

    /// The arrival event of source `k`'s process `generation`: ignored when
    /// stale, dropped inside a freeze (sourcing paused, 16.4), else an applicant.
    mutating func arrival(source k: Int, generation: Int32, _ t: Double, _ out: inout TrialOutcome) {
        guard sourceState[k].sourcing && generation == sourceState[k].generation else { return }
        let r = model.sources[k].requisition
        if calendar.isFrozen(t) {
            scheduleArrival(k, after: t)
        } else {
            arrive(r, source: k, t, &out)
            if sourceState[k].sourcing { scheduleArrival(k, after: t) }
        }
    }

    /// True when every source of requisition `r` has stopped for good
    /// (MODEL.md 16.6, 21.5), not paused.
    func sourcingStopped(_ r: Int) -> Bool {
        for k in model.sourceRange[r] where !sourceStopped(r, k) { return false }
        return true
    }

    /// True when source `k` (of requisition `r`) has stopped for good:
    /// what stops a requisition's sourcing stops every channel; each
    /// channel's cap and rate stop that channel.
    func sourceStopped(_ r: Int, _ k: Int) -> Bool {
        let s = state[r]
        return s.cancelled || s.accepted >= model.requisitions[r].openings
            || sourceState[k].applicants >= model.sources[k].maxApplicants || sourceRate[k] <= 0
    }

    /// Starts or stops each source's arrival process to match
    /// `sourceStopped`. A stopped process that resumes starts afresh
    /// (16.4); a pending arrival of a stopped process is recognised as
    /// stale by its generation.
    mutating func updateSourcing(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard state[r].opened else { return }
        for k in model.sourceRange[r] {
            let stopped = sourceStopped(r, k)
            if stopped && sourceState[k].sourcing {
                sourceState[k].sourcing = false
                sourceState[k].generation &+= 1
            } else if !stopped && !sourceState[k].sourcing {
                sourceState[k].sourcing = true
                sourceState[k].generation &+= 1
                scheduleArrival(k, after: t)
            }
        }
    }

    /// Queues source `k`'s next arrival, one exponential gap after `t`: in
    /// calendar time, or with seasonality in the integrated rate's time
    /// (`seasonalTime`).
    mutating func scheduleArrival(_ k: Int, after t: Double) {
        let rate = sourceRate[k]
        let gap = arrivalStreams[k].exponential(mean: 7 / rate)
        let next = model.isSeasonal ? seasonalTime(after: t, gap) : t + gap
        tally(.exponential)
        if next <= model.horizon {
            queue.pushArrival(next, requisition: k, generation: sourceState[k].generation)
        }
    }

    /// The next arrival of a non-homogeneous Poisson process (MODEL.md
    /// 21.6) by the inverse of its integrated rate, exact for a multiplier
    /// constant by month: with Λ(t) = ∫₀ᵗ m(s) ds, the arrival after `t`
    /// whose unit-rate gap is `gap` comes at Λ⁻¹(Λ(t) + gap), the first
    /// instant with that much integrated multiplier (months at 0 are
    /// stepped over; +infinity if every later month is 0).
    func seasonalTime(after t: Double, _ gap: Double) -> Double {
        let starts = model.seasonStarts
        // The segment holding t: the last whose start is at or before it.
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        var k = lo
        let target = seasonCum[k] + seasonRate[k] * (t - starts[k]) + gap
        while k + 1 < starts.count && seasonCum[k + 1] < target { k += 1 }
        // A month at 0 holds no arrival: its end has the same integral.
        while seasonRate[k] <= 0 {
            guard k + 1 < starts.count else { return .infinity }
            k += 1
        }
        return Swift.max(t, starts[k] + (target - seasonCum[k]) / seasonRate[k])
    }

    /// One applicant: a new candidate, who enters the first stage
    /// (`initialPool`: one of the pool at the opening, for the recorder).
    mutating func arrive(_ r: Int, source k: Int, _ t: Double, _ out: inout TrialOutcome, initialPool: Bool = false) {
        let index = candidates.count
        let rate = resolved[r].competingOffersPerWeek
        var c = Candidate()
        c.requisition = UInt16(r)
        c.source = UInt16(k)
        c.streamIndex = UInt32(truncatingIfNeeded: state[r].applicants)
        candidates.append(c)
        note(.applied, r: r, c: index, at: t, initialPool ? .initialPool : .none)
        // One substream: the competing-offer time, then quality. Both use
        // exactly one uniform, so each keeps its uniform whatever the rate.
        let stream = bundle(r, index, Purpose.arrival)
        if rate > 0 {
            tally(.exponential)
            candidates[index].leaveAt = t + stream.exponential(mean: 7 / rate)
        } else {
            _ = stream.uniform()
        }
        tally(.uniform)
        candidates[index].quality = stream.uniform()
        state[r].applicants += 1
        sourceState[k].applicants += 1
        state[r].inStages += 1
        add(r, .applicants, 1, for: index)
        addWeekly(r, .applicants, t)
        if sourceState[k].applicants >= model.sources[k].maxApplicants {
            updateSourcing(r, t, &out)
            recheck(r, t, &out)
        }
        startStage(r, index, 0, t, &out)
    }
}
