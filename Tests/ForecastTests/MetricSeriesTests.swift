import XCTest
@testable import Forecast

/// MetricSeries: exact below its limit, counts above, with the stated accuracy.
final class MetricSeriesTests: XCTestCase {
    /// A reproducible stream of test values (an LCG; no GSL needed here).
    private struct Values {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    private func series(_ values: [Double], limit: Int) -> MetricSeries {
        var s = MetricSeries(exactLimit: limit)
        for v in values { s.add(v) }
        return s
    }

    func testExactBelowTheLimit() {
        var g = Values(state: 1)
        let values = (0..<500).map { _ in g.next() < 0.1 ? Double.infinity : exp(3 * g.next()) }
        let s = series(values, limit: 1000)
        XCTAssertTrue(s.isExact)
        XCTAssertEqual(s.summary(), Statistics.summarize(values))
    }

    /// Counts, 0/1 values: after the switch, percentiles are still exact
    /// and moments agree to rounding.
    func testIntegersStayExactPastTheLimit() {
        var g = Values(state: 2)
        let values = (0..<5000).map { _ in Double(Int(g.next() * 13)) }
        let s = series(values, limit: 100)
        XCTAssertFalse(s.isExact)
        let exact = Statistics.summarize(values), counted = s.summary()
        XCTAssertEqual(counted.percentiles, exact.percentiles)
        XCTAssertEqual(counted.n, exact.n)
        XCTAssertEqual(counted.mean!, exact.mean!, accuracy: 1e-12 * exact.mean!)
        XCTAssertEqual(counted.sd!, exact.sd!, accuracy: 1e-9 * exact.sd!)
        let binary = (0..<3000).map { _ in g.next() < 0.3 ? 1.0 : 0.0 }
        let b = series(binary, limit: 10).summary(binary: true), e = Statistics.summarize(binary, binary: true)
        XCTAssertEqual(b.ciLow!, e.ciLow!, accuracy: 1e-12)
        XCTAssertEqual(b.ciHigh!, e.ciHigh!, accuracy: 1e-12)
        XCTAssertEqual(b.percentiles, e.percentiles)
    }

    /// Continuous values with a censored tail: every percentile within the
    /// stated relative accuracy (0.1%), "beyond the horizon" exactly where
    /// the exact one is, and the same share beyond.
    func testContinuousValuesWithinTheStatedAccuracy() {
        var g = Values(state: 3)
        let values = (0..<20_000).map { _ in g.next() < 0.07 ? Double.infinity : 0.5 + exp(5 * g.next()) }
        let counted = series(values, limit: 1000).summary(), exact = Statistics.summarize(values)
        XCTAssertEqual(counted.beyondHorizon, exact.beyondHorizon)
        XCTAssertEqual(counted.n, exact.n)
        for (c, e) in zip(counted.percentiles, exact.percentiles) {
            if let e {
                XCTAssertEqual(c!, e, accuracy: LogBuckets.relativeAccuracy * e * 1.000001)
            } else {
                XCTAssertNil(c)
            }
        }
        XCTAssertNil(counted.percentiles[6], "P95 is beyond the horizon with 7% censored")
        XCTAssertEqual(counted.mean!, exact.mean!, accuracy: 1e-9 * exact.mean!)
    }

    /// Whole numbers first, then a fraction: the counts move to log buckets.
    func testIntegersThenFractions() {
        var values = (0..<300).map { Double($0 % 7) }
        values.append(2.5)
        values.append(contentsOf: (0..<300).map { Double($0 % 5) + 0.25 })
        let counted = series(values, limit: 50).summary(), exact = Statistics.summarize(values)
        for (c, e) in zip(counted.percentiles, exact.percentiles) {
            XCTAssertEqual(c!, e!, accuracy: 1e-3 * max(e!, 1e-9))
        }
        XCTAssertEqual(counted.n, values.count)
    }
}
