import FunnelModel
import Sampling
import XCTest

/// One test per validation rule (MODEL.md sections 2, 15, 17.1, 17.3): each
/// checks the line, the field path, the message and the value shown.
/// Line numbers refer to `Fixture.base`.
final class ValidationTests: XCTestCase {
    func testBaseLoads() throws {
        let s = try XCTUnwrap(scenario(Fixture.base))
        XCTAssertEqual(s.horizonDays, 200)
        XCTAssertEqual(s.trials, 10_000, "default")
        XCTAssertEqual(s.seed, 1, "default")
        XCTAssertEqual(s.requisitions[0].stages[1].noShow, Quantity(0.1, kind: .probability))
        XCTAssertNil(s.recruiters)
        XCTAssertNil(s.requisitions[0].backgroundCheck)
    }

    // MARK: Keys

    func testUnknownKeyNamesAllowedKeys() {
        let issue = assertSingleIssue(Fixture.inserting(after: 3, "horizon: 100"), line: 4, path: "horizon",
                                      message: "unknown field 'horizon'; did you mean 'horizon_days'?", value: nil)
        XCTAssertTrue(issue?.message.contains("Allowed here: name, start, horizon_days, trials, seed") ?? false)
    }

    func testUnknownKeyInStage() {
        let found = issues(Fixture.replacing(line: 10, with: "        passs: 0.5"))
        XCTAssertEqual(found.map(\.line), [9, 10])
        XCTAssertEqual(found.map(\.path), ["requisitions.backend.stages.screen.pass", "requisitions.backend.stages.screen.passs"])
        XCTAssertEqual(found[0].message, "missing required field 'pass' (probability that a candidate passes this stage)")
        XCTAssertTrue(found[1].message.hasPrefix("unknown field 'passs'; did you mean 'pass'? Allowed here: name, interview,"))
    }

    func testMissingRequiredField() {
        assertSingleIssue(Fixture.replacing(line: 16, with: "      hr_workdays: 1"), line: 16,
                          path: "requisitions.backend.offer.accept", message: "missing required field 'accept'", value: nil)
        assertSingleIssue(Fixture.replacing(line: 2, with: "# no start"), line: 1,
                          path: "start", message: "missing required field 'start'", value: nil)
    }

    func testEmptyValue() {
        assertSingleIssue(Fixture.replacing(line: 10, with: "        pass:"), line: 10,
                          path: "requisitions.backend.stages.screen.pass", message: "has no value", value: nil)
    }

    // MARK: Types

