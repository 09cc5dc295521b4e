import Sampling

/// Validating a scenario built in code by the rules the YAML loader
/// applies (`ScenarioRules`, `Quantity.problem`, `Distribution.validated`):
/// the same messages at the same field paths, without a file or line.
extension Scenario {
    /// Every rule this scenario breaks, in the order of its fields; empty
    /// for a valid scenario. Each field's range is its identifier's kind
    /// (`ParameterID.kind`), whatever kind its `Quantity` carries.
    public var validationIssues: [ScenarioIssue] {
        var out: [ScenarioIssue] = []
        func issue(_ path: String, _ message: String, _ value: String? = nil) {
            out.append(ScenarioIssue(file: "", line: nil, path: path, message: message, value: value))
        }
        if let p = ScenarioRules.emptyNameProblem(name) { issue("name", p) }
        let horizonProblem = ScenarioRules.horizonProblem(horizonDays)
        if let p = horizonProblem { issue("horizon_days", p, Distribution.format(horizonDays)) }
        if trials < 1 { issue("trials", "must be at least 1", "\(trials)") }
        if calendar.workdays.isEmpty { issue("calendar.workdays", ScenarioRules.noWorkdays(), "[]") }
        for (i, d) in calendar.workdays.enumerated() where calendar.workdays[..<i].contains(d) {
            issue("calendar.workdays[\(i)]", ScenarioRules.dayListedTwice, d.name)
        }
        for (i, h) in calendar.holidays.enumerated() where h.to < h.from {
            issue(ScenarioRules.itemPath("calendar.holidays", name: h.name, index: i) + ".to",
                  ScenarioRules.holidayEndsBeforeStart(from: h.from), h.to.description)
        }

        for p in parameters {
            guard let q = p.value else { continue }
            var checked = q
            checked.kind = p.slot.id.kind
            if let problem = checked.problem { issue(p.slot.path, problem, Scenario.describe(q)) }
        }
        if let p = ScenarioRules.freezeDaysProblem(budget) {
            issue(ParameterID.budget(.freezeDays).path, p, "freezes_per_year \(Scenario.describe(budget.freezesPerYear))")
        }
        for p in ScenarioRules.freezeWindowProblems(budget.freezeWindows, start: start) {
            let w = budget.freezeWindows[p.index]
            issue(ScenarioRules.itemPath("budget.freeze_windows", name: w.name, index: p.index) + "." + p.field, p.message, p.value)
        }
        for role in PoolRole.allCases {
            let list = pools(role)
            for (i, pool) in list.enumerated() {
                let path = list.count == 1 && pool.name == nil ? role.rawValue
                    : ScenarioRules.itemPath(role.rawValue, name: pool.name, index: i)
                if list.count > 1, pool.name == nil { issue(path + ".name", ScenarioRules.unnamedPool(role)) }
                if let name = pool.name {
                    nameIssues(name, what: "pool", path: path, earlier: list[..<i].compactMap(\.name), reserved: [], issue)
                }
                if let p = ScenarioRules.poolHoursProblem(count: pool.count.integerValue, hours: pool.hoursPerWeek) {
                    issue(ParameterID.pool(role, pool.name, .hoursPerWeek).path, p, Scenario.describe(pool.hoursPerWeek))
                }
            }
        }

        if requisitions.isEmpty { issue("requisitions", ScenarioRules.noRequisitions, "[]") }
        let stageTemplate = Stage(name: "", pass: Quantity(0, kind: .probability))
        for (i, r) in requisitions.enumerated() {
            let path = ScenarioRules.itemPath("requisitions", name: r.name, index: i)
            nameIssues(r.name, what: "requisition", path: path, earlier: requisitions[..<i].map(\.name),
                       reserved: ScenarioRules.reservedRequisitionNames, issue)
            if r.opensDay < 0 { issue(path + ".opens_day", ScenarioRules.negativeOpensDay, Distribution.format(r.opensDay)) }
            for (k, c) in r.sourcing.channels.enumerated() {
                let cpath = ScenarioRules.itemPath(path + ".sourcing", name: c.name, index: k) + ".channel"
                if let p = ScenarioRules.emptyNameProblem(c.name) {
                    issue(cpath, p, nil)
                    continue
                }
                if let p = ScenarioRules.identifierProblem(c.name, what: "channel") {
                    issue(cpath, p, c.name)
                } else if c.name == ScenarioRules.allChannels {
                    issue(cpath, ScenarioRules.reservedChannelName, c.name)
                }
                if r.sourcing.channels[..<k].contains(where: { $0.name == c.name }) {
                    issue(cpath, ScenarioRules.duplicateName(c.name, what: "channel", firstLine: nil), c.name)
                }
            }
            if r.stages.isEmpty { issue(path + ".stages", ScenarioRules.noStages, "[]") }
            for role in PoolRole.allCases {
                if let name = r.poolName(role), let p = ScenarioRules.poolNameProblem(name, role: role, pools: pools(role)) {
                    issue(path + "." + role.rawValue, p, name)
                }
            }
            for (j, s) in r.stages.enumerated() {
                let spath = ScenarioRules.itemPath(path + ".stages", name: s.name, index: j)
                nameIssues(s.name, what: "stage", path: spath, earlier: r.stages[..<j].map(\.name), reserved: [], issue)
                for field in Stage.Field.allCases where field.isInterviewOnly && !s.interview {
                    let value = field.access.get(s)
                    if value != field.access.get(stageTemplate) {
                        issue(spath + "." + field.key, ScenarioRules.interviewOnly(field), value.map(Scenario.describe))
                    }
                }
            }
            cohortAndBatchIssues(r, path: path, checkDates: horizonProblem == nil && r.opensDay >= 0, issue)
            if horizonProblem == nil, r.opensDay >= 0 {
                switch ScenarioRules.dateProblem(opensDay: r.opensDay, deadline: r.deadline, start: start, horizon: horizonDays) {
                case .deadline(let message)?:
                    if let d = r.deadline { issue(path + ".deadline", message, "\(d), day \(d - start)") }
                case .opensDay(let message)?:
                    issue(path + ".opens_day", message, Distribution.format(r.opensDay))
                case nil:
                    break
                }
            }
        }
        return out
    }

