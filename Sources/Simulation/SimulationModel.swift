/// The scenario compiled for the engine (`SimulationModel`): every field
/// looked up by its `ParameterID`, so an uncertain parameter is drawn where
/// the scenario lists it, and the compiled stage, check and requisition.
import FunnelModel

/// A per-trial value: a fixed number, or the index of an uncertain
/// parameter drawn once per trial.
public enum TrialScalar: Sendable {
    case fixed(Double)
    case uncertain(Int)

    @inline(__always)
    func value(_ drawn: [Double]) -> Double {
        switch self {
        case .fixed(let v): return v
        case .uncertain(let i): return drawn[i]
        }
    }
}

/// A scenario compiled for the engine: indices resolved, calendars laid
/// out, per-trial and per-event values separated. Built once per run.
public struct SimulationModel: Sendable {
    public let scenario: Scenario
    public let horizon: Double
    /// Whether each day 0..<coveredDays is a working day before freezes.
    public let workingDays: [Bool]
    public let workdaysPerWeek: Int
    /// The uncertain parameters, in `Scenario.uncertainParameters` order,
    /// and their paths (the columns of `trials.csv`).
    public let uncertainIDs: [ParameterID]
    public let uncertainPaths: [String]
    public let uncertainQuantities: [Quantity]
    /// The substream of the uncertain-parameter stream family each
    /// uncertain parameter draws from: its index, unless aligned with a
    /// baseline by `aligningParameterStreams(with:)`.
    public private(set) var parameterStreams: [UInt32]
    public let requisitions: [CompiledRequisition]
    /// The sourcing processes (MODEL.md 4, 21.5): one per channel, or the
    /// single mapping's one, numbered across requisitions in order, so a
    /// plan without channels has source r = requisition r.
    public let sources: [CompiledSource]
    /// Each requisition's sources, as a range of `sources`.
    let sourceRange: [Range<Int>]
    /// The sources that are named channels (MODEL.md 21.5), in `sources`
    /// order: the trial counts each one's funnel, hires and cost apart
    /// (`TrialOutcome.channels`). Empty for a plan without channels.
    public let channelSources: [Int]
    /// Whether any channel has a pass factor other than a fixed 1.
    let hasPassFactors: Bool

    let badDayProbability: TrialScalar, noShowMultiplier: TrialScalar
    let freezesPerYear: TrialScalar, cancelProbability: TrialScalar
    let freezeDays: Quantity?, approvalDays: Quantity
    /// The known freezes (MODEL.md 21.7) as [start, end) in days since the
    /// plan's start, in the file's order: 00:00 of `from` to 24:00 of `to`.
    /// Those starting after the horizon are left out (they never start).
    let freezeWindows: [(start: Double, end: Double)]
    /// Every pool of each role in the file's order (nil: a count of 0, no limit).
    let recruiters: [CompiledPool?], interviewers: [CompiledPool?]
    /// Each requisition's recruiter and interviewer pool: an index into
    /// `recruiters` / `interviewers` (-1: none).
    let poolOf: [(recruiters: Int, interviewers: Int)]
    let recruiterHourly: TrialScalar, interviewerHourly: TrialScalar, perHire: TrialScalar

    /// The pools the engine runs (those with people), in its order
    /// (recruiters, then interviewers, each in the file's order), by the
    /// name the outputs use: `recruiters` / `recruiters.NAME`.
    public var diagnosedPools: [DiagnosedPool] {
        var out: [DiagnosedPool] = []
        for (role, list) in [(PoolRole.recruiters, recruiters), (.interviewers, interviewers)] {
            for p in list { if let p { out.append(DiagnosedPool(name: PoolRef(role: role, name: p.name).path, discipline: p.discipline)) } }
        }
        return out
    }

    /// Priority classes of the pools: offers (0) and one per stage of the
    /// longest requisition.
    public var poolClasses: Int { (requisitions.map(\.stages.count).max() ?? 0) + 1 }

    /// Seasonality (MODEL.md 21.6), piecewise constant by month: segment k
    /// runs from `seasonStarts[k]` (day 0, then the 1st of each month, until
    /// past the horizon; the last segment has no end) with the multiplier
    /// `seasonMultipliers[seasonMonths[k]]`. Empty where the scenario has
    /// no seasonality or every month is a fixed 1 (arrivals then draw
    /// exactly as without: `isSeasonal` false).
    let seasonStarts: [Double], seasonMonths: [Int]
    let seasonMultipliers: [TrialScalar]
    public var isSeasonal: Bool { !seasonStarts.isEmpty }

