import FunnelModel
import Sampling
import XCTest

/// Reading the fields of MODEL.md 21.5-21.7 (sourcing channels,
/// seasonality, freeze windows): what loads, and each bad input as one
/// issue at its line, path and value. Line numbers refer to `Fixture.base`
/// (16 lines) and what is appended to it.
final class PlannerFieldsReadingTests: XCTestCase {
    // MARK: Freeze windows

    func testFreezeWindowsLoad() throws {
        let s = try XCTUnwrap(scenario(Fixture.appending("""
            budget:
              freeze_windows:
                - {name: Year end, from: 2027-06-20, to: 2027-07-02}
                - {name: One day, from: 2027-07-03}
            """)))
        XCTAssertEqual(s.budget.freezeWindows, [
            FreezeWindow(name: "Year end", from: CivilDate(iso: "2027-06-20")!, to: CivilDate(iso: "2027-07-02")!),
            FreezeWindow(name: "One day", from: CivilDate(iso: "2027-07-03")!, to: CivilDate(iso: "2027-07-03")!),
        ], "an adjacent window is not an overlap; to defaults to from")
    }

    func testFreezeWindowEndingBeforeItStarts() {
        assertSingleIssue(Fixture.appending("budget:\n  freeze_windows:\n    - {name: Summer, from: 2027-07-10, to: 2027-07-01}"),
                          line: 19, path: "budget.freeze_windows.Summer.to",
                          message: "the freeze window ends before it starts (from 2027-07-10)", value: "2027-07-01")
    }

    func testFreezeWindowBeforeThePlansStart() {
        assertSingleIssue(Fixture.appending("budget:\n  freeze_windows:\n    - {name: Early, from: 2027-01-01, to: 2027-01-10}"),
                          line: 19, path: "budget.freeze_windows.Early.from",
                          message: "is before the plan's start (2027-01-04); a freeze window starts on or after it", value: "2027-01-01")
    }

    func testOverlappingFreezeWindows() {
        assertSingleIssue(Fixture.appending("""
            budget:
              freeze_windows:
                - {name: A, from: 2027-03-01, to: 2027-03-10}
                - {name: B, from: 2027-03-10, to: 2027-03-20}
            """), line: 20, path: "budget.freeze_windows.B.from",
            message: "overlaps the freeze window 'A' (2027-03-01 to 2027-03-10); merge them into one window or move one",
            value: "2027-03-10 to 2027-03-20")
    }

    func testCodeBuiltFreezeWindowsAreCheckedAlike() throws {
        var s = try XCTUnwrap(scenario(Fixture.base))
        s.budget.freezeWindows = [FreezeWindow(name: "A", from: CivilDate(iso: "2027-03-05")!, to: CivilDate(iso: "2027-03-01")!)]
        XCTAssertEqual(s.validationIssues.map(\.path), ["budget.freeze_windows.A.to"])
    }
}

extension PlannerFieldsReadingTests {
    // MARK: Seasonality

    func testSeasonalityLoadsWithMissingMonthsAtOne() throws {
        let s = try XCTUnwrap(scenario(Fixture.appending("calendar:\n  seasonality: {jan: 1.2, dec: {dist: uniform, min: 0.5, max: 0.7}}")))
        let season = try XCTUnwrap(s.calendar.seasonality)
        XCTAssertEqual(season[.jan], Quantity(1.2, kind: .nonNegative))
        XCTAssertEqual(season[.jun], Quantity(1, kind: .nonNegative))
        XCTAssertTrue(season[.dec].isUncertain)
        let paths = s.parameters.map(\.slot.path).filter { $0.hasPrefix("calendar.") }
        XCTAssertEqual(paths, Month.allCases.map { "calendar.seasonality." + $0.name }, "all twelve months once written")
        XCTAssertEqual(s.uncertainParameters.map(\.id.path), ["calendar.seasonality.dec"])
        let plain = try XCTUnwrap(scenario(Fixture.base))
        XCTAssertFalse(plain.parameters.contains { $0.slot.path.hasPrefix("calendar.") }, "no month paths without seasonality")
    }

