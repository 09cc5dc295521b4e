import FunnelModel

/// What is wrong with an as-of instant or with a history for a scenario:
/// one line each, naming the file, the line where there is one, and the value.
public enum AsOfError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The history itself is wrong, or does not fit the scenario (a
    /// requisition it lacks, a stage not in the funnel): the reader's error.
    case history(HistoryError)
    /// D is before the first event of the history (the file and line of that event).
    case beforeFirstEvent(asOf: String, first: String, file: String, line: Int)
    /// D is before the scenario's `start`.
    case beforeStart(asOf: String, start: String, scenario: String)
    /// D is after the plan's horizon (start + horizon_days).
    case afterHorizon(asOf: String, horizonEnd: String, scenario: String)
    /// D is after a file's `exported` row: what happened between is unknown.
    case afterExport(asOf: String, exported: String, file: String)

    public var description: String {
        switch self {
        case .history(let e): return e.description
        case .beforeFirstEvent(let d, let first, let file, let line):
            return "\(file):\(line): --as-of \(d) is before the history's first event (\(first)); nothing is known at that instant"
        case .beforeStart(let d, let start, let scenario):
            return "\(scenario): --as-of \(d) is before the plan's start (\(start))"
        case .afterHorizon(let d, let end, let scenario):
            return "\(scenario): --as-of \(d) is after the plan's horizon (start + horizon_days = \(end))"
        case .afterExport(let d, let exported, let file):
            return "\(file): --as-of \(d) is after the history's exported row (\(exported)); what happened since is unknown"
        }
    }
}

extension AsOfState {
    /// Reads the history files at `paths` up to D (`asOf`, a `HistoryTime`
    /// instant: a date is 00:00 that day) against `scenario` (named
    /// `scenarioFile` in errors): the history's requisitions must be the
    /// scenario's and its stages those of their funnels.
    public static func read(paths: [String], asOf: HistoryTime, scenario: Scenario,
                            scenarioFile: String) throws(AsOfError) -> AsOfState {
        let log: HistoryLog
        do {
            log = try HistoryLog.read(paths: paths, asOf: asOf.days, template: template(scenario))
        } catch { throw .history(reworded(error)) }
        return try build(log: log, asOf: asOf, scenario: scenario, scenarioFile: scenarioFile)
    }

    /// The same from texts in memory: (file name, text) pairs.
    public static func read(texts: [(file: String, text: String)], asOf: HistoryTime, scenario: Scenario,
                            scenarioFile: String) throws(AsOfError) -> AsOfState {
        let log: HistoryLog
        do {
            log = try HistoryLog.read(texts: texts, asOf: asOf.days, template: template(scenario))
        } catch { throw .history(reworded(error)) }
        return try build(log: log, asOf: asOf, scenario: scenario, scenarioFile: scenarioFile)
    }

    /// The reader calls the stage lists its template; here they are the scenario's.
    static func reworded(_ e: HistoryError) -> HistoryError {
        guard case .notInTemplate(let v, let why) = e.problem else { return e }
        var e = e
        e.problem = .notInTemplate(v, reason: why.replacing("the template", with: "the scenario"))
        return e
    }

