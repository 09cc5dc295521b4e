import FunnelModel
import Sampling

// The engine's capacity pools (MODEL.md 9, 16.9-16.10, 21.2-21.3): the
// three kinds of request (a stage's HR action and an offer's preparation
// on the recruiters, an interview on the interviewers), the pool taking a
// waiting request when it becomes free (the `poolFree` event), and what
// each request does once taken. Under `fifo` a request's start is known
// when it is made and the request finishes at once, as in section 9;
// under `priority` a request made while the pool is busy waits in the
// pool's queue (`PriorityPool`) and its hours count when it is taken.

extension TrialEngine {
    /// Builds the pools the model names: recruiters then interviewers,
    /// one per pool with people (a count of 0 has none: no limit), and each
    /// requisition's pool indices (-1: no limit).
    static func makePools(_ model: SimulationModel) -> (pools: [PriorityPool], recruiters: [Int], interviewers: [Int]) {
        let n = model.requisitions.count
        let classes = (model.requisitions.map(\.stages.count).max() ?? 0) + 1
        var pools: [PriorityPool] = []
        func add(_ list: [CompiledPool?]) -> [Int] {
            list.map { p in
                guard let p else { return -1 }
                pools.append(PriorityPool(speed: 0, discipline: p.discipline, requisitions: n, classes: classes))
                return pools.count - 1
            }
        }
        let recruiters = add(model.recruiters), interviewers = add(model.interviewers)
        return (pools, model.poolOf.map { $0.recruiters < 0 ? -1 : recruiters[$0.recruiters] },
                model.poolOf.map { $0.interviewers < 0 ? -1 : interviewers[$0.interviewers] })
    }

    /// The pools at a trial's start: free, empty, at the trial's speeds.
    mutating func resetPools(_ u: [Double]) {
        let perDay = Double(max(1, model.workdaysPerWeek))
        var i = 0
        // Two loops, not one over a concatenation: a warm trial allocates nothing.
        for p in model.recruiters {
            guard let p else { continue }
            pools[i].reset(speed: p.count * p.hoursPerWeek.value(u) / perDay)
            i += 1
        }
        for p in model.interviewers {
            guard let p else { continue }
            pools[i].reset(speed: p.count * p.hoursPerWeek.value(u) / perDay)
            i += 1
        }
    }

    /// The priority class of stage `s` of requisition `r`: its last stage 1.
    @inline(__always)
    func poolClass(_ r: Int, stage s: Int) -> Int { model.requisitions[r].stages.count - s }

    // MARK: Requests

    /// Candidate `c` of `r` entered stage `s` at `t0` (work clock `clock`):
    /// the HR action of `work` workdays and `hours` recruiter hours.
    mutating func requestStageAction(_ r: Int, _ c: Int, _ s: Int, _ t0: Double, clock: Double, work: Double, hours: Double) {
        let p = recruiterPoolOf[r]
        guard hours > 0, p >= 0 else {
            if hours > 0 { countHours(r, c, .recruiterHours, hours, at: t0) }
            schedule(r, c, .hrDone, at: calendar.addWork(t0, clock: clock, work))
            return
        }
        let request = PoolRequest(time: t0, work: clock, hours: hours, extra: work, candidate: Int32(c), kind: .stageAction, stage: Int16(s))
        if pools[p].discipline == .fifo || !pools[p].mustWait(atWork: clock) {
            if pools[p].discipline == .priority { pools[p].served(r, poolClass(r, stage: s)) }
            let booked = pools[p].book(atWork: clock, hours: hours)
            recordService(p, class: poolClass(r, stage: s), requestedAtWork: clock, booked)
            countHours(r, c, .recruiterHours, hours, at: t0)
            let t1 = max(calendar.addWork(t0, clock: clock, work), calendar.time(atWork: booked.end))
            schedule(r, c, .hrDone, at: t1)
        } else {
            wait(p, request, r, class: poolClass(r, stage: s))
        }
    }

    /// Candidate `c` of `r` replied at `t` (T2): an interview of `hours`.
    mutating func requestInterview(_ r: Int, _ c: Int, _ s: Int, _ t: Double, hours: Double) {
        let p = interviewerPoolOf[r]
        guard hours > 0, p >= 0 else {
            if hours > 0 { countHours(r, c, .interviewerHours, hours, at: t) }
            scheduleInterview(r, c, at: calendar.nextWorking(t))
            return
        }
        let clock = calendar.work(at: t)
        if pools[p].discipline == .fifo || !pools[p].mustWait(atWork: clock) {
            if pools[p].discipline == .priority { pools[p].served(r, poolClass(r, stage: s)) }
            countHours(r, c, .interviewerHours, hours, at: t)
            let booked = pools[p].book(atWork: clock, hours: hours)
            recordService(p, class: poolClass(r, stage: s), requestedAtWork: clock, booked)
            scheduleInterview(r, c, at: calendar.nextWorking(max(t, calendar.time(atWork: booked.start))))
        } else {
            let request = PoolRequest(time: t, work: clock, hours: hours, extra: 0, candidate: Int32(c), kind: .interview, stage: Int16(s))
            wait(p, request, r, class: poolClass(r, stage: s))
        }
    }

