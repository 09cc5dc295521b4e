import Sampling

/// One hiring plan, as a scenario file describes it (MODEL.md section 15).
///
/// Built by the YAML loader (`ScenarioLoader` in ScenarioYAML) or in code;
/// either way it is checked by the same rules (`validationIssues`, which the
/// loader's messages share), and the engine trusts a checked one. Every
/// numeric leaf is a `Quantity` so interventions and sensitivity runs can
/// change any of them through `visitParameters` (MODEL.md section 13).
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var start: CivilDate
    public var horizonDays: Double
    public var trials: Int
    public var seed: UInt64
    public var calendar: CalendarSpec
    public var weather: Weather
    public var budget: Budget
    /// The recruiter pools (MODEL.md 21.1): empty means no limit; one
    /// unnamed pool is the single form (`recruiters: {count, ...}`), a
    /// list of named pools the list form.
    public var recruiterPools: [Pool]
    /// The interviewer pools, as `recruiterPools`.
    public var interviewerPools: [Pool]
    public var costs: Costs
    public var requisitions: [Requisition]
    public var interventions: [Intervention]

    public init(name: String, start: CivilDate, horizonDays: Double = 365, trials: Int = 10_000, seed: UInt64 = 1,
                calendar: CalendarSpec = CalendarSpec(), weather: Weather = Weather(), budget: Budget = Budget(),
                recruiters: Pool? = nil, interviewers: Pool? = nil, costs: Costs = Costs(),
                requisitions: [Requisition], interventions: [Intervention] = []) {
        self.name = name; self.start = start; self.horizonDays = horizonDays; self.trials = trials; self.seed = seed
        self.calendar = calendar; self.weather = weather; self.budget = budget
        self.recruiterPools = recruiters.map { [$0] } ?? []; self.interviewerPools = interviewers.map { [$0] } ?? []
        self.costs = costs
        self.requisitions = requisitions; self.interventions = interventions
    }

    /// Requisitions by name.
    public func requisition(named name: String) -> Requisition? { requisitions.first { $0.name == name } }

    /// The first recruiter pool (the only one in the single form); nil: no
    /// limit. Setting it replaces the first pool (nil removes every pool).
    public var recruiters: Pool? {
        get { recruiterPools.first }
        set { Scenario.setFirst(&recruiterPools, newValue) }
    }

    /// The first interviewer pool, as `recruiters`.
    public var interviewers: Pool? {
        get { interviewerPools.first }
        set { Scenario.setFirst(&interviewerPools, newValue) }
    }

    private static func setFirst(_ list: inout [Pool], _ pool: Pool?) {
        guard let pool else { list = []; return }
        if list.isEmpty { list = [pool] } else { list[0] = pool }
    }

    /// The first recruiter or interviewer pool (nil: no limit).
    public func pool(_ role: PoolRole) -> Pool? { pools(role).first }

    /// Every pool of a role, in the file's order (empty: no limit).
    public func pools(_ role: PoolRole) -> [Pool] { role == .recruiters ? recruiterPools : interviewerPools }

    /// The pools of a role, writable.
    public static func poolsKeyPath(_ role: PoolRole) -> WritableKeyPath<Scenario, [Pool]> {
        if role == .recruiters { return \Scenario.recruiterPools }
        return \Scenario.interviewerPools
    }

    /// The index of the pool of `role` that requisition `r` draws on
    /// (MODEL.md 21.1: the pool it names, else the first); nil where the
    /// role has no pool or the name matches none.
    public func poolIndex(_ role: PoolRole, of r: Requisition) -> Int? {
        let list = pools(role)
        guard !list.isEmpty else { return nil }
        guard let name = r.poolName(role) else { return 0 }
        return list.firstIndex { $0.name == name }
    }
}

public struct CalendarSpec: Sendable, Equatable {
    /// Weekdays that are working days (default Monday to Friday).
    public var workdays: [Weekday]
    public var holidays: [Holiday]
    /// Month multipliers on every applicant rate (MODEL.md 21.6); nil: none
    /// (every month 1, and no `calendar.seasonality.*` paths).
    public var seasonality: Seasonality? = nil

