import Forecast
import FunnelModel
import Reporting
import Shards
import Simulation
import XCTest

/// compare and the three sensitivity methods in 1, 2, 4 and 7 shards,
/// parts through their bytes and handed over shuffled: the same result
/// value and CSV bytes as the unsharded command.
final class SensitivityShardTests: XCTestCase {
    func testCompareInShards() throws {
        let scenario = try ShardFixture.smallPlan()
        let n = 300
        let chosen = try InterventionComparison.select(nil, from: scenario)
        let options = RunOptions(trials: n, seed: scenario.seed, threads: 2)
        let (wholeBase, whole) = try InterventionComparison.run(scenario: scenario, interventions: chosen, options: options)
        let expected = SensitivityTables.interventions(whole).render()
        let models = try InterventionComparison.models(scenario: scenario, interventions: chosen)
        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: n, unit: "trials", scenario: scenario) { shard in
                .builders(try InterventionComparison.builders(
                    models: models, options: ShardFixture.options(shard.range(of: n), seed: scenario.seed)))
            }
            let builders = try ShardMerge.builders(try PartSet(parts), models: models)
            let (base, results) = InterventionComparison.results(scenario: scenario, interventions: chosen, builders: builders, seed: scenario.seed)
            XCTAssertEqual(results, whole, "\(count) shards")
            XCTAssertEqual(SensitivityTables.interventions(results).render(), expected, "\(count) shards")
            XCTAssertEqual(ForecastTables.summary(base).render(), ForecastTables.summary(wholeBase).render())
        }
    }

    func testCorrelationInShards() throws {
        let scenario = try ShardFixture.smallPlan()
        let model = SimulationModel(scenario)
        let n = 400
        let (_, whole) = ForecastRunner.forecast(model: model, options: RunOptions(trials: n, seed: scenario.seed, threads: 2))
        let expected = SensitivityTables.correlation(ParameterCorrelation.rows(whole)).render()
        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: n, unit: "trials", scenario: scenario) { shard in
                .forecast(ForecastRunner.forecast(model: model, options: ShardFixture.options(shard.range(of: n), seed: scenario.seed)).1,
                          trialRows: Array("rows of \(shard)\n".utf8))
            }
            let (merged, rows) = try ShardMerge.forecast(try PartSet(parts), model: model)
            XCTAssertEqual(SensitivityTables.correlation(ParameterCorrelation.rows(merged)).render(), expected, "\(count) shards")
            XCTAssertEqual(rows.map { String(decoding: $0, as: UTF8.self) },
                           (0..<count).map { "rows of \($0)/\(count)\n" }.joined(), "trials.csv rows in shard order")
        }
    }

    func testSobolInShards() throws {
        let scenario = try ShardFixture.smallPlan()
        let model = SimulationModel(scenario)
        let metric = try MetricChoice("time_to_fill", model: model)
        let whole = try ScenarioSobol.run(model: model, metric: metric, rows: 40, seed: scenario.seed, threads: 2, bootstrap: 200)
        let expected = SensitivityTables.sobol(whole).render()
        let study = try ScenarioSobol.Study(model: model, metric: metric, rows: 40, seed: scenario.seed)
        let total = study.design.evaluations
        XCTAssertEqual(total, 40 * (model.uncertainPaths.count + 3))
        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: total, unit: "evaluations", scenario: scenario) { shard in
                .outputs(try study.evaluate(shard.range(of: total), threads: 2))
            }
            let result = study.result(outputs: try ShardMerge.outputs(try PartSet(parts)), bootstrap: 200)
            XCTAssertIdentical(result, whole, "\(count) shards")
            XCTAssertEqual(SensitivityTables.sobol(result).render(), expected, "\(count) shards")
        }
    }

    func testTornadoInShards() throws {
        let scenario = try ShardFixture.smallPlan()
        let model = SimulationModel(scenario)
        let metric = try MetricChoice("time_to_fill.p50", model: model)
        let points = try TornadoPoint.points(of: scenario, patterns: ["requisitions.team.*.*.pass", "requisitions.team.offer.*",
                                                                      "requisitions.team.openings"], swing: 0.2)
        let options = RunOptions(trials: 150, seed: scenario.seed, threads: 2)
        let whole = try Tornado.run(scenario: scenario, points: points, metric: metric, options: options)
        let expected = SensitivityTables.tornado(whole).render()
        let runs = Tornado.runs(points)
        XCTAssertEqual(Tornado.runChanges(points).count, runs)
        XCTAssertGreaterThan(runs, 7, "more runs than the largest shard count")
        for count in ShardFixture.shardCounts {
            let parts = try ShardFixture.parts(count: count, total: runs, unit: "runs", scenario: scenario) { shard in
                .statistics(try Tornado.statistics(scenario: scenario, points: points, metric: metric, options: options,
                                                   runs: shard.range(of: runs)))
            }
            let result = Tornado.result(points: points, metric: metric, statistics: try ShardMerge.statistics(try PartSet(parts)),
                                        trials: options.trials)
            XCTAssertEqual(result, whole, "\(count) shards")
            XCTAssertEqual(SensitivityTables.tornado(result).render(), expected, "\(count) shards")
        }
    }
}

/// Equal bit for bit, NaN included: the values' shortest round-trip texts agree.
func XCTAssertIdentical<T>(_ a: T, _ b: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(String(describing: a), String(describing: b), message, file: file, line: line)
}