    /// This scenario, or the error listing every rule it breaks.
    public func validated() throws(ScenarioError) -> Scenario {
        let issues = validationIssues
        guard issues.isEmpty else { throw ScenarioError(issues: issues) }
        return self
    }

    /// MODEL.md 21.8-21.9: cohort start days or dates (not both, dates on
    /// or after the start, none twice) and batches (counts >= 1, deadlines
    /// in order, each a valid deadline).
    private func cohortAndBatchIssues(_ r: Requisition, path: String, checkDates: Bool,
                                      _ issue: (String, String, String?) -> Void) {
        if !r.startDays.isEmpty && !r.startDates.isEmpty {
            issue(path + ".start_dates", ScenarioRules.startDaysAndDates, r.startDates.map(\.description).joined(separator: ", "))
        }
        for (i, d) in r.startDays.enumerated() where r.startDays[..<i].contains(d) {
            issue(path + ".start_days[\(i)]", ScenarioRules.dayListedTwice, d.name)
        }
        for (i, d) in r.startDates.enumerated() {
            if d < start { issue(path + ".start_dates[\(i)]", ScenarioRules.startDateBeforeStart(start: start), d.description) }
            if r.startDates[..<i].contains(d) { issue(path + ".start_dates[\(i)]", ScenarioRules.dateListedTwice, d.description) }
        }
        for (i, b) in r.batches.enumerated() {
            let bpath = path + ".openings[\(i)]"
            if b.count < 1 { issue(bpath + ".count", ScenarioRules.batchCountTooSmall, String(b.count)) }
            if i > 0, b.deadline <= r.batches[i - 1].deadline {
                issue(bpath + ".deadline", ScenarioRules.batchDeadlineOutOfOrder(previous: r.batches[i - 1].deadline), b.deadline.description)
            }
            if checkDates, case .deadline(let message)? = ScenarioRules.dateProblem(opensDay: r.opensDay, deadline: b.deadline,
                                                                                     start: start, horizon: horizonDays) {
                issue(bpath + ".deadline", message, "\(b.deadline), day \(b.deadline - start)")
            }
        }
    }

    /// A list item's name: not empty, a path segment, not reserved, unique.
    private func nameIssues(_ name: String, what: String, path: String, earlier: [String], reserved: [String],
                            _ issue: (String, String, String?) -> Void) {
        if let p = ScenarioRules.emptyNameProblem(name) {
            issue(path + ".name", p, nil)
            return
        }
        if let p = ScenarioRules.identifierProblem(name, what: what, reserved: reserved) { issue(path + ".name", p, name) }
        if earlier.contains(name) { issue(path + ".name", ScenarioRules.duplicateName(name, what: what, firstLine: nil), name) }
    }
}

extension ScenarioRules {
    /// The path of a list item: `list.NAME` where its name is an
    /// identifier, `list["free text"]` for another name, `list[index]`
    /// where it has none.
    public static func itemPath(_ list: String, name: String?, index: Int) -> String {
        guard let name, !name.isEmpty else { return list + "[\(index)]" }
        if isIdentifier(name) { return list + "." + name }
        return list + "[\"" + name + "\"]"
    }
}
