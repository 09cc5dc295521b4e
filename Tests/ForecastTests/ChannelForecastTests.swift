import Foundation
import FunnelModel
import Reporting
import ScenarioYAML
import Simulation
import TestSupport
import XCTest
@testable import Forecast

/// Per-channel outputs (MODEL.md 21.5, issue 14): on the hospital plan
/// (nurses through an agency and a job board), the channels' funnels,
/// applicants, hires and costs add up to the requisition's, and the
/// tables say so.
final class ChannelForecastTests: XCTestCase {
    static func hospital(trials: Int = 300, _ change: (inout Scenario) -> Void = { _ in }) throws -> Forecast {
        var scenario = try ScenarioLoader.load(path: PackagePaths.scenario("hospital"))
        change(&scenario)
        scenario = try scenario.validated()
        return ForecastRunner.forecast(model: SimulationModel(scenario), options: RunOptions(trials: trials, seed: 7, threads: 2),
                                       keepsTrialColumns: false).0
    }

    /// Channel rows sum to the requisition's: every funnel cell (means of
    /// whole-number sums, so to rounding), applicants, hires and cost.
    func testChannelsAddUpToTheirRequisition() throws {
        let f = try Self.hospital()
        let nurses = try XCTUnwrap(f.scopes.firstIndex(of: "nurses"))
        let channels = f.channels.filter { $0.requisition == "nurses" }
        XCTAssertEqual(channels.map(\.channel), ["agency", "job_board"])
        let total = f.funnel[nurses]
        for c in channels { XCTAssertEqual(c.funnel.map(\.stage), total.map(\.stage)) }
        for (j, row) in total.enumerated() {
            func sum(_ k: KeyPath<FunnelStep, Double>) -> Double { channels.reduce(0) { $0 + $1.funnel[j][keyPath: k] } }
            for k in [\FunnelStep.entered, \.passed, \.noShows, \.withdrawn, \.contactFailures, \.rejected, \.released, \.open] {
                XCTAssertEqual(sum(k), row[keyPath: k], accuracy: 1e-9 * max(1, row[keyPath: k]), "\(row.stage)")
            }
        }
        let applicants = f.summary(nurses, .applicants).mean!, hires = f.summary(nurses, .filled).mean!
        let cost = f.summary(nurses, .cost).mean!
        XCTAssertEqual(channels.reduce(0) { $0 + $1.applicants }, applicants, accuracy: 1e-9 * applicants)
        XCTAssertEqual(channels.reduce(0) { $0 + $1.hires }, hires, accuracy: 1e-9 * hires)
        XCTAssertEqual(channels.reduce(0) { $0 + $1.cost }, cost, accuracy: 1e-9 * cost)
        for c in channels {
            XCTAssertGreaterThan(c.hires, 0, c.channel)
            let perHire = try XCTUnwrap(c.costPerHire)
            XCTAssertEqual(perHire, c.cost / c.hires, accuracy: 1e-9 * perHire)
        }
    }

    /// The agency's pass factor of 1.3 on a screen passing 0.6 (fixed
    /// here; the file's is a beta) gives 0.78; the job board's screen
    /// passes 0.6. Each is the share of candidates that passed among those
    /// the screen decided (passed or rejected), within 4 binomial standard
    /// errors of the pooled counts.
    func testPassFactorShowsInTheChannelsConversion() throws {
        let trials = 300, pass = 0.6
        let f = try Self.hospital(trials: trials) { s in
            let i = s.requisitions.firstIndex { $0.name == "nurses" }!
            s.requisitions[i].stages[0].pass = Quantity(pass, kind: .probability)
        }
        for (name, factor) in [("agency", 1.3), ("job_board", 1.0)] {
            let c = try XCTUnwrap(f.channels.first { $0.channel == name })
            let screen = c.funnel[0]
            let decided = (screen.passed + screen.rejected) * Double(trials)
            let p = min(1, pass * factor)
            let observed = screen.passed / (screen.passed + screen.rejected)
            XCTAssertWithinStandardErrors(observed, p, se: (p * (1 - p) / decided).squareRoot(), name)
        }
    }

    /// funnel.csv: a channel column, `all` on the plan's and the
    /// requisitions' rows, the channels' rows after their requisition's;
    /// channels.csv: one row per channel, header only without channels.
    func testTablesCarryTheChannels() throws {
        let f = try Self.hospital(trials: 50)
        let funnel = ForecastTables.funnel(f)
        XCTAssertEqual(Array(funnel.header.prefix(3)), ["scope", "channel", "stage"])
        let keys = funnel.rows.map { "\($0[0])/\($0[1])" }
        var seen: [String] = []
        for k in keys where seen.last != k { seen.append(k) }
        XCTAssertEqual(seen, ["plan/all", "nurses/all", "nurses/agency", "nurses/job_board", "head-of-finance/all"])
        let channels = ForecastTables.channels(f)
        XCTAssertEqual(channels.header, ["scope", "channel", "applicants", "hires", "hires_se", "hires_per_100_applicants",
                                         "cost", "cost_per_hire"])
        XCTAssertEqual(channels.rows.map { Array($0.prefix(2)) }, [["nurses", "agency"], ["nurses", "job_board"]])
        let terminal = TerminalReport.render(f)
        XCTAssertTrue(terminal.contains("Which channel brings the hires?"), terminal)
        XCTAssertTrue(terminal.contains("Funnel: nurses through agency"), terminal)

        let plain = try ScenarioLoader.load(path: PackagePaths.referencePlan)
        let g = ForecastRunner.forecast(model: SimulationModel(plain), options: RunOptions(trials: 20, seed: 1, threads: 1),
                                        keepsTrialColumns: false).0
        XCTAssertTrue(g.channels.isEmpty)
        XCTAssertTrue(ForecastTables.channels(g).rows.isEmpty)
        XCTAssertTrue(ForecastTables.funnel(g).rows.allSatisfy { $0[1] == "all" })
        XCTAssertFalse(TerminalReport.render(g).contains("Which channel"))
    }
}
