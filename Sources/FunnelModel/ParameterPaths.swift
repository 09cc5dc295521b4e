/// Where a numeric leaf of a scenario sits (MODEL.md section 13): its path
/// built from keys and list items' names, and what kind of value it holds.
public struct ParameterSlot: Sendable, Equatable {
    public var path: String
    /// A "no limit" field (absent pool, `max_applicants`, `max_wait_days`):
    /// it can be set to a number but not multiplied or added to.
    public var isOptional: Bool

    public init(path: String, isOptional: Bool = false) { self.path = path; self.isOptional = isOptional }
}

extension Scenario {
    /// Visits every numeric leaf in a fixed order (the file's order of
    /// fields), with its path, letting the visitor change it. Optional
    /// fields are visited as nil where absent.
    public mutating func visitParameters<E: Error>(
        _ visit: (ParameterSlot, inout Quantity?) throws(E) -> Void
    ) throws(E) {
        func required(_ path: String, _ q: inout Quantity) throws(E) {
            var o: Quantity? = q
            try visit(ParameterSlot(path: path), &o)
            if let o { q = o }
        }
        func optional(_ path: String, _ q: inout Quantity?) throws(E) {
            try visit(ParameterSlot(path: path, isOptional: true), &q)
        }
        try required("weather.bad_day_probability", &weather.badDayProbability)
        try required("weather.no_show_multiplier", &weather.noShowMultiplier)
        try required("budget.approval_days", &budget.approvalDays)
        try required("budget.freezes_per_year", &budget.freezesPerYear)
        try optional("budget.freeze_days", &budget.freezeDays)
        try required("budget.cancel_probability", &budget.cancelProbability)
        for (label, keyPath) in [("recruiters", \Scenario.recruiters), ("interviewers", \Scenario.interviewers)] {
            var count = self[keyPath: keyPath]?.count
            var hours = self[keyPath: keyPath]?.hoursPerWeek
            try visit(ParameterSlot(path: "\(label).count", isOptional: self[keyPath: keyPath] == nil), &count)
            try visit(ParameterSlot(path: "\(label).hours_per_week", isOptional: self[keyPath: keyPath] == nil), &hours)
            if let count, let hours {
                self[keyPath: keyPath] = Pool(count: 0, hoursPerWeek: hours)
                self[keyPath: keyPath]!.count = count
            }
        }
        try required("costs.recruiter_hourly", &costs.recruiterHourly)
        try required("costs.interviewer_hourly", &costs.interviewerHourly)
        try required("costs.per_hire", &costs.perHire)
        for r in requisitions.indices {
            let p = "requisitions.\(requisitions[r].name)"
            try required("\(p).openings", &requisitions[r].openings)
            try required("\(p).sourcing.applicants_per_week", &requisitions[r].sourcing.applicantsPerWeek)
            try required("\(p).sourcing.initial_pool", &requisitions[r].sourcing.initialPool)
            try required("\(p).sourcing.cost_per_applicant", &requisitions[r].sourcing.costPerApplicant)
            try optional("\(p).sourcing.max_applicants", &requisitions[r].sourcing.maxApplicants)
            try required("\(p).candidate.competing_offers_per_week", &requisitions[r].candidate.competingOffersPerWeek)
            try required("\(p).candidate.reply_days", &requisitions[r].candidate.replyDays)
            try required("\(p).candidate.contact_failure", &requisitions[r].candidate.contactFailure)
            for s in requisitions[r].stages.indices {
                let sp = "\(p).stages.\(requisitions[r].stages[s].name)"
                try required("\(sp).hr_workdays", &requisitions[r].stages[s].hrWorkdays)
                try required("\(sp).recruiter_hours", &requisitions[r].stages[s].recruiterHours)
                if requisitions[r].stages[s].interview {
                    try required("\(sp).interviewer_hours", &requisitions[r].stages[s].interviewerHours)
                    try required("\(sp).no_show", &requisitions[r].stages[s].noShow)
                }
                try required("\(sp).pass", &requisitions[r].stages[s].pass)
            }
            try required("\(p).decision.slate_size", &requisitions[r].decision.slateSize)
            try optional("\(p).decision.max_wait_days", &requisitions[r].decision.maxWaitDays)
            try required("\(p).offer.hr_workdays", &requisitions[r].offer.hrWorkdays)
            try required("\(p).offer.recruiter_hours", &requisitions[r].offer.recruiterHours)
            try required("\(p).offer.accept", &requisitions[r].offer.accept)
            try required("\(p).offer.response_days", &requisitions[r].offer.responseDays)
            if requisitions[r].backgroundCheck != nil {
                let bp = "\(p).background_check"
                try required("\(bp).workdays", &requisitions[r].backgroundCheck!.workdays)
                try required("\(bp).fail", &requisitions[r].backgroundCheck!.fail)
                try required("\(bp).false_fail", &requisitions[r].backgroundCheck!.falseFail)
                try required("\(bp).dispute", &requisitions[r].backgroundCheck!.dispute)
                try required("\(bp).dispute_days", &requisitions[r].backgroundCheck!.disputeDays)
                try required("\(bp).cost", &requisitions[r].backgroundCheck!.cost)
            }
            try required("\(p).notice_days", &requisitions[r].noticeDays)
            try required("\(p).renege", &requisitions[r].renege)
        }
    }

    /// Every numeric leaf with its current value (nil: a "no limit" field).
    public var parameters: [(slot: ParameterSlot, value: Quantity?)] {
        var copy = self
        var out: [(ParameterSlot, Quantity?)] = []
        copy.visitParameters { (slot, q) throws(Never) in out.append((slot, q)) }
        return out
    }

    /// The uncertain parameters (distributions drawn once per trial), in
    /// visiting order: the columns of `trials.csv` and the inputs of the
    /// global sensitivity analysis.
    public var uncertainParameters: [(path: String, value: Quantity)] {
        parameters.compactMap { p in
            guard let q = p.value, q.isUncertain else { return nil }
            return (p.slot.path, q)
        }
    }
}

/// Path patterns: dot-separated segments where `*` matches any one segment.
public enum PathPattern {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let a = pattern.split(separator: ".", omittingEmptySubsequences: false)
        let b = path.split(separator: ".", omittingEmptySubsequences: false)
        return a.count == b.count && zip(a, b).allSatisfy { $0 == "*" || $0 == $1 }
    }
}
