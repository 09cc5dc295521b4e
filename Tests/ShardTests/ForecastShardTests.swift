import Forecast
import FunnelModel
import Reporting
import ScenarioYAML
import Shards
import Simulation
import TestSupport
import XCTest

/// A run in shards (MODEL.md 20): trial ranges floor(kN/n) ..< floor((k+1)N/n),
/// the runner started at a shard's first trial, builders merged in shard
/// order, give one run's state and CSV bytes; past the exact threshold too.
final class ForecastShardTests: XCTestCase {
    static let trials = 23_000
    /// Small, so that the shards cross it in every way: 7 shards of about
    /// 3,286 trials stay exact and cross it only merged; 2 and 4 cross it alone.
    static let exactTrials = 5_000

    func testShardRanges() {
        XCTAssertEqual((0..<7).map { Shard(index: $0, count: 7)!.range(of: 100) },
                       [0..<14, 14..<28, 28..<42, 42..<57, 57..<71, 71..<85, 85..<100])
        XCTAssertEqual(Shard(index: 2, count: 4)!.range(of: 3), 1..<2)
        XCTAssertEqual(Shard(index: 0, count: 4)!.range(of: 3), 0..<0)
        XCTAssertEqual(Shard.whole.range(of: 9), 0..<9)
        XCTAssertEqual(Shard(index: 1, count: 2)!.range(of: Int.max).upperBound, Int.max)
        XCTAssertNil(Shard(index: 4, count: 4))
        XCTAssertEqual(Shard.parse("3/8"), .success(Shard(index: 3, count: 8)!))
        XCTAssertEqual(Shard.parse("4/4"), .failure(.outOfRange("4/4", count: 4)))
        XCTAssertEqual(Shard.parse("0/0"), .failure(.noShards("0/0")))
        XCTAssertEqual(Shard.parse("1-4"), .failure(.notKOfN("1-4")))
        XCTAssertEqual(Shard.parse("-1/4"), .failure(.outOfRange("-1/4", count: 4)))
    }

