import FunnelModel
import History

/// Walks a `HistoryLog` and collects the evidence of every parameter
/// (MODEL.md 18). Each candidate is read once; memory is the evidence, not
/// the log.
public enum EvidenceBuilder {
    /// The evidence of `log`, with the work clock of `calendar` and, per
    /// requisition name, which stages are interviews and the template's
    /// `max_applicants` (sourcing stops there).
    public static func collect(_ log: HistoryLog, calendar: CalendarSpec,
                               interviews: [String: [Bool]] = [:], maxApplicants: [String: Int] = [:]) -> PlanEvidence {
        let clock = WorkClock(spec: calendar, from: log.start.days, to: log.asOf, freezes: log.freezes)
        let span = Span(clock: clock)
        var plan = PlanEvidence(requisitions: [], from: log.start.days, to: log.asOf, rows: log.rows,
                                candidates: 0, gaps: log.gaps, candidatesWithGaps: log.candidatesWithGaps)
        for r in log.requisitions {
            let flags = interviews[r.name] ?? r.interviewObserved
            var e = requisition(r, flags: flags, span: span)
            SourcingExposure.applicants(r, clock: clock, maxApplicants: maxApplicants[r.name], into: &e)
            plan.candidates += e.candidates
            plan.requisitions.append(e)
            // The budget's approval, per requisition.
            if let opened = r.opened {
                span.observe(&plan.approvalDays, from: opened, to: r.approved,
                             censorAt: r.cancelled?.earliest ?? r.asOf, work: false)
            }
        }
        // Freezes: a Poisson process over the whole observation, in years.
        plan.freezesPerYear.events = log.freezes.count
        plan.freezesPerYear.exposure = max(0, log.asOf - log.start.days) / 365
        plan.freezesPerYear.from = log.start.days; plan.freezesPerYear.to = log.asOf
        for f in log.freezes { span.observe(&plan.freezeDays, from: f.started, to: f.ended, censorAt: log.asOf, work: false) }
        plan.cancelProbability = SourcingExposure.cancellations(log)
        return plan
    }

    static func requisition(_ r: RequisitionHistory, flags: [Bool], span: Span) -> RequisitionEvidence {
        var e = RequisitionEvidence(name: r.name, openings: r.openings, opened: r.opened,
                                    stages: r.stages.enumerated().map { StageEvidence(name: $1, interview: flags.indices.contains($0) && flags[$0]) })
        e.candidates = r.candidates.count
        for c in r.candidates {
            e.gaps += c.gaps
            if c.initialPool { e.initialPool += 1 }
            // A withdrawal or release known to the day censors at the
            // day's middle (its expected instant).
            let censor = c.end.flatMap { t -> Double? in
                (c.withdrawn != nil || c.released != nil) ? min(t.midpoint, r.asOf) : nil
            } ?? r.asOf
            candidate(c, r, span: span, censor: censor, into: &e)
        }
        return e
    }