    /// Weeks in the timeline: 1 ... ceil(horizon / 7).
    public var weekCount: Int { Int((horizon / 7).rounded(.up)) }
    /// Also count the workload of every week (`TrialOutcome.weekly`), for
    /// `plan`'s workload.csv. Off by default: a normal run does not pay for it.
    public var countsWeekly = false

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        horizon = scenario.horizonDays
        let uncertain = scenario.uncertainParameters
        uncertainIDs = uncertain.map(\.id)
        uncertainPaths = uncertain.map(\.id.path)
        uncertainQuantities = uncertain.map(\.value)
        parameterStreams = uncertain.indices.map { UInt32($0) }
        var index: [ParameterID: Int] = [:]
        for (i, id) in uncertainIDs.enumerated() { index[id] = i }
        func scalar(_ id: ParameterID, _ q: Quantity) -> TrialScalar {
            if let i = index[id] { return .uncertain(i) }
            return .fixed(q.fixedValue)
        }

        // Days 0 ... floor(horizon) are covered, plus one so work can end
        // exactly at the horizon (MODEL.md 16.3, 17.12).
        let days = Int(scenario.horizonDays.rounded(.down)) + 2
        let workdays = Set(scenario.calendar.workdays)
        workdaysPerWeek = workdays.count
        var working = (0..<days).map { workdays.contains(scenario.start.adding(days: $0).weekday) }
        for h in scenario.calendar.holidays {
            let a = max(0, h.from - scenario.start), b = min(days - 1, h.to - scenario.start)
            if a <= b { for d in a...b { working[d] = false } }
        }
        workingDays = working

        if let season = scenario.calendar.seasonality, season.multipliers.contains(where: { $0.isUncertain || $0.fixedValue != 1 }) {
            seasonMultipliers = Month.allCases.map { scalar(.season($0), season[$0]) }
            var starts: [Double] = [0], months: [Int] = [scenario.start.components.month - 1]
            var (y, m, _) = scenario.start.components
            while starts.last! <= scenario.horizonDays {
                m += 1
                if m > 12 { m = 1; y += 1 }
                starts.append(Double(CivilDate(year: y, month: m, day: 1)! - scenario.start))
                months.append(m - 1)
            }
            seasonStarts = starts
            seasonMonths = months
        } else {
            seasonStarts = []; seasonMonths = []; seasonMultipliers = []
        }
        badDayProbability = scalar(.weather(.badDayProbability), scenario.weather.badDayProbability)
        noShowMultiplier = scalar(.weather(.noShowMultiplier), scenario.weather.noShowMultiplier)
        freezesPerYear = scalar(.budget(.freezesPerYear), scenario.budget.freezesPerYear)
        cancelProbability = scalar(.budget(.cancelProbability), scenario.budget.cancelProbability)
        freezeDays = scenario.budget.freezeDays
        approvalDays = scenario.budget.approvalDays
        freezeWindows = scenario.budget.freezeWindows
            .map { (start: Double($0.from - scenario.start), end: Double($0.to - scenario.start + 1)) }
            .filter { $0.start <= scenario.horizonDays }
        func pools(_ role: PoolRole) -> [CompiledPool?] {
            scenario.pools(role).map { p in
                guard p.count.integerValue > 0 else { return nil }
                return CompiledPool(name: p.name, count: Double(p.count.integerValue),
                                    hoursPerWeek: scalar(.pool(role, p.name, .hoursPerWeek), p.hoursPerWeek),
                                    discipline: p.discipline)
            }
        }
        recruiters = pools(.recruiters)
        interviewers = pools(.interviewers)
        poolOf = scenario.requisitions.map { r in
            (scenario.poolIndex(.recruiters, of: r) ?? -1, scenario.poolIndex(.interviewers, of: r) ?? -1)
        }
        recruiterHourly = scalar(.costs(.recruiterHourly), scenario.costs.recruiterHourly)
        interviewerHourly = scalar(.costs(.interviewerHourly), scenario.costs.interviewerHourly)
        perHire = scalar(.costs(.perHire), scenario.costs.perHire)