    /// 1, 2 and 4 shards from the whole run's outcomes; 7 from the runner
    /// started at each shard's first trial (checking its ranges too).
    func testMergedShardsAreOneRunBitForBit() throws {
        let scenario = try ShardFixture.smallPlan()
        let model = SimulationModel(scenario)
        let n = Self.trials, seed = scenario.seed
        var outcomes: [TrialOutcome] = []
        outcomes.reserveCapacity(n)
        let (wholeForecast, whole) = ForecastRunner.forecast(
            model: model, options: RunOptions(trials: n, seed: seed, threads: 2), keepsTrialColumns: false,
            exactTrials: Self.exactTrials, perTrial: { _, o in outcomes.append(o) })
        let wholeState = ShardFixture.state(whole)
        let wholeCSV = csv(whole.build())
        XCTAssertEqual(csv(wholeForecast), wholeCSV)

        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: n, unit: "trials", scenario: scenario) { shard in
                let range = shard.range(of: n)
                if count == 7 {
                    return .forecast(ForecastRunner.forecast(model: model, options: ShardFixture.options(range, seed: seed),
                                                             keepsTrialColumns: false, exactTrials: Self.exactTrials).1,
                                     trialRows: nil)
                }
                var b = ForecastBuilder(model: model, keepsTrialColumns: false, exactTrials: Self.exactTrials)
                for i in range { b.add(outcomes[i]) }
                return .forecast(b, trialRows: nil)
            }
            let (merged, rows) = try ShardMerge.forecast(try PartSet(parts), model: model)
            XCTAssertNil(rows)
            XCTAssertEqual(ShardFixture.state(merged), wholeState, "\(count) shards")
            XCTAssertEqual(csv(merged.build()), wholeCSV, "\(count) shards")
        }

        // Past the threshold mean and sd still agree with every value's summary.
        var scratch: [Double] = []
        for metric in [Metric.cost, .recruiterHours, .applicants] {
            let choice = try MetricChoice(metric.rawValue, model: model)
            let exact = Statistics.summarize(outcomes.map { choice.trialValue($0, row: &scratch) })
            let counted = wholeForecast.summary(0, metric)
            XCTAssertEqual(counted.mean!, exact.mean!, accuracy: 1e-13 * abs(exact.mean!), "\(metric)")
            XCTAssertEqual(counted.sd!, exact.sd!, accuracy: 1e-11 * exact.sd!, "\(metric)")
        }
    }

    /// A plan with sourcing channels (Scenarios/hospital.yaml, MODEL.md
    /// 21.5): each channel's funnel, hires and exact cost merge to one
    /// run's state, funnel.csv and channels.csv at every shard count.
    func testChannelTalliesMergeBitForBit() throws {
        let scenario = try ScenarioLoader.load(path: PackagePaths.scenario("hospital"))
        let model = SimulationModel(scenario)
        XCTAssertEqual(model.channelSources.count, 2)
        let n = 150, seed = scenario.seed
        let (wholeForecast, whole) = ForecastRunner.forecast(
            model: model, options: RunOptions(trials: n, seed: seed, threads: 2), keepsTrialColumns: false, exactTrials: 40)
        XCTAssertEqual(wholeForecast.channels.map(\.channel), ["agency", "job_board"])
        XCTAssertGreaterThan(wholeForecast.channels[0].hires, 0)
        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: n, unit: "trials", scenario: scenario) { shard in
                .forecast(ForecastRunner.forecast(model: model, options: ShardFixture.options(shard.range(of: n), seed: seed),
                                                  keepsTrialColumns: false, exactTrials: 40).1, trialRows: nil)
            }
            let (merged, _) = try ShardMerge.forecast(try PartSet(parts), model: model)
            XCTAssertEqual(ShardFixture.state(merged), ShardFixture.state(whole), "\(count) shards")
            XCTAssertEqual(csv(merged.build()), csv(wholeForecast), "\(count) shards")
        }
    }

    /// A plan with openings in batches and cohort start days (MODEL.md
    /// 21.8-21.9): its starts tally (per-deadline counts, k-th start days
    /// past the exact threshold) merges to one run's state and starts.csv.
    func testBatchedCohortPlanMergesBitForBit() throws {
        var scenario = try ShardFixture.smallPlan()
        let first = scenario.requisitions[0]
        let lastDay = scenario.start.adding(days: Int(scenario.horizonDays.rounded(.up)) - 1)
        let early = scenario.start.adding(days: Int(scenario.horizonDays / 2))
        scenario.requisitions[0].batches = [OpeningBatch(count: 1, deadline: early),
                                            OpeningBatch(count: max(1, first.openings.integerValue), deadline: lastDay)]
        scenario.requisitions[0].openings = Quantity(Double(1 + max(1, first.openings.integerValue)), kind: .integer(minimum: 1))
        scenario.requisitions[0].deadline = lastDay
        scenario.requisitions[0].startDays = [.mon, .thu]
        scenario = try scenario.validated()
        let model = SimulationModel(scenario)
        let n = 2_400, exact = 500
        var outcomes: [TrialOutcome] = []
        let (wholeForecast, whole) = ForecastRunner.forecast(
            model: model, options: RunOptions(trials: n, seed: scenario.seed, threads: 2), keepsTrialColumns: false,
            exactTrials: exact, perTrial: { _, o in outcomes.append(o) })
        XCTAssertEqual(wholeForecast.starts[0].due.count, 2)
        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: n, unit: "trials", scenario: scenario) { shard in
                var b = ForecastBuilder(model: model, keepsTrialColumns: false, exactTrials: exact)
                for i in shard.range(of: n) { b.add(outcomes[i]) }
                return .forecast(b, trialRows: nil)
            }
            let (merged, _) = try ShardMerge.forecast(try PartSet(parts), model: model)
            XCTAssertEqual(ShardFixture.state(merged), ShardFixture.state(whole), "\(count) shards")
            XCTAssertEqual(csv(merged.build()), csv(wholeForecast), "\(count) shards")
        }
    }

    /// The pool diagnostics (MODEL.md 21.4) merge bit for bit too: the
    /// small plan with two named recruiter pools and an interviewer pool,
    /// an hour of recruiter time a stage and three of interviewers an
    /// interview, tight enough that requests wait; 1, 2, 4 and 7 shards of 300 trials
    /// from the whole run's outcomes, in the part format (encoded, decoded).
    func testMergedShardsKeepThePoolDiagnostics() throws {
        var scenario = try ShardFixture.smallPlan()
        scenario.recruiterPools = [Pool(count: 1, hoursPerWeek: Quantity(3, kind: .nonNegative), name: "tech"),
                                   Pool(count: 1, hoursPerWeek: Quantity(2, kind: .nonNegative), name: "other")]
        scenario.interviewers = Pool(count: 1, hoursPerWeek: Quantity(4, kind: .nonNegative))
        for r in scenario.requisitions.indices {
            for k in scenario.requisitions[r].stages.indices {
                scenario.requisitions[r].stages[k].recruiterHours = Quantity(1, kind: .duration)
                if scenario.requisitions[r].stages[k].interview {
                    scenario.requisitions[r].stages[k].interviewerHours = Quantity(3, kind: .duration)
                }
            }
        }
        XCTAssertEqual(scenario.validationIssues, [])
        let model = SimulationModel(scenario)
        let n = 300, seed = scenario.seed
        var outcomes: [TrialOutcome] = []
        let (wholeForecast, whole) = ForecastRunner.forecast(
            model: model, options: RunOptions(trials: n, seed: seed, threads: 2), keepsTrialColumns: false,
            perTrial: { _, o in outcomes.append(o) })
        XCTAssertEqual(wholeForecast.capacity.map(\.name), ["recruiters.tech", "recruiters.other", "interviewers"])
        XCTAssertGreaterThan(wholeForecast.capacity[0].waits.reduce(0) { $0 + ($1.mean ?? 0) }, 0, "requests wait")
        XCTAssertGreaterThan(wholeForecast.capacity[2].overall.mean ?? 0, 0, "interviewers busy")
        let wholeState = ShardFixture.state(whole)
        let wholeCSV = csv(wholeForecast)
        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: n, unit: "trials", scenario: scenario) { shard in
                var b = ForecastBuilder(model: model, keepsTrialColumns: false)
                for i in shard.range(of: n) { b.add(outcomes[i]) }
                return .forecast(b, trialRows: nil)
            }
            let (merged, _) = try ShardMerge.forecast(try PartSet(parts), model: model)
            XCTAssertEqual(ShardFixture.state(merged), wholeState, "\(count) shards")
            XCTAssertEqual(csv(merged.build()), wholeCSV, "\(count) shards")
        }
    }

    /// summary.csv, timeline.csv, funnel.csv, starts.csv, channels.csv, capacity.csv and capacity-waits.csv of a forecast.
    private func csv(_ f: Forecast) -> [String] {
        [ForecastTables.summary(f), ForecastTables.timeline(f), ForecastTables.funnel(f), ForecastTables.starts(f),
         ForecastTables.channels(f), CapacityReport.utilisation(f), CapacityReport.waits(f)].map { $0.render() }
    }
}
