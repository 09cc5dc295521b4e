import Foundation
import FunnelModel
@testable import ScenarioYAML
import TestSupport
import XCTest

/// The YAML a hand-written scenario can hold beyond plain mistakes: alias
/// bombs, byte order marks, tags, dates in other formats, -0, very large
/// files. (YAMLOddityTests covers empty files, lists, duplicate keys, tab
/// indentation, NaN and infinities, huge numbers and quoted numbers.)
final class YAMLEdgeCaseTests: XCTestCase {
    /// Nine levels of nine aliases: 9^9 (387 million) values once expanded.
    static func aliasBomb(levels: Int = 9) -> [String] {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in 1..<levels {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines
    }

    func testAliasBombIsRefusedBeforeComposing() {
        let bomb = YAMLEdgeCaseTests.aliasBomb()
        let message = "the file holds more than 100000 values once its aliases (*name) expanded (an alias bomb?)"
        // Under unknown keys, as the value of a field, and as a mapping key (which Yams would hash).
        let cases = [
            bomb.joined(separator: "\n") + "\n" + Fixture.base,
            bomb.joined(separator: "\n").replacingOccurrences(of: "a0: &a0", with: "x0: &a0") + "\n"
                + Fixture.base.replacingOccurrences(of: "name: Test plan", with: "name: *a8"),
            bomb.joined(separator: "\n") + "\n? *a8\n: 1\n" + Fixture.base,
        ]
        for yaml in cases {
            let started = Date()
            assertSingleIssue(yaml, line: 6, path: "", message: message, value: nil)
            XCTAssertElapsed(since: started, lessThan: 2, "refused at once")
        }
    }

    func testModestAliasesStillWork() {
        // An anchored stage list reused by a second requisition, and aliases well within the limit.
        let yaml = """
            name: Shared stages
            start: 2027-01-04
            requisitions:
              - name: backend
                sourcing: {applicants_per_week: 10}
                stages: &stages
                  - {name: screen, pass: 0.5}
                  - {name: onsite, interview: true, pass: &p 0.4}
                offer: {accept: *p}
              - name: frontend
                sourcing: {applicants_per_week: 8}
                stages: *stages
                offer: {accept: 0.8}
            """
        let s = scenario(yaml)
        XCTAssertEqual(s?.requisitions.map { $0.stages.map(\.name) }, [["screen", "onsite"], ["screen", "onsite"]])
        XCTAssertEqual(s?.requisitions[0].offer.accept.fixedValue, 0.4)
    }

    func testExpansionCountsNestedAliases() {
        let bomb = YAMLEdgeCaseTests.aliasBomb(levels: 6).joined(separator: "\n")   // 9^6 = 531441 values under a5
        XCTAssertEqual(YAMLExpansion.overLimit(bomb)?.line, 6)
        let small = YAMLEdgeCaseTests.aliasBomb(levels: 4).joined(separator: "\n")  // about 7,400 values in all
        XCTAssertNil(YAMLExpansion.overLimit(small))
        XCTAssertNil(YAMLExpansion.overLimit("no aliases: [1, 2, 3]"))
    }

    func testByteOrderMark() throws {
        // libyaml skips a BOM but counts it as a column, which would indent the first line.
        XCTAssertNotNil(scenario("\u{FEFF}" + Fixture.base))
        XCTAssertNotNil(scenario("\u{FEFF}" + Fixture.base.replacingOccurrences(of: "\n", with: "\r\n")))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("funnelcast-bom-\(UUID().uuidString).yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(Fixture.base.utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try ScenarioLoader.load(path: url.path).name, "Test plan")
    }

    func testUTF16File() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("funnelcast-utf16-\(UUID().uuidString).yaml")
        try Fixture.base.data(using: .utf16)!.write(to: url)   // with a byte order mark
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try ScenarioLoader.load(path: url.path)) {
            XCTAssertEqual(($0 as! ScenarioError).issues.map(\.message), ["is UTF-16 text; save it as UTF-8"])
        }
    }

    func testTabsOutsideTheIndentationAreFine() {
        XCTAssertEqual(scenario(Fixture.replacing(line: 10, with: "        pass:\t0.5\t# a tab before the comment"))?
            .requisitions[0].stages[0].pass.fixedValue, 0.5)
    }

