import Forecast
import Foundation
import FunnelModel
import ScenarioYAML
import Shards
import Simulation
import TestSupport
import XCTest

/// What the shard tests share: the small plan, the splits they try, a
/// seeded shuffle, and a part's round trip through its file bytes.
enum ShardFixture {
    /// `Tests/Fixtures/small-plan.yaml` (one requisition of two openings,
    /// four uncertain parameters, two interventions), found through PackagePaths.
    static func smallPlan() throws -> Scenario { try ScenarioLoader.load(path: PackagePaths.smallPlan) }

    /// The shard counts every merge test tries (7 divides none of the totals).
    static let shardCounts = [1, 2, 4, 7]

    /// A reproducible permutation, drawn from the tests' one seeded generator.
    static func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
        var generator = SplitMix64(seed: seed)
        return items.shuffled(using: &generator)
    }

    /// Parts for every shard of `count`, each built by `make(shard)`, written
    /// to bytes and read back, handed over in a shuffled order.
    static func parts(count: Int, total: Int, unit: String, scenario: Scenario, command: String = "test",
                      _ make: (Shard) throws -> ShardPayload) throws -> [PartSet.Part] {
        var parts: [PartSet.Part] = []
        for k in 0..<count {
            let shard = Shard(index: k, count: count)!
            let header = PartHeader(toolVersion: "test", scenarioHash: ScenarioFingerprint.of(scenario),
                                    scenarioName: scenario.name, seed: scenario.seed, total: total, unit: unit,
                                    shard: shard, command: command, options: [.init("k", "v")])
            let file = PartFile(header: header, body: try make(shard).encoded())
            let path = "shard-\(k).fcpart"
            parts.append(PartSet.Part(path: path, file: try PartFile.decode(file.encoded(), path: path)))
        }
        return shuffled(parts, seed: UInt64(count))
    }

    /// Run options for trials `range` of a run.
    static func options(_ range: Range<Int>, seed: UInt64, threads: Int = 2) -> RunOptions {
        var o = RunOptions(trials: range.count, seed: seed, threads: threads)
        o.firstTrial = range.lowerBound
        return o
    }

    /// The encoded state of a builder: equal bytes, equal state.
    static func state(_ b: ForecastBuilder) -> [UInt8] {
        var w = ByteWriter()
        b.encode(into: &w)
        return w.bytes
    }
}
