import FunnelModel
import Sampling

/// Runs trials of one `SimulationModel`, one at a time, reusing its
/// storage: after the first trials it allocates nothing per event.
///
/// Randomness (MODEL.md 14, 17.17): every draw comes from a stream keyed by
/// the run's seed and the trial's stream index, so a trial's result depends
/// on (seed, index) alone. Plan-level draws have their own families;
/// each candidate draw comes from the substream (requisition, candidate,
/// purpose), so changing one parameter moves the rest of the trial as
/// little as possible (common random numbers).
///
/// A `final class` because it owns GSL generators; not thread-safe: one per
/// worker thread.
public final class TrialSimulator {
    private var engine: TrialEngine

    public init(model: SimulationModel, seed: UInt64) {
        engine = TrialEngine(model: model, seed: seed)
    }

    public var model: SimulationModel { engine.model }

    /// When on, `drawCounts` tallies every random draw by kind and `seeks`
    /// every stream positioning (for the benchmark's overhead ratio). Off by
    /// default: one predictable branch per draw.
    package var countsDraws: Bool {
        get { engine.countsDraws }
        set { engine.countsDraws = newValue }
    }
    /// Draws of the last trial by kind (indexed by `DrawKind.rawValue`).
    package var drawCounts: [Int] { engine.drawCounts }
    /// Stream positionings of the last trial.
    package var seeks: Int { engine.seeks }

    /// Simulates trial `index` into `outcome` (which must come from
    /// `TrialOutcome(model:)`). `parameters`, when given, replaces the
    /// uncertain parameters' draws (sensitivity designs); the trial's own
    /// randomness still comes from `index`.
    public func run(trial index: Int, parameters: [Double]? = nil, into outcome: inout TrialOutcome) {
        engine.run(trial: index, parameters: parameters, into: &outcome)
    }
}

/// The simulator's state and logic as a value: every access in the event
/// loop is checked for exclusivity at compile time, not at run time.
struct TrialEngine {
    let model: SimulationModel
    private let seed: UInt64

    private let keys: Keys
    /// The generators' owners; the engine draws through `RandomGenerator`
    /// values (no reference counting in the event loop), valid while these live.
    private let streams: [RandomStream]
    private let planStream: RandomGenerator
    private let candidateStream: RandomGenerator
    private let arrivalStreams: [RandomGenerator]

    private var calendar = WorkCalendar()
    private var queue = EventQueue()
    private var recruiterPool: CapacityPool? = nil
    private var interviewerPool: CapacityPool? = nil
    private var badDay: [Bool] = []
    private var freezes: [(start: Double, end: Double)] = []
    /// Every candidate of the trial, all requisitions together (events name
    /// them by index here); flat so a write checks one buffer, not two.
    private var candidates: [Candidate] = []
    /// Per-trial counts, flat: counts[r * Counter.allCases.count + counter].
    private let counts: PlainBuffer<Double>
    /// Per-stage counts, flat: stageCounts[6 (firstStage[r] + s) + StageCount].
    private let stageCounts: PlainBuffer<Double>
    /// The flat index of each requisition's first stage (stages of all
    /// requisitions numbered in turn).
    private let firstStage: [Int]
    /// Whether each stage has an interview, by flat index firstStage[r] + s.
    /// A Bool array: the hot `hrDone` path reads it without retaining the
    /// requisition and stage objects.
    private let hasInterview: [Bool]
    private var state: [RequisitionState]
    private var resolved: [Resolved]
    private var noShowMultiplier = 1.0
    private var trial: UInt32 = 0

    var countsDraws = false
    private(set) var drawCounts = [Int](repeating: 0, count: DrawKind.allCases.count)
    private(set) var seeks = 0

    @inline(__always)
    private mutating func tally(_ kind: @autoclosure () -> DrawKind?, seek: Bool = false) {
        // An autoclosure: the kind of a draw (a switch on its distribution,
        // out of line) is only worked out when counting.
        guard countsDraws else { return }
        if let kind = kind() { drawCounts[kind.rawValue] += 1 }
        if seek { seeks += 1 }
    }

    /// Stream families, each keyed from the seed.
    private struct Keys {
        let parameters, freezes, weather, approval, cancellation: StreamKey
        let arrivals: [StreamKey], candidates: [StreamKey]
    }

