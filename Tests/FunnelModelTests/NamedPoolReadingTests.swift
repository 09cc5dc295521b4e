import FunnelModel
import XCTest

/// Named pools (MODEL.md 21.1): a list of pools read with their names, a
/// requisition's `recruiters`/`interviewers` naming one, the parameter
/// paths `recruiters.NAME.count`, interventions on them, and the mistakes
/// reported at their line with the closest names.
final class NamedPoolReadingTests: XCTestCase {
    /// `Fixture.base` with two recruiter pools after line 3 (lines 4-6)
    /// and the backend requisition naming `pool` (line 9) if given.
    private func yaml(naming pool: String? = nil, pools: String = """
        recruiters:
          - {name: tech, count: 1, hours_per_week: 10}
          - {name: sales, count: 2, hours_per_week: 6, discipline: fifo}
        """) -> String {
        let withPools = Fixture.inserting(after: 3, pools)
        guard let pool else { return withPools }
        return Fixture.inserting(after: 8, "    recruiters: \(pool)", in: withPools)
    }

    func testListIsReadAndRequisitionsNameTheirPool() throws {
        let s = try XCTUnwrap(scenario(yaml(naming: "sales")))
        XCTAssertEqual(s.recruiterPools.map(\.name), ["tech", "sales"])
        XCTAssertEqual(s.recruiterPools.map(\.discipline), [.priority, .fifo])
        XCTAssertEqual(s.requisitions[0].recruiterPool, "sales")
        XCTAssertEqual(s.poolIndex(.recruiters, of: s.requisitions[0]), 1)
        let unnamed = try XCTUnwrap(scenario(yaml()))
        XCTAssertNil(unnamed.requisitions[0].recruiterPool)
        XCTAssertEqual(unnamed.poolIndex(.recruiters, of: unnamed.requisitions[0]), 0, "default: the first pool")
        XCTAssertEqual(s.validationIssues, [])
    }

    func testParameterPathsNameThePool() throws {
        let s = try XCTUnwrap(scenario(yaml()))
        let paths = s.parameters.map(\.slot.path)
        XCTAssertTrue(paths.contains("recruiters.tech.count"))
        XCTAssertTrue(paths.contains("recruiters.sales.hours_per_week"))
        XCTAssertFalse(paths.contains("recruiters.count"))
        // The single form keeps its paths.
        let single = try XCTUnwrap(scenario(Fixture.inserting(after: 3, "recruiters: {count: 1, hours_per_week: 8}")))
        XCTAssertTrue(single.parameters.map(\.slot.path).contains("recruiters.count"))
    }

    func testInterventionsChangeOneNamedPool() throws {
        let s = try XCTUnwrap(scenario(yaml()))
        let changed = try s.applying([ParameterChange(pattern: "recruiters.sales.count", operation: .multiply(2)),
                                      ParameterChange(pattern: "recruiters.*.hours_per_week", operation: .add(1))])
        XCTAssertEqual(changed.recruiterPools.map(\.count.integerValue), [1, 4])
        XCTAssertEqual(changed.recruiterPools.map(\.hoursPerWeek.fixedValue), [11, 7])
        XCTAssertEqual(changed.recruiterPools.map(\.discipline), [.priority, .fifo], "names and disciplines stay")
        XCTAssertThrowsError(try s.applying([ParameterChange(pattern: "recruiters.sales.count", operation: .replace(.constant(0)))])) { e in
            XCTAssertEqual((e as? ChangeError)?.path, "recruiters.sales.count")
        }
    }

    func testUnknownPoolListsTheClosest() {
        assertSingleIssue(yaml(naming: "salse"), line: 9, path: "requisitions.backend.recruiters",
                          message: "no recruiters pool is called 'salse'; closest: sales, tech", value: "salse")
    }

    func testNamingAPoolOfTheSingleFormOrOfNone() {
        assertSingleIssue(Fixture.inserting(after: 6, "    recruiters: tech",
                                            in: Fixture.inserting(after: 3, "recruiters: {count: 1, hours_per_week: 8}")),
                          line: 7, path: "requisitions.backend.recruiters",
                          message: "recruiters is one pool without a name", value: "tech")
        assertSingleIssue(Fixture.inserting(after: 5, "    interviewers: panel"), line: 6, path: "requisitions.backend.interviewers",
                          message: "the plan has no interviewers pool to name", value: "panel")
    }

    func testDuplicateAndMissingPoolNames() {
        assertSingleIssue(yaml(pools: """
            recruiters:
              - {name: tech, count: 1, hours_per_week: 10}
              - {name: tech, count: 2, hours_per_week: 6}
            """), line: 6, path: "recruiters.tech.name",
                          message: "two pools are called 'tech' (first on line 5); names must be unique", value: "tech")
        assertSingleIssue(yaml(pools: """
            recruiters:
              - {name: tech, count: 1, hours_per_week: 10}
              - {count: 2, hours_per_week: 6}
            """), line: 6, path: "recruiters[1].name", message: "missing required field 'name'", value: nil)
        assertSingleIssue(yaml(pools: "recruiters: []"), line: 4, path: "recruiters",
                          message: "a list of recruiters pools needs at least one pool", value: "[]")
    }

    /// The same rules for a scenario built in code.
    func testCodeBuiltScenario() throws {
        var s = try XCTUnwrap(scenario(yaml()))
        s.recruiterPools[1].name = "tech"
        s.requisitions[0].recruiterPool = "ops"
        s.requisitions[0].interviewerPool = "panel"
        let found = s.validationIssues.map(\.description)
        XCTAssertEqual(found, [
            "recruiters.tech.name: two pools are called 'tech'; names must be unique (got tech)",
            "requisitions.backend.recruiters: no recruiters pool is called 'ops'; closest: tech (got ops)",
            "requisitions.backend.interviewers: the plan has no interviewers pool to name; add a list of named pools under interviewers (got panel)",
        ])
    }
}
