/// The numeric fields of each scenario section (MODEL.md section 15): key,
/// kind and where the value sits. The defaults are the ones the value types
/// declare (`Weather()`, `Stage(name:pass:)`, ...): the reader and the
/// schema take them from there.
extension Weather {
    public enum Field: String, QuantityField {
        case badDayProbability = "bad_day_probability"
        case noShowMultiplier = "no_show_multiplier"

        public var kind: QuantityKind { self == .badDayProbability ? .probability : .nonNegative }

        public var access: FieldAccess<Weather> {
            switch self {
            case .badDayProbability: return .value(\.badDayProbability)
            case .noShowMultiplier: return .value(\.noShowMultiplier)
            }
        }
    }
}

extension Budget {
    public enum Field: String, QuantityField {
        case approvalDays = "approval_days"
        case freezesPerYear = "freezes_per_year"
        case freezeDays = "freeze_days"
        case cancelProbability = "cancel_probability"

        public var kind: QuantityKind {
            switch self {
            case .approvalDays, .freezeDays: return .duration
            case .freezesPerYear: return .nonNegative
            case .cancelProbability: return .probability
            }
        }

        public var access: FieldAccess<Budget> {
            switch self {
            case .approvalDays: return .value(\.approvalDays)
            case .freezesPerYear: return .value(\.freezesPerYear)
            case .freezeDays: return .optional(\.freezeDays)
            case .cancelProbability: return .value(\.cancelProbability)
            }
        }
    }
}

extension Pool {
    public enum Field: String, QuantityField {
        case count
        case hoursPerWeek = "hours_per_week"

        public var kind: QuantityKind { self == .count ? .integer(minimum: 0) : .nonNegative }

        public var access: FieldAccess<Pool> { self == .count ? .value(\.count) : .value(\.hoursPerWeek) }
    }
}

extension Costs {
    public enum Field: String, QuantityField {
        case recruiterHourly = "recruiter_hourly"
        case interviewerHourly = "interviewer_hourly"
        case perHire = "per_hire"

        public var kind: QuantityKind { .nonNegative }

        public var access: FieldAccess<Costs> {
            switch self {
            case .recruiterHourly: return .value(\.recruiterHourly)
            case .interviewerHourly: return .value(\.interviewerHourly)
            case .perHire: return .value(\.perHire)
            }
        }
    }
}

extension Requisition {
    /// A requisition's own numeric fields and those of its sourcing,
    /// candidate, decision and offer sections (raw value: `section.key`);
    /// stages and the background check have their own.
    public enum Field: String, QuantityField {
        case openings
        case applicantsPerWeek = "sourcing.applicants_per_week"
        case initialPool = "sourcing.initial_pool"
        case costPerApplicant = "sourcing.cost_per_applicant"
        case maxApplicants = "sourcing.max_applicants"
        case competingOffersPerWeek = "candidate.competing_offers_per_week"
        case replyDays = "candidate.reply_days"
        case contactFailure = "candidate.contact_failure"
        case slateSize = "decision.slate_size"
        case maxWaitDays = "decision.max_wait_days"
        case offerWorkdays = "offer.hr_workdays"
        case offerRecruiterHours = "offer.recruiter_hours"
        case accept = "offer.accept"
        case responseDays = "offer.response_days"
        case noticeDays = "notice_days"
        case renege
        /// The day the requisition opens: a plain number, never a
        /// distribution, and in none of the visiting lists below, so
        /// interventions, the tornado and trials.csv do not reach it; only
        /// `plan` moves it (as a lever, `requisitions.NAME.opens_day`).
        case opensDay = "opens_day"

        /// The section the field is written in (nil: the requisition itself).
        public var section: String? {
            let parts = rawValue.split(separator: ".")
            return parts.count == 2 ? String(parts[0]) : nil
        }

        /// The fields written before the stages, between the stages and the
        /// background check, and after it (the file's order of sections).
        public static let beforeStages: [Field] = [.openings, .applicantsPerWeek, .initialPool, .costPerApplicant, .maxApplicants,
                                                   .competingOffersPerWeek, .replyDays, .contactFailure]
        public static let beforeCheck: [Field] = [.slateSize, .maxWaitDays, .offerWorkdays, .offerRecruiterHours, .accept, .responseDays]
        public static let afterCheck: [Field] = [.noticeDays, .renege]