    func testUnknownMonthSuggestsTheClosest() {
        assertSingleIssue(Fixture.appending("calendar:\n  seasonality: {january: 1.2}"), line: 18, path: "calendar.seasonality.january",
                          message: "'january' is not a month; did you mean 'jan'? Months: jan, feb, mar", value: "january")
        assertSingleIssue(Fixture.appending("calendar:\n  seasonality: {dex: 0.6}"), line: 18, path: "calendar.seasonality.dex",
                          message: "'dex' is not a month; did you mean 'dec'?", value: "dex")
    }

    func testNegativeMultiplier() {
        assertSingleIssue(Fixture.appending("calendar:\n  seasonality: {jul: -1}"), line: 18, path: "calendar.seasonality.jul",
                          message: "must not be negative", value: "-1")
    }
}

extension PlannerFieldsReadingTests {
    // MARK: Sourcing channels

    /// `base` with its sourcing (lines 6-7) replaced by `channels`.
    func withChannels(_ channels: String) -> String {
        Fixture.replacing(line: 6, with: "    sourcing:\n" + channels, in: Fixture.replacing(line: 7, with: "    # (channels above)"))
    }

    func testChannelsLoadWithTheirPaths() throws {
        let s = try XCTUnwrap(scenario(withChannels("""
                  - {channel: agency, applicants_per_week: 3, cost_per_applicant: 400, pass_factor: 1.3}
                  - {channel: job_board, applicants_per_week: {dist: gamma, mean: 20, sd: 5}, max_applicants: 200}
            """)))
        let channels = s.requisitions[0].sourcing.channels
        XCTAssertEqual(channels.map(\.name), ["agency", "job_board"])
        XCTAssertEqual(channels[0].passFactor, Quantity(1.3, kind: .nonNegative))
        XCTAssertEqual(channels[1].maxApplicants, Quantity(200, kind: .integer(minimum: 1)))
        let paths = s.parameters.map(\.slot.path).filter { $0.contains(".sourcing.") }
        XCTAssertEqual(paths, ["agency", "job_board"].flatMap { c in
            SourcingChannel.Field.allCases.map { "requisitions.backend.sourcing.\(c).\($0.rawValue)" }
        }, "channels replace the single mapping's paths")
        XCTAssertEqual(s.uncertainParameters.map(\.id.path), ["requisitions.backend.sourcing.job_board.applicants_per_week"])
    }

    func testDuplicateChannelNames() {
        assertSingleIssue(withChannels("""
                  - {channel: agency, applicants_per_week: 3}
                  - {channel: agency, applicants_per_week: 5}
            """), line: 8, path: "requisitions.backend.sourcing.agency.channel",
            message: "two channels are called 'agency' (first on line 7); names must be unique", value: "agency")
    }

    func testChannelNeedsItsRateAndAName() {
        assertSingleIssue(withChannels("      - {channel: agency, initial_pool: 3}"), line: 7,
                          path: "requisitions.backend.sourcing.agency.applicants_per_week", message: "missing required field", value: nil)
        assertSingleIssue(withChannels("      - {applicants_per_week: 3}"), line: 7,
                          path: "requisitions.backend.sourcing[0].channel", message: "missing required field 'channel'", value: nil)
    }

    /// `all` names a requisition's total in funnel.csv's channel column.
    func testAChannelCannotBeCalledAll() {
        assertSingleIssue(withChannels("      - {channel: all, applicants_per_week: 3}"), line: 7,
                          path: "requisitions.backend.sourcing.all.channel",
                          message: "'all' is reserved (it names a requisition's total in funnel.csv's channel column); choose another name",
                          value: "all")
    }

    func testNegativePassFactor() {
        assertSingleIssue(withChannels("      - {channel: agency, applicants_per_week: 3, pass_factor: -0.5}"), line: 7,
                          path: "requisitions.backend.sourcing.agency.pass_factor", message: "must not be negative", value: "-0.5")
    }

    func testCodeBuiltDuplicateChannels() throws {
        var s = try XCTUnwrap(scenario(Fixture.base))
        let c = SourcingChannel(name: "agency", applicantsPerWeek: Quantity(1, kind: .nonNegative))
        s.requisitions[0].sourcing.channels = [c, c]
        XCTAssertEqual(s.validationIssues.map(\.path), ["requisitions.backend.sourcing.agency.channel"])
    }
}
