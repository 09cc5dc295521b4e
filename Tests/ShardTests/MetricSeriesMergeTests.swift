@testable import Forecast
import XCTest

/// MetricSeries.merge: shards of the values merged in order give the state
/// of one series, on each side of the exact threshold, for whole numbers,
/// fractions and censored values.
final class MetricSeriesMergeTests: XCTestCase {
    private func series(_ values: ArraySlice<Double>, limit: Int) -> MetricSeries {
        var s = MetricSeries(exactLimit: limit)
        for v in values { s.add(v) }
        return s
    }

    private func state(_ s: MetricSeries) -> [UInt8] {
        var w = ByteWriter()
        s.encode(into: &w)
        return w.bytes
    }

    private func check(_ values: [Double], limit: Int, binary: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        let whole = series(values[...], limit: limit)
        for n in ShardFixture.shardCounts {
            var merged: MetricSeries? = nil
            for k in 0..<n {
                let lo = k * values.count / n, hi = (k + 1) * values.count / n
                let part = series(values[lo..<hi], limit: limit)
                if merged == nil { merged = part } else { merged!.merge(part) }
            }
            XCTAssertEqual(state(merged!), state(whole), "\(n) shards", file: file, line: line)
            XCTAssertEqual(merged!.summary(binary: binary), whole.summary(binary: binary), "\(n) shards", file: file, line: line)
        }
    }

    private struct Values {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    func testFractionsAndCensoredOnBothSidesOfTheThreshold() {
        var g = Values(state: 11)
        let values = (0..<2300).map { _ in g.next() < 0.1 ? Double.infinity : 20 + exp(4 * g.next()) }
        for limit in [100, 500, 1000, 2299, 2300, 5000] { check(values, limit: limit) }
    }

    func testWholeNumbersThenAFraction() {
        var values = (0..<1500).map { Double($0 % 9) }
        values.insert(2.5, at: 1200)
        for limit in [50, 400, 1000] { check(values, limit: limit) }
        check((0..<1500).map { Double($0 % 2) }, limit: 100, binary: true)
    }

    /// Past the threshold mean and sd come from exact sums: they agree with
    /// the two-pass summary of every value to rounding, even where the
    /// spread is tiny next to the mean (no cancellation).
    func testMomentsPastTheThresholdAgreeWithSummarize() {
        var g = Values(state: 12)
        for offset in [0.0, 1e6] {
            let values = (0..<3000).map { _ in offset + 50 * g.next() }
            let counted = series(values[...], limit: 100).summary(), exact = Statistics.summarize(values)
            XCTAssertEqual(counted.mean!, exact.mean!, accuracy: 4 * exact.mean!.ulp)
            XCTAssertEqual(counted.sd!, exact.sd!, accuracy: 1e-12 * exact.sd!)
        }
        let tight = (0..<3000).map { _ in 1e9 + 1e-3 * g.next() }
        let counted = series(tight[...], limit: 100).summary(), exact = Statistics.summarize(tight)
        XCTAssertEqual(counted.sd!, exact.sd!, accuracy: 1e-6 * exact.sd!)
    }
}