    func testTextWhereNumberNeeded() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "lots",
                          message: "expected a number or a distribution such as {dist: gamma, mean: 2, sd: 1}")
    }

    func testListWhereMappingNeeded() {
        let yaml = Fixture.replacing(line: 15, with: "    offer: [0.8]", in: Fixture.replacing(line: 16, with: "    # none"))
        assertSingleIssue(yaml, line: 15, path: "requisitions.backend.offer",
                          message: "expected a mapping with fields hr_workdays, recruiter_hours, accept, response_days, not a list",
                          value: "[0.8]")
    }

    /// `sourcing` may be a list since channels (MODEL.md 21.5), but each item
    /// is a channel's mapping: a bare number is named by its index.
    func testSourcingListItemThatIsNotAChannel() {
        let yaml = Fixture.replacing(line: 6, with: "    sourcing: [10]", in: Fixture.replacing(line: 7, with: "    # none"))
        assertSingleIssue(yaml, line: 6, path: "requisitions.backend.sourcing[0]",
                          message: "expected a channel mapping with fields channel, applicants_per_week, initial_pool, "
                              + "cost_per_applicant, max_applicants, pass_factor, not a single value",
                          value: "10")
    }

    func testListWhereNumberNeeded() {
        assertSingleIssue(setting: .screenPass, to: "[0.5, 0.6]", message: "not a list")
    }

    func testInterviewMustBeBool() {
        assertSingleIssue(Fixture.replacing(line: 12, with: "        interview: maybe"), line: 12,
                          path: "requisitions.backend.stages.onsite.interview", message: "expected true or false", value: "maybe")
    }

    // MARK: Ranges of values

    func testProbabilityOutsideUnitInterval() {
        assertSingleIssue(setting: .screenPass, to: "1.5", message: "a probability must be between 0 and 1")
    }

    func testProbabilityDistributionWithUnboundedSupport() {
        assertSingleIssue(Fixture.replacing(line: 13, with: "        no_show: {dist: gamma, mean: 0.1, sd: 0.05}"), line: 13,
                          path: "requisitions.backend.stages.onsite.no_show",
                          message: "gamma can give values above 1; a probability needs a distribution within [0, 1]",
                          value: "{dist: gamma, mean: 0.1, sd: 0.05}")
    }

    func testProbabilityUniformBeyondOne() {
        assertSingleIssue(setting: .accept, to: "{dist: uniform, min: 0.5, max: 1.2}",
                          message: "uniform on [0.5, 1.2] can give values outside [0, 1]")
    }

    func testNegativeDuration() {
        assertSingleIssue(setting: .screenHRWorkdays, to: "-2", message: "must not be negative")
    }

    func testDurationDistributionThatCanBeNegative() {
        assertSingleIssue(setting: .screenHRWorkdays, to: "{dist: uniform, min: -1, max: 3}",
                          message: "uniform on [-1, 3] can give negative values")
    }

    func testNegativeRate() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "-5", message: "must not be negative")
    }

    func testEmpiricalWithNegativeValuesForCost() {
        assertSingleIssue(Fixture.inserting(after: 7, "      cost_per_applicant: {dist: empirical, values: [10, -3]}"), line: 8,
                          path: "requisitions.backend.sourcing.cost_per_applicant",
                          message: "empirical on [-3, 10] can give negative values", value: "{dist: empirical, values: [10, -3]}")
    }

    // MARK: Distribution parameters

    func testMinGreaterThanMax() {
        assertSingleIssue(setting: .screenHRWorkdays, to: "{dist: uniform, min: 5, max: 2}",
                          message: "uniform min 5 is greater than max 2")
    }

    func testModeOutsideRange() {
        assertSingleIssue(setting: .screenHRWorkdays, to: "{dist: triangular, min: 1, mode: 6, max: 5}",
                          message: "triangular mode 6 is outside [min, max] = [1, 5]")
        assertSingleIssue(setting: .screenHRWorkdays, to: "{dist: pert, min: 2, mode: 1, max: 5}",
                          message: "pert mode 1 is outside [min, max] = [2, 5]")
    }

    func testNormalNeedsMeanAtLeastFourSd() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "{dist: normal, mean: 10, sd: 3}",
                          message: "normal needs mean >= 4 sd (here 10 < 12)")
    }

    func testLognormalMedianBelowP90() {
        assertSingleIssue(setting: .screenHRWorkdays, to: "{dist: lognormal, median: 5, p90: 3}",
                          message: "lognormal needs 0 < median < p90 (median 5, p90 3)")
    }

    func testGammaNeedsPositiveMeanAndSd() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "{dist: gamma, mean: 10, sd: 0}",
                          message: "gamma mean and sd must be greater than 0")
    }

    func testBetaMeanAndN() {
        assertSingleIssue(setting: .accept, to: "{dist: beta, mean: 1.2, n: 10}",
                          message: "beta mean must be strictly between 0 and 1")
        assertSingleIssue(setting: .accept, to: "{dist: beta, mean: 0.5, n: 0}", message: "beta n must be greater than 0")
    }

    func testBetaSuccessesAtMostTrials() {
        assertSingleIssue(setting: .accept, to: "{dist: beta, successes: 12, trials: 10}",
                          message: "beta successes 12 exceed trials 10")
        assertSingleIssue(setting: .accept, to: "{dist: beta, successes: 0, trials: 0}",
                          message: "beta trials must be a whole number >= 1")
        assertSingleIssue(setting: .accept, to: "{dist: beta, successes: 2.5, trials: 10}",
                          message: "beta successes must be a whole number >= 0")
    }

    func testEmpiricalValuesAndWeights() {
        let at = "requisitions.backend.stages.screen.hr_workdays"
        assertSingleIssue(Fixture.inserting(after: 10, "        hr_workdays: {dist: empirical, values: []}"), line: 11,
                          path: at + ".values", message: "must list at least one number", value: nil)
        assertSingleIssue(Fixture.inserting(after: 10, "        hr_workdays: {dist: empirical, values: [1, 2], weights: [1]}"), line: 11,
                          path: at, message: "empirical has 2 values but 1 weights", value: "{dist: empirical, values: [1, 2], weights: [1]}")
        assertSingleIssue(Fixture.inserting(after: 10, "        hr_workdays: {dist: empirical, values: [1, 2], weights: [1, -1]}"), line: 11,
                          path: at, message: "empirical weights must not be negative",
                          value: "{dist: empirical, values: [1, 2], weights: [1, -1]}")
        assertSingleIssue(Fixture.inserting(after: 10, "        hr_workdays: {dist: empirical, values: [1, 2], weights: [0, 0]}"), line: 11,
                          path: at, message: "empirical weights must have a positive sum",
                          value: "{dist: empirical, values: [1, 2], weights: [0, 0]}")
        assertSingleIssue(Fixture.inserting(after: 10, "        hr_workdays: {dist: empirical, values: [1, two]}"), line: 11,
                          path: at + ".values[1]", message: "expected a number", value: "two")
        assertSingleIssue(Fixture.inserting(after: 10, "        hr_workdays: {dist: empirical, values: 3}"), line: 11,
                          path: at + ".values", message: "expected a list of numbers", value: "3")
    }

    func testUnknownDistListsKnownOnes() {
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gama, mean: 10, sd: 2}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week.dist",
                          message: "unknown distribution; did you mean 'gamma'? Known: constant, uniform, triangular, pert, normal, "
                              + "lognormal, gamma, exponential, weibull, beta, poisson, empirical",
                          value: "gama")
    }

    func testMissingDist() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "{mean: 10, sd: 2}", message: "a distribution needs 'dist'")
    }

    func testMixedParameterRows() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "{dist: gamma, mean: 10, scale: 2}",
                          message: "gamma takes exactly one of {mean, sd} or {shape, scale}, not a mix of them")
        assertSingleIssue(setting: .accept, to: "{dist: beta, mean: 0.5, trials: 10}",
                          message: "beta takes exactly one of {alpha, beta}, {mean, n} or {successes, trials}")
    }

    func testMissingAndUnknownParameters() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "{dist: lognormal, median: 10}",
                          message: "lognormal is missing p90 (lognormal takes {median, p90}, {mean, sd} or {mu, sigma})")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: exponential, mean: 10, rate: 2}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week.rate",
                          message: "unknown parameter 'rate' for exponential", value: nil)
    }

    // MARK: Dates

    func testDateFormat() {
        assertSingleIssue(setting: .start, to: "04/01/2027", message: "write dates as YYYY-MM-DD (year first)")
        assertSingleIssue(setting: .start, to: "2027-1-4", message: "write dates as YYYY-MM-DD, with two-digit months and days")
    }

    func testDateMustExist() {
        assertSingleIssue(setting: .start, to: "2027-02-29", message: "is not a date that exists")
    }

    func testHolidayRange() {
        let yaml = Fixture.appending("""
            calendar:
              holidays:
                - {name: Summer, from: 2027-07-10, to: 2027-07-01}
                - {name: One day, from: 2027-05-01}
            """)
        assertSingleIssue(yaml, line: 19, path: "calendar.holidays.Summer.to",
                          message: "the holiday ends before it starts (from 2027-07-10)", value: "2027-07-01")
        let s = scenario(Fixture.appending("calendar:\n  holidays:\n    - {name: One day, from: 2027-05-01}"))
        XCTAssertEqual(s?.calendar.holidays, [Holiday(name: "One day", from: CivilDate(iso: "2027-05-01")!, to: CivilDate(iso: "2027-05-01")!)])
    }

    func testDeadlineBeforeOpening() {
        // Deadline day 16 ends at day 17: an opening on day 17 or later is an error, day 16.5 is not.
        let at = "requisitions.backend.deadline"
        assertSingleIssue(Fixture.inserting(after: 5, "    opens_day: 17\n    deadline: 2027-01-20"), line: 7, path: at,
                          message: "the deadline ends before the requisition opens (opens_day 17, 2027-01-21)", value: "2027-01-20, day 16")
        XCTAssertNotNil(scenario(Fixture.inserting(after: 5, "    opens_day: 16.5\n    deadline: 2027-01-20")))
        assertSingleIssue(Fixture.inserting(after: 5, "    deadline: 2027-01-03"), line: 6, path: at,
                          message: "the deadline ends before the requisition opens", value: "2027-01-03, day -1")
    }

    func testDeadlineAfterHorizon() {
        // Horizon 200 days from 2027-01-04: the last day is day 199, 2027-07-22.
        XCTAssertNotNil(scenario(Fixture.inserting(after: 5, "    deadline: 2027-07-22")))
        assertSingleIssue(Fixture.inserting(after: 5, "    deadline: 2027-07-23"), line: 6, path: "requisitions.backend.deadline",
                          message: "the deadline is after the horizon's last day (day 199, 2027-07-22); raise horizon_days",
                          value: "2027-07-23, day 200")
    }

    func testOpeningAfterHorizon() {
        assertSingleIssue(setting: .opensDay, to: "200",
                          message: "the requisition opens after the horizon's last day (day 199, 2027-07-22)")
    }

    // MARK: Names

    func testNamePattern() {
        assertSingleIssue(Fixture.replacing(line: 5, with: "  - name: back end"), line: 5, path: "requisitions[\"back end\"].name",
                          message: "a requisition name may use only letters, digits, '_' and '-'", value: "back end")
        assertSingleIssue(Fixture.replacing(line: 11, with: "      - name: on.site"), line: 11,
                          path: "requisitions.backend.stages[\"on.site\"].name",
                          message: "a stage name may use only letters, digits, '_' and '-'", value: "on.site")
    }

    func testRequisitionNotCalledPlan() {
        assertSingleIssue(Fixture.replacing(line: 5, with: "  - name: plan"), line: 5, path: "requisitions.plan.name",
                          message: "'plan' is reserved", value: "plan")
    }

    func testUniqueNames() {
        assertSingleIssue(Fixture.replacing(line: 11, with: "      - name: screen"), line: 11, path: "requisitions.backend.stages.screen.name",
                          message: "two stages are called 'screen' (first on line 9); names must be unique", value: "screen")
        let two = Fixture.base + "\n" + Fixture.base.components(separatedBy: "\n")[4...].joined(separator: "\n")
        assertSingleIssue(two, line: 17, path: "requisitions.backend.name",
                          message: "two requisitions are called 'backend' (first on line 5)", value: "backend")
    }

    func testListItemWithoutNameIsNamedByIndex() {
        let found = issues(Fixture.replacing(line: 5, with: "  - openings: 2"))
        XCTAssertEqual(found.map(\.description), ["test.yaml:5: requisitions[0].name: missing required field 'name'"])
    }

    func testAtLeastOneRequisitionAndStage() {
        assertSingleIssue("name: x\nstart: 2027-01-04\nrequisitions: []", line: 3, path: "requisitions",
                          message: "needs at least one requisition", value: "[]")
        assertSingleIssue("name: x\nstart: 2027-01-04", line: 1, path: "requisitions",
                          message: "missing required field 'requisitions'", value: nil)
        let noStages = Fixture.replacing(line: 8, with: "    stages: []", in: Fixture.base.components(separatedBy: "\n")
            .enumerated().filter { !(9...14).contains($0.offset + 1) }.map(\.element).joined(separator: "\n"))
        assertSingleIssue(noStages, line: 8, path: "requisitions.backend.stages", message: "needs at least one stage", value: "[]")
    }

    // MARK: Interview-only fields

    func testNoShowOnlyOnInterviewStages() {
        assertSingleIssue(Fixture.inserting(after: 10, "        no_show: 0.1"), line: 11, path: "requisitions.backend.stages.screen.no_show",
                          message: "only interview stages have no_show; add 'interview: true'", value: "0.1")
        assertSingleIssue(Fixture.inserting(after: 10, "        interviewer_hours: 1"), line: 11,
                          path: "requisitions.backend.stages.screen.interviewer_hours",
                          message: "only interview stages have interviewer_hours", value: "1")
    }

    // MARK: Integers and plain numbers

    func testIntegers() {
        assertSingleIssue(setting: .openings, to: "2.5", message: "must be a whole number")
        assertSingleIssue(setting: .openings, to: "0", message: "must be at least 1")
        assertSingleIssue(setting: .openings, to: "{dist: poisson, mean: 3}",
                          message: "must be a plain whole number, not a distribution")
        assertSingleIssue(Fixture.inserting(after: 7, "      initial_pool: -1"), line: 8, path: "requisitions.backend.sourcing.initial_pool",
                          message: "must be at least 0", value: "-1")
        assertSingleIssue(Fixture.inserting(after: 7, "      max_applicants: 0"), line: 8, path: "requisitions.backend.sourcing.max_applicants",
                          message: "must be at least 1", value: "0")
        assertSingleIssue(Fixture.appending("    decision: {slate_size: 0}"), line: 17, path: "requisitions.backend.decision.slate_size",
                          message: "must be at least 1", value: "0")
        assertSingleIssue(Fixture.appending("recruiters: {count: -1, hours_per_week: 30}"), line: 17, path: "recruiters.count",
                          message: "must be at least 0", value: "-1")
        assertSingleIssue(setting: .trials, to: "0", message: "must be at least 1")
        assertSingleIssue(setting: .seed, to: "-1", message: "must be at least 0")
        assertSingleIssue(setting: .seed, to: "1.5", message: "must be a whole number")
        XCTAssertEqual(scenario(Fixture.inserting(after: 3, "seed: 18446744073709551615"))?.seed, UInt64.max)
    }

    func testPoolNeedsHoursWhenCounted() {
        assertSingleIssue(Fixture.appending("interviewers: {count: 3, hours_per_week: 0}"), line: 17, path: "interviewers.hours_per_week",
                          message: "must be greater than 0 for a pool of 3", value: "0")
        assertSingleIssue(Fixture.appending("interviewers: {count: 3}"), line: 17, path: "interviewers.hours_per_week",
                          message: "missing required field 'hours_per_week'", value: nil)
        XCTAssertEqual(scenario(Fixture.appending("interviewers: {count: 0, hours_per_week: 0}"))?.interviewers?.count.fixedValue, 0)
    }

    func testHorizonAndOpensDayArePlainNumbers() {
        assertSingleIssue(setting: .horizonDays, to: "0", message: "must be greater than 0")
        assertSingleIssue(setting: .horizonDays, to: "{dist: uniform, min: 100, max: 200}",
                          message: "must be a plain number, not a distribution")
        assertSingleIssue(setting: .opensDay, to: "-1", message: "must not be negative")
    }

    // MARK: Budget and calendar

    func testFreezeDaysRequiredWithFreezes() {
        assertSingleIssue(Fixture.appending("budget:\n  freezes_per_year: 0.5"), line: 18, path: "budget.freeze_days",
                          message: "freeze_days (how long a freeze lasts) is required when freezes_per_year is not 0",
                          value: "freezes_per_year 0.5")
        assertSingleIssue(Fixture.appending("budget:\n  freezes_per_year: {dist: uniform, min: 0, max: 2}"), line: 18,
                          path: "budget.freeze_days", message: "is required when freezes_per_year is not 0",
                          value: "freezes_per_year {dist: uniform, min: 0, max: 2}")
        XCTAssertNotNil(scenario(Fixture.appending("budget:\n  freezes_per_year: 0")))
    }

    func testWorkdays() {
        assertSingleIssue(Fixture.appending("calendar:\n  workdays: []"), line: 18, path: "calendar.workdays",
                          message: "must list at least one working day", value: "[]")
        assertSingleIssue(Fixture.appending("calendar:\n  workdays: [mon, funday]"), line: 18, path: "calendar.workdays[1]",
                          message: "unknown day; use mon, tue, wed, thu, fri, sat, sun", value: "funday")
        assertSingleIssue(Fixture.appending("calendar:\n  workdays: [mon, tue, mon]"), line: 18, path: "calendar.workdays[2]",
                          message: "day listed twice", value: "mon")
        assertSingleIssue(Fixture.appending("calendar:\n  workdays: mon"), line: 18, path: "calendar.workdays",
                          message: "expected a list of days", value: "mon")
        XCTAssertEqual(scenario(Fixture.appending("calendar:\n  workdays: [sun, sat, fri]"))?.calendar.workdays, [.fri, .sat, .sun])
    }

    // MARK: Several problems at once

    func testEveryProblemIsReported() {
        let yaml = """
            name: Broken plan
            start: 2027-02-30
            horizon_days: -5
            trials: many
            requisitions:
              - name: backend
                openings: 0
                sourcing:
                  applicants_per_week: {dist: gamma, mean: 10}
                stages:
                  - name: screen
                    pass: 1.4
                    no_show: 0.2
                offer:
                  accept: "0.8"
              - name: backend
                colour: blue
                sourcing: {applicants_per_week: 5}
                stages: [{name: s, pass: {dist: beta, successes: 5, trials: 3}}]
                offer: {}
            """
        let found = issues(yaml)
        XCTAssertEqual(found.map(\.line), [2, 3, 4, 7, 9, 12, 13, 15, 16, 17, 19, 20], found.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(found.map(\.path), [
            "start", "horizon_days", "trials", "requisitions.backend.openings",
            "requisitions.backend.sourcing.applicants_per_week", "requisitions.backend.stages.screen.pass",
            "requisitions.backend.stages.screen.no_show", "requisitions.backend.offer.accept",
            "requisitions.backend.name", "requisitions.backend.colour", "requisitions.backend.stages.s.pass",
            "requisitions.backend.offer.accept",
        ])
    }

    // MARK: Messages

    func testDescriptionFormat() {
        XCTAssertEqual(ScenarioIssue(file: "a.yaml", line: 3, path: "x.y", message: "bad", value: "7").description, "a.yaml:3: x.y: bad (got 7)")
        XCTAssertEqual(ScenarioIssue(file: "a.yaml", line: nil, path: "x.y", message: "bad").description, "a.yaml: x.y: bad")
        XCTAssertEqual(ScenarioIssue(file: "a.yaml", line: 2, path: "", message: "bad").description, "a.yaml:2: bad")
        let error = ScenarioError(issues: [ScenarioIssue(file: "a", line: 1, path: "p", message: "m"),
                                           ScenarioIssue(file: "a", line: 2, path: "q", message: "n")])
        XCTAssertEqual(error.description, "a:1: p: m\na:2: q: n")
    }

    func testPoissonMeanIsBounded() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "{dist: poisson, mean: 1e15}",
                          message: "poisson mean must be at most 1000000000 (GSL draws Poisson counts as 32-bit integers)")
        XCTAssertNotNil(scenario(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: poisson, mean: 1e9}")))
    }

    func testBetaWeightIsBounded() {
        assertSingleIssue(Fixture.replacing(line: 10, with: "        pass: {dist: beta, successes: 3000000, trials: 10000000}"), line: 10,
                          path: "requisitions.backend.stages.screen.pass",
                          message: "beta with alpha + beta above 1000000 is certain to within 0.001: write its mean (about 0.3) as a "
                            + "number", value: "{dist: beta, successes: 3000000, trials: 10000000}")
        XCTAssertNotNil(scenario(Fixture.replacing(line: 10, with: "        pass: {dist: beta, successes: 300000, trials: 999998}")))
    }
}
