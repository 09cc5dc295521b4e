import Foundation
import FunnelModel
import ScenarioYAML
import Simulation
import Synchronization
import TestSupport
import XCTest
@testable import Forecast

/// Run limits (checked before any work) and cancellation of a run.
final class RunLimitsTests: XCTestCase {
    private func scenario(_ yaml: String) throws -> Scenario { try ScenarioLoader.parse(yaml: yaml, file: "test.yaml") }

    private func plan(rate: String = "10", openings: Int = 1, horizon: Int = 200, extra: String = "") -> String {
        """
        name: limits
        start: 2027-01-04
        horizon_days: \(horizon)
        \(extra)
        requisitions:
          - name: backend
            openings: \(openings)
            sourcing: {applicants_per_week: \(rate), initial_pool: 5}
            stages:
              - {name: screen, pass: 0.5}
              - {name: onsite, interview: true, pass: 0.4}
            offer: {accept: 0.8}
        """
    }

    /// The estimate is an upper bound in practice: the example plans need
    /// fewer events than estimated (and not a hundred times fewer).
    func testEstimateCoversTheExamplePlans() throws {
        for name in ["single-role", "seasonal-plan", "reference-plan", "hospital"] {
            let s = try ScenarioLoader.load(path: PackagePaths.scenario(name))
            let model = SimulationModel(s)
            let estimate = WorkEstimate(model: model, trials: 100, threads: 2)
            let (f, _) = ForecastRunner.forecast(model: model, options: RunOptions(trials: 100, seed: 3, threads: 2))
            XCTAssertGreaterThan(estimate.eventsPerTrial, f.eventsPerTrial, name)
            XCTAssertLessThan(estimate.eventsPerTrial, 100 * f.eventsPerTrial, name)
            XCTAssertNoThrow(try RunLimits().check(model: model, trials: s.trials, threads: 16), name)
        }
    }

    func testEventLimit() throws {
        let model = SimulationModel(try scenario(plan(rate: "1e8")))
        XCTAssertThrowsError(try RunLimits().check(model: model, trials: 10, threads: 1)) {
            let message = "\($0)"
            XCTAssertTrue(message.hasPrefix("the plan needs about 2.6e+10 events per trial (requisitions.backend: about 2.9e+09 "
                                            + "applicants over the horizon), more than the limit of 10000000;"), message)
            XCTAssertTrue(message.hasSuffix("; check the applicant rates, the horizon and max_applicants, or raise the limit "
                                            + "(FUNNELCAST_MAX_EVENTS)"), message)
            XCTAssertEqual(($0 as? RunLimitError)?.remedy, .checkRatesOrRaiseEventLimit)
        }
        XCTAssertNoThrow(try RunLimits(maxEventsPerTrial: 1e11, maxMemoryBytes: .infinity).check(model: model, trials: 10, threads: 1))
        // max_applicants caps the estimate as it caps the arrivals.
        let capped = SimulationModel(try scenario(plan(rate: "1e8").replacingOccurrences(of: "initial_pool: 5}",
                                                                                           with: "initial_pool: 5, max_applicants: 1000}")))
        XCTAssertNoThrow(try RunLimits().check(model: capped, trials: 10, threads: 1))
    }

    func testFreezesCount() throws {
        let model = SimulationModel(try scenario(plan(extra: "budget: {freezes_per_year: 1e9, freeze_days: 1}")))
        XCTAssertGreaterThan(WorkEstimate(model: model, trials: 1, threads: 1).eventsPerTrial, 1e9)
    }

    func testMemoryLimit() throws {
        let model = SimulationModel(try scenario(plan()))
        XCTAssertThrowsError(try RunLimits(maxMemoryBytes: Double(1 << 30)).check(model: model, trials: 1_000_000_000, threads: 1)) {
            XCTAssertTrue("\($0)".hasPrefix("the run needs about 3"), "\($0)")
            XCTAssertTrue("\($0)".contains("(1000000000 trials keep about 384 bytes each"), "\($0)")
            XCTAssertTrue("\($0)".hasSuffix("more than the limit of 1.0 GB; lower the trial count, or raise the limit "
                                            + "(FUNNELCAST_MAX_MEMORY)"), "\($0)")
            XCTAssertEqual(($0 as? RunLimitError)?.remedy, .fewerTrialsOrRaiseMemoryLimit)
        }
        XCTAssertNoThrow(try RunLimits(maxMemoryBytes: Double(1 << 30)).check(model: model, trials: 100_000, threads: 1))
    }

    /// A forecast keeps its per-trial values exactly only up to the exact
    /// trials, then counts: the billion trials refused above fit, and the
    /// estimate stops growing with the trial count.
    func testForecastMemoryStopsGrowing() throws {
        let model = SimulationModel(try scenario(plan()))
        XCTAssertNoThrow(try RunLimits(maxMemoryBytes: Double(1 << 30))
            .check(model: model, trials: 1_000_000_000, threads: 1, keepsTrialColumns: false))
        let big = WorkEstimate(model: model, trials: 1_000_000_000, threads: 1, keepsTrialColumns: false)
        let bigger = WorkEstimate(model: model, trials: 2_000_000_000, threads: 1, keepsTrialColumns: false)
        XCTAssertEqual(big.memoryBytes, bigger.memoryBytes)
        XCTAssertFalse(big.growsWithTrials)
        let small = WorkEstimate(model: model, trials: 1_000, threads: 1, keepsTrialColumns: false)
        let kept = WorkEstimate(model: model, trials: 1_000, threads: 1, keepsTrialColumns: true)
        XCTAssertEqual(small.memoryBytes, kept.memoryBytes)
        XCTAssertLessThan(small.memoryBytes, big.memoryBytes)
    }

