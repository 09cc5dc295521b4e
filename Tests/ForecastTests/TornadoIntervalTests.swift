import Forecast
import FunnelModel
import Sampling
import Simulation
import TestSupport
import XCTest

/// The tornado says how sure it is (issue 15, points 5 and 6): each swing
/// with its 95% interval from the paired trials (batch means), ties where
/// intervals overlap, and a note for every side clipped or rounded.
final class TornadoIntervalTests: XCTestCase {
    /// The batch-means half-width against the closed form from the paired
    /// per-trial differences (P(on time) is a mean of 0/1 values, so the
    /// swing is mean(high_i - low_i) over the same trials): 20 batches
    /// estimate the sd with a relative error of about 1/sqrt(2 x 19) = 16%,
    /// so within a factor of 1.6 either way (about 4 standard errors of a
    /// log sd, t(19) over 1.96 included).
    func testIntervalMatchesThePairedStandardError() throws {
        let s = try SmallPlan.scenario()
        let model = SimulationModel(s)
        let metric = try MetricChoice(model: model)
        let points = try TornadoPoint.points(of: s, patterns: ["requisitions.team.stages.screen.pass"], swing: 0.2)
        let options = SmallPlan.options(trials: 400)
        let result = try Tornado.run(scenario: s, points: points, metric: metric, options: options)
        let row = try XCTUnwrap(result.rows.first)
        let swing = try XCTUnwrap(row.swing), lo = try XCTUnwrap(row.swingLow), hi = try XCTUnwrap(row.swingHigh)
        XCTAssertGreaterThan(lo, 0, "a pass rate's swing on P(on time) is clearly above 0")
        XCTAssertEqual((hi + lo) / 2, swing, accuracy: 1e-12, "symmetric around the swing while it excludes 0")

        func values(_ change: ParameterChange) throws -> [Double] {
            let m = SimulationModel(try s.applying([change])).aligningParameterStreams(with: model)
            var out = [Double](repeating: .nan, count: options.trials)
            var row: [Double] = []
            _ = ForecastRunner.forecast(model: m, options: options, keepsTrialColumns: false, perTrial: { i, o in
                out[i] = metric.trialValue(o, row: &row)
            })
            return out
        }
        let l = try values(points[0].lowChange), h = try values(points[0].highChange)
        let d = zip(h, l).map { $0 - $1 }
        let n = Double(d.count), mean = d.reduce(0, +) / n
        XCTAssertEqual(abs(mean), swing, accuracy: 1e-12, "the swing is the paired mean difference")
        let se = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) / n).squareRoot()
        let half = (hi - lo) / 2
        XCTAssertGreaterThan(half, 1.96 * se / 1.6)
        XCTAssertLessThan(half, 1.96 * se * 1.6)
    }

    /// A parameter no P(on time) depends on (cost per applicant) swings by
    /// exactly 0 on common random numbers, with the interval [0, 0]; it ties
    /// with no row whose interval excludes 0, and ties are symmetric.
    func testInertParameterAndTies() throws {
        let s = try SmallPlan.scenario()
        let model = SimulationModel(s)
        let points = try TornadoPoint.points(of: s, patterns: ["requisitions.team.sourcing.*", "requisitions.team.stages.screen.pass"],
                                             swing: 0.2)
        let result = try Tornado.run(scenario: s, points: points, metric: try MetricChoice(model: model),
                                     options: SmallPlan.options(trials: 200))
        let cost = try XCTUnwrap(result.rows.first { $0.path.hasSuffix("cost_per_applicant") })
        XCTAssertEqual(cost.swing, 0)
        XCTAssertEqual(cost.swingLow, 0)
        XCTAssertEqual(cost.swingHigh, 0)
        for row in result.rows {
            for r in row.ties {
                let other = try XCTUnwrap(result.rows.first { $0.rank == r })
                XCTAssertTrue(other.ties.contains(row.rank), "\(row.path) ties \(other.path) but not back")
                XCTAssertLessThanOrEqual(try XCTUnwrap(row.swingLow), try XCTUnwrap(other.swingHigh))
                XCTAssertLessThanOrEqual(try XCTUnwrap(other.swingLow), try XCTUnwrap(row.swingHigh))
            }
            if let low = row.swingLow, low > 0 { XCTAssertFalse(row.ties.contains(cost.rank), row.path) }
        }
        // The shard path (every run's statistics, then the result) gives the same rows.
        var each = SmallPlan.options(trials: 200)
        each.firstTrial = 0
        let stats = try Tornado.statistics(scenario: s, points: points, metric: try MetricChoice(model: model), options: each,
                                           runs: 0..<Tornado.runs(points))
        XCTAssertEqual(stats.count, Tornado.runs(points))
        XCTAssertEqual(Set(stats.map(\.count)), [1 + Tornado.batchCount(trials: 200)])
        XCTAssertEqual(Tornado.result(points: points, metric: try MetricChoice(model: model), statistics: stats, trials: 200),
                       result)
    }

    /// Point 6: a side that is not what the swing asked for says so.
    func testClippedAndRoundedSidesSaySo() throws {
        var s = try SmallPlan.scenario()
        let pass = try XCTUnwrap(s.parameters.first { $0.slot.path == "requisitions.team.stages.onsite.pass" })
        s = try s.applying([ParameterChange(pass.slot.id, .replace(.constant(0.9)))])
        let points = try TornadoPoint.points(of: s, swing: 0.2)
        func notes(_ path: String) throws -> [String] { try XCTUnwrap(points.first { $0.path == path }, path).notes }
        XCTAssertEqual(try notes("requisitions.team.stages.onsite.pass"),
                       ["requisitions.team.stages.onsite.pass high: 0.9 x1.2 = 1.08, capped at 1"])
        XCTAssertEqual(try notes("requisitions.team.openings"),
                       ["requisitions.team.openings low: 2 x0.8 = 1.6, rounded to 2, moved one step to 1",
                        "requisitions.team.openings high: 2 x1.2 = 2.4, rounded to 2, moved one step to 3"])
        XCTAssertEqual(try notes("requisitions.team.decision.slate_size"),
                       ["requisitions.team.decision.slate_size low: 1 x0.8 = 0.8, rounded to 1, moved one step to 0, "
                        + "raised to 1 (no change: the base run)",
                        "requisitions.team.decision.slate_size high: 1 x1.2 = 1.2, rounded to 1, moved one step to 2"])
        XCTAssertEqual(try notes("requisitions.team.stages.onsite.no_show"), [], "0.16 and 0.24 are what was asked")
        // The rows carry them.
        let row = try XCTUnwrap(try Tornado.run(scenario: s, points: points.filter { $0.path.hasSuffix("onsite.pass") },
                                                metric: try MetricChoice(model: SimulationModel(s)),
                                                options: SmallPlan.options(trials: 40)).rows.first)
        XCTAssertEqual(row.notes, ["requisitions.team.stages.onsite.pass high: 0.9 x1.2 = 1.08, capped at 1"])
    }
}
