import FunnelModel
import XCTest

/// `interventions[]`: operations, patterns checked against the parameter
/// paths, values checked against the fields they reach (MODEL.md 13, 17.13).
final class InterventionTests: XCTestCase {
    /// `Fixture.base` with one intervention; its first change is on line 20.
    func plan(_ changes: String, name: String = "Try") -> String {
        Fixture.appending("interventions:\n  - name: \(name)\n    changes:\n" + changes)
    }

    func changes(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [ParameterChange] {
        scenario(yaml, file, line)?.interventions.first?.changes ?? []
    }

    func testOperations() {
        let found = changes(plan("""
                  "requisitions.*.stages.*.no_show": "x0.6"
                  "requisitions.backend.sourcing.applicants_per_week": "+2"
                  "requisitions.backend.sourcing.initial_pool": +3
                  "requisitions.backend.offer.accept": "-0.1"
                  "requisitions.backend.decision.max_wait_days": 5
                  "requisitions.backend.stages.screen.pass": {dist: beta, alpha: 2, beta: 3}
            """))
        XCTAssertEqual(found.map(\.operation), [
            .multiply(0.6), .add(2), .add(3), .add(-0.1), .replace(.constant(5)), .replace(.beta(alpha: 2, beta: 3)),
        ])
        XCTAssertEqual(found[0].pattern, "requisitions.*.stages.*.no_show")
    }

    func testPatternMatchingNothingListsClosestPaths() {
        assertSingleIssue(plan("      \"requisitions.*.stages.*.noshow\": \"x0.6\""), line: 20,
                          path: "interventions.Try.changes[\"requisitions.*.stages.*.noshow\"]",
                          message: "the pattern matches no parameter; closest: requisitions.*.stages.*.no_show, "
                              + "requisitions.*.stages.*.pass, requisitions.*.stages.*.hr_workdays",
                          value: nil)
        let issue = assertSingleIssue(plan("      \"recruiter.count\": 3"), line: 20, path: "interventions.Try.changes[\"recruiter.count\"]",
                                      message: "the pattern matches no parameter; closest: recruiters.count", value: nil)
        XCTAssertEqual(issue?.message.components(separatedBy: ", ").count, 3, "three suggestions")
    }

    func testMultiplyingAnAbsentNoLimitFieldIsAnError() {
        assertSingleIssue(plan("      \"requisitions.*.decision.max_wait_days\": \"x2\""), line: 20,
                          path: "interventions.Try.changes[\"requisitions.*.decision.max_wait_days\"]",
                          message: "requisitions.backend.decision.max_wait_days is not set (no limit): a \"no limit\" field can be set "
                              + "to a number but not multiplied or added to",
                          value: "\"x2\"")
        assertSingleIssue(plan("      \"requisitions.backend.sourcing.max_applicants\": \"+100\""), line: 20,
                          path: "interventions.Try.changes[\"requisitions.backend.sourcing.max_applicants\"]",
                          message: "requisitions.backend.sourcing.max_applicants is not set (no limit)", value: "\"+100\"")
        XCTAssertEqual(changes(plan("      \"requisitions.backend.sourcing.max_applicants\": 500")).first?.operation, .replace(.constant(500)))
    }

    func testReplacementIsCheckedAgainstEveryFieldItReaches() {
        assertSingleIssue(plan("      \"requisitions.*.stages.*.pass\": 1.5"), line: 20,
                          path: "interventions.Try.changes[\"requisitions.*.stages.*.pass\"]",
                          message: "cannot replace requisitions.backend.stages.screen.pass: a probability must be between 0 and 1",
                          value: "1.5")
        assertSingleIssue(plan("      \"requisitions.backend.openings\": {dist: poisson, mean: 3}"), line: 20,
                          path: "interventions.Try.changes[\"requisitions.backend.openings\"]",
                          message: "cannot replace requisitions.backend.openings: must be a plain whole number, not a distribution",
                          value: "{dist: poisson, mean: 3}")
        assertSingleIssue(plan("      \"requisitions.backend.stages.onsite.no_show\": {dist: gamma, mean: 1, sd: 1}"), line: 20,
                          path: "interventions.Try.changes[\"requisitions.backend.stages.onsite.no_show\"]",
                          message: "gamma can give values above 1", value: "{dist: gamma, mean: 1, sd: 1}")
    }

    func testBadChangeValues() {
        let at = "interventions.Try.changes[\"recruiters.count\"]"
        let pool = Fixture.appending("recruiters: {count: 2, hours_per_week: 30}")
        func one(_ value: String, _ message: String, _ shown: String?, line: UInt = #line) {
            assertSingleIssue(plan("      \"recruiters.count\": \(value)").replacingOccurrences(of: Fixture.base, with: pool),
                              line: 21, path: at, message: message, value: shown, #filePath, line)
        }
        one("\"x-1\"", "a multiplier must not be negative", "\"x-1\"")
        one("\"x\"", "a multiplication is written \"x0.6\"", "\"x\"")
        one("\"+two\"", "an addition is written \"+2\" or \"-1\"", "\"+two\"")
        one("more", "expected a number, a distribution, \"x0.6\" (multiply) or \"+2\" / \"-1\" (add)", "more")
        one("\"3\"", "write the number without quotes", "\"3\"")
        one("2.5", "cannot replace recruiters.count: must be a whole number", "2.5")
    }

    func testNamesAreRequiredAndUnique() {
        let yaml = Fixture.appending("""
            interventions:
              - name: A
                changes: {"recruiters.count": 2, "recruiters.hours_per_week": 20}
              - name: A
                changes: {"requisitions.backend.offer.accept": 0.9}
              - changes: {"requisitions.backend.offer.accept": 0.9}
              - name: B
              - name: C
                changes: "x2"
            """)
        let found = issues(yaml)
        XCTAssertEqual(found.map(\.description), [
            "test.yaml:20: interventions.A.name: two interventions are called 'A' (first on line 18); names must be unique (got A)",
            "test.yaml:22: interventions[2].name: missing required field 'name'",
            "test.yaml:23: interventions.B.changes: missing required field 'changes' (a mapping from parameter paths to a number, "
                + "a distribution, \"x0.6\" (multiply) or \"+2\" / \"-1\" (add))",
            "test.yaml:25: interventions.C.changes: expected a mapping from parameter paths to a number, a distribution, "
                + "\"x0.6\" (multiply) or \"+2\" / \"-1\" (add), not a single value (got \"x2\")",
        ])
    }

    func testAddingAPoolNeedsCountAndHours() {
        assertSingleIssue(plan("      \"recruiters.count\": 3"), line: 20, path: "interventions.Try.changes",
                          message: "the plan has no recruiters pool; an intervention that adds one must set both recruiters.count and "
                              + "recruiters.hours_per_week (recruiters.hours_per_week is missing)",
                          value: nil)
        XCTAssertEqual(changes(plan("      \"recruiters.count\": 3\n      \"recruiters.hours_per_week\": 30")).count, 2)
    }

    func testFieldsOutsideTheParametersAreNotPatterns() {
        let issue = assertSingleIssue(plan("      \"trials\": 100"), line: 20, path: "interventions.Try.changes[\"trials\"]",
                                      message: "the pattern matches no parameter", value: nil)
        XCTAssertNotNil(issue)
    }
}

extension InterventionTests {
    /// A pool written wrongly is reported once, not again by the interventions that change it.
    func testBrokenPoolIsReportedOnce() {
        let yaml = Fixture.appending("recruiters: lots\ninterventions:\n  - name: More\n    changes: {\"recruiters.count\": 3}")
        XCTAssertEqual(issues(yaml).map(\.path), ["recruiters"])
    }
}
