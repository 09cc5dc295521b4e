import FunnelModel
import History

// Fitting from several histories, each an observation period of its own
// (four past quarters of a plan, or simulated quarters: `simulate --events
// --trial K` for K = 0..7): the evidence of each history is collected on
// its own (its own freezes, work clock and as_of) and pooled by
// requisition name: counts, events and exposures add up, censored samples
// join. This is what `fit` does with several files. (`HistoryLog.read`
// over several files instead reads one history split over files: a name
// is one requisition there, and a second `opened` is refused.)

/// The number of periods two pooled estimates span: those with evidence.
func pooledPeriods(_ a: Int, _ aHas: Bool, _ b: Int, _ bHas: Bool) -> Int {
    (aHas ? a : 0) + (bHas ? b : 0)
}

extension ProportionEstimate {
    /// Both estimates' counts together.
    public mutating func pool(_ o: ProportionEstimate) {
        periodCount = pooledPeriods(periodCount, from.isFinite, o.periodCount, o.from.isFinite)
        successes += o.successes; trials += o.trials
        from = Swift.min(from, o.from); to = Swift.max(to, o.to)
    }
}

extension RateEstimate {
    /// Events over both exposures; the periods of both for the dispersion test.
    public mutating func pool(_ o: RateEstimate) {
        periodCount = pooledPeriods(periodCount, from.isFinite, o.periodCount, o.from.isFinite)
        events += o.events; exposure += o.exposure; periods += o.periods
        from = Swift.min(from, o.from); to = Swift.max(to, o.to)
    }
}

extension DurationSample {
    /// The observations of both.
    public mutating func pool(_ o: DurationSample) {
        periodCount = pooledPeriods(periodCount, from.isFinite, o.periodCount, o.from.isFinite)
        observations += o.observations
        from = Swift.min(from, o.from); to = Swift.max(to, o.to)
    }
}

extension RequisitionEvidence {
    /// The evidence of another instance of the same requisition.
    mutating func pool(_ o: RequisitionEvidence) {
        applicantsPerWeek.pool(o.applicantsPerWeek); competingOffersPerWeek.pool(o.competingOffersPerWeek)
        replyDays.pool(o.replyDays); contactFailure.pool(o.contactFailure)
        // Stages by name: without a template each history names the
        // stages its paths reached.
        for t in o.stages {
            guard let s = stages.firstIndex(where: { $0.name == t.name }) else { stages.append(t); continue }
            stages[s].interview = stages[s].interview || t.interview
            stages[s].pass.pool(t.pass); stages[s].noShow.pool(t.noShow); stages[s].hrWorkdays.pool(t.hrWorkdays)
        }
        offerHrWorkdays.pool(o.offerHrWorkdays); responseDays.pool(o.responseDays); accept.pool(o.accept)
        checkSeen = checkSeen || o.checkSeen
        checkWorkdays.pool(o.checkWorkdays); fail.pool(o.fail); falseFail.pool(o.falseFail)
        dispute.pool(o.dispute); disputeDays.pool(o.disputeDays)
        noticeDays.pool(o.noticeDays); renege.pool(o.renege)
        candidates += o.candidates; gaps += o.gaps
    }
}

/// Evidence of separate histories of the same plan, pooled by requisition name.
public enum EvidencePooling {
    /// Each log's evidence, collected with `template`'s calendar, stages
    /// and `max_applicants`, pooled by requisition name. The initial pool
    /// is the mean over the instances (it is a count per opening, not a rate).
    public static func evidence(_ logs: [HistoryLog], template: Scenario) -> PlanEvidence {
        var interviews: [String: [Bool]] = [:], maxApplicants: [String: Int] = [:]
        for r in template.requisitions {
            interviews[r.name] = r.stages.map(\.interview)
            if let m = r.sourcing.maxApplicants { maxApplicants[r.name] = m.integerValue }
        }
        var pooled: PlanEvidence? = nil
        var instances: [String: Int] = [:], initialPools: [String: Int] = [:]
        for log in logs {
            let e = EvidenceBuilder.collect(log, calendar: template.calendar, interviews: interviews, maxApplicants: maxApplicants)
            for r in e.requisitions { instances[r.name, default: 0] += 1; initialPools[r.name, default: 0] += r.initialPool }
            guard var p = pooled else { pooled = e; continue }
            p.approvalDays.pool(e.approvalDays); p.freezesPerYear.pool(e.freezesPerYear)
            p.freezeDays.pool(e.freezeDays); p.cancelProbability.pool(e.cancelProbability)
            p.from = min(p.from, e.from); p.to = max(p.to, e.to)
            p.rows += e.rows; p.candidates += e.candidates; p.gaps += e.gaps; p.candidatesWithGaps += e.candidatesWithGaps
            for r in e.requisitions {
                if let i = p.requisitions.firstIndex(where: { $0.name == r.name }) { p.requisitions[i].pool(r) } else { p.requisitions.append(r) }
            }
            pooled = p
        }
        var out = pooled ?? PlanEvidence(requisitions: [], from: 0, to: 0, rows: 0, candidates: 0, gaps: 0, candidatesWithGaps: 0)
        for i in out.requisitions.indices {
            let n = out.requisitions[i].name
            out.requisitions[i].initialPool = Int((Double(initialPools[n] ?? 0) / Double(max(1, instances[n] ?? 1))).rounded())
        }
        return out
    }

    /// The fitted scenario's text (every fitted field with its evidence,
    /// as `fit` writes it) and its parameters, from pooled evidence.
    public static func fittedScenario(_ evidence: PlanEvidence, template: Scenario, source: String) -> (text: String, parameters: [FittedParameter]) {
        let parameters = Fitter(template: template, evidence: evidence).parameters()
        let header = ["Fitted from \(source): the evidence of each history collected on its own and pooled by requisition name",
                      "(\(evidence.rows) rows, \(evidence.candidates) candidates).", ""]
        return (ScenarioText(scenario: template, fitted: parameters, header: header).render(), parameters)
    }
}
