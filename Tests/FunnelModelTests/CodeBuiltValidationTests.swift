import Foundation
import FunnelModel
import Sampling
import ScenarioYAML
import XCTest

/// A scenario built in code, with no YAML, is held to the loader's rules:
/// `Scenario.validationIssues` reports the same message at the same field
/// path as loading the same mistake from a file.
final class CodeBuiltValidationTests: XCTestCase {
    /// `Fixture.base`, built in code.
    static func base() -> Scenario {
        var screen = Stage(name: "screen", pass: Quantity(0.5, kind: .probability))
        screen.hrWorkdays = Quantity(0, kind: .duration)
        var onsite = Stage(name: "onsite", interview: true, pass: Quantity(0.4, kind: .probability))
        onsite.noShow = Quantity(0.1, kind: .probability)
        let r = Requisition(name: "backend", sourcing: Sourcing(applicantsPerWeek: Quantity(10, kind: .nonNegative)),
                            stages: [screen, onsite], offer: Offer(accept: Quantity(0.8, kind: .probability)))
        return Scenario(name: "Test plan", start: CivilDate(year: 2027, month: 1, day: 4)!, horizonDays: 200, requisitions: [r])
    }

    /// The one issue of `yaml` and the one issue of `code` have the same
    /// path and message (the file's message less `fileOnly`, such as the
    /// line of a first occurrence, which a value built in code has not).
    func assertSame(_ yaml: String, fileOnly: String = "", _ change: (inout Scenario) -> Void,
                    file: StaticString = #filePath, line: UInt = #line) {
        let fromFile = issues(yaml, file, line)
        var s = Self.base()
        change(&s)
        let fromCode = s.validationIssues
        XCTAssertEqual(fromFile.count, 1, "\(fromFile)", file: file, line: line)
        XCTAssertEqual(fromCode.count, 1, "\(fromCode)", file: file, line: line)
        guard let a = fromFile.first, let b = fromCode.first else { return }
        XCTAssertEqual(b.path, a.path, file: file, line: line)
        XCTAssertEqual(b.message, fileOnly.isEmpty ? a.message : a.message.replacingOccurrences(of: fileOnly, with: ""),
                       file: file, line: line)
        XCTAssertNil(b.line, file: file, line: line)
        XCTAssertThrowsError(try s.validated(), file: file, line: line)
    }

    func testTheBaseIsValidBothWays() throws {
        XCTAssertEqual(Self.base().validationIssues, [])
        XCTAssertEqual(try ScenarioLoader.parse(yaml: Fixture.base, file: "t.yaml"), Self.base())
    }

    func testProbabilityOutOfRange() {
        assertSame(Fixture.replacing(line: 10, with: "        pass: 1.5")) {
            $0.requisitions[0].stages[0].pass = Quantity(1.5, kind: .probability)
        }
    }

    /// The field's kind decides, not the kind a hand-built Quantity carries.
    func testTheFieldsKindDecides() {
        assertSame(Fixture.replacing(line: 16, with: "        accept: 2")) {
            $0.requisitions[0].offer.accept = Quantity(2, kind: .nonNegative)
        }
    }

    func testDistributionParameters() {
        assertSame(Fixture.replacing(line: 7, with: "          applicants_per_week: {dist: uniform, min: 5, max: 2}")) {
            $0.requisitions[0].sourcing.applicantsPerWeek = Quantity(.uniform(min: 5, max: 2), kind: .nonNegative)
        }
        assertSame(Fixture.replacing(line: 7, with: "          applicants_per_week: {dist: normal, mean: 3, sd: 1}")) {
            $0.requisitions[0].sourcing.applicantsPerWeek = Quantity(.normal(mean: 3, sd: 1), kind: .nonNegative)
        }
        assertSame(Fixture.replacing(line: 10, with: "        pass: {dist: gamma, shape: 2, scale: 0.1}")) {
            $0.requisitions[0].stages[0].pass = Quantity(.gamma(shape: 2, scale: 0.1), kind: .probability)
        }
    }

    func testNegativeAndTooLarge() {
        assertSame(Fixture.appending("costs:\n  per_hire: -1")) { $0.costs.perHire = Quantity(-1, kind: .nonNegative) }
        assertSame(Fixture.appending("costs:\n  per_hire: 2e15")) { $0.costs.perHire = Quantity(2e15, kind: .nonNegative) }
    }

    func testWholeNumbers() {
        assertSame(Fixture.inserting(after: 5, "    openings: {dist: poisson, mean: 3}")) {
            $0.requisitions[0].openings = Quantity(.poisson(mean: 3), kind: .integer(minimum: 1))
        }
        assertSame(Fixture.inserting(after: 5, "    openings: 0")) {
            $0.requisitions[0].openings = Quantity(0, kind: .integer(minimum: 1))
        }
    }

    func testNames() {
        assertSame(Fixture.replacing(line: 5, with: "  - name: plan")) { $0.requisitions[0].name = "plan" }
        assertSame(Fixture.replacing(line: 11, with: "      - name: screen"), fileOnly: " (first on line 9)") { $0.requisitions[0].stages[1].name = "screen" }
        assertSame(Fixture.replacing(line: 1, with: "name: \"  \"")) { $0.name = "  " }
    }

    func testPoolsAndFreezes() {
        assertSame(Fixture.appending("recruiters:\n  count: 2\n  hours_per_week: 0")) {
            $0.recruiters = Pool(count: 2, hoursPerWeek: Quantity(0, kind: .nonNegative))
        }
        assertSame(Fixture.appending("budget:\n  freezes_per_year: 1")) {
            $0.budget.freezesPerYear = Quantity(1, kind: .nonNegative)
        }
    }

    func testInterviewOnlyFieldsAndDates() {
        assertSame(Fixture.inserting(after: 9, "        no_show: 0.2")) {
            $0.requisitions[0].stages[0].noShow = Quantity(0.2, kind: .probability)
        }
        assertSame(Fixture.inserting(after: 5, "    deadline: 2028-01-01")) {
            $0.requisitions[0].deadline = CivilDate(year: 2028, month: 1, day: 1)!
        }
        assertSame(Fixture.replacing(line: 3, with: "horizon_days: 0")) { $0.horizonDays = 0 }
    }

    func testEveryIssueIsListed() {
        var s = Self.base()
        s.requisitions[0].stages[0].pass = Quantity(1.5, kind: .probability)
        s.costs.perHire = Quantity(-1, kind: .nonNegative)
        s.requisitions[0].stages = s.requisitions[0].stages + [s.requisitions[0].stages[1]]
        XCTAssertEqual(s.validationIssues.map(\.path), [
            "costs.per_hire", "requisitions.backend.stages.screen.pass", "requisitions.backend.stages.onsite.name",
        ])
    }
}