    init(model: SimulationModel, seed: UInt64) {
        self.model = model
        self.seed = seed
        let n = model.requisitions.count
        func family(_ f: StreamKey.Family, _ r: Int) -> StreamKey {
            StreamKey(seed: seed ^ StreamKey.mix(UInt64(r) &+ 0x51ED_270B), family: f)
        }
        keys = Keys(parameters: StreamKey(seed: seed, family: .parameters),
                    freezes: StreamKey(seed: seed, family: .freezes),
                    weather: StreamKey(seed: seed, family: .weather),
                    approval: StreamKey(seed: seed, family: .approval),
                    cancellation: StreamKey(seed: seed, family: .cancellation),
                    arrivals: (0..<n).map { family(.arrivals, $0) },
                    candidates: (0..<n).map { family(.candidates, $0) })
        streams = (0..<(n + 2)).map { _ in RandomStream() }
        planStream = streams[0].generator
        candidateStream = streams[1].generator
        arrivalStreams = streams[2...].map(\.generator)
        counts = PlainBuffer(repeating: 0, count: n * Counter.allCases.count)
        var first: [Int] = []
        var stages = 0
        for r in model.requisitions { first.append(stages); stages += r.stages.count }
        firstStage = first
        hasInterview = model.requisitions.flatMap { $0.stages.map(\.interview) }
        stageCounts = PlainBuffer(repeating: 0, count: 6 * stages)
        state = Array(repeating: RequisitionState(), count: n)
        resolved = Array(repeating: Resolved(), count: n)
    }

    // MARK: - Running a trial

    mutating func run(trial index: Int, parameters: [Double]? = nil, into outcome: inout TrialOutcome) {
        trial = UInt32(truncatingIfNeeded: index)
        if countsDraws {
            for i in drawCounts.indices { drawCounts[i] = 0 }
            seeks = 0
        }
        queue.reset(requisitions: model.requisitions.count)
        candidates.removeAll(keepingCapacity: true)
        counts.fill(0)
        stageCounts.fill(0)
        outcome.events = 0
        for r in outcome.requisitions.indices { outcome.requisitions[r].reset() }

        // 1. Uncertain parameters.
        if let parameters {
            for i in outcome.parameters.indices { outcome.parameters[i] = parameters[i] }
        } else {
            for i in model.uncertainQuantities.indices {
                planStream.seek(keys.parameters, model.parameterStreams[i], 0, trial)
                let q = model.uncertainQuantities[i]
                outcome.parameters[i] = q.draw(planStream)
                tally(q.distribution.drawKind, seek: true)
            }
        }
        let u = outcome.parameters
        resolve(u)

        // 2. Freezes and weather.
        let horizon = model.horizon
        freezes.removeAll(keepingCapacity: true)
        let freezeRate = model.freezesPerYear.value(u) / 365
        if freezeRate > 0, let freezeDays = model.freezeDays {
            var t = 0.0
            var n: UInt32 = 0
            while true {
                planStream.seek(keys.freezes, 0, n, trial)
                t += planStream.exponential(mean: 1 / freezeRate)
                tally(.exponential, seek: true)
                if t > horizon { break }
                planStream.seek(keys.freezes, 1, n, trial)
                freezes.append((t, t + freezeDays.draw(planStream)))
                tally(freezeDays.distribution.drawKind, seek: true)
                n += 1
            }
        }
        calendar.rebuild(workingDays: model.workingDays, freezes: freezes)
        let p = model.badDayProbability.value(u)
        let days = Int(horizon.rounded(.down)) + 1
        badDay.removeAll(keepingCapacity: true)
        planStream.seek(keys.weather, 0, 0, trial)
        for _ in 0..<days { badDay.append(p > 0 && planStream.bernoulli(p)) }
        if p > 0 { for _ in 0..<days { tally(.uniform) } }
        noShowMultiplier = model.noShowMultiplier.value(u)

        // Pools.
        let perDay = Double(max(1, model.workdaysPerWeek))
        recruiterPool = model.recruiters.map { CapacityPool(speed: $0.count * $0.hoursPerWeek.value(u) / perDay) }
        interviewerPool = model.interviewers.map { CapacityPool(speed: $0.count * $0.hoursPerWeek.value(u) / perDay) }

        // 3. The rest: requisitions open, freezes start and end.
        for (i, f) in freezes.enumerated() {
            queue.push(f.start, .freezeStart, requisition: 0, subject: Int32(i))
            if f.end <= horizon { queue.push(f.end, .freezeEnd, requisition: 0, subject: Int32(i)) }
        }
        for r in model.requisitions.indices {
            state[r].reset()
            arrivalStreams[r].seek(keys.arrivals[r], 0, 0, trial)
            let spec = model.requisitions[r]
            if spec.opensDay <= horizon { queue.push(spec.opensDay, .open, requisition: r) }
            planStream.seek(keys.approval, UInt32(r), 0, trial)
            let approvalDays = model.approvalDays
            let approval = spec.opensDay + approvalDays.draw(planStream)
            tally(approvalDays.distribution.drawKind, seek: true)
            state[r].approvalTime = approval
            if approval <= horizon { queue.push(approval, .approval, requisition: r) }
        }

        // Event loop.
        var events = 0
        while let e = queue.pop() {
            if e.time > horizon { break }
            events += 1
            handle(e, &outcome)
        }
        outcome.events = events
        finish(&outcome)
    }