    func testTaggedValues() {
        assertSingleIssue(Fixture.replacing(line: 10, with: "        pass: !!str 0.5"), line: 10,
                          path: "requisitions.backend.stages.screen.pass",
                          message: "is tagged !!str, which makes it text; write the number without the tag", value: "0.5")
        assertSingleIssue(Fixture.replacing(line: 3, with: "horizon_days: !days 200"), line: 3, path: "horizon_days",
                          message: "has the tag !days; write the number without a tag", value: "200")
        assertSingleIssue(Fixture.replacing(line: 12, with: "        interview: !!str true"), line: 12,
                          path: "requisitions.backend.stages.onsite.interview",
                          message: "is tagged !!str, which makes it text; write true or false without the tag", value: "true")
        // YAML's own tags for what the field holds are fine.
        let s = scenario(Fixture.replacing(line: 10, with: "        pass: !!float 0.5",
                                           in: Fixture.replacing(line: 12, with: "        interview: !!bool true")))
        XCTAssertEqual(s?.requisitions[0].stages[0].pass.fixedValue, 0.5)
        XCTAssertEqual(s?.requisitions[0].stages[1].interview, true)
        XCTAssertEqual(scenario(Fixture.inserting(after: 5, "    openings: !!int 3"))?.requisitions[0].openings.integerValue, 3)
    }

    func testDatesInOtherFormats() {
        let cases: [(String, String)] = [
            ("2027-01-04T09:00:00Z", "write only the date, without a time: 2027-01-04"),
            ("2027-01-04 09:00", "write only the date, without a time: 2027-01-04"),
            ("2027-1-4", "write dates as YYYY-MM-DD, with two-digit months and days: 2027-01-04"),
            ("2027/01/04", "write dates as YYYY-MM-DD, with dashes: 2027-01-04"),
            ("20270104", "write dates as YYYY-MM-DD, with dashes: 2027-01-04"),
            ("04/01/2027", "write dates as YYYY-MM-DD (year first); 04/01/2027 could be 2027-01-04 or 2027-04-01"),
            ("25.01.2027", "write dates as YYYY-MM-DD (year first): 2027-01-25"),
            ("31/02/2027", "is not a date that exists; write dates as YYYY-MM-DD (year first)"),
            ("2027-02-29", "is not a date that exists"),
            ("4 January 2027", "expected a date written YYYY-MM-DD, such as 2027-03-01"),
        ]
        for (written, message) in cases {
            let found = issues(Fixture.replacing(line: 2, with: "start: \(written)"))
            XCTAssertEqual(found.map(\.description), ["test.yaml:2: start: \(message) (got \(written))"], written)
        }
        // A quoted date is still a date.
        XCTAssertEqual(scenario(Fixture.replacing(line: 2, with: "start: \"2027-01-04\""))?.start.description, "2027-01-04")
    }

    func testNegativeZeroIsZero() {
        let s = scenario(Fixture.replacing(line: 13, with: "        no_show: -0"))
        let noShow = s?.requisitions[0].stages[1].noShow.fixedValue
        XCTAssertEqual(noShow, 0)
        XCTAssertEqual(noShow?.sign, .plus)
        assertSingleIssue(setting: .horizonDays, to: "-0", message: "must be greater than 0")
    }

    func testMoreHugeIntegers() {
        assertSingleIssue(setting: .trials, to: "1e10", message: "is too large (at most 2147483647)")
        assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: 10\n      initial_pool: 99999999999"), line: 8,
                          path: "requisitions.backend.sourcing.initial_pool", message: "is too large (at most 2147483647)",
                          value: "99999999999")
        assertSingleIssue(setting: .seed, to: "-1", message: "must be at least 0")
    }

    func testTextTooLarge() throws {
        let padding = String(repeating: "# padding\n", count: ScenarioLoader.maxTextBytes / 10 + 1)
        XCTAssertEqual(issues(padding + Fixture.base).map(\.message), ["the text is 10 MB; a scenario file is at most 10 MB"])
        XCTAssertThrowsError(try ScenarioLoader.load(path: "/dev/zero")) {
            XCTAssertEqual(($0 as! ScenarioError).issues.map(\.message),
                           ["is larger than 10 MB; a scenario file is far smaller (is this the right file?)"])
        }
    }

    /// Sums over events and trials of larger values could overflow (the
    /// fuzzer found a NaN mean cost from a cost of 1.7976931348623157e308).
    func testValuesAbove1e15AreRefused() {
        assertSingleIssue(setting: .applicantsPerWeek, to: "1.7976931348623157e308", message: "is too large (at most 1e15)")
        for written in ["{dist: empirical, values: [0, 1e20]}", "{dist: lognormal, mu: 40, sigma: 1}", "{dist: uniform, min: 0, max: 1e16}"] {
            assertSingleIssue(Fixture.replacing(line: 7, with: "      applicants_per_week: \(written)"), line: 7,
                              path: "requisitions.backend.sourcing.applicants_per_week",
                              message: "with these parameters has values, a mean or a spread above 1e15", value: written)
        }
        XCTAssertNotNil(scenario(Fixture.replacing(line: 7, with: "      applicants_per_week: 1e15")))
    }
}
