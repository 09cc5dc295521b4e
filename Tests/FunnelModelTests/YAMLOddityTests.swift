import Foundation
import FunnelModel
import ScenarioYAML
import XCTest

/// Files that are not what a scenario should be give clean issues, never a crash.
final class YAMLOddityTests: XCTestCase {
    func testEmptyFile() {
        for text in ["", "\n\n", "# only a comment\n"] {
            XCTAssertEqual(issues(text).map(\.description),
                           ["test.yaml: the file is empty; a scenario needs at least name, start and requisitions"], text)
        }
    }

    func testListOrScalarAtTheTop() {
        assertSingleIssue("- a\n- b", line: 1, path: "", message: "a scenario file must be a mapping of fields", value: "[a, b]")
        assertSingleIssue("just words", line: 1, path: "", message: "not a single value", value: "just words")
    }

    func testSyntaxError() {
        let issue = assertSingleIssue(Fixture.replacing(line: 10, with: "        pass: 0.5: 0.6"), line: 10, path: "",
                                      message: "YAML syntax error: mapping values are not allowed in this context", value: nil)
        XCTAssertEqual(issue?.description, "test.yaml:10: YAML syntax error: mapping values are not allowed in this context")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: [10"), line: 8, path: "",
                          message: "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence on line 7)",
                          value: nil)
    }

    func testSeveralDocuments() {
        assertSingleIssue(Fixture.base + "\n---\nname: second", line: 17, path: "",
                          message: "YAML syntax error: expected a single document in the stream, but found another document", value: nil)
    }

    func testDuplicateKeyIsReportedAtItsSecondOccurrenceAndTheRestIsStillChecked() {
        var yaml = Fixture.replacing(line: 10, with: "        pass: 0.5\n        pass: 0.6")   // lines 10, 11
        yaml = Fixture.replacing(line: 17, with: "      accept: 2", in: yaml)                  // was line 16
        let found = issues(yaml)
        XCTAssertEqual(found.map(\.description), [
            "test.yaml:11: requisitions.backend.stages.screen.pass: duplicate key 'pass' (first on line 10); keep one of them",
            "test.yaml:17: requisitions.backend.offer.accept: a probability must be between 0 and 1 (got 2)",
        ])
    }

    func testDuplicateTopLevelKeyAfterNestedKeysOfTheSameName() {
        assertSingleIssue(Fixture.appending("name: Again"), line: 17, path: "name",
                          message: "duplicate key 'name' (first on line 1)", value: nil)
    }

    func testDuplicateKeyInFlowMapping() {
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gamma, mean: 10, mean: 12, sd: 2}"),
                          line: 7, path: "requisitions.backend.sourcing.applicants_per_week.mean",
                          message: "duplicate key 'mean' (first on line 7)", value: nil)
    }

    func testSeveralDuplicateKeys() {
        var yaml = Fixture.replacing(line: 3, with: "horizon_days: 200\nhorizon_days: 100")
        yaml = Fixture.replacing(line: 17, with: "      accept: 0.8\n      accept: 0.7", in: yaml)
        XCTAssertEqual(issues(yaml).map(\.line), [4, 18])
    }

    func testTabIndentation() {
        assertSingleIssue(Fixture.replacing(line: 10, with: "\t\tpass: 0.5"), line: 10, path: "",
                          message: "the indentation contains a tab; YAML indents with spaces only", value: nil)
    }

    func testNaNAndInfinity() {
        assertSingleIssue(setting: .screenPass, to: ".nan", message: "must be a finite number (NaN and infinities are not allowed)")
        assertSingleIssue(setting: .applicantsPerWeek, to: ".inf",
                          message: "must be a finite number (NaN and infinities are not allowed)")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gamma, mean: .inf, sd: 2}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week.mean",
                          message: "must be a finite number", value: ".inf")
    }

    func testHugeNumbers() {
        assertSingleIssue(setting: .openings, to: "99999999999999999999", message: "is too large (at most 2147483647)")
        assertSingleIssue(setting: .seed, to: "99999999999999999999999", message: "is too large (at most 18446744073709551615)")
        assertSingleIssue(setting: .applicantsPerWeek, to: "1e400", message: "is too large")
        assertSingleIssue(setting: .horizonDays, to: "1e300", message: "is too large (at most 1000000 days)")
        assertSingleIssue(setting: .opensDay, to: "1e300", message: "the requisition opens after the horizon's last day")
    }

    func testQuotedNumbers() {
        assertSingleIssue(setting: .screenPass, to: "\"0.5\"", message: "write the number without quotes")
        assertSingleIssue(setting: .openings, to: "'3'", message: "write the number without quotes")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gamma, mean: \"10\", sd: 2}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week.mean",
                          message: "write the number without quotes", value: "\"10\"")
    }

    func testOtherNumberSpellings() {
        assertSingleIssue(setting: .screenPass, to: "0,5", message: "write decimals with a point")
        assertSingleIssue(setting: .applicantsPerWeek, to: "0x10", message: "expected a number")
        assertSingleIssue(setting: .screenPass, to: "true", message: "expected a number")
        XCTAssertEqual(scenario(Fixture.replacing(line: 7, with: "      applicants_per_week: 1_000"))?
            .requisitions[0].sourcing.applicantsPerWeek.fixedValue, 1000)
    }

    func testNonScalarKey() {
        assertSingleIssue(Fixture.appending("? [a, b]\n: 1"), line: 17, path: "", message: "a key must be a plain name", value: "[a, b]")
    }

    func testAnchorsAndAliasesWork() {
        let yaml = Fixture.replacing(line: 10, with: "        pass: &p 0.45", in: Fixture.replacing(line: 14, with: "        pass: *p"))
        XCTAssertEqual(scenario(yaml)?.requisitions[0].stages.map(\.pass.fixedValue), [0.45, 0.45])
    }

    func testWindowsLineEndings() {
        XCTAssertNotNil(scenario(Fixture.base.replacingOccurrences(of: "\n", with: "\r\n")))
        let yaml = Fixture.replacing(line: 10, with: "        pass: 0.5\n        pass: 0.6").replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(issues(yaml).map(\.line), [11])
    }

    func testLoadFromMissingFileOrDirectory() {
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/nonexistent/plan.yaml")) {
            XCTAssertEqual("\($0)", "/nonexistent/plan.yaml: no such file")
        }
        let dir = Fixture.packageRoot.path
        XCTAssertThrowsError(try ScenarioLoader.load(path: dir)) {
            XCTAssertEqual(($0 as! ScenarioError).issues, [ScenarioIssue(file: dir, line: nil, path: "", message: "is a directory, not a scenario file")])
        }
    }

    func testLoadNonUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("funnelcast-\(UUID().uuidString).yaml")
        try Data([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try ScenarioLoader.load(path: url.path)) {
            XCTAssertEqual(($0 as! ScenarioError).issues.map(\.message), ["is not UTF-8 text; save it as UTF-8"])
        }
    }

    func testLoadReportsTheFileName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("funnelcast-\(UUID().uuidString).yaml")
        try Fixture.replacing(line: 10, with: "        pass: 2").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try ScenarioLoader.load(path: url.path)) {
            XCTAssertEqual("\($0)", "\(url.path):10: requisitions.backend.stages.screen.pass: a probability must be between 0 and 1 (got 2)")
        }
    }
}
