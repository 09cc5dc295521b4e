import FunnelModel
import Sampling

// The engine's core: `TrialEngine`'s stored state, its construction, the
// run of one trial (set-up, event loop, finish) and the dispatch of each
// event to its handler. The handlers and the rules they apply live in the
// extensions beside this file, one job each (`+Setup`, `+Draws`,
// `+Sourcing`, `+Stages`, `+Pools`, `+AfterOffer`, `+Decisions`,
// `+Counting`); the
// stream layout in `StreamLayout.swift`. All of it is internal to the
// module: `TrialSimulator` is the public face.

/// The simulator's state and logic as a value: every access in the event
/// loop is checked for exclusivity at compile time, not at run time.
///
/// Its stored properties are internal, not private, only so that the
/// extensions in the other files of this folder can reach them; nothing
/// outside the engine touches them.
struct TrialEngine {
    typealias Purpose = StreamLayout.Purpose

    let model: SimulationModel
    let seed: UInt64

    let keys: TrialStreamKeys
    /// The generators' owners; the engine draws through `RandomGenerator`
    /// values (no reference counting in the event loop), valid while these live.
    let streams: [RandomStream]
    let planStream: RandomGenerator
    let candidateStream: RandomGenerator
    let arrivalStreams: [RandomGenerator]

    var calendar = WorkCalendar()
    var queue = EventQueue()
    /// The capacity pools (`TrialEngine+Pools.swift`) and the one each
    /// requisition draws on (-1: no limit).
    var pools: [PriorityPool]
    let recruiterPoolOf: [Int], interviewerPoolOf: [Int]
    /// Pool diagnostics (MODEL.md 21.4): the work clock at each week's
    /// start (weekCount + 1 values), each pool's busy work time per week
    /// (poolBusy[p * weekCount + week]) and week cursor, and every
    /// request a pool took with its wait (storage kept between trials).
    let weekWork: PlainBuffer<Double>
    let poolBusy: PlainBuffer<Double>
    let busyCursor: PlainBuffer<Int>
    var poolWaits: [PoolWait] = []
    var badDay: [Bool] = []
    /// The trial's freezes: the random ones (by start), then the known
    /// windows (MODEL.md 21.7) in the file's order.
    var freezes: [(start: Double, end: Double)] = []
    /// How many of `freezes` are random (the rest are windows).
    var randomFreezes = 0
    /// The trial's seasonal time change (MODEL.md 21.6; empty without
    /// seasonality): per segment of `model.seasonStarts`, its multiplier
    /// and the integrated multiplier at its start.
    var seasonRate: [Double] = [], seasonCum: [Double] = []
    /// Every candidate of the trial, all requisitions together (events name
    /// them by index here); flat so a write checks one buffer, not two.
    var candidates: [Candidate] = []
    /// Per-trial counts, flat: counts[r * Counter.allCases.count + counter].
    let counts: PlainBuffer<Double>
    /// Per-stage counts, flat: stageCounts[stageSlots (firstStage[r] + s) + StageCount].
    let stageCounts: PlainBuffer<Double>
    /// Per requisition, week and measure (`TrialOutcome.weekly`), only where
    /// the model counts weekly (else empty).
    let weeklyCounts: PlainBuffer<Double>
    let countsWeekly: Bool
    /// Per channel (`model.channelSources`), as `counts` and `stageCounts`
    /// per requisition: channelCounts[i * Counter.allCases.count + counter],
    /// channelStageCounts[stageSlots (channelFirstStage[i] + s) + StageCount];
    /// empty without channels.
    let channelCounts: PlainBuffer<Double>, channelStageCounts: PlainBuffer<Double>
    let channelFirstStage: [Int]
    /// Per source, its index in `model.channelSources` (-1: not a channel).
    let channelOf: [Int]
    let countsChannels: Bool
    /// The flat index of each requisition's first stage (stages of all
    /// requisitions numbered in turn).
    let firstStage: [Int]
    /// Whether each stage has an interview, by flat index firstStage[r] + s.
    /// A Bool array: the hot `hrDone` path reads it without retaining the
    /// requisition and stage objects.
    let hasInterview: [Bool]
    var state: [RequisitionState]
    /// Per source (`model.sources`): its process's state and this trial's
    /// rate and pass factor.
    var sourceState: [SourceState]
    var sourceRate: [Double], sourceFactor: [Double]
    var resolved: [Resolved]
    var noShowMultiplier = 1.0
    /// The trial's stream index: c3 of every substream.
    var trial: UInt32 = 0
    /// Receives every event of the history format (MODEL.md 18.5) where
    /// it happens; nil (the default): nothing is recorded.
    var recorder: (any TrialRecorder)? = nil

    var countsDraws = false
    private(set) var drawCounts = [Int](repeating: 0, count: DrawKind.allCases.count)
    private(set) var seeks = 0

    /// Counts a draw of `kind` (nil: none) and a seek, when counting.
    @inline(__always)
    mutating func tally(_ kind: @autoclosure () -> DrawKind?, seek: Bool = false) {
        // An autoclosure: the kind of a draw (a switch on its distribution,
        // out of line) is only worked out when counting.
        guard countsDraws else { return }
        if let kind = kind() { drawCounts[kind.rawValue] += 1 }
        if seek { seeks += 1 }
    }