    /// Per-trial values of each requisition, resolved once per trial.
    private mutating func resolve(_ u: [Double]) {
        for r in model.requisitions.indices {
            let spec = model.requisitions[r]
            func fill(_ v: inout Resolved) {
                v.applicantsPerWeek = spec.applicantsPerWeek.value(u)
                v.competingOffersPerWeek = spec.competingOffersPerWeek.value(u)
                v.contactFailure = spec.contactFailure.value(u)
                v.accept = spec.accept.value(u)
                v.renege = spec.renege.value(u)
                // In place: the arrays keep their storage from trial to trial.
                if v.noShow.count != spec.stages.count {
                    v.noShow = Array(repeating: 0, count: spec.stages.count)
                    v.pass = v.noShow
                }
                for (i, stage) in spec.stages.enumerated() {
                    v.noShow[i] = stage.noShow.value(u)
                    v.pass[i] = stage.pass.value(u)
                }
                if let c = spec.check {
                    v.fail = c.fail.value(u); v.falseFail = c.falseFail.value(u); v.dispute = c.dispute.value(u)
                }
            }
            fill(&resolved[r])
        }
    }

    // MARK: - Events

    private mutating func handle(_ e: Event, _ out: inout TrialOutcome) {
        let r = Int(e.requisition)
        let t = e.time
        switch e.kind {
        case .open: open(r, t, &out)
        case .arrival:
            guard state[r].sourcing && e.subject == state[r].arrivalGeneration else { return }
            if calendar.isFrozen(t) {
                scheduleArrival(r, after: t)   // dropped: sourcing paused (16.4)
            } else {
                arrive(r, t, &out)
                if state[r].sourcing { scheduleArrival(r, after: t) }
            }
        case .approval: recheck(r, t, &out)
        case .freezeStart: freezeStarts(Int(e.subject), t, &out)
        case .freezeEnd:
            for q in model.requisitions.indices { recheck(q, t, &out) }
        case .maxWait: recheck(r, t, &out)
        case .hrDone, .interviewerRequest, .interview, .leave, .offerAnswer, .checkResult, .checkCleared, .start:
            candidateEvent(e, &out)
        }
    }

    private mutating func open(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        let spec = model.requisitions[r]
        state[r].opened = true
        let pool = min(spec.initialPool, spec.maxApplicants)
        for _ in 0..<pool { arrive(r, t, &out) }
        updateSourcing(r, t, &out)
        recheck(r, t, &out)
    }

    /// True when sourcing has stopped for good (MODEL.md 16.6), not paused.
    private mutating func sourcingStopped(_ r: Int) -> Bool {
        let s = state[r], spec = model.requisitions[r]
        return s.cancelled || s.accepted >= spec.openings || s.applicants >= spec.maxApplicants
            || resolved[r].applicantsPerWeek <= 0
    }

    /// Starts or stops the arrival process to match `sourcingStopped`.
    /// A stopped process that resumes starts afresh (16.4); a pending
    /// arrival of a stopped process is recognised as stale by its generation.
    private mutating func updateSourcing(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard state[r].opened else { return }
        let stopped = sourcingStopped(r)
        if stopped && state[r].sourcing {
            state[r].sourcing = false
            state[r].arrivalGeneration &+= 1
        } else if !stopped && !state[r].sourcing {
            state[r].sourcing = true
            state[r].arrivalGeneration &+= 1
            scheduleArrival(r, after: t)
        }
    }

