import Forecast
import XCTest

/// ExactSum: the exact total of any doubles, in any order, rounded once.
final class ExactSumTests: XCTestCase {
    private func sum(_ values: [Double]) -> ExactSum {
        var s = ExactSum()
        for v in values { s.add(v) }
        return s
    }

    func testCancellationThatPlainAdditionLoses() {
        XCTAssertEqual(sum([1e100, 1, -1e100]).value, 1)
        XCTAssertEqual(sum([0.1, 0.2, -0.3]).value, 0x1p-55)   // exactly the doubles' total
        XCTAssertEqual(sum([1, 1e-300, -1]).value, 1e-300)
        XCTAssertEqual(sum([-3, 1]).value, -2)
        XCTAssertEqual(sum([.leastNonzeroMagnitude, .leastNonzeroMagnitude]).value, 2 * .leastNonzeroMagnitude)
        XCTAssertEqual(sum([.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 5]).value, 5)
        XCTAssertEqual(sum([]).value, 0)
        XCTAssertEqual(sum([1, .infinity]).value, .infinity)
    }

    /// Rounded once, to nearest with ties to even: 2^53 + 1 is a tie
    /// (to 2^53), 2^53 + 1 + 2^-20 is not (up).
    func testRoundsOnceToNearestEven() {
        let big = 9_007_199_254_740_992.0
        XCTAssertEqual(sum([big, 1]).value, big)
        XCTAssertEqual(sum([big, 1, 0x1p-20]).value, big + 2)
        XCTAssertEqual(sum([big, 3]).value, big + 4)
        XCTAssertEqual(sum([-big, -1, -0x1p-20]).value, -big - 2)
    }

    /// Shuffled orders and split-and-merged sums give the same bits, and
    /// agree with a compensated sum.
    func testAnyOrderAndAnySplitSameBits() {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) / Double(1 << 53)
            return (u - 0.3) * pow(10, Double(Int(state % 13)) - 4)
        }
        let values = (0..<5000).map { _ in next() }
        let whole = sum(values)
        for seed in 1...5 {
            let s = ShardFixture.shuffled(values, seed: UInt64(seed))
            XCTAssertEqual(sum(s).value.bitPattern, whole.value.bitPattern)
            var merged = sum(Array(s[..<1234]))
            merged.merge(sum(Array(s[1234...])))
            XCTAssertEqual(merged, whole.normalizedForTest)
            XCTAssertEqual(merged.value.bitPattern, whole.value.bitPattern)
        }
        var kahan = 0.0, c = 0.0
        for v in values { let y = v - c; let t = kahan + y; c = (t - kahan) - y; kahan = t }
        XCTAssertEqual(whole.value, kahan, accuracy: 1e-12 * abs(kahan))
    }

    func testProductsAreExact() {
        var s = ExactSum()
        s.addProduct(0.1, 0.1)
        s.add(-(0.1 * 0.1))
        // 0.1 * 0.1 rounds; the exact product minus its rounding is the fma residual.
        XCTAssertEqual(s.value, (-(0.1 * 0.1)).addingProduct(0.1, 0.1))
        XCTAssertNotEqual(s.value, 0)
    }
}

extension ExactSum {
    /// The same value after a merge with nothing (carried limbs), to compare states.
    var normalizedForTest: ExactSum {
        var s = self
        s.merge(ExactSum())
        return s
    }
}