        requisitions = scenario.requisitions.map { r in
            func field(_ f: Requisition.Field, _ q: Quantity) -> TrialScalar { scalar(.requisition(r.name, f), q) }
            let stages = r.stages.map { s in
                func field(_ f: Stage.Field, _ q: Quantity) -> TrialScalar {
                    scalar(.stage(requisition: r.name, stage: s.name, f), q)
                }
                return CompiledStage(
                    name: s.name, interview: s.interview, hrWorkdays: s.hrWorkdays, recruiterHours: s.recruiterHours,
                    interviewerHours: s.interviewerHours,
                    noShow: s.interview ? field(.noShow, s.noShow) : .fixed(0),
                    pass: field(.pass, s.pass))
            }
            var check: CompiledCheck? = nil
            if let b = r.backgroundCheck {
                func field(_ f: BackgroundCheck.Field, _ q: Quantity) -> TrialScalar { scalar(.check(requisition: r.name, f), q) }
                check = CompiledCheck(workdays: b.workdays, fail: field(.fail, b.fail),
                                      falseFail: field(.falseFail, b.falseFail),
                                      dispute: field(.dispute, b.dispute), disputeDays: b.disputeDays,
                                      cost: field(.cost, b.cost))
            }
            let thresholds = BatchThresholds(r, openings: r.openings.integerValue, start: scenario.start)
            let onTimeBefore = thresholds.before.last ?? .infinity
            return CompiledRequisition(
                name: r.name, openings: r.openings.integerValue, opensDay: r.opensDay, onTimeBefore: onTimeBefore,
                competingOffersPerWeek: field(.competingOffersPerWeek, r.candidate.competingOffersPerWeek),
                replyDays: r.candidate.replyDays,
                contactFailure: field(.contactFailure, r.candidate.contactFailure),
                stages: stages, slateSize: r.decision.slateSize.integerValue, maxWaitDays: r.decision.maxWaitDays,
                offerWorkdays: r.offer.hrWorkdays, offerRecruiterHours: r.offer.recruiterHours,
                accept: field(.accept, r.offer.accept), responseDays: r.offer.responseDays,
                check: check, noticeDays: r.noticeDays, renege: field(.renege, r.renege),
                cohort: CohortStarts(r, start: scenario.start), thresholds: thresholds)
        }

        var sources: [CompiledSource] = [], ranges: [Range<Int>] = []
        for (i, r) in scenario.requisitions.enumerated() {
            let first = sources.count
            if r.sourcing.channels.isEmpty {
                func field(_ f: Requisition.Field, _ q: Quantity) -> TrialScalar { scalar(.requisition(r.name, f), q) }
                sources.append(CompiledSource(requisition: i, channel: 0, name: "",
                                              applicantsPerWeek: field(.applicantsPerWeek, r.sourcing.applicantsPerWeek),
                                              initialPool: r.sourcing.initialPool.integerValue,
                                              costPerApplicant: field(.costPerApplicant, r.sourcing.costPerApplicant),
                                              maxApplicants: r.sourcing.maxApplicants?.integerValue ?? Int.max, passFactor: .fixed(1)))
            }
            for (k, c) in r.sourcing.channels.enumerated() {
                func field(_ f: SourcingChannel.Field, _ q: Quantity) -> TrialScalar {
                    scalar(.channel(requisition: r.name, channel: c.name, f), q)
                }
                sources.append(CompiledSource(requisition: i, channel: k, name: c.name,
                                              applicantsPerWeek: field(.applicantsPerWeek, c.applicantsPerWeek),
                                              initialPool: c.initialPool.integerValue,
                                              costPerApplicant: field(.costPerApplicant, c.costPerApplicant),
                                              maxApplicants: c.maxApplicants?.integerValue ?? Int.max,
                                              passFactor: field(.passFactor, c.passFactor)))
            }
            ranges.append(first..<sources.count)
        }
        self.sources = sources
        sourceRange = ranges
        channelSources = scenario.requisitions.isEmpty ? [] : sources.indices.filter { !sources[$0].name.isEmpty }
        hasPassFactors = sources.contains {
            if case .fixed(let v) = $0.passFactor { return v != 1 }
            return true
        }
    }
}

extension SimulationModel {
    /// This model with each uncertain parameter drawing from the substream
    /// its identifier has in `base` (parameters `base` lacks take the substreams after
    /// all of `base`'s, in order). A changed scenario so aligned keeps the
    /// draws of every uncertain parameter it did not change, even where a
    /// change added or removed another one: common random numbers for
    /// tornado runs and interventions (MODEL.md 12, 17.17).
    public func aligningParameterStreams(with base: SimulationModel) -> SimulationModel {
        var aligned = self
        var next = UInt32(base.uncertainIDs.count)
        aligned.parameterStreams = uncertainIDs.map { id in
            if let i = base.uncertainIDs.firstIndex(of: id) { return UInt32(i) }
            defer { next += 1 }
            return next
        }
        return aligned
    }
}