    public init(workdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri], holidays: [Holiday] = []) {
        self.workdays = workdays; self.holidays = holidays
    }
}

/// Month multipliers on the applicant rates (MODEL.md 21.6): on day d the
/// rate is the written rate times the multiplier of d's month. A month not
/// written is 1. Each is a `D >= 0` (a distribution is an uncertain
/// parameter, drawn once per trial).
public struct Seasonality: Sendable, Equatable {
    /// By month, January first.
    public var multipliers: [Quantity] = Array(repeating: Quantity(1, kind: .nonNegative), count: 12)

    public init() {}

    public subscript(month: Month) -> Quantity {
        get { multipliers[month.rawValue - 1] }
        set { multipliers[month.rawValue - 1] = newValue }
    }
}

/// A holiday range, inclusive of both dates.
public struct Holiday: Sendable, Equatable {
    public var name: String
    public var from: CivilDate
    public var to: CivilDate

    public init(name: String, from: CivilDate, to: CivilDate) { self.name = name; self.from = from; self.to = to }
}

public struct Weather: Sendable, Equatable {
    public var badDayProbability = Quantity(0, kind: .probability)
    public var noShowMultiplier = Quantity(1, kind: .nonNegative)
    public init() {}
}

public struct Budget: Sendable, Equatable {
    /// Calendar days from opening until offers may go out; drawn per requisition and trial.
    public var approvalDays = Quantity(0, kind: .duration)
    public var freezesPerYear = Quantity(0, kind: .nonNegative)
    /// Drawn once per freeze; required when freezes can happen.
    public var freezeDays: Quantity? = nil
    public var cancelProbability = Quantity(0, kind: .probability)
    /// Known freezes (MODEL.md 21.7), in addition to the random ones: each
    /// stops the work clock, pauses sourcing and draws cancellations at its
    /// start exactly like a random freeze.
    public var freezeWindows: [FreezeWindow] = []
    public init() {}
}

/// A known budget freeze (MODEL.md 21.7): from 00:00 of `from` to 24:00 of
/// `to` (dates inclusive), on or after the plan's start; the windows of a
/// plan do not overlap (`ScenarioRules.freezeWindowProblems`).
public struct FreezeWindow: Sendable, Equatable {
    public var name: String
    public var from: CivilDate
    public var to: CivilDate

    public init(name: String, from: CivilDate, to: CivilDate) { self.name = name; self.from = from; self.to = to }
}

/// A capacity pool: a single server on the work clock (MODEL.md sections
/// 9 and 21.2) that takes waiting requests by its `discipline`. A count of
/// 0 means no limit.
public struct Pool: Sendable, Equatable {
    /// The pool's name in the list form (MODEL.md 21.1); nil in the single form.
    public var name: String? = nil
    public var count: Quantity
    public var hoursPerWeek: Quantity
    public var discipline = PoolDiscipline.priority

    public init(count: Int, hoursPerWeek: Quantity, name: String? = nil) {
        self.count = Quantity(Double(count), kind: .integer(minimum: 0)); self.hoursPerWeek = hoursPerWeek
        self.name = name
    }
}

/// The order in which a busy pool takes waiting requests (MODEL.md 21.2):
/// `priority` (offers, then later stages before earlier ones, the
/// requisitions taking turns) or `fifo` (request-time order, section 9).
public enum PoolDiscipline: String, Sendable, Equatable, CaseIterable {
    case priority, fifo
}

public struct Costs: Sendable, Equatable {
    public var recruiterHourly = Quantity(0, kind: .nonNegative)
    public var interviewerHourly = Quantity(0, kind: .nonNegative)
    public var perHire = Quantity(0, kind: .nonNegative)
    public init() {}
}

