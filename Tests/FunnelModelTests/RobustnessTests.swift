import Foundation
import FunnelModel
import ScenarioYAML
import XCTest

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
        assertSingleIssue(setting: .applicantsPerWeek, to: "{dist: lognormal, mu: 1000, sigma: 1}",
                          message: "lognormal with these parameters has no finite mean and variance")
        assertSingleIssue(setting: .applicantsPerWeek, to: "{dist: gamma, mean: 1e200, sd: 1e-200}",
                          message: "gamma with these parameters has no finite mean and variance")
    }
}
