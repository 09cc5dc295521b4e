import History

/// What the history says about each parameter, before any fit: counts for
/// probabilities, events and exposure for rates, censored samples for
/// durations (MODEL.md 18; the numerators, denominators and exposures are
/// documented in docs/history.md).

/// One stage's evidence.
public struct StageEvidence: Sendable {
    public var name: String
    public var interview: Bool
    /// passed / (passed + rejected).
    public var pass = ProportionEstimate()
    /// no_show / (interviewed + no_show): over interviews held or missed.
    public var noShow = ProportionEstimate()
    /// Ready (applied, or the previous stage passed) to hr_done, in work days.
    public var hrWorkdays = DurationSample()
}

/// One requisition's evidence.
public struct RequisitionEvidence: Sendable {
    public var name: String
    public var openings: Int
    public var opened: HistoryTime?
    public var applicantsPerWeek = RateEstimate()
    public var initialPool = 0
    public var competingOffersPerWeek = RateEstimate()
    /// hr_done to replied at interview stages, calendar days.
    public var replyDays = DurationSample()
    /// contact_failed over interview-stage invitations (hr_done).
    public var contactFailure = ProportionEstimate()
    public var stages: [StageEvidence]
    /// offer_made to offer_sent, work days.
    public var offerHrWorkdays = DurationSample()
    /// offer_sent to the answer, calendar days; a competing-offer decline censors it.
    public var responseDays = DurationSample()
    /// offer_accepted / (accepted + declined for another reason than a competing offer).
    public var accept = ProportionEstimate()
    /// Whether the log shows any background-check event.
    public var checkSeen = false
    public var checkWorkdays = DurationSample()
    public var fail = ProportionEstimate()
    public var falseFail = ProportionEstimate()
    public var dispute = ProportionEstimate()
    public var disputeDays = DurationSample()
    public var noticeDays = DurationSample()
    public var renege = ProportionEstimate()
    public var candidates = 0
    public var gaps = 0
}

/// The plan-wide evidence: budget and freezes.
public struct PlanEvidence: Sendable {
    public var requisitions: [RequisitionEvidence]
    /// opened to approved, calendar days (per requisition).
    public var approvalDays = DurationSample()
    public var freezesPerYear = RateEstimate()
    public var freezeDays = DurationSample()
    /// Cancellations at freeze starts over (freeze start, open requisition) pairs.
    public var cancelProbability = ProportionEstimate()
    /// The observation: first event to as_of (days since 1970).
    public var from: Double, to: Double
    public var rows: Int, candidates: Int, gaps: Int, candidatesWithGaps: Int
}

/// Durations between two log times, with the interval a date-only end gives.
struct Span {
    let clock: WorkClock

    /// The bounds of the time from a to b, in calendar days or work days.
    func bounds(_ a: HistoryTime, _ b: HistoryTime, work: Bool) -> (Double, Double) {
        if work { return (clock.work(from: a.latest, to: b.earliest), clock.work(from: a.earliest, to: b.latest)) }
        return (b.earliest - a.latest, b.latest - a.earliest)
    }

    /// Adds the duration from `a` to `b`, or, where `b` is nil, a duration
    /// still running at `censor` (right-censored at the time known to have
    /// passed). Nothing where `a` is nil (a gap).
    func observe(_ s: inout DurationSample, from a: HistoryTime?, to b: HistoryTime?, censorAt censor: Double, work: Bool) {
        guard let a else { return }
        s.cover(a.days)
        if let b {
            let (lo, hi) = bounds(a, b, work: work)
            s.add(low: lo, high: hi)
            s.cover(b.days)
        } else {
            let elapsed = work ? clock.work(from: a.latest, to: censor) : censor - a.latest
            s.addCensored(elapsed)
            s.cover(censor)
        }
    }
}
