import FunnelModel
import ScenarioYAML
import XCTest

/// `Scenario.applying`: replace, multiply, add through the parameter paths,
/// the range each field keeps, "no limit" fields, and the errors
/// (MODEL.md 13, 17.13, 17.14).
final class ScenarioChangesTests: XCTestCase {
    /// `Fixture.base` with a recruiter pool and a background check.
    var plan: Scenario!

    override func setUp() {
        plan = scenario(Fixture.appending("""
            recruiters: {count: 2, hours_per_week: 30}
            """, to: Fixture.replacing(line: 16, with: """
                  accept: {dist: beta, alpha: 8, beta: 2}
                background_check: {workdays: 5, fail: 0.05}
            """)))
    }

    func change(_ pattern: String, _ op: ParameterChange.Operation) -> ParameterChange {
        ParameterChange(pattern: pattern, operation: op)
    }

    func applied(_ changes: ParameterChange..., file: StaticString = #filePath, line: UInt = #line) -> Scenario? {
        do { return try plan.applying(changes) } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
            return nil
        }
    }

    func error(_ changes: ParameterChange..., file: StaticString = #filePath, line: UInt = #line) -> ChangeError? {
        do {
            _ = try plan.applying(changes)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch { return error }
    }

    func testReplaceSetsANewValueWithScaleOneAndShiftZero() throws {
        var s = try XCTUnwrap(applied(change("requisitions.backend.stages.screen.pass", .multiply(0.5)),
                                      change("requisitions.backend.stages.screen.pass", .replace(.constant(0.7)))))
        XCTAssertEqual(s.requisitions[0].stages[0].pass, Quantity(0.7, kind: .probability))
        s = try XCTUnwrap(applied(change("requisitions.backend.offer.accept", .replace(.constant(0.9)))))
        XCTAssertEqual(s.requisitions[0].offer.accept, Quantity(0.9, kind: .probability))
        XCTAssertTrue(s.uncertainParameters.isEmpty, "the only uncertain parameter became a number")
        s = try XCTUnwrap(applied(change("requisitions.*.stages.*.no_show", .replace(.beta(alpha: 1, beta: 9)))))
        XCTAssertEqual(s.uncertainParameters.map(\.id.path),
                       ["requisitions.backend.stages.onsite.no_show", "requisitions.backend.offer.accept"])
    }

    func testMultiplyAndAddActOnTheValueAsDrawn() throws {
        let s = try XCTUnwrap(applied(change("requisitions.*.stages.*.pass", .multiply(0.5)),
                                      change("requisitions.backend.stages.screen.pass", .add(0.1)),
                                      change("requisitions.backend.offer.accept", .multiply(2)),
                                      change("recruiters.hours_per_week", .add(-10))))
        let screen = s.requisitions[0].stages[0].pass, onsite = s.requisitions[0].stages[1].pass
        XCTAssertEqual(screen.fixedValue, 0.5 * 0.5 + 0.1, accuracy: 1e-15)
        XCTAssertEqual(onsite.fixedValue, 0.4 * 0.5, accuracy: 1e-15)
        XCTAssertEqual(screen.distribution, .constant(0.5), "the file's value stays visible")
        XCTAssertEqual(s.recruiters?.hoursPerWeek.fixedValue, 20)
        // x2 on a probability drawn from a distribution: each draw doubled, capped at 1.
        let accept = s.requisitions[0].offer.accept
        XCTAssertEqual(accept.adjust(0.3), 0.6)
        XCTAssertEqual(accept.adjust(0.8), 1, "probabilities are clipped to [0, 1]")
        // A multiplication after an addition scales both.
        let t = try XCTUnwrap(applied(change("recruiters.hours_per_week", .add(10)), change("recruiters.hours_per_week", .multiply(0.5))))
        XCTAssertEqual(t.recruiters?.hoursPerWeek.fixedValue, 20)
    }

    func testClippingAndRounding() throws {
        let s = try XCTUnwrap(applied(change("requisitions.backend.stages.onsite.no_show", .add(-1)),
                                      change("requisitions.backend.sourcing.applicants_per_week", .add(-50)),
                                      change("requisitions.backend.openings", .multiply(2.3)),
                                      change("requisitions.backend.decision.slate_size", .multiply(0)),
                                      change("requisitions.backend.background_check.fail", .multiply(30))))
        let r = s.requisitions[0]
        XCTAssertEqual(r.stages[1].noShow.fixedValue, 0, "probability clipped at 0")
        XCTAssertEqual(r.sourcing.applicantsPerWeek.fixedValue, 0, "a rate clipped at 0")
        XCTAssertEqual(r.openings.integerValue, 2, "1 x 2.3 rounds to 2")
        XCTAssertEqual(r.decision.slateSize.integerValue, 1, "a slate stays at least 1")
        XCTAssertEqual(r.backgroundCheck?.fail.fixedValue, 1, "0.05 x 30 capped at 1")
    }

    func testNoLimitFieldsCanBeSetButNotMultiplied() throws {
        let s = try XCTUnwrap(applied(change("requisitions.backend.sourcing.max_applicants", .replace(.constant(300))),
                                      change("requisitions.backend.decision.max_wait_days", .replace(.gamma(shape: 2, scale: 3))),
                                      change("interviewers.count", .replace(.constant(3))),
                                      change("interviewers.hours_per_week", .replace(.constant(8)))))
        XCTAssertEqual(s.requisitions[0].sourcing.maxApplicants?.integerValue, 300)
        XCTAssertEqual(s.requisitions[0].decision.maxWaitDays, Quantity(.gamma(shape: 2, scale: 3), kind: .duration))
        XCTAssertEqual(s.interviewers?.count.integerValue, 3)
        XCTAssertEqual(s.interviewers?.hoursPerWeek.fixedValue, 8)

        let e = try XCTUnwrap(error(change("requisitions.backend.sourcing.max_applicants", .multiply(2))))
        XCTAssertEqual(e.description, "requisitions.backend.sourcing.max_applicants: the field is not set (no limit): "
                           + "a \"no limit\" field can be set to a number but not multiplied or added to (got x2)")
        XCTAssertEqual(error(change("requisitions.*.decision.max_wait_days", .add(2)))?.path,
                       "requisitions.backend.decision.max_wait_days")
        // Setting it first makes it a number that can then be scaled.
        let t = try XCTUnwrap(applied(change("requisitions.backend.sourcing.max_applicants", .replace(.constant(300))),
                                      change("requisitions.backend.sourcing.max_applicants", .multiply(1.5))))
        XCTAssertEqual(t.requisitions[0].sourcing.maxApplicants?.integerValue, 450)
    }

    func testErrorsNameThePathAndTheValue() throws {
        XCTAssertEqual(error(change("requisitions.*.stages.*.noshow", .multiply(0.6)))?.description,
                       "requisitions.*.stages.*.noshow: the pattern matches no parameter; closest: requisitions.*.stages.*.no_show, "
                           + "requisitions.*.stages.*.pass, requisitions.*.stages.*.hr_workdays (got x0.6)")
        XCTAssertEqual(error(change("requisitions.backend.stages.screen.pass", .replace(.constant(1.5))))?.description,
                       "requisitions.backend.stages.screen.pass: a probability must be between 0 and 1 (got 1.5)")
        XCTAssertEqual(error(change("requisitions.backend.openings", .replace(.poisson(mean: 3))))?.message,
                       "must be a plain whole number, not a distribution")
        XCTAssertEqual(error(change("recruiters.count", .multiply(0.2)))?.description,
                       "recruiters.count: a pool count must stay at least 1 after a change (got 0)")
        XCTAssertEqual(error(change("recruiters.count", .replace(.constant(0))))?.path, "recruiters.count")
        XCTAssertEqual(error(change("recruiters.hours_per_week", .multiply(0)))?.description,
                       "recruiters.hours_per_week: must stay greater than 0 for a pool of 2 (got 0)")
        XCTAssertEqual(error(change("interviewers.count", .replace(.constant(3))))?.description,
                       "interviewers: the plan has no interviewers pool; a change that adds one must set both "
                           + "interviewers.count and interviewers.hours_per_week")
        XCTAssertEqual(error(change("budget.freezes_per_year", .replace(.constant(2))))?.description,
                       "budget.freeze_days: budget.freezes_per_year is above 0 after the change, so budget.freeze_days is required")
        XCTAssertEqual(error(change("weather.no_show_multiplier", .multiply(-1)))?.message, "a multiplier must be a number of at least 0")
    }

    func testInterventionErrorsNameTheIntervention() throws {
        let i = Intervention(name: "Fewer recruiters", changes: [change("recruiters.count", .replace(.constant(0)))])
        XCTAssertThrowsError(try plan.applying(i)) { e in
            XCTAssertEqual("\(e)", "recruiters.count: intervention 'Fewer recruiters': a pool count must stay at least 1 "
                               + "after a change (got 0)")
        }
    }

    /// The reference plan's own interventions apply.
    func testReferencePlanInterventionsApply() throws {
        let reference = try ScenarioLoader.load(path: Fixture.referencePlanPath)
        for i in reference.interventions { XCTAssertNoThrow(try reference.applying(i), i.name) }
        let fewer = try reference.applying(reference.interventions[0])
        XCTAssertEqual(fewer.requisitions[0].stages[1].noShow.scale, 0.6)
        XCTAssertEqual(try reference.applying(reference.interventions[2]).recruiters?.count.integerValue, 3)
    }
}