        public var kind: QuantityKind {
            switch self {
            case .openings, .slateSize: return .integer(minimum: 1)
            case .maxApplicants: return .integer(minimum: 1)
            case .initialPool: return .integer(minimum: 0)
            case .applicantsPerWeek, .costPerApplicant, .competingOffersPerWeek: return .nonNegative
            case .replyDays, .maxWaitDays, .offerWorkdays, .offerRecruiterHours, .responseDays, .noticeDays: return .duration
            case .contactFailure, .accept, .renege: return .probability
            case .opensDay: return .nonNegative
            }
        }

        public var access: FieldAccess<Requisition> {
            switch self {
            case .openings: return .value(\.openings)
            case .applicantsPerWeek: return .value(\.sourcing.applicantsPerWeek)
            case .initialPool: return .value(\.sourcing.initialPool)
            case .costPerApplicant: return .value(\.sourcing.costPerApplicant)
            case .maxApplicants: return .optional(\.sourcing.maxApplicants)
            case .competingOffersPerWeek: return .value(\.candidate.competingOffersPerWeek)
            case .replyDays: return .value(\.candidate.replyDays)
            case .contactFailure: return .value(\.candidate.contactFailure)
            case .slateSize: return .value(\.decision.slateSize)
            case .maxWaitDays: return .optional(\.decision.maxWaitDays)
            case .offerWorkdays: return .value(\.offer.hrWorkdays)
            case .offerRecruiterHours: return .value(\.offer.recruiterHours)
            case .accept: return .value(\.offer.accept)
            case .responseDays: return .value(\.offer.responseDays)
            case .noticeDays: return .value(\.noticeDays)
            case .renege: return .value(\.renege)
            case .opensDay: return .value(\.opensDayQuantity)
            }
        }
    }
}

extension Stage {
    public enum Field: String, QuantityField {
        case hrWorkdays = "hr_workdays"
        case recruiterHours = "recruiter_hours"
        case interviewerHours = "interviewer_hours"
        case noShow = "no_show"
        case pass

        /// Fields only interview stages have.
        public var isInterviewOnly: Bool { self == .interviewerHours || self == .noShow }

        public var kind: QuantityKind { self == .noShow || self == .pass ? .probability : .duration }

        public var access: FieldAccess<Stage> {
            switch self {
            case .hrWorkdays: return .value(\.hrWorkdays)
            case .recruiterHours: return .value(\.recruiterHours)
            case .interviewerHours: return .value(\.interviewerHours)
            case .noShow: return .value(\.noShow)
            case .pass: return .value(\.pass)
            }
        }
    }
}

extension BackgroundCheck {
    public enum Field: String, QuantityField {
        case workdays
        case fail
        case falseFail = "false_fail"
        case dispute
        case disputeDays = "dispute_days"
        case cost

        public var kind: QuantityKind {
            switch self {
            case .workdays, .disputeDays: return .duration
            case .fail, .falseFail, .dispute: return .probability
            case .cost: return .nonNegative
            }
        }

        public var access: FieldAccess<BackgroundCheck> {
            switch self {
            case .workdays: return .value(\.workdays)
            case .fail: return .value(\.fail)
            case .falseFail: return .value(\.falseFail)
            case .dispute: return .value(\.dispute)
            case .disputeDays: return .value(\.disputeDays)
            case .cost: return .value(\.cost)
            }
        }
    }
}

extension Requisition {
    /// `opensDay` as a constant quantity, for `Requisition.Field.opensDay`'s
    /// access; setting it keeps the quantity's adjusted fixed value.
    public var opensDayQuantity: Quantity {
        get { Quantity(opensDay, kind: .nonNegative) }
        set { opensDay = newValue.fixedValue }
    }
}

extension SourcingChannel {
    /// A channel's fields (MODEL.md 21.5), in the file's order.
    public enum Field: String, QuantityField {
        case applicantsPerWeek = "applicants_per_week"
        case initialPool = "initial_pool"
        case costPerApplicant = "cost_per_applicant"
        case maxApplicants = "max_applicants"
        case passFactor = "pass_factor"

        public var kind: QuantityKind {
            switch self {
            case .initialPool: return .integer(minimum: 0)
            case .maxApplicants: return .integer(minimum: 1)
            case .applicantsPerWeek, .costPerApplicant, .passFactor: return .nonNegative
            }
        }

        public var access: FieldAccess<SourcingChannel> {
            switch self {
            case .applicantsPerWeek: return .value(\.applicantsPerWeek)
            case .initialPool: return .value(\.initialPool)
            case .costPerApplicant: return .value(\.costPerApplicant)
            case .maxApplicants: return .optional(\.maxApplicants)
            case .passFactor: return .value(\.passFactor)
            }
        }
    }
}
