/// The per-trial counts of one requisition (MODEL.md section 11), indexed
/// by `Counter` so they aggregate as flat arrays.
public enum Counter: Int, CaseIterable, Sendable {
    case applicants, contactFailures, noShows, withdrawn, rejected, offers, declines
    case bgFail, bgFalseFail, reneges, released, cancelled, filled, onTime
    case recruiterHours, interviewerHours, cost
    /// Funnel steps after the stages.
    case finalists, decisionWithdrawn, accepted, checks, checksPassed, noticeStarted
    /// Waiting finalists and unanswered offers released (covered or cancelled).
    case releasedFinalists, releasedOffers
    /// Starts by the end of the deadline day (the horizon where there is none).
    case filledByDeadline
}

/// What one trial produced for one requisition.
public struct RequisitionOutcome: Sendable {
    public var counters: [Double]
    /// Per stage: entered, passed, no-shows, withdrawn, contact failures,
    /// rejected, released (covered or cancelled while in the stage).
    public var stageEntered: [Double], stagePassed: [Double], stageNoShows: [Double]
    public var stageWithdrawn: [Double], stageContactFailures: [Double], stageRejected: [Double]
    public var stageReleased: [Double]
    /// Days from opening to the accepted offer, one per start (in start order).
    public var fillTimes: [Double] = []
    /// Days from opening to the start, one per start.
    public var startTimes: [Double] = []
    /// Absolute start times (days since the plan's start), for the timeline.
    public var startInstants: [Double] = []
    /// Days from the requisition's opening to the horizon: where an opening
    /// not filled is censored in the restricted mean (`time_to_fill_restricted`).
    public var censorDays: Double = .infinity
    /// The requisition's openings (for the restricted mean).
    public var openings = 0

    public init(stageCount: Int) {
        counters = Array(repeating: 0, count: Counter.allCases.count)
        stageEntered = Array(repeating: 0, count: stageCount)
        stagePassed = stageEntered; stageNoShows = stageEntered
        stageWithdrawn = stageEntered; stageContactFailures = stageEntered; stageRejected = stageEntered
        stageReleased = stageEntered
    }

    /// The restricted times to fill of every opening: min(T, censorDays),
    /// an opening not filled counting as `censorDays`; their sum.
    public func restrictedFillSum() -> Double {
        fillTimes.reduce(0, +) + Double(max(0, openings - fillTimes.count)) * censorDays
    }

    public subscript(_ c: Counter) -> Double {
        get { counters[c.rawValue] }
        set { counters[c.rawValue] = newValue }
    }

    mutating func reset() {
        for i in counters.indices { counters[i] = 0 }
        for i in stageEntered.indices {
            stageEntered[i] = 0; stagePassed[i] = 0; stageNoShows[i] = 0
            stageWithdrawn[i] = 0; stageContactFailures[i] = 0; stageRejected[i] = 0
            stageReleased[i] = 0
        }
        fillTimes.removeAll(keepingCapacity: true)
        startTimes.removeAll(keepingCapacity: true)
        startInstants.removeAll(keepingCapacity: true)
    }
}

/// What one trial produced: per requisition, plus the uncertain parameters' values.
public struct TrialOutcome: Sendable {
    public var requisitions: [RequisitionOutcome]
    /// The uncertain parameters drawn (or set) for this trial, in
    /// `Scenario.uncertainParameters` order.
    public var parameters: [Double]
    /// Events processed, for the benchmark.
    public var events: Int = 0
    /// Only where `SimulationModel.countsWeekly`: the workload per
    /// requisition, week and measure, flat:
    /// weekly[(r * weekCount + week) * WeeklyMeasure.count + measure]; else empty.
    public var weekly: [Double] = []
    /// Pool diagnostics (MODEL.md 21.4), for every pool with people
    /// (`SimulationModel.diagnosedPools` order): the working days each
    /// week of the horizon had (the work clock's advance, freezes and
    /// holidays taken out; the last week ends at the horizon), each pool's
    /// busy working days per week (poolBusy[p * weekCount + week]), and
    /// every request a pool took with its wait.
    public var weekAvailable: [Double] = []
    public var poolBusy: [Double] = []
    public var poolWaits: [PoolWait] = []
    /// Per channel (`SimulationModel.channelSources` order): what its
    /// candidates did, counted as a requisition's are (stage counts, the
    /// funnel's counters, hours, hires) with its cost: the channel's
    /// applicants at its cost per applicant, its candidates' recruiter and
    /// interviewer hours, checks and per-hire costs. The requisition-only
    /// counters (cancelled, on time, by deadline, released) stay 0.
    public var channels: [RequisitionOutcome] = []

    public init(model: SimulationModel) {
        requisitions = model.requisitions.map { r in
            var o = RequisitionOutcome(stageCount: r.stages.count)
            o.censorDays = max(0, model.horizon - r.opensDay)
            o.openings = r.openings
            return o
        }
        parameters = Array(repeating: 0, count: model.uncertainPaths.count)
        if model.countsWeekly {
            weekly = Array(repeating: 0, count: model.requisitions.count * model.weekCount * WeeklyMeasure.allCases.count)
        }
        channels = model.channelSources.map { k in
            RequisitionOutcome(stageCount: model.requisitions[model.sources[k].requisition].stages.count)
        }
        weekAvailable = Array(repeating: 0, count: model.weekCount)
        poolBusy = Array(repeating: 0, count: model.diagnosedPools.count * model.weekCount)
    }
}

/// One request a pool took (MODEL.md 21.4): the pool (index into
/// `SimulationModel.diagnosedPools`), its priority class (0 an offer, 1 a
/// requisition's last stage, 2 the one before, ...) and its wait from the
/// request to the start of its service, in working days (0 where the pool
/// took it at once).
public struct PoolWait: Sendable, Equatable {
    public var pool: UInt16
    public var priorityClass: UInt16
    public var days: Double
    public init(pool: UInt16, priorityClass: UInt16, days: Double) {
        self.pool = pool; self.priorityClass = priorityClass; self.days = days
    }
}

/// What `SimulationModel.countsWeekly` counts per week (by the week of the
/// event: an applicant's arrival, a first-stage entry, the interview's
/// slot, the offer, the request of recruiter or interviewer hours).
public enum WeeklyMeasure: Int, CaseIterable, Sendable {
    case applicants, screens, interviews, offers, recruiterHours, interviewerHours

    public static let count = allCases.count

    /// The name in workload.csv.
    public var name: String {
        switch self {
        case .applicants: return "applicants"
        case .screens: return "screens"
        case .interviews: return "interviews"
        case .offers: return "offers"
        case .recruiterHours: return "recruiter_hours"
        case .interviewerHours: return "interviewer_hours"
        }
    }
}
