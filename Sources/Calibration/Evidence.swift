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

/// Durations between two log times, with what censoring a date-only end
/// gives (MODEL.md 18.3).
struct Span {
    let clock: WorkClock

    /// The clock's reading at `t`: work days or calendar days.
    func position(_ t: Double, work: Bool) -> Double { work ? clock.position(t) : t }

    /// Adds the duration from `a` to `b`, or, where `b` is nil, a duration
    /// still running at `censor` (right-censored). Nothing where `a` is
    /// nil (a gap).
    ///
    /// An exact start gives an exact value, an interval (a date-only end)
    /// or a right-censored value. A date-only start lies somewhere in its
    /// day: the clock's advance over that day is the window's slide
    /// (`DurationObservation.window`), and the bounds are measured from
    /// the day's first instant, so both ends known to the day weigh the
    /// possible durations by a triangle, not a flat window.
    func observe(_ s: inout DurationSample, from a: HistoryTime?, to b: HistoryTime?, censorAt censor: Double, work: Bool) {
        guard let a else { return }
        s.cover(a.days)
        let start = position(a.earliest, work: work)
        let slide = position(a.latest, work: work) - start
        if let b {
            s.add(fromDay: position(b.earliest, work: work) - start, high: position(b.latest, work: work) - start, slide: slide)
            s.cover(b.days)
        } else {
            s.add(fromDay: position(max(censor, a.earliest), work: work) - start, high: .infinity, slide: slide)
            s.cover(censor)
        }
    }
}