    private mutating func scheduleArrival(_ r: Int, after t: Double) {
        let rate = resolved[r].applicantsPerWeek
        let next = t + arrivalStreams[r].exponential(mean: 7 / rate)
        tally(.exponential)
        if next <= model.horizon {
            queue.pushArrival(next, requisition: r, generation: state[r].arrivalGeneration)
        }
    }

    private mutating func arrive(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        let index = candidates.count
        let rate = resolved[r].competingOffersPerWeek
        var c = Candidate()
        c.requisition = UInt16(r)
        c.streamIndex = UInt32(truncatingIfNeeded: state[r].applicants)
        candidates.append(c)
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
        state[r].inStages += 1
        add(r, .applicants, 1)
        if state[r].applicants >= model.requisitions[r].maxApplicants {
            updateSourcing(r, t, &out)
            recheck(r, t, &out)
        }
        startStage(r, index, 0, t, &out)
    }

    // MARK: Candidates

    /// Candidate purposes: a substream each, so a change to one draw
    /// leaves the others where they were. Draws made at the same instant
    /// share one (a bundle): decisions by uniforms first, each always
    /// drawn, then at most one draw of variable length, so every draw of
    /// a bundle keeps its random numbers whatever the parameters.
    private enum Purpose {
        /// Bundle: competing-offer time, quality.
        static let arrival: UInt32 = 0
        static let maxWait: UInt32 = 2
        static let offerWork: UInt32 = 3, offerHours: UInt32 = 4, response: UInt32 = 5, accept: UInt32 = 6
        static let checkWork: UInt32 = 7
        /// Bundle: fail, false fail, dispute, then dispute days.
        static let checkResult: UInt32 = 8
        static let notice: UInt32 = 12, renege: UInt32 = 13
        /// Stage s uses 16 + 8 s + one of these.
        static let hr: UInt32 = 0, hours: UInt32 = 1
        /// Bundle: contact failure, then reply days.
        static let contactReply: UInt32 = 2
        static let interviewerHours: UInt32 = 4
        /// Bundle: no-show, then pass.
        static let showPass: UInt32 = 5
        static let pass: UInt32 = 6
        static func stage(_ s: Int, _ k: UInt32) -> UInt32 { 16 + 8 * UInt32(s) + k }
    }

    /// Positions the candidate stream at (requisition, candidate, purpose)
    /// for a bundle of draws.
    @inline(__always)
    private mutating func bundle(_ r: Int, _ c: Int, _ purpose: UInt32) -> RandomGenerator {
        candidateStream.seek(keys.candidates[r], purpose, candidates[c].streamIndex, trial)
        tally(nil, seek: true)
        return candidateStream
    }

    /// A uniform decision from a bundle: true with probability p.
    @inline(__always)
    private mutating func decide(_ stream: RandomGenerator, _ p: Double) -> Bool {
        tally(.uniform)
        return stream.uniform() < p
    }

    /// A draw of `q` from a bundle (no draw for a constant).
    @inline(__always)
    private mutating func value(_ stream: RandomGenerator, _ q: Quantity) -> Double {
        if case .constant(let v) = q.distribution { return q.adjust(v) }
        tally(q.distribution.drawKind)
        return q.draw(stream)
    }

    /// True when a probability needs a random draw to decide.
    @inline(__always)
    private static func random(_ p: Double) -> Bool { p > 0 && p < 1 }

    @inline(__always)
    private mutating func draw(_ r: Int, _ c: Int, _ purpose: UInt32, _ body: (RandomGenerator) -> Double) -> Double {
        candidateStream.seek(keys.candidates[r], purpose, candidates[c].streamIndex, trial)
        tally(nil, seek: true)
        return body(candidateStream)
    }

    @inline(__always)
    private mutating func draw(_ r: Int, _ c: Int, _ purpose: UInt32, _ q: Quantity) -> Double {
        if case .constant(let v) = q.distribution { return q.adjust(v) }
        tally(q.distribution.drawKind)
        return draw(r, c, purpose) { q.draw($0) }
    }

    @inline(__always)
    private mutating func chance(_ r: Int, _ c: Int, _ purpose: UInt32, _ p: Double) -> Bool {
        if p <= 0 { return false }
        if p >= 1 { return true }
        tally(.uniform)
        return draw(r, c, purpose) { $0.uniform() } < p
    }

