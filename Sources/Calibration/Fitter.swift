import FunnelModel
import History

/// Turns the evidence into fitted parameters, path by path, with the words
/// of each comment; decides what is thin and what stays the template's.
public struct Fitter {
    /// Below these counts the evidence is flagged thin ("only 4 offers: wide").
    public static let thinTrials = 20, thinEvents = 10

    public let template: Scenario
    public let evidence: PlanEvidence

    public init(template: Scenario, evidence: PlanEvidence) { self.template = template; self.evidence = evidence }

    /// Every fitted parameter, plan-wide first, then per requisition.
    public func parameters() -> [FittedParameter] {
        var out: [FittedParameter] = []
        let e = evidence
        out.append(duration("budget.approval_days", e.approvalDays, work: false, what: "approvals"))
        out.append(rate("budget.freezes_per_year", e.freezesPerYear, unit: "year", what: "freezes"))
        if e.freezesPerYear.events > 0 || template.budget.freezeDays != nil {
            out.append(duration("budget.freeze_days", e.freezeDays, work: false, what: "freezes"))
        }
        out.append(proportion("budget.cancel_probability", e.cancelProbability, "cancellations in", "open requisitions at freeze starts"))
        for r in e.requisitions {
            guard let t = template.requisition(named: r.name) else { continue }
            let p = "requisitions.\(r.name)"
            out.append(rate("\(p).sourcing.applicants_per_week", r.applicantsPerWeek, unit: "week", what: "applicants"))
            if r.initialPool > 0 {
                out.append(FittedParameter(path: "\(p).sourcing.initial_pool", estimate: .count(r.initialPool),
                                           yaml: "\(r.initialPool)", evidence: "\(r.initialPool) applicants of the initial pool",
                                           thin: false, keptBecause: nil))
            }
            out.append(rate("\(p).candidate.competing_offers_per_week", r.competingOffersPerWeek, unit: "week",
                            what: "withdrawals and competing-offer declines"))
            let interviews = t.stages.contains { $0.interview }
            if interviews {
                out.append(duration("\(p).candidate.reply_days", r.replyDays, work: false, what: "replies"))
                out.append(proportion("\(p).candidate.contact_failure", r.contactFailure, "contact failures in", "invitations"))
            }
            for s in r.stages {
                guard let ts = t.stages.first(where: { $0.name == s.name }) else { continue }
                let sp = "\(p).stages.\(s.name)"
                out.append(duration("\(sp).hr_workdays", s.hrWorkdays, work: true, what: "HR actions"))
                if ts.interview { out.append(noShow(sp, s.noShow)) }
                out.append(proportion("\(sp).pass", s.pass, "passed of", "decided"))
            }
            out.append(duration("\(p).offer.hr_workdays", r.offerHrWorkdays, work: true, what: "offers prepared"))
            out.append(proportion("\(p).offer.accept", r.accept, "accepted of", "offers answered (competing-offer declines excluded)"))
            out.append(duration("\(p).offer.response_days", r.responseDays, work: false, what: "answers"))
            if r.checkSeen || t.backgroundCheck != nil {
                let bp = "\(p).background_check"
                out.append(duration("\(bp).workdays", r.checkWorkdays, work: true, what: "checks"))
                out.append(proportion("\(bp).fail", r.fail, "failures for cause in", "check results"))
                out.append(proportion("\(bp).false_fail", r.falseFail, "disputed failures in", "results not failed for cause"))
                out.append(proportion("\(bp).dispute", r.dispute, "cleared of", "disputes resolved"))
                out.append(duration("\(bp).dispute_days", r.disputeDays, work: false, what: "disputes cleared"))
            }
            out.append(duration("\(p).notice_days", r.noticeDays, work: false, what: "notice periods"))
            out.append(proportion("\(p).renege", r.renege, "reneged of", "would-be starts"))
        }
        return out
    }