/// A pool of the diagnostics (MODEL.md 21.4): its output name and discipline.
public struct DiagnosedPool: Sendable, Equatable {
    public var name: String
    public var discipline: PoolDiscipline
}

struct CompiledPool: Sendable {
    var name: String?
    var count: Double
    var hoursPerWeek: TrialScalar
    var discipline: PoolDiscipline
}

/// A stage compiled for the engine (immutable; a class so binding one costs
/// a retain, not a copy of every field).
public final class CompiledStage: Sendable {
    public let name: String
    let interview: Bool
    let hrWorkdays: Quantity, recruiterHours: Quantity, interviewerHours: Quantity
    let noShow: TrialScalar, pass: TrialScalar

    init(name: String, interview: Bool, hrWorkdays: Quantity, recruiterHours: Quantity, interviewerHours: Quantity, noShow: TrialScalar, pass: TrialScalar) {
        self.name = name
        self.interview = interview
        self.hrWorkdays = hrWorkdays
        self.recruiterHours = recruiterHours
        self.interviewerHours = interviewerHours
        self.noShow = noShow
        self.pass = pass
    }
}

final class CompiledCheck: Sendable {
    let workdays: Quantity
    let fail: TrialScalar, falseFail: TrialScalar, dispute: TrialScalar
    let disputeDays: Quantity
    let cost: TrialScalar

    init(workdays: Quantity, fail: TrialScalar, falseFail: TrialScalar, dispute: TrialScalar, disputeDays: Quantity, cost: TrialScalar) {
        self.workdays = workdays
        self.fail = fail
        self.falseFail = falseFail
        self.dispute = dispute
        self.disputeDays = disputeDays
        self.cost = cost
    }
}

/// A requisition compiled for the engine (immutable; a class so the event
/// loop binds it without copying its fields).
public final class CompiledRequisition: Sendable {
    public let name: String
    public let openings: Int
    public let opensDay: Double
    /// A start is on time when it happens before this instant (the end of
    /// the deadline day; +infinity: any start within the horizon).
    public let onTimeBefore: Double
    let competingOffersPerWeek: TrialScalar
    let replyDays: Quantity
    let contactFailure: TrialScalar
    public let stages: [CompiledStage]
    let slateSize: Int
    let maxWaitDays: Quantity?
    let offerWorkdays: Quantity, offerRecruiterHours: Quantity
    let accept: TrialScalar
    let responseDays: Quantity
    let check: CompiledCheck?
    let noticeDays: Quantity
    let renege: TrialScalar
    /// When a hire may start (MODEL.md 21.8).
    public let cohort: CohortStarts
    /// The on-time rule per batch of openings (21.9); one batch without batches.
    public let thresholds: BatchThresholds

    init(name: String, openings: Int, opensDay: Double, onTimeBefore: Double, competingOffersPerWeek: TrialScalar, replyDays: Quantity, contactFailure: TrialScalar, stages: [CompiledStage], slateSize: Int, maxWaitDays: Quantity?, offerWorkdays: Quantity, offerRecruiterHours: Quantity, accept: TrialScalar, responseDays: Quantity, check: CompiledCheck?, noticeDays: Quantity, renege: TrialScalar, cohort: CohortStarts, thresholds: BatchThresholds) {
        self.name = name
        self.openings = openings
        self.opensDay = opensDay
        self.onTimeBefore = onTimeBefore
        self.competingOffersPerWeek = competingOffersPerWeek
        self.replyDays = replyDays
        self.contactFailure = contactFailure
        self.stages = stages
        self.slateSize = slateSize
        self.maxWaitDays = maxWaitDays
        self.offerWorkdays = offerWorkdays
        self.offerRecruiterHours = offerRecruiterHours
        self.accept = accept
        self.responseDays = responseDays
        self.check = check
        self.noticeDays = noticeDays
        self.renege = renege
        self.cohort = cohort
        self.thresholds = thresholds
    }
}

/// One sourcing process (MODEL.md 4, 21.5): a channel of a requisition, or
/// its single mapping (`name` empty). Its own Poisson process, initial
/// pool, cost per applicant, cap, and the factor on its candidates' pass.
public struct CompiledSource: Sendable {
    public let requisition: Int, channel: Int
    public let name: String
    let applicantsPerWeek: TrialScalar
    let initialPool: Int
    let costPerApplicant: TrialScalar
    let maxApplicants: Int
    let passFactor: TrialScalar
}