    /// Schedules a candidate's next event, or their departure where
    /// `leave_at` comes first (MODEL.md 16.8).
    private mutating func schedule(_ r: Int, _ c: Int, _ kind: EventKind, at time: Double) {
        let leaveAt = candidates[c].leaveAt
        if leaveAt <= time {
            if leaveAt <= model.horizon { queue.push(leaveAt, .leave, requisition: r, subject: Int32(c)) }
        } else if time <= model.horizon {
            queue.push(time, kind, requisition: r, subject: Int32(c))
        }
    }

    /// A recruiter request of `hours` at `t`: counts the hours and returns
    /// when the pool has done them (t where the pool is unlimited).
    /// `work`: the work clock at `t` (calendar.work(at: t)).
    private mutating func recruiter(_ hours: Double, at t: Double, work: Double, _ r: Int) -> Double {
        guard hours > 0 else { return t }
        add(r, .recruiterHours, hours)
        guard recruiterPool != nil else { return t }
        let booked = recruiterPool!.request(atWork: work, hours: hours)
        return calendar.time(atWork: booked.end)
    }

    private mutating func startStage(_ r: Int, _ c: Int, _ s: Int, _ t0: Double, _ out: inout TrialOutcome) {
        candidates[c].stage = Int16(s)
        candidates[c].status = .inStage
        addStage(r, s, .entered)
        let stage = model.requisitions[r].stages[s]
        let work = draw(r, c, Purpose.stage(s, Purpose.hr), stage.hrWorkdays)
        let hours = draw(r, c, Purpose.stage(s, Purpose.hours), stage.recruiterHours)
        let clock = calendar.work(at: t0)
        let poolDone = recruiter(hours, at: t0, work: clock, r)
        let t1 = max(calendar.addWork(t0, clock: clock, work), poolDone)
        schedule(r, c, .hrDone, at: t1)
    }

