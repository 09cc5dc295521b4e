import Foundation
import FunnelModel
import ScenarioYAML
import TestSupport
import XCTest

/// Scenario texts and helpers shared by the loader tests.
enum Fixture {
    /// The package root.
    static var packageRoot: URL { PackagePaths.root }

    /// The contract's reference plan, or the package's copy (see `PackagePaths.referencePlan`).
    static var referencePlanPath: String { PackagePaths.referencePlan }

    /// A small valid plan; the comments give the line numbers tests refer to.
    static let base = """
        name: Test plan
        start: 2027-01-04
        horizon_days: 200
        requisitions:
          - name: backend
            sourcing:
              applicants_per_week: 10
            stages:
              - name: screen
                pass: 0.5
              - name: onsite
                interview: true
                no_show: 0.1
                pass: 0.4
            offer:
              accept: 0.8
        """
    // 1 name / 2 start / 3 horizon_days / 4 requisitions / 5 - name: backend / 6 sourcing
    // 7 applicants_per_week / 8 stages / 9 - name: screen / 10 pass / 11 - name: onsite
    // 12 interview / 13 no_show / 14 pass / 15 offer / 16 accept

    /// `base` with line `n` (1-based) replaced by `text` (which may hold several lines).
    static func replacing(line n: Int, with text: String, in yaml: String = base) -> String {
        var lines = yaml.components(separatedBy: "\n")
        lines[n - 1] = text
        return lines.joined(separator: "\n")
    }

    /// `base` with `text` inserted after line `n` (0: at the top).
    static func inserting(after n: Int, _ text: String, in yaml: String = base) -> String {
        var lines = yaml.components(separatedBy: "\n")
        lines.insert(text, at: n)
        return lines.joined(separator: "\n")
    }

    /// `base` with `text` appended at the end.
    static func appending(_ text: String, to yaml: String = base) -> String { yaml + "\n" + text }
}

/// The issues of `yaml`, failing the test where it loads.
func issues(_ yaml: String, file: String = "test.yaml", _ fileName: StaticString = #filePath, _ line: UInt = #line) -> [ScenarioIssue] {
    do {
        _ = try ScenarioLoader.parse(yaml: yaml, file: file)
        XCTFail("expected the scenario to be rejected", file: fileName, line: line)
        return []
    } catch {
        return error.issues
    }
}

/// The scenario of `yaml`, failing the test (with the issues) where it is rejected.
func scenario(_ yaml: String, _ fileName: StaticString = #filePath, _ line: UInt = #line) -> Scenario? {
    do {
        return try ScenarioLoader.parse(yaml: yaml, file: "test.yaml")
    } catch {
        XCTFail("unexpected issues:\n\(error)", file: fileName, line: line)
        return nil
    }
}

/// Asserts that `yaml` gives exactly one issue, at `line` and `path`, whose
/// message contains `message` and whose value is `value`.
@discardableResult
func assertSingleIssue(_ yaml: String, line: Int?, path: String, message: String, value: String?,
                       _ fileName: StaticString = #filePath, _ testLine: UInt = #line) -> ScenarioIssue? {
    let found = issues(yaml, fileName, testLine)
    guard found.count == 1, let issue = found.first else {
        XCTFail("expected one issue, got \(found.count):\n" + found.map(\.description).joined(separator: "\n"),
                file: fileName, line: testLine)
        return nil
    }
    XCTAssertEqual(issue.line, line, "line of: \(issue)", file: fileName, line: testLine)
    XCTAssertEqual(issue.path, path, "path of: \(issue)", file: fileName, line: testLine)
    XCTAssertTrue(issue.message.contains(message), "message of: \(issue)\nexpected to contain: \(message)", file: fileName, line: testLine)
    XCTAssertEqual(issue.value, value, "value of: \(issue)", file: fileName, line: testLine)
    return issue
}

/// A field of `Fixture.base` that a test gives a value of its own: how the
/// field is written into the plan, the line it then stands on, and the path
/// an issue names it by.
struct FixtureField: Sendable {
    let path: String
    let line: Int
    private let key: String
    private let inserted: Bool

    /// `Fixture.base` with this field set to `value` (YAML text, as written).
    func yaml(_ value: String) -> String {
        inserted ? Fixture.inserting(after: line - 1, "\(key): \(value)")
            : Fixture.replacing(line: line, with: "\(key): \(value)")
    }

    /// A field `base` has: line `line`, `key: value`, replaced.
    private init(replacing line: Int, _ key: String, path: String) {
        self.path = path
        self.line = line
        self.key = key
        inserted = false
    }

    /// A field `base` leaves out: `key: value` inserted after line `after`.
    private init(insertingAfter after: Int, _ key: String, path: String) {
        self.path = path
        line = after + 1
        self.key = key
        inserted = true
    }

    static let start = FixtureField(replacing: 2, "start", path: "start")
    static let horizonDays = FixtureField(replacing: 3, "horizon_days", path: "horizon_days")
    static let seed = FixtureField(insertingAfter: 3, "seed", path: "seed")
    static let trials = FixtureField(insertingAfter: 3, "trials", path: "trials")
    static let openings = FixtureField(insertingAfter: 5, "    openings", path: "requisitions.backend.openings")
    static let opensDay = FixtureField(insertingAfter: 5, "    opens_day", path: "requisitions.backend.opens_day")
    static let applicantsPerWeek = FixtureField(replacing: 7, "      applicants_per_week",
                                                path: "requisitions.backend.sourcing.applicants_per_week")
    static let screenPass = FixtureField(replacing: 10, "        pass", path: "requisitions.backend.stages.screen.pass")
    static let screenHRWorkdays = FixtureField(insertingAfter: 10, "        hr_workdays",
                                               path: "requisitions.backend.stages.screen.hr_workdays")
    static let accept = FixtureField(replacing: 16, "      accept", path: "requisitions.backend.offer.accept")
}

/// Asserts that `Fixture.base` with `field` set to `value` gives exactly one
/// issue, on the field's line and path, whose message contains `message`
/// and whose value is `value` as written.
@discardableResult
func assertSingleIssue(setting field: FixtureField, to value: String, message: String,
                       _ fileName: StaticString = #filePath, _ testLine: UInt = #line) -> ScenarioIssue? {
    assertSingleIssue(field.yaml(value), line: field.line, path: field.path, message: message, value: value, fileName, testLine)
}