    init(model: SimulationModel, seed: UInt64) {
        self.model = model
        self.seed = seed
        let n = model.requisitions.count
        keys = TrialStreamKeys(seed: seed, requisitions: n, sources: model.sources.map { ($0.requisition, $0.channel) })
        streams = (0..<(model.sources.count + 2)).map { _ in RandomStream() }
        planStream = streams[0].generator
        candidateStream = streams[1].generator
        arrivalStreams = streams[2...].map(\.generator)
        counts = PlainBuffer(repeating: 0, count: n * Counter.allCases.count)
        var first: [Int] = []
        var stages = 0
        for r in model.requisitions { first.append(stages); stages += r.stages.count }
        firstStage = first
        hasInterview = model.requisitions.flatMap { $0.stages.map(\.interview) }
        stageCounts = PlainBuffer(repeating: 0, count: TrialEngine.stageSlots * stages)
        countsWeekly = model.countsWeekly
        var channelOf = Array(repeating: -1, count: model.sources.count)
        var channelFirst: [Int] = [], channelStages = 0
        for (i, k) in model.channelSources.enumerated() {
            channelOf[k] = i
            channelFirst.append(channelStages)
            channelStages += model.requisitions[model.sources[k].requisition].stages.count
        }
        self.channelOf = channelOf
        channelFirstStage = channelFirst
        countsChannels = !model.channelSources.isEmpty
        channelCounts = PlainBuffer(repeating: 0, count: model.channelSources.count * Counter.allCases.count)
        channelStageCounts = PlainBuffer(repeating: 0, count: TrialEngine.stageSlots * channelStages)
        weeklyCounts = PlainBuffer(repeating: 0, count: model.countsWeekly ? n * model.weekCount * WeeklyMeasure.count : 0)
        state = Array(repeating: RequisitionState(), count: n)
        sourceState = Array(repeating: SourceState(), count: model.sources.count)
        sourceRate = Array(repeating: 0, count: model.sources.count)
        sourceFactor = Array(repeating: 1, count: model.sources.count)
        (pools, recruiterPoolOf, interviewerPoolOf) = TrialEngine.makePools(model)
        weekWork = PlainBuffer(repeating: 0, count: model.weekCount + 1)
        poolBusy = PlainBuffer(repeating: 0, count: pools.count * model.weekCount)
        busyCursor = PlainBuffer(repeating: 0, count: pools.count)
        resolved = Array(repeating: Resolved(), count: n)
    }

    // MARK: - Running a trial

    mutating func run(trial index: Int, parameters: [Double]? = nil, into outcome: inout TrialOutcome) {
        trial = UInt32(truncatingIfNeeded: index)
        if countsDraws {
            for i in drawCounts.indices { drawCounts[i] = 0 }
            seeks = 0
        }
        queue.reset(requisitions: model.sources.count)
        candidates.removeAll(keepingCapacity: true)
        counts.fill(0)
        stageCounts.fill(0)
        if countsChannels { channelCounts.fill(0); channelStageCounts.fill(0) }
        if countsWeekly { weeklyCounts.fill(0) }
        outcome.events = 0
        for r in outcome.requisitions.indices { outcome.requisitions[r].reset() }

        setUp(parameters: parameters, &outcome)

        var events = 0
        let horizon = model.horizon
        while let e = queue.pop() {
            if e.time > horizon { break }
            events += 1
            handle(e, &outcome)
        }
        outcome.events = events
        finish(&outcome)
    }

    // MARK: - Dispatch

    /// Hands event `e` to the handler of its kind.
    private mutating func handle(_ e: Event, _ out: inout TrialOutcome) {
        let r = Int(e.requisition), c = Int(e.subject), t = e.time
        switch e.kind {
        case .open: open(r, t, &out)
        case .arrival: arrival(source: r, generation: e.subject, t, &out)
        case .approval:
            if recorder != nil && !state[r].cancelled { note(.approved, r: r, at: t) }
            recheck(r, t, &out)
        case .freezeStart:
            note(.freezeStarted, at: t, .freeze(Int(e.subject)))
            freezeStarts(Int(e.subject), t, &out)
        case .freezeEnd:
            note(.freezeEnded, at: t, .freeze(Int(e.subject)))
            for q in model.requisitions.indices { recheck(q, t, &out) }
        case .maxWait: recheck(r, t, &out)
        case .hrDone: hrDone(r, c, t, &out)
        case .interviewerRequest: interviewerRequest(r, c, t, &out)
        case .interview: interview(r, c, t, &out)
        case .leave: leave(r, c, t, &out)
        case .offerAnswer: offerAnswer(r, c, t, &out)
        case .checkResult: checkResult(r, c, t, &out)
        case .checkCleared: checkCleared(r, c, t, &out)
        case .start: start(r, c, t, &out)
        case .poolFree: poolFree(c, t, &out)
        }
    }
}
