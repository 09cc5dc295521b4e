import FunnelModel
/// The commented starter scenario `funnelcast init` writes: one role, three
/// funnel steps, every common field written out with what it means. It
/// loads and runs as it is; a planner replaces the numbers with their own.
public enum StarterScenario {
    /// The starter text for a plan starting on `start` (a Monday reads
    /// best), with its deadline 17 weeks later; its comments call the file
    /// `file`.
    public static func text(start: CivilDate, file: String = "plan.yaml") -> String {
        template
            .replacingAll("THIS_FILE", with: file)
            .replacingAll("START_DATE", with: start.description)
            .replacingAll("DEADLINE_DATE", with: start.adding(days: 7 * 17 - 3).description)
    }

    /// The first Monday on or after `date`.
    public static func monday(onOrAfter date: CivilDate) -> CivilDate {
        date.adding(days: (7 - date.weekday.rawValue) % 7)
    }

    static let template = """
        # A starter hiring plan for funnelcast: one role, a three-step funnel.
        # It runs as it is:         funnelcast run THIS_FILE
        # Check your edits with:    funnelcast validate THIS_FILE
        # See it as charts:         funnelcast report THIS_FILE
        #
        # Replace the numbers with your own history. Every number can be a plain
        # number or a distribution written {dist: ..., ...}, for example:
        #   {dist: uniform, min: 2, max: 5}           {dist: triangular, min: 1, mode: 2, max: 6}
        #   {dist: lognormal, median: 2, p90: 6}      {dist: gamma, mean: 3, sd: 1}
        #   {dist: beta, successes: 31, trials: 214}  "31 of the last 214": for probabilities
        # A distribution on a duration or on hours is drawn again for every event;
        # on anything else (a pass rate, an applicant rate, a cost) it is an
        # uncertain parameter, drawn once per trial.
        #
        # Units: *_days are calendar days (the candidate's clock), *_workdays are
        # working days (HR's clock: no weekends, holidays or budget freezes),
        # *_hours are hours of someone's time, probabilities are between 0 and 1.
        # Delete an optional line to get its default.

        name: Starter plan - one software engineer
        start: START_DATE          # day 0, YYYY-MM-DD
        horizon_days: 180           # what has not happened by then is "not within horizon"
        trials: 2000                # enough for stable P10/P50/P90; --trials overrides it
        seed: 1                     # same seed, same forecast; --seed overrides it

        calendar:
          workdays: [mon, tue, wed, thu, fri]
          holidays: []              # for example: - {name: Summer break, from: 2027-08-02, to: 2027-08-13}
          # seasonality: {aug: 0.5, dec: 0.6}   # applicant rates by month (months left out: 1)

        # Who does the work: people and the hours each gives to this plan per week.
        # Delete these two lines to assume nobody is ever too busy. When work waits,
        # a pool does offers first, then later stages before earlier ones
        # (discipline: priority, the default); add discipline: fifo to serve
        # requests in the order they were made.
        recruiters: {count: 1, hours_per_week: 10}
        interviewers: {count: 3, hours_per_week: 3}
        # Separate teams: a list of named pools, each requisition naming its own
        # (requisitions[].recruiters: NAME; without it, the first pool):
        # recruiters:
        #   - {name: tech, count: 1, hours_per_week: 10}
        #   - {name: sales, count: 2, hours_per_week: 6, discipline: fifo}

        costs:
          recruiter_hourly: 50      # loaded cost of an hour of recruiter time
          interviewer_hourly: 90
          per_hire: 2000            # onboarding, equipment, fees

        budget:
          approval_days: 0          # calendar days after opening before offers may go out
          freezes_per_year: 0       # company-wide budget freezes (Poisson); none by default
          freeze_days: 14           # each freeze's length: no work, no sourcing, no offers
          cancel_probability: 0     # at each freeze's start, an open requisition is cancelled
          # Known freezes, as well as the random ones (dates inclusive, not overlapping):
          # freeze_windows:
          #   - {name: Year-end freeze, from: 2027-12-20, to: 2028-01-02}

        requisitions:
          - name: engineer          # letters, digits, '_' and '-'
            openings: 1
            deadline: DEADLINE_DATE  # every opening started by the end of this day
            # recruiters: tech        # with a list of named pools: the one it draws on
            sourcing:
              # Applicants per calendar week; uncertain: about 10, rarely below 5.
              applicants_per_week: {dist: gamma, mean: 10, sd: 3}
              initial_pool: 0       # candidates already in the database on day 0
              cost_per_applicant: 25
            candidate:
              competing_offers_per_week: 0.08   # off the market after about 12 weeks on average
              reply_days: {dist: lognormal, median: 1, p90: 3}
              contact_failure: 0.02             # invitations that never reach the candidate
            stages:                 # run in this order
              - name: screen        # CV review by the recruiter
                hr_workdays: {dist: lognormal, median: 2, p90: 5}
                recruiter_hours: 0.25
                pass: 0.25
              - name: phone         # call with the hiring manager
                interview: true
                hr_workdays: {dist: gamma, mean: 2, sd: 1}   # to schedule it
                recruiter_hours: 0.5
                interviewer_hours: 1
                no_show: 0.08
                pass: 0.5
              - name: onsite
                interview: true
                hr_workdays: {dist: gamma, mean: 3, sd: 1.5}
                recruiter_hours: 1
                interviewer_hours: 4
                no_show: 0.05
                pass: {dist: beta, successes: 12, trials: 40}  # 12 of the last 40 passed
            decision:
              slate_size: 1         # finalists the manager wants to compare
              max_wait_days: 10     # but a finalist waits no longer than this
            offer:
              hr_workdays: {dist: triangular, min: 1, mode: 2, max: 4}
              recruiter_hours: 1
              accept: {dist: beta, successes: 7, trials: 10}   # 7 of the last 10 accepted
              response_days: {dist: uniform, min: 1, max: 5}
            # background_check: {workdays: 5, fail: 0.02, false_fail: 0.01, dispute: 0.7, dispute_days: 10, cost: 50}
            notice_days: {dist: empirical, values: [14, 30, 60], weights: [1, 3, 1]}
            renege: 0.03            # accepted, then never started

        # What-if questions, each run with the same random numbers as the plan.
        interventions:
          - name: Schedule twice as fast
            changes:
              "requisitions.engineer.stages.*.hr_workdays": "x0.5"

        """
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        var out = "", rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