    func proportion(_ path: String, _ p: ProportionEstimate, _ verb: String, _ of: String) -> FittedParameter {
        let words = "\(p.successes) \(verb) \(p.trials) \(of)" + (p.trials > 0 ? ", \(dateRange(p.from, p.to, periods: p.periodCount))" : "")
        guard p.trials > 0 else {
            return FittedParameter(path: path, estimate: .proportion(p), yaml: nil, evidence: "", thin: true,
                                   keptBecause: "no \(of) in the log")
        }
        return FittedParameter(path: path, estimate: .proportion(p),
                               yaml: "{dist: beta, successes: \(p.successes), trials: \(p.trials)}",
                               evidence: (p.trials < Self.thinTrials ? "only " : "") + words,
                               thin: p.trials < Self.thinTrials, keptBecause: nil)
    }

    /// The no-show rate with the template's expected weather effect backed
    /// out (MODEL.md 18.7): observed = no_show x E[multiplier], E[multiplier]
    /// = 1 + P(bad day) (multiplier - 1), so the successes are divided by it.
    func noShow(_ sp: String, _ p: ProportionEstimate) -> FittedParameter {
        var f = proportion("\(sp).no_show", p, "no-shows in", "interviews held or missed")
        let q = template.weather.badDayProbability.distribution.mean, m = template.weather.noShowMultiplier.distribution.mean
        let effect = 1 + q * (m - 1)
        if f.keptBecause == nil, effect != 1, effect > 0 {
            let s = min(p.trials, Int((Double(p.successes) / effect).rounded()))
            f.yaml = "{dist: beta, successes: \(s), trials: \(p.trials)}"
            f.evidence += "; \(p.successes) observed, / \(ScenarioText.short(effect)) for the template's weather"
        }
        return f
    }

    func rate(_ path: String, _ r: RateEstimate, unit: String, what: String) -> FittedParameter {
        let exposure = ScenarioText.short(r.exposure)
        var words = "\(r.events) \(what) in \(exposure) \(unit)s" + (r.exposure > 0 ? ", \(dateRange(r.from, r.to, periods: r.periodCount))" : "")
        guard let rate = r.rate, let sd = r.sd else {
            return FittedParameter(path: path, estimate: .rate(r, unit: unit), yaml: nil, evidence: "", thin: true,
                                   keptBecause: "no exposure in the log")
        }
        if let d = r.dispersion, r.overDispersed {
            words += "; over-dispersed: weekly counts vary \(ScenarioText.short(d.index))x a Poisson's (p = \(ScenarioText.short(d.pValue))), the rate itself moves"
        }
        let thin = r.events < Self.thinEvents
        let yaml = r.events == 0 ? "0" : "{dist: gamma, mean: \(ScenarioText.number(ScenarioText.rounded(rate))), sd: \(ScenarioText.number(ScenarioText.rounded(sd)))}"
        return FittedParameter(path: path, estimate: .rate(r, unit: unit), yaml: yaml,
                               evidence: (thin ? "only " : "") + words, thin: thin, keptBecause: nil)
    }

    func duration(_ path: String, _ s: DurationSample, work: Bool, what: String) -> FittedParameter {
        let fit = DurationFit.fit(s)
        let unit = work ? "work days" : "days"
        var words = "\(s.events) \(what) ended, \(s.censored) still running"
        if s.events + s.censored > 0 { words += ", \(dateRange(s.from, s.to, periods: s.periodCount))" }
        guard let fit else {
            return FittedParameter(path: path, estimate: .duration(nil, s, workClock: work), yaml: nil, evidence: words,
                                   thin: true, keptBecause: "no \(what) ended in the log")
        }
        if fit.allZero {
            return FittedParameter(path: path, estimate: .duration(fit, s, workClock: work), yaml: "0",
                                   evidence: words + ", all took no time", thin: false, keptBecause: nil)
        }
        guard let best = fit.best else {
            return FittedParameter(path: path, estimate: .duration(fit, s, workClock: work), yaml: nil, evidence: words,
                                   thin: true, keptBecause: "no family fitted")
        }
        let thin = s.events < Self.thinEvents
        words += "; \(best.family.rawValue) by AIC, mean \(ScenarioText.short(best.mean)) \(unit)"
        return FittedParameter(path: path, estimate: .duration(fit, s, workClock: work), yaml: best.yaml,
                               evidence: (thin ? "only " : "") + words, thin: thin, keptBecause: nil)
    }
}
