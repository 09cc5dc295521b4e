import CGSL
import TestSupport
import XCTest
@testable import Forecast

final class StatisticsTests: XCTestCase {
    /// GSL's type 7 quantile, the reference MODEL.md 17.5 names.
    private func gslQuantile(_ sorted: [Double], _ p: Double) -> Double {
        sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, sorted.count, p) }
    }

    // MARK: quantile

    func testQuantileHandComputed() {
        XCTAssertEqual(Statistics.quantile(sorted: [1, 2, 3, 4], 0.25), 1.75)
        XCTAssertEqual(Statistics.quantile(sorted: [1, 2, 3, 4], 0.5), 2.5)
        XCTAssertEqual(Statistics.quantile(sorted: [1, 2, 3, 4], 0), 1)
        XCTAssertEqual(Statistics.quantile(sorted: [1, 2, 3, 4], 1), 4)
        XCTAssertEqual(Statistics.quantile(sorted: [7], 0.9), 7)
        XCTAssertEqual(Statistics.quantile(sorted: [10, 20], 0.1), 11)
        XCTAssertNil(Statistics.quantile(sorted: [], 0.5))
    }

    func testQuantileWithInfinity() {
        let data: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, .infinity]
        XCTAssertEqual(Statistics.quantile(sorted: data, 0.5), 5.5)
        // h = 0.9 * 9 = 8.1: 0.1 of the weight falls on +infinity.
        XCTAssertNil(Statistics.quantile(sorted: data, 0.9))
        XCTAssertNil(Statistics.quantile(sorted: data, 1))
        // h = 3 exactly: all weight on 4, none on +infinity.
        XCTAssertEqual(Statistics.quantile(sorted: [1, 2, 3, 4, .infinity], 0.75), 4)
        XCTAssertNil(Statistics.quantile(sorted: [.infinity, .infinity], 0))
    }

    /// Bit-for-bit equal to GSL on finite random data, ties included.
    func testQuantileMatchesGSL() {
        var rng = SplitMix64(seed: 20_240_601)
        for trial in 0..<300 {
            let n = Int.random(in: 1...60, using: &rng)
            let data = (0..<n).map { _ in
                trial % 3 == 0 ? Double(Int.random(in: 0...5, using: &rng))
                               : Double.random(in: -100...1000, using: &rng)
            }.sorted()
            for p in Statistics.percentileLevels + [0, 1, Double.random(in: 0...1, using: &rng)] {
                XCTAssertEqual(Statistics.quantile(sorted: data, p), gslQuantile(data, p), "n=\(n) p=\(p)")
            }
        }
    }

    /// With +infinity: a value wherever GSL, on the same data with a huge
    /// finite stand-in for +infinity, puts no weight on the stand-in (then
    /// equal to GSL), nil wherever it does.
    func testQuantileWithInfinityMatchesGSL() {
        var rng = SplitMix64(seed: 7)
        let standIn = 1e300
        for _ in 0..<300 {
            let n = Int.random(in: 1...40, using: &rng)
            let infinite = Int.random(in: 0...n, using: &rng)
            var data = (0..<(n - infinite)).map { _ in Double(Int.random(in: 0...30, using: &rng)) }.sorted()
            data += Array(repeating: .infinity, count: infinite)
            let surrogate = data.map { $0.isFinite ? $0 : standIn }
            for p in Statistics.percentileLevels + [0, 1, Double.random(in: 0...1, using: &rng)] {
                let reference = gslQuantile(surrogate, p)
                if let q = Statistics.quantile(sorted: data, p) {
                    XCTAssertEqual(q, reference, "n=\(n) inf=\(infinite) p=\(p)")
                } else {
                    XCTAssertGreaterThan(reference, 1e200, "n=\(n) inf=\(infinite) p=\(p)")
                }
            }
        }
    }

    // MARK: summarize

    func testSummaryWithCensoredValues() {
        let s = Statistics.summarize([4, .infinity, 2, 1, 3])
        XCTAssertEqual(s.n, 4)
        XCTAssertEqual(s.mean, 2.5)
        let sd = (5.0 / 3.0).squareRoot()
        XCTAssertEqual(s.sd!, sd, accuracy: 1e-15)
        XCTAssertEqual(s.se!, sd / 2, accuracy: 1e-15)
        XCTAssertEqual(s.ciLow!, 2.5 - 1.96 * sd / 2, accuracy: 1e-14)
        XCTAssertEqual(s.ciHigh!, 2.5 + 1.96 * sd / 2, accuracy: 1e-14)
        XCTAssertEqual(s.beyondHorizon, 0.2)
        // Sorted: 1 2 3 4 inf; h = 4p.
        XCTAssertEqual(s.percentiles.count, 7)
        XCTAssertEqual(s.percentile(0.05)!, 1.2, accuracy: 1e-15)
        XCTAssertEqual(s.percentile(0.25), 2)
        XCTAssertEqual(s.percentile(0.50), 3)
        XCTAssertEqual(s.percentile(0.75), 4)
        XCTAssertNil(s.percentile(0.90))
        XCTAssertNil(s.percentile(0.95))
    }

    func testSummaryOfEmptyAndAllCensored() {
        let empty = Statistics.summarize([])
        XCTAssertEqual(empty.n, 0)
        XCTAssertNil(empty.mean)
        XCTAssertNil(empty.sd)
        XCTAssertNil(empty.ciLow)
        XCTAssertEqual(empty.beyondHorizon, 0)
        XCTAssertEqual(empty.percentiles, Array(repeating: nil, count: 7))

        let never = Statistics.summarize([.infinity, .infinity, .infinity])
        XCTAssertEqual(never.n, 0)
        XCTAssertNil(never.mean)
        XCTAssertEqual(never.beyondHorizon, 1)
        XCTAssertEqual(never.percentiles, Array(repeating: nil, count: 7))
    }

    func testSummaryOfOneValue() {
        let s = Statistics.summarize([42])
        XCTAssertEqual(s.mean, 42)
        XCTAssertNil(s.sd)
        XCTAssertNil(s.se)
        XCTAssertNil(s.ciLow)
        XCTAssertEqual(s.percentiles, Array(repeating: 42, count: 7))
    }

    /// The two-pass variance keeps its digits far from zero.
    func testSummaryVarianceIsStableAtLargeOffset() {
        let s = Statistics.summarize([1e9 + 1, 1e9 + 2, 1e9 + 3])
        XCTAssertEqual(s.mean, 1e9 + 2)
        XCTAssertEqual(s.sd!, 1, accuracy: 1e-12)
    }

    func testSummaryMatchesGSLMoments() {
        var rng = SplitMix64(seed: 99)
        let data = (0..<1000).map { _ in Double.random(in: 0...50, using: &rng) }
        let s = Statistics.summarize(data)
        let (mean, sd) = data.withUnsafeBufferPointer {
            (gsl_stats_mean($0.baseAddress, 1, data.count), gsl_stats_sd($0.baseAddress, 1, data.count))
        }
        // GSL sums naively; 1000 values of size 50 agree to about 1e-12 relative.
        XCTAssertEqual(s.mean!, mean, accuracy: 1e-12 * mean)
        XCTAssertEqual(s.sd!, sd, accuracy: 1e-12 * sd)
        XCTAssertEqual(s.se!, sd / 1000.0.squareRoot(), accuracy: 1e-12 * sd)
    }

    func testBinarySummaryUsesWilson() {
        let s = Statistics.summarize([1, 1, 0, 1, 1, 1, 0, 1, 1, 1], binary: true)
        XCTAssertEqual(s.mean, 0.8)
        XCTAssertEqual(s.ciLow!, 0.4902, accuracy: 5e-5)
        XCTAssertEqual(s.ciHigh!, 0.9433, accuracy: 5e-5)
        XCTAssertEqual(s.beyondHorizon, 0)
    }

    // MARK: Wilson

    func testWilsonTextbookValues() {
        let (low, high) = Statistics.wilson(successes: 8, n: 10)
        XCTAssertEqual(low, 0.4902, accuracy: 5e-5)
        XCTAssertEqual(high, 0.9433, accuracy: 5e-5)

        let none = Statistics.wilson(successes: 0, n: 10)
        XCTAssertEqual(none.low, 0)
        XCTAssertEqual(none.high, 0.2775, accuracy: 5e-5)

        let all = Statistics.wilson(successes: 10, n: 10)
        XCTAssertEqual(all.low, 0.7225, accuracy: 5e-5)
        XCTAssertEqual(all.high, 1)

        let nothing = Statistics.wilson(successes: 0, n: 0)
        XCTAssertEqual(nothing.low, 0)
        XCTAssertEqual(nothing.high, 1)
    }

    // MARK: Spearman

    func testSpearmanMonotoneAndReversed() {
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        XCTAssertEqual(Statistics.spearman(x, x.map { $0 * $0 * $0 + 7 })!, 1, accuracy: 1e-15)
        XCTAssertEqual(Statistics.spearman(x, x.map { -2 * $0 })!, -1, accuracy: 1e-15)
    }

    func testSpearmanWithTies() {
        // Ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4; rho = 4.5 / sqrt(4.5 * 5).
        let rho = Statistics.spearman([1, 2, 2, 3], [10, 20, 30, 40])!
        XCTAssertEqual(rho, 4.5 / (4.5 * 5.0).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(Statistics.ranks([3, 1, 3, 3, 2]), [4, 1, 4, 4, 2])
    }

    func testSpearmanDegenerate() {
        XCTAssertNil(Statistics.spearman([1, 2], [2, 1]))
        XCTAssertNil(Statistics.spearman([1, 1, 1, 1], [1, 2, 3, 4]))
        XCTAssertNil(Statistics.spearman([1, 2, 3, 4], [5, 5, 5, 5]))
    }

    /// Independent data: rho near 0 (sd about 1/sqrt(n - 1) = 0.01).
    func testSpearmanOfIndependentDataIsSmall() {
        var rng = SplitMix64(seed: 3)
        let x = (0..<10_000).map { _ in Double.random(in: 0...1, using: &rng) }
        let y = (0..<10_000).map { _ in Double.random(in: 0...1, using: &rng) }
        XCTAssertLessThan(abs(Statistics.spearman(x, y)!), 0.04)
    }

    // MARK: IntegerHistogram

    func testHistogramQuantilesEqualSortedData() {
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<200 {
            let n = Int.random(in: 1...200, using: &rng)
            let top = Int.random(in: 0...25, using: &rng)
            let values = (0..<n).map { _ in Int.random(in: 0...top, using: &rng) }
            var histogram = IntegerHistogram(maxValue: top / 2)  // grows past it
            for v in values { histogram.add(v) }
            let sorted = values.map(Double.init).sorted()
            XCTAssertEqual(histogram.count, n)
            XCTAssertEqual(histogram.mean!, sorted.reduce(0, +) / Double(n), accuracy: 1e-12)
            for p in Statistics.percentileLevels + [0, 1, Double.random(in: 0...1, using: &rng)] {
                XCTAssertEqual(histogram.quantile(p), Statistics.quantile(sorted: sorted, p), "n=\(n) p=\(p)")
            }
        }
    }

    func testHistogramMerge() {
        var a = IntegerHistogram(maxValue: 3)
        var b = IntegerHistogram(maxValue: 10)
        var both = IntegerHistogram()
        for v in [0, 1, 1, 3] { a.add(v); both.add(v) }
        for v in [2, 9, 9, 10] { b.add(v); both.add(v) }
        a.merge(b)
        XCTAssertEqual(a.counts, both.counts)
        XCTAssertEqual(a.count, 8)
        XCTAssertEqual(a.mean, both.mean)
        XCTAssertEqual(a.quantile(0.5), 2.5)
        XCTAssertEqual(a.maxValue, 10)
    }

    func testEmptyHistogram() {
        let h = IntegerHistogram(maxValue: 5)
        XCTAssertEqual(h.count, 0)
        XCTAssertNil(h.mean)
        XCTAssertNil(h.quantile(0.5))
    }
}
