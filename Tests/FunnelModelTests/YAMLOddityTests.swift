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
        assertSingleIssue(Fixture.replacing(line: 10, with: "        pass: .nan"), line: 10, path: "requisitions.backend.stages.screen.pass",
                          message: "must be a finite number (NaN and infinities are not allowed)", value: ".nan")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: .inf"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week",
                          message: "must be a finite number (NaN and infinities are not allowed)", value: ".inf")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gamma, mean: .inf, sd: 2}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week.mean",
                          message: "must be a finite number", value: ".inf")
    }

    func testHugeNumbers() {
        assertSingleIssue(Fixture.inserting(after: 5, "    openings: 99999999999999999999"), line: 6, path: "requisitions.backend.openings",
                          message: "is too large (at most 2147483647)", value: "99999999999999999999")
        assertSingleIssue(Fixture.inserting(after: 3, "seed: 99999999999999999999999"), line: 4, path: "seed",
                          message: "is too large (at most 18446744073709551615)", value: "99999999999999999999999")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: 1e400"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week", message: "is too large", value: "1e400")
        assertSingleIssue(Fixture.replacing(line: 3, with: "horizon_days: 1e300"), line: 3, path: "horizon_days",
                          message: "is too large (at most 1000000 days)", value: "1e300")
        assertSingleIssue(Fixture.inserting(after: 5, "    opens_day: 1e300"), line: 6, path: "requisitions.backend.opens_day",
                          message: "the requisition opens after the horizon's last day", value: "1e300")
    }

    func testQuotedNumbers() {
        assertSingleIssue(Fixture.replacing(line: 10, with: "        pass: \"0.5\""), line: 10, path: "requisitions.backend.stages.screen.pass",
                          message: "write the number without quotes", value: "\"0.5\"")
        assertSingleIssue(Fixture.inserting(after: 5, "    openings: '3'"), line: 6, path: "requisitions.backend.openings",
                          message: "write the number without quotes", value: "'3'")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gamma, mean: \"10\", sd: 2}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week.mean",
                          message: "write the number without quotes", value: "\"10\"")
    }

    func testOtherNumberSpellings() {
        assertSingleIssue(Fixture.replacing(line: 10, with: "        pass: 0,5"), line: 10, path: "requisitions.backend.stages.screen.pass",
                          message: "write decimals with a point", value: "0,5")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: 0x10"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week", message: "expected a number", value: "0x10")
        assertSingleIssue(Fixture.replacing(line: 10, with: "        pass: true"), line: 10, path: "requisitions.backend.stages.screen.pass",
                          message: "expected a number", value: "true")
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

/// Damaged copies of the reference plan: each must load or give issues, never crash.
final class RobustnessTests: XCTestCase {
    func lines() throws -> [String] {
        try String(contentsOfFile: Fixture.referencePlanPath, encoding: .utf8).components(separatedBy: "\n")
    }

    func outcome(_ text: String) -> [ScenarioIssue] {
        do {
            _ = try ScenarioLoader.parse(yaml: text, file: "damaged.yaml")
            return []
        } catch {
            XCTAssertFalse(error.issues.isEmpty)
            for issue in error.issues { XCTAssertFalse(issue.message.isEmpty, "\(issue)") }
            return error.issues
        }
    }

    // A sample of lines keeps this fast (a parse takes ~10 ms in debug builds):
    // every 5th line, and in the next test every 3rd line with a value.

    func testTruncationsAndDeletedLines() throws {
        let all = try lines()
        for n in stride(from: 1, to: all.count, by: 5) {
            _ = outcome(all[..<n].joined(separator: "\n"))
            var deleted = all
            deleted.remove(at: n)
            _ = outcome(deleted.joined(separator: "\n"))
        }
    }

    func testValuesReplacedByNonsense() throws {
        let all = try lines()
        let nonsense = ["-1", "abc", "{}", "[]", "\"7\"", ".nan", "1e999", "{dist: beta}", "~", "[1, {a: b}]", "99999999999999999999"]
        let valued = all.indices.filter { all[$0].contains(": ") && !all[$0].trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        for (k, n) in valued.enumerated() where k % 3 == 0 {
            let colon = all[n].range(of: ": ")!
            for bad in [nonsense[k % nonsense.count], nonsense[(k + 4) % nonsense.count]] {
                var damaged = all
                damaged[n] = String(all[n][..<colon.upperBound]) + bad
                let found = outcome(damaged.joined(separator: "\n"))
                // Every issue points into the file.
                for issue in found { XCTAssertLessThanOrEqual(issue.line ?? 0, all.count + 1, "\(issue)") }
            }
        }
    }

    func testExtremeParameters() {
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: lognormal, mu: 1000, sigma: 1}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week",
                          message: "lognormal with these parameters has no finite mean and variance",
                          value: "{dist: lognormal, mu: 1000, sigma: 1}")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gamma, mean: 1e200, sd: 1e-200}"), line: 7,
                          path: "requisitions.backend.sourcing.applicants_per_week",
                          message: "gamma with these parameters has no finite mean and variance",
                          value: "{dist: gamma, mean: 1e200, sd: 1e-200}")
    }
}