    /// Each scenario requisition's stage names, in order: the reader's template.
    public static func template(_ scenario: Scenario) -> [String: [String]] {
        Dictionary(scenario.requisitions.map { ($0.name, $0.stages.map(\.name)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The state at D of a history read with `as_of` = D against `scenario`'s template.
    public static func build(log: HistoryLog, asOf: HistoryTime, scenario: Scenario,
                             scenarioFile: String) throws(AsOfError) -> AsOfState {
        let d = asOf.days
        let start = Double(scenario.start.dayNumber)
        let shown = asOf.description
        if d < start {
            throw .beforeStart(asOf: shown, start: scenario.start.description, scenario: scenarioFile)
        }
        if d - start > scenario.horizonDays {
            let end = HistoryTime(days: start + scenario.horizonDays)
            throw .afterHorizon(asOf: shown, horizonEnd: end.description, scenario: scenarioFile)
        }
        if let first = log.firstRow, d < first.time.days {
            throw .beforeFirstEvent(asOf: shown, first: first.time.description, file: first.file, line: first.line)
        }
        if let x = log.exportedRows.first(where: { d > $0.time.days }) {
            throw .afterExport(asOf: shown, exported: x.time.description, file: x.file)
        }
        func plan(_ t: HistoryTime) -> Double { t.days - start }
        func plan(_ t: HistoryTime?) -> Double? { t.map { $0.days - start } }

        var requisitions: [RequisitionAsOf] = []
        for spec in scenario.requisitions {
            var r = RequisitionAsOf(name: spec.name)
            guard let h = log.requisition(spec.name) else { requisitions.append(r); continue }
            r.opened = plan(h.opened)
            r.approved = plan(h.approved)
            r.cancelled = plan(h.cancelled)
            // First appearance in time; equal instants keep the log's order.
            let ordered = h.candidates.enumerated().sorted { a, b in
                a.element.first.days != b.element.first.days ? a.element.first.days < b.element.first.days : a.offset < b.offset
            }.map(\.element)
            r.candidatesSeen = ordered.count
            r.applicants = ordered.count
            let checks = spec.backgroundCheck != nil
            for (index, p) in ordered.enumerated() {
                if let o = p.offer {
                    r.offers += 1
                    if o.accepted != nil && o.checkFailed == nil && p.reneged == nil { r.accepted += 1 }
                }
                if let s = p.started {
                    r.filled.append((accepted: plan(p.offer?.accepted ?? s), started: plan(s)))
                    continue
                }
                guard p.end == nil else { continue }
                let position = Self.position(p, stages: spec.stages, checks: checks, plan: plan)
                r.inFlight.append(CandidateAsOf(name: p.name, streamIndex: index,
                                                applied: plan(p.applied ?? p.first), position: position))
            }
            requisitions.append(r)
        }
        let freezes = log.freezes.map { FreezeAsOf(id: $0.id, start: plan($0.started), end: plan($0.ended)) }
            .sorted { $0.start < $1.start }
        return AsOfState(asOf: d - start, instant: asOf, requisitions: requisitions, freezes: freezes)
    }

    /// Where an in-flight path stands at D (MODEL.md 19.2), from its latest events.
    static func position(_ p: CandidatePath, stages: [Stage], checks: Bool,
                         plan: (HistoryTime) -> Double) -> Position {
        if let o = p.offer {
            if let a = o.accepted {
                if let clean = o.clean { return .notice(accepted: plan(a), since: plan(clean)) }
                if let disputed = o.checkDisputed { return .disputing(accepted: plan(a), since: plan(disputed)) }
                return checks ? .inCheck(accepted: plan(a)) : .notice(accepted: plan(a), since: plan(a))
            }
            if let sent = o.sent { return .holdingOffer(since: plan(sent)) }
            return .preparingOffer(since: plan(o.made ?? p.last))
        }
        if let f = p.finalist { return .finalist(since: plan(f)) }
        guard let v = p.visits.max(by: { $0.stage < $1.stage }) else {
            return .hrAction(stage: 0, since: plan(p.applied ?? p.first))
        }
        if let passed = v.passed {
            // Passed, and the next stage (or the finalist row) not yet in the
            // log: they entered it at the pass (the engine's same instant).
            return v.stage + 1 < stages.count ? .hrAction(stage: v.stage + 1, since: plan(passed)) : .finalist(since: plan(passed))
        }
        let s = v.stage
        if stages[s].interview {
            if let i = v.interviewed { return .deciding(stage: s, since: plan(i)) }
            if let r = v.replied { return .booked(stage: s, since: plan(r)) }
            if let h = v.hrDone { return .awaitingReply(stage: s, since: plan(h)) }
        } else if let h = v.hrDone {
            return .deciding(stage: s, since: plan(h))
        }
        // The HR action runs since they entered the stage.
        let entered: HistoryTime
        if s > 0, let prev = p.visit(s - 1)?.passed { entered = prev } else { entered = p.applied ?? p.first }
        return .hrAction(stage: s, since: plan(entered))
    }
}
