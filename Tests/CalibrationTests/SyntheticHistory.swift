import FunnelModel
import Foundation
import History

/// A small seeded generator of histories with known parameters: one
/// requisition through a screen and a phone interview to an offer, a
/// background check and a start (MODEL.md 5-7, without pools, freezes or a
/// work calendar: the template's calendar works every day, so work days
/// are calendar days). The truth the fit must recover.
struct SyntheticHistory {
    struct Truth {
        var applicantsPerWeek = 20.0, competingPerWeek = 0.05
        var screenHrMean = 1.0, screenPass = 0.5
        var phoneHr = (shape: 2.0, scale: 1.0), contactFailure = 0.05
        var reply = (mu: 0.3, sigma: 0.6), noShow = 0.1, phonePass = 0.4
        var offerHrMean = 2.0, response = (mu: 1.0, sigma: 0.5), accept = 0.7
        var check = (shape: 4.0, scale: 1.5), fail = 0.05, falseFail = 0.1, dispute = 0.6, disputeMean = 5.0
        var notice = (mu: log(20.0), sigma: 0.3), renege = 0.05
        var weeks = 26.0
    }

    static let start = CivilDate(iso: "2026-01-05")!
    static let template = """
        name: Synthetic template
        start: 2026-01-05
        horizon_days: 365
        calendar: {workdays: [mon, tue, wed, thu, fri, sat, sun]}
        requisitions:
          - name: eng
            openings: 1000
            sourcing: {applicants_per_week: 5}
            candidate: {competing_offers_per_week: 0.5, reply_days: 3, contact_failure: 0.5}
            stages:
              - {name: screen, hr_workdays: 3, pass: 0.9}
              - {name: phone, interview: true, hr_workdays: 3, no_show: 0.5, pass: 0.9}
            offer: {hr_workdays: 9, accept: 0.2, response_days: 9}
            background_check: {workdays: 1, fail: 0.5, false_fail: 0.5, dispute: 0.5, dispute_days: 1}
            notice_days: 1
            renege: 0.5
        interventions:
          - name: Faster screen
            changes:
              "requisitions.*.stages.screen.hr_workdays": "x0.5"
              "requisitions.eng.offer.accept": "+0.05"

        """

    var truth = Truth()

    /// The events of one history, with `exported` at the end of the weeks.
    func events(seed: UInt64) -> [HistoryEvent] {
        let d = Draws(seed: seed)
        let t0 = Double(Self.start.dayNumber)
        let end = t0 + 7 * truth.weeks
        var out = [HistoryEvent(requisition: "eng", kind: .opened, time: HistoryTime(days: t0), detail: "1000")]
        var t = t0
        var n = 0
        while true {
            t += d.exponential(mean: 7 / truth.applicantsPerWeek)
            if t >= end { break }
            n += 1
            candidate("c\(n)", at: t, d, &out)
        }
        out.append(HistoryEvent(requisition: "*", kind: .exported, time: HistoryTime(days: end)))
        return out
    }

    private func candidate(_ id: String, at a: Double, _ d: Draws, _ out: inout [HistoryEvent]) {
        let leave = a + d.exponential(mean: 7 / truth.competingPerWeek)
        func add(_ k: EventKind, _ t: Double, _ stage: String = "", _ detail: String = "") {
            out.append(HistoryEvent(requisition: "eng", candidate: id, stage: stage, kind: k, time: HistoryTime(days: t), detail: detail))
        }
        /// True (and the withdrawal written) where they leave before `t`.
        func gone(_ t: Double, _ stage: String) -> Bool {
            if leave <= t { add(.withdrawn, leave, stage); return true }
            return false
        }
        add(.applied, a)
        var t = a + d.exponential(mean: truth.screenHrMean)
        if gone(t, "screen") { return }
        add(.hrDone, t, "screen")
        guard d.bernoulli(truth.screenPass) else { add(.rejected, t, "screen"); return }
        add(.passed, t, "screen")
        t += d.gamma(shape: truth.phoneHr.shape, scale: truth.phoneHr.scale)
        if gone(t, "phone") { return }
        add(.hrDone, t, "phone")
        if d.bernoulli(truth.contactFailure) { add(.contactFailed, t, "phone"); return }
        t += d.lognormal(mu: truth.reply.mu, sigma: truth.reply.sigma)
        if gone(t, "phone") { return }
        add(.replied, t, "phone")
        if d.bernoulli(truth.noShow) { add(.noShow, t, "phone"); return }
        add(.interviewed, t, "phone")
        guard d.bernoulli(truth.phonePass) else { add(.rejected, t, "phone"); return }
        add(.passed, t, "phone")
        add(.finalist, t)
        add(.offerMade, t)
        t += d.exponential(mean: truth.offerHrMean)
        if leave <= t { add(.offerDeclined, leave, "", HistoryEvent.competingOffer); return }
        add(.offerSent, t)
        t += d.lognormal(mu: truth.response.mu, sigma: truth.response.sigma)
        if leave <= t { add(.offerDeclined, leave, "", HistoryEvent.competingOffer); return }
        guard d.bernoulli(truth.accept) else { add(.offerDeclined, t, "", "salary"); return }
        add(.offerAccepted, t)
        t += d.gamma(shape: truth.check.shape, scale: truth.check.scale)
        if d.bernoulli(truth.fail) { add(.checkFailed, t); return }
        if d.bernoulli(truth.falseFail) {
            add(.checkDisputed, t)
            guard d.bernoulli(truth.dispute) else { add(.checkFailed, t); return }
            t += d.exponential(mean: truth.disputeMean)
            add(.checkCleared, t)
        } else {
            add(.checkPassed, t)
        }
        t += d.lognormal(mu: truth.notice.mu, sigma: truth.notice.sigma)
        add(d.bernoulli(truth.renege) ? .reneged : .started, t)
    }
}