    /// An offer to candidate `c` of `r` decided at `t` (work clock
    /// `clock`): prepared in `work` workdays and `hours` recruiter hours.
    mutating func requestOffer(_ r: Int, _ c: Int, _ t: Double, clock: Double, work: Double, hours: Double) {
        let p = recruiterPoolOf[r]
        guard hours > 0, p >= 0 else {
            if hours > 0 { countHours(r, c, .recruiterHours, hours, at: t) }
            offerPrepared(r, c, calendar.addWork(t, clock: clock, work))
            return
        }
        if pools[p].discipline == .fifo || !pools[p].mustWait(atWork: clock) {
            if pools[p].discipline == .priority { pools[p].served(r, 0) }
            countHours(r, c, .recruiterHours, hours, at: t)
            let booked = pools[p].book(atWork: clock, hours: hours)
            recordService(p, class: 0, requestedAtWork: clock, booked)
            offerPrepared(r, c, max(calendar.addWork(t, clock: clock, work), calendar.time(atWork: booked.end)))
        } else {
            let request = PoolRequest(time: t, work: clock, hours: hours, extra: work, candidate: Int32(c), kind: .offer, stage: 0)
            wait(p, request, r, class: 0)
        }
    }

    /// A request joins the queue of busy pool `p`; the pool wakes when free.
    /// A waiting candidate has no event of their own, so their `leave_at`
    /// goes in the queue now, once (`Candidate.leaveQueued`; an offer's
    /// already is: `becomeFinalist`).
    private mutating func wait(_ p: Int, _ request: PoolRequest, _ r: Int, class k: Int) {
        pools[p].enqueue(request, requisition: r, class: k)
        let c = Int(request.candidate)
        if request.kind != .offer && !candidates[c].leaveQueued && candidates[c].leaveAt <= model.horizon {
            queue.push(candidates[c].leaveAt, .leave, requisition: r, subject: request.candidate)
            candidates[c].leaveQueued = true
        }
        if !pools[p].wakePending {
            pools[p].wakePending = true
            queue.push(calendar.time(atWork: pools[p].free), .poolFree, requisition: 0, subject: Int32(p))
        }
    }

    /// Pool hours counted (and costed) when a request is taken, also in
    /// the week of `t` for `plan`'s workload.
    @inline(__always)
    private mutating func countHours(_ r: Int, _ c: Int, _ counter: Counter, _ hours: Double, at t: Double) {
        add(r, counter, hours, for: c)
        addWeekly(r, counter == .recruiterHours ? .recruiterHours : .interviewerHours, t, hours)
    }

    /// The interview of `c` at `t3`, counted in its week when it will be held.
    @inline(__always)
    private mutating func scheduleInterview(_ r: Int, _ c: Int, at t3: Double) {
        if candidates[c].leaveAt > t3 && t3 <= model.horizon { addWeekly(r, .interviews, t3) }
        schedule(r, c, .interview, at: t3)
    }

    // MARK: Diagnostics (MODEL.md 21.4)

    /// The work clock at the start of each week of the horizon (and at the
    /// horizon): the weeks' available working time, for utilisation.
    mutating func resetPoolDiagnostics() {
        let weeks = model.weekCount
        for w in 0...weeks { weekWork[w] = calendar.work(at: Swift.min(Double(7 * w), model.horizon)) }
        poolBusy.fill(0)
        busyCursor.fill(0)
        poolWaits.removeAll(keepingCapacity: true)
    }

    /// Pool `p` took a request of class `k` made at work time `w`, booked
    /// on [start, end] (work time): its wait (where it starts by the
    /// horizon), and its busy time split over
    /// the weeks it spans (clipped at the horizon). A pool's bookings start
    /// in order, so each pool's week cursor only moves forward.
    @inline(__always)
    mutating func recordService(_ p: Int, class k: Int, requestedAtWork w: Double, _ booked: (start: Double, end: Double)) {
        let weeks = model.weekCount
        // Only services that start by the horizon: a priority pool takes none later.
        if booked.start <= weekWork[weeks] {
            poolWaits.append(PoolWait(pool: UInt16(p), priorityClass: UInt16(k), days: booked.start - w))
        }
        var s = booked.start, week = busyCursor[p]
        let e = Swift.min(booked.end, weekWork[weeks])
        while s < e {
            while week < weeks && weekWork[week + 1] <= s { week += 1 }
            guard week < weeks else { break }
            let end = Swift.min(e, weekWork[week + 1])
            poolBusy[p * weeks + week] += end - s
            s = end
        }
        busyCursor[p] = week
    }

    // MARK: Service

    /// Pool `p` is free at `t`: it takes its next live request, if any.
    mutating func poolFree(_ p: Int, _ t: Double, _ out: inout TrialOutcome) {
        pools[p].wakePending = false
        guard let next = takeNext(p) else { return }
        let r = next.requisition, q = next.request, c = Int(q.candidate)
        let booked = pools[p].book(atWork: pools[p].free, hours: q.hours)
        recordService(p, class: next.class, requestedAtWork: q.work, booked)
        if pools[p].waitingCount > 0 {
            pools[p].wakePending = true
            queue.push(calendar.time(atWork: booked.end), .poolFree, requisition: 0, subject: Int32(p))
        }
        switch q.kind {
        case .stageAction:
            countHours(r, c, .recruiterHours, q.hours, at: t)
            let t1 = max(calendar.addWork(q.time, q.extra), calendar.time(atWork: booked.end))
            schedule(r, c, .hrDone, at: t1)
        case .interview:
            countHours(r, c, .interviewerHours, q.hours, at: t)
            scheduleInterview(r, c, at: calendar.nextWorking(max(q.time, t)))
        case .offer:
            countHours(r, c, .recruiterHours, q.hours, at: t)
            offerPrepared(r, c, max(calendar.addWork(q.time, q.extra), calendar.time(atWork: booked.end)))
        }
    }

    /// Pool `p`'s next live request: an offer's while the offer is out,
    /// a stage's while the candidate is still in it.
    private mutating func takeNext(_ p: Int) -> (requisition: Int, class: Int, request: PoolRequest)? {
        let candidates = self.candidates
        return pools[p].take { q in
            let status = candidates[Int(q.candidate)].status
            return q.kind == .offer ? status == .offered : status == .inStage
        }
    }
}