    /// Two billion openings would have the timeline allocate counts for
    /// every possible number of starts: refused, not attempted.
    func testHugeOpeningsAreRefusedByTheMemoryLimit() throws {
        let model = SimulationModel(try scenario(plan(openings: 2_000_000_000)))
        XCTAssertThrowsError(try RunLimits(maxMemoryBytes: 8 * Double(1 << 30)).check(model: model, trials: 1, threads: 1)) {
            XCTAssertTrue("\($0)".hasPrefix("the run needs about "), "\($0)")
        }
    }

    func testTrialAndRequisitionCounts() throws {
        let model = SimulationModel(try scenario(plan()))
        XCTAssertThrowsError(try RunLimits(maxMemoryBytes: .infinity).check(model: model, trials: Int(Int32.max) + 1, threads: 1)) {
            XCTAssertEqual($0 as? RunLimitError, .tooManyTrials(2_147_483_648))
            XCTAssertEqual("\($0)", "2147483648 trials are more than the engine can number (at most 2147483647); "
                           + "lower the trial count")
        }
        var wide = try scenario(plan())
        wide.requisitions = (0...RunLimits.maxRequisitions).map { i in
            var r = wide.requisitions[0]
            r.name = "r\(i)"
            return r
        }
        XCTAssertThrowsError(try RunLimits().check(model: SimulationModel(wide), trials: 1, threads: 1)) {
            XCTAssertEqual("\($0)", "the plan has 65536 requisitions; the engine handles at most 65535: split the plan into several "
                           + "scenario files")
        }
    }

    func testParsingLimits() throws {
        XCTAssertEqual(RunLimits.parseCount("5e7"), 5e7)
        XCTAssertEqual(RunLimits.parseCount("20_000_000"), 2e7)
        XCTAssertNil(RunLimits.parseCount("0"))
        XCTAssertNil(RunLimits.parseCount("many"))
        XCTAssertEqual(RunLimits.parseSize("8G"), 8 * 1024 * 1024 * 1024)
        XCTAssertEqual(RunLimits.parseSize("512m"), 512 * 1024 * 1024)
        XCTAssertEqual(RunLimits.parseSize("1.5GiB"), 1.5 * 1024 * 1024 * 1024)
        XCTAssertEqual(RunLimits.parseSize("2000000000"), 2e9)
        XCTAssertNil(RunLimits.parseSize("-1G"))
        XCTAssertNil(RunLimits.parseSize("G"))
        let limits = try RunLimits.fromEnvironment(["FUNNELCAST_MAX_EVENTS": "1e6", "FUNNELCAST_MAX_MEMORY": "2G"])
        XCTAssertEqual(limits, RunLimits(maxEventsPerTrial: 1e6, maxMemoryBytes: 2 * 1024 * 1024 * 1024))
        XCTAssertThrowsError(try RunLimits.fromEnvironment(["FUNNELCAST_MAX_EVENTS": "lots"]))
        XCTAssertEqual(try RunLimits.fromEnvironment([:]), RunLimits())
    }

    /// A cancelled run stops taking chunks and hands over, in trial order,
    /// the chunks finished before the first gap: the same outcomes as a
    /// complete run's first trials.
    func testCancelledRunHandsOverAPrefixOfTrials() throws {
        let model = SimulationModel(try scenario(plan()))
        let finished = Atomic<Int>(0)
        var options = RunOptions(trials: 5000, seed: 9, threads: 2)
        options.chunkSize = 16
        options.chunksPerWave = 8
        options.isCancelled = { finished.load(ordering: .relaxed) >= 40 }
        var cancelled: [Double] = []
        var firstTrials: [Int] = []
        ForecastRunner.run(model: model, options: options, progress: { finished.add($0, ordering: .relaxed) }) { chunk in
            firstTrials.append(chunk.firstTrial)
            cancelled += chunk.outcomes.map { $0.requisitions[0][.applicants] }
        }
        XCTAssertGreaterThanOrEqual(cancelled.count, 32)
        XCTAssertLessThan(cancelled.count, 5000)
        XCTAssertEqual(firstTrials, Array(stride(from: 0, to: cancelled.count, by: 16)), "a prefix, in order")
        var complete: [Double] = []
        var all = RunOptions(trials: cancelled.count, seed: 9, threads: 1)
        all.chunkSize = 16
        ForecastRunner.run(model: model, options: all) { complete += $0.outcomes.map { $0.requisitions[0][.applicants] } }
        XCTAssertEqual(cancelled, complete)
    }
}