    private mutating func candidateEvent(_ e: Event, _ out: inout TrialOutcome) {
        let r = Int(e.requisition), c = Int(e.subject), t = e.time
        let status = candidates[c].status
        let s = Int(candidates[c].stage)
        switch e.kind {
        case .hrDone:
            guard status == .inStage else { return }
            if hasInterview[firstStage[r] + s] {
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
                    addStage(r, s, .contactFailures)
                    add(r, .contactFailures, 1)
                    leaveStages(r, c, t, &out)
                } else {
                    schedule(r, c, .interviewerRequest, at: t + reply)
                }
            } else {
                decidePass(r, c, s, t, &out)
            }
        case .interviewerRequest:
            guard status == .inStage else { return }
            let hours = draw(r, c, Purpose.stage(s, Purpose.interviewerHours),
                             model.requisitions[r].stages[s].interviewerHours)
            var t3 = calendar.nextWorking(t)
            if hours > 0 {
                add(r, .interviewerHours, hours)
                if interviewerPool != nil {
                    let booked = interviewerPool!.request(at: t, hours: hours, calendar: calendar)
                    t3 = calendar.nextWorking(max(t, calendar.time(atWork: booked.start)))
                }
            }
            schedule(r, c, .interview, at: t3)
        case .interview:
            guard status == .inStage else { return }
            var p = resolved[r].noShow[s]
            let day = Int(t)
            if day < badDay.count && badDay[day] { p = min(1, p * noShowMultiplier) }
            let pass = resolved[r].pass[s]
            var noShow = p >= 1, passed = pass >= 1
            if TrialEngine.random(p) || TrialEngine.random(pass) {
                let stream = bundle(r, c, Purpose.stage(s, Purpose.showPass))
                noShow = decide(stream, p)
                if !noShow { passed = decide(stream, pass) }
            }
            if noShow {
                addStage(r, s, .noShows)
                add(r, .noShows, 1)
                leaveStages(r, c, t, &out)
            } else {
                passOrReject(r, c, s, passed, t, &out)
            }
        case .leave:
            switch status {
            case .inStage:
                addStage(r, s, .withdrawn)
                add(r, .withdrawn, 1)
                leaveStages(r, c, t, &out)
            case .finalist:
                add(r, .withdrawn, 1)
                add(r, .decisionWithdrawn, 1)
                candidates[c].status = .gone
                removeWaiting(r, c)
                recheck(r, t, &out)
            case .offered:
                // Took the competing offer while ours was out (16.14).
                candidates[c].status = .gone
                decline(r, t, &out)
            default: return
            }
        case .offerAnswer:
            guard status == .offered else { return }
            if chance(r, c, Purpose.accept, resolved[r].accept) {
                accept(r, c, t, &out)
            } else {
                candidates[c].status = .gone
                decline(r, t, &out)
            }
        case .checkResult:
            guard status == .accepted, let check = model.requisitions[r].check else { return }
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
                add(r, .bgFail, 1)
                rescind(r, c, t, &out)
            } else if falseFail {
                if cleared {
                    if t + delay <= model.horizon { queue.push(t + delay, .checkCleared, requisition: r, subject: Int32(c)) }
                } else {
                    add(r, .bgFalseFail, 1)
                    rescind(r, c, t, &out)
                }
            } else {
                checkPassed(r, c, t, &out)
            }
        case .checkCleared:
            guard status == .accepted else { return }
            checkPassed(r, c, t, &out)
        case .start:
            guard status == .accepted else { return }
            if chance(r, c, Purpose.renege, resolved[r].renege) {
                add(r, .reneges, 1)
                candidates[c].status = .gone
                state[r].accepted -= 1
                uncovered(r, t, &out)
            } else {
                candidates[c].status = .started
                let o = model.requisitions[r].opensDay
                add(r, .filled, 1)
                out.requisitions[r].fillTimes.append(candidates[c].acceptedAt - o)
                out.requisitions[r].startTimes.append(t - o)
                out.requisitions[r].startInstants.append(t)
            }
        default: return
        }
    }

    /// The pass decision of a stage without an interview.
    private mutating func decidePass(_ r: Int, _ c: Int, _ s: Int, _ t: Double, _ out: inout TrialOutcome) {
        passOrReject(r, c, s, chance(r, c, Purpose.stage(s, Purpose.pass), resolved[r].pass[s]), t, &out)
    }

    private mutating func passOrReject(_ r: Int, _ c: Int, _ s: Int, _ passed: Bool, _ t: Double,
                                       _ out: inout TrialOutcome) {
        if passed {
            addStage(r, s, .passed)
            if s + 1 < model.requisitions[r].stages.count {
                startStage(r, c, s + 1, t, &out)
            } else {
                becomeFinalist(r, c, t, &out)
            }
        } else {
            addStage(r, s, .rejected)
            add(r, .rejected, 1)
            leaveStages(r, c, t, &out)
        }
    }

    /// A candidate lost from the stages (any reason).
    private mutating func leaveStages(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        candidates[c].status = .gone
        state[r].inStages -= 1
        recheck(r, t, &out)
    }

    private mutating func becomeFinalist(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        let spec = model.requisitions[r]
        state[r].inStages -= 1
        candidates[c].status = .finalist
        add(r, .finalists, 1)
        var expiry = Double.infinity
        if let wait = spec.maxWaitDays {
            expiry = t + draw(r, c, Purpose.maxWait, wait)
            if expiry <= model.horizon && expiry < candidates[c].leaveAt {
                queue.push(expiry, .maxWait, requisition: r)
            }
        }
        candidates[c].waitExpires = expiry
        let leaveAt = candidates[c].leaveAt
        if leaveAt <= model.horizon { queue.push(leaveAt, .leave, requisition: r, subject: Int32(c)) }
        state[r].waiting.append(Int32(c))
        recheck(r, t, &out)
    }

    private mutating func removeWaiting(_ r: Int, _ c: Int) {
        if let i = state[r].waiting.firstIndex(of: Int32(c)) { state[r].waiting.remove(at: i) }
        if state[r].waiting.isEmpty { state[r].credit = 0 }
    }

    // MARK: Decisions and offers

    /// Re-checks the decision rules of MODEL.md section 6 and 16.11-16.13.
    private mutating func recheck(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard state[r].opened, !state[r].cancelled else { return }
        if state[r].waiting.isEmpty { state[r].credit = 0; return }
        let spec = model.requisitions[r]
        var needed = spec.openings - state[r].accepted - state[r].outstanding
        guard needed > 0, t >= state[r].approvalTime, !calendar.isFrozen(t) else { return }
        if state[r].credit > 0 {
            let n = min(state[r].credit, needed, state[r].waiting.count)
            state[r].credit -= n
            for _ in 0..<n { offerToBest(r, t, &out) }
            needed -= n
            if state[r].waiting.isEmpty { state[r].credit = 0; return }
            guard needed > 0 else { return }
        }
        let waiting = state[r].waiting
        let slateFull = waiting.count >= spec.slateSize
        let expired = waiting.contains { candidates[Int($0)].waitExpires <= t }
        let drained = state[r].inStages == 0 && sourcingStopped(r)
        guard slateFull || expired || drained else { return }
        for _ in 0..<min(needed, waiting.count) { offerToBest(r, t, &out) }
    }

    private mutating func offerToBest(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        var best = 0
        let waiting = state[r].waiting
        for i in 1..<max(1, waiting.count) where candidates[Int(waiting[i])].quality > candidates[Int(waiting[best])].quality {
            best = i
        }
        let c = Int(waiting[best])
        state[r].waiting.remove(at: best)
        let spec = model.requisitions[r]
        candidates[c].status = .offered
        state[r].outstanding += 1
        add(r, .offers, 1)
        let work = draw(r, c, Purpose.offerWork, spec.offerWorkdays)
        let hours = draw(r, c, Purpose.offerHours, spec.offerRecruiterHours)
        let clock = calendar.work(at: t)
        let prepared = max(calendar.addWork(t, clock: clock, work), recruiter(hours, at: t, work: clock, r))
        let answer = prepared + draw(r, c, Purpose.response, spec.responseDays)
        // A leave_at before the answer is a decline, at leave_at; that event
        // was scheduled when the candidate became a finalist.
        if answer < candidates[c].leaveAt && answer <= model.horizon {
            queue.push(answer, .offerAnswer, requisition: r, subject: Int32(c))
        }
    }

    private mutating func decline(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        add(r, .declines, 1)
        state[r].outstanding -= 1
        if !state[r].waiting.isEmpty { state[r].credit += 1 }
        recheck(r, t, &out)
    }

    private mutating func accept(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        let spec = model.requisitions[r]
        candidates[c].status = .accepted
        candidates[c].acceptedAt = t
        state[r].outstanding -= 1
        state[r].accepted += 1
        add(r, .accepted, 1)
        if let check = spec.check {
            add(r, .checks, 1)
            let work = draw(r, c, Purpose.checkWork, check.workdays)
            let result = calendar.addWork(t, work)
            if result <= model.horizon { queue.push(result, .checkResult, requisition: r, subject: Int32(c)) }
        } else {
            startNotice(r, c, t, &out)
        }
        if state[r].accepted >= spec.openings {
            release(r, offers: false, &out)
            updateSourcing(r, t, &out)
        } else {
            recheck(r, t, &out)
        }
    }

    private mutating func checkPassed(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        add(r, .checksPassed, 1)
        startNotice(r, c, t, &out)
    }

    private mutating func startNotice(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        add(r, .noticeStarted, 1)
        let notice = draw(r, c, Purpose.notice, model.requisitions[r].noticeDays)
        let start = t + notice
        if start <= model.horizon { queue.push(start, .start, requisition: r, subject: Int32(c)) }
    }

    private mutating func rescind(_ r: Int, _ c: Int, _ t: Double, _ out: inout TrialOutcome) {
        candidates[c].status = .gone
        state[r].accepted -= 1
        uncovered(r, t, &out)
    }

    /// An accepted offer fell through: the opening is open again (7, 16.12, 16.15).
    private mutating func uncovered(_ r: Int, _ t: Double, _ out: inout TrialOutcome) {
        guard !state[r].cancelled else { return }
        if !state[r].waiting.isEmpty { state[r].credit += 1 }
        updateSourcing(r, t, &out)
        recheck(r, t, &out)
    }

    /// Releases the pipeline: stages and waiting finalists, and on
    /// cancellation unanswered offers too (16.15, 16.16).
    private mutating func release(_ r: Int, offers: Bool, _ out: inout TrialOutcome) {
        // The counts say how many there are to release; they are the
        // newest candidates, so a walk back from the newest stops early
        // instead of visiting every candidate of the trial.
        let live = state[r].inStages + state[r].waiting.count + (offers ? state[r].outstanding : 0)
        var released = 0
        var c = candidates.count - 1
        while released < live && c >= 0 {
            if Int(candidates[c].requisition) == r {
                switch candidates[c].status {
                case .inStage, .finalist:
                    candidates[c].status = .gone
                    released += 1
                case .offered where offers:
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

    private mutating func freezeStarts(_ f: Int, _ t: Double, _ out: inout TrialOutcome) {
        let p = model.cancelProbability.value(out.parameters)
        guard p > 0 else { return }
        for r in model.requisitions.indices {
            guard state[r].opened, !state[r].cancelled, state[r].accepted < model.requisitions[r].openings else { continue }
            planStream.seek(keys.cancellation, UInt32(f), UInt32(r), trial)
            tally(.uniform, seek: true)
            if planStream.uniform() < p {
                state[r].cancelled = true
                set(r, .cancelled, 1)
                release(r, offers: true, &out)
                updateSourcing(r, t, &out)
            }
        }
    }

    // MARK: - Counting

    private enum StageCount: Int { case entered, passed, noShows, withdrawn, contactFailures, rejected }

    @inline(__always)
    private mutating func add(_ r: Int, _ c: Counter, _ v: Double) {
        counts[r * Counter.allCases.count + c.rawValue] += v
    }

    @inline(__always)
    private mutating func set(_ r: Int, _ c: Counter, _ v: Double) {
        counts[r * Counter.allCases.count + c.rawValue] = v
    }

    @inline(__always)
    private func count(_ r: Int, _ c: Counter) -> Double {
        counts[r * Counter.allCases.count + c.rawValue]
    }

    @inline(__always)
    private mutating func addStage(_ r: Int, _ s: Int, _ k: StageCount) {
        stageCounts[6 * (firstStage[r] + s) + k.rawValue] += 1
    }

    // MARK: - Trial end

    /// Copies the trial's counts into `out` and derives on-time and cost.
    private mutating func finish(_ out: inout TrialOutcome) {
        let u = out.parameters
        let recruiterRate = model.recruiterHourly.value(u), interviewerRate = model.interviewerHourly.value(u)
        let perHire = model.perHire.value(u)
        let n = Counter.allCases.count
        // Locals, so that `fill` captures these and not the whole engine.
        let counts = self.counts, stageCounts = self.stageCounts
        for r in model.requisitions.indices {
            let spec = model.requisitions[r]
            let base = 6 * firstStage[r]
            let checkCost = spec.check.map { $0.cost.value(u) } ?? 0
            let costPerApplicant = spec.costPerApplicant.value(u)
            func fill(_ o: inout RequisitionOutcome) {
                for k in 0..<n { o.counters[k] = counts[r * n + k] }
                for s in spec.stages.indices {
                    let b = base + 6 * s
                    o.stageEntered[s] = stageCounts[b]; o.stagePassed[s] = stageCounts[b + 1]
                    o.stageNoShows[s] = stageCounts[b + 2]; o.stageWithdrawn[s] = stageCounts[b + 3]
                    o.stageContactFailures[s] = stageCounts[b + 4]; o.stageRejected[s] = stageCounts[b + 5]
                }
                let onTimeStarts = o.startInstants.reduce(0) { $0 + ($1 < spec.onTimeBefore ? 1 : 0) }
                o[.onTime] = onTimeStarts >= spec.openings ? 1 : 0
                o[.cost] = o[.applicants] * costPerApplicant
                    + o[.recruiterHours] * recruiterRate + o[.interviewerHours] * interviewerRate
                    + o[.checks] * checkCost + o[.filled] * perHire
            }
            fill(&out.requisitions[r])
        }
    }
}

// MARK: - Per-trial state

private struct Candidate {
    enum Status: UInt8 { case inStage, finalist, offered, accepted, started, gone }
    var leaveAt = Double.infinity
    var quality = 0.0
    var waitExpires = Double.infinity
    var acceptedAt = 0.0
    var streamIndex: UInt32 = 0
    var requisition: UInt16 = 0
    var stage: Int16 = 0
    var status = Status.inStage
}

private struct RequisitionState {
    var opened = false, cancelled = false
    /// An arrival process is running (paused during freezes, not stopped).
    var sourcing = false
    var arrivalGeneration: Int32 = 0
    var approvalTime = 0.0
    var applicants = 0, inStages = 0
    /// Accepted offers not rescinded nor reneged (started ones included).
    var accepted = 0
    var outstanding = 0
    /// Offers owed at once to waiting finalists after a decline, rescind or renege (16.12).
    var credit = 0
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

private struct Resolved {
    var applicantsPerWeek = 0.0, competingOffersPerWeek = 0.0, contactFailure = 0.0
    var accept = 0.0, renege = 0.0, fail = 0.0, falseFail = 0.0, dispute = 0.0
    var noShow: [Double] = [], pass: [Double] = []
}