    static func candidate(_ c: CandidatePath, _ r: RequisitionHistory, span: Span, censor: Double, into e: inout RequisitionEvidence) {
        let arrival = c.applied ?? c.first
        // Competing offers: the candidate is exposed from arrival until they
        // accept our offer, are released, leave the process or observation ends.
        // Each end at its expected instant (a date-only time: the middle
        // of its day), so a dates-only export's exposure is not short.
        var exit = r.asOf
        var left = false
        if let t = c.offer?.accepted { exit = t.midpoint }
        else if let t = c.released { exit = t.midpoint }
        else if let t = c.withdrawn { exit = t.midpoint; left = true }
        else if let o = c.offer, let t = o.declined { exit = t.midpoint; left = o.declinedCompeting }
        else if let t = c.end { exit = t.midpoint }
        e.competingOffersPerWeek.exposure += max(0, min(exit, r.asOf) - arrival.midpoint) / 7
        if left { e.competingOffersPerWeek.events += 1 }
        e.competingOffersPerWeek.from = min(e.competingOffersPerWeek.from, arrival.days)
        e.competingOffersPerWeek.to = max(e.competingOffersPerWeek.to, exit)

        var ready: HistoryTime? = arrival
        for s in r.stages.indices {
            guard let v = c.visit(s) else {
                // Ready but nothing recorded: the HR action is still running.
                if let ready, c.visits.allSatisfy({ $0.stage < s }), c.finalist == nil, c.offer == nil {
                    span.observe(&e.stages[s].hrWorkdays, from: ready, to: nil, censorAt: censor, work: true)
                }
                ready = nil
                continue
            }
            let stageLater = v.contactFailed ?? v.replied ?? v.interviewed ?? v.noShow ?? v.passed ?? v.rejected
            if v.hrDone != nil || stageLater == nil {
                span.observe(&e.stages[s].hrWorkdays, from: ready, to: v.hrDone, censorAt: censor, work: true)
            }
            if e.stages[s].interview {
                if v.hrDone != nil || stageLater != nil {
                    e.contactFailure.add(v.contactFailed != nil, at: (v.hrDone ?? stageLater!).days)
                }
                if v.contactFailed == nil, let sent = v.hrDone, v.interviewed == nil && v.noShow == nil || v.replied != nil {
                    span.observe(&e.replyDays, from: sent, to: v.replied, censorAt: censor, work: false)
                }
                if let t = v.interviewed ?? v.noShow { e.stages[s].noShow.add(v.noShow != nil, at: t.days) }
            }
            if let t = v.passed ?? v.rejected { e.stages[s].pass.add(v.passed != nil, at: t.days) }
            ready = v.passed
        }

        guard let o = c.offer else { return }
        let offerCensor = min(o.declined?.midpoint ?? (c.released?.midpoint ?? r.asOf), r.asOf)
        // Preparation: ended where sent; running where they left or were
        // released before it was sent; a gap where the answer came unsent.
        if o.sent != nil || (o.accepted == nil && (o.declined == nil || o.declinedCompeting)) {
            span.observe(&e.offerHrWorkdays, from: o.made, to: o.sent, censorAt: offerCensor, work: true)
        }
        if let sent = o.sent {
            let answer = o.accepted ?? (o.declinedCompeting ? nil : o.declined)
            span.observe(&e.responseDays, from: sent, to: answer, censorAt: offerCensor, work: false)
        }
        if let t = o.accepted { e.accept.add(true, at: t.days) }
        else if let t = o.declined, !o.declinedCompeting { e.accept.add(false, at: t.days) }

        guard let accepted = o.accepted else { return }
        let checked = o.checkResult != nil || o.checkCleared != nil
        if checked { e.checkSeen = true }
        if checked || (c.started == nil && c.reneged == nil) {
            span.observe(&e.checkWorkdays, from: accepted, to: o.checkResult, censorAt: r.asOf, work: true)
        }
        if let t = o.checkResult {
            let forCause = o.checkFailed != nil && o.checkDisputed == nil
            e.fail.add(forCause, at: t.days)
            if !forCause { e.falseFail.add(o.checkDisputed != nil, at: t.days) }
        }
        if let d = o.checkDisputed {
            if o.checkCleared != nil || o.checkFailed != nil { e.dispute.add(o.checkCleared != nil, at: d.days) }
            if o.checkFailed == nil { span.observe(&e.disputeDays, from: d, to: o.checkCleared, censorAt: r.asOf, work: false) }
        }
        // Notice: from the clean result (or the acceptance where no check ran).
        let clean = o.clean ?? (checked ? nil : accepted)
        if clean != nil && o.checkFailed == nil {
            span.observe(&e.noticeDays, from: clean, to: c.started ?? c.reneged, censorAt: r.asOf, work: false)
        }
        if let t = c.started ?? c.reneged { e.renege.add(c.reneged != nil, at: t.days) }
    }
}