/// One position to fill (possibly several openings) with its own funnel.
public struct Requisition: Sendable, Equatable {
    public var name: String
    public var openings = Quantity(1, kind: .integer(minimum: 1))
    /// Day (since the plan's start) the requisition opens.
    public var opensDay: Double = 0
    /// Last day by which every opening should have started; nil: the horizon.
    public var deadline: CivilDate? = nil
    public var sourcing: Sourcing
    public var candidate = CandidateBehaviour()
    public var stages: [Stage]
    public var decision = Decision()
    public var offer: Offer
    public var backgroundCheck: BackgroundCheck? = nil
    public var noticeDays = Quantity(0, kind: .duration)
    public var renege = Quantity(0, kind: .probability)
    /// The recruiter pool it draws on, by name (MODEL.md 21.1); nil: the first.
    public var recruiterPool: String? = nil
    /// The interviewer pool it draws on, by name; nil: the first.
    public var interviewerPool: String? = nil

    /// The pool of `role` it names (nil: the first of the list).
    public func poolName(_ role: PoolRole) -> String? { role == .recruiters ? recruiterPool : interviewerPool }

    public init(name: String, sourcing: Sourcing, stages: [Stage], offer: Offer) {
        self.name = name; self.sourcing = sourcing; self.stages = stages; self.offer = offer
    }
}

public struct Sourcing: Sendable, Equatable {
    /// Applicants per calendar week (a Poisson process).
    public var applicantsPerWeek: Quantity
    public var initialPool = Quantity(0, kind: .integer(minimum: 0))
    public var costPerApplicant = Quantity(0, kind: .nonNegative)
    /// nil: no limit.
    public var maxApplicants: Quantity? = nil

    public init(applicantsPerWeek: Quantity) { self.applicantsPerWeek = applicantsPerWeek }
}

public struct CandidateBehaviour: Sendable, Equatable {
    public var competingOffersPerWeek = Quantity(0, kind: .nonNegative)
    public var replyDays = Quantity(0, kind: .duration)
    public var contactFailure = Quantity(0, kind: .probability)
    public init() {}
}

public struct Stage: Sendable, Equatable {
    public var name: String
    public var interview: Bool = false
    public var hrWorkdays = Quantity(0, kind: .duration)
    public var recruiterHours = Quantity(0, kind: .duration)
    /// Interview stages only.
    public var interviewerHours = Quantity(0, kind: .duration)
    /// Interview stages only.
    public var noShow = Quantity(0, kind: .probability)
    public var pass: Quantity

    public init(name: String, interview: Bool = false, pass: Quantity) {
        self.name = name; self.interview = interview; self.pass = pass
    }
}

public struct Decision: Sendable, Equatable {
    public var slateSize = Quantity(1, kind: .integer(minimum: 1))
    /// Drawn once per finalist; nil: no limit.
    public var maxWaitDays: Quantity? = nil
    public init() {}
}

public struct Offer: Sendable, Equatable {
    public var hrWorkdays = Quantity(0, kind: .duration)
    public var recruiterHours = Quantity(0, kind: .duration)
    public var accept: Quantity
    public var responseDays = Quantity(0, kind: .duration)

    public init(accept: Quantity) { self.accept = accept }
}

public struct BackgroundCheck: Sendable, Equatable {
    public var workdays = Quantity(0, kind: .duration)
    public var fail = Quantity(0, kind: .probability)
    public var falseFail = Quantity(0, kind: .probability)
    public var dispute = Quantity(0, kind: .probability)
    public var disputeDays = Quantity(0, kind: .duration)
    public var cost = Quantity(0, kind: .nonNegative)
    public init() {}
}

/// A named set of parameter changes (MODEL.md section 13).
public struct Intervention: Sendable, Equatable {
    public var name: String
    public var changes: [ParameterChange]

    public init(name: String, changes: [ParameterChange]) { self.name = name; self.changes = changes }
}

/// One change of an intervention: which paths, and how.
public struct ParameterChange: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        /// Replace the value with this distribution (a number is `.constant`).
        case replace(Distribution)
        /// Multiply every draw (`"x0.6"`).
        case multiply(Double)
        /// Add to every draw (`"+2"`).
        case add(Double)
    }

    /// A path pattern; `*` matches one segment.
    public var pattern: String
    public var operation: Operation

    public init(pattern: String, operation: Operation) { self.pattern = pattern; self.operation = operation }

    /// A change of the one parameter `id`.
    public init(_ id: ParameterID, _ operation: Operation) { self.init(pattern: id.path, operation: operation) }
}
