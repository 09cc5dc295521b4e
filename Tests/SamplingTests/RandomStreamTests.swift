import CFunnelcast
import CGSL
@testable import Sampling
import TestSupport
import XCTest

/// Streams: positioned only by (key, c1, c2, c3), laid out as documented in
/// fc_philox.h, and giving uniforms in [0, 1).
final class RandomStreamTests: XCTestCase {
    private let key = StreamKey(seed: 20_270_104, family: .candidates)

    private func uniforms(_ stream: RandomStream, _ n: Int) -> [Double] {
        (0..<n).map { _ in stream.uniform() }
    }

    private func stream(_ key: StreamKey, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32) -> RandomStream {
        let s = RandomStream(key: key)
        s.seek(key, c1, c2, c3)
        return s
    }

    func testSameKeyAndCountersGiveTheSameSequence() {
        let a = stream(key, 7, 2, 41), b = stream(key, 7, 2, 41)
        XCTAssertEqual(uniforms(a, 1000), uniforms(b, 1000))
    }

    func testDifferentCountersGiveDifferentSequences() {
        let base = uniforms(stream(key, 7, 2, 41), 16)
        XCTAssertNotEqual(uniforms(stream(key, 8, 2, 41), 16), base, "c1")
        XCTAssertNotEqual(uniforms(stream(key, 7, 3, 41), 16), base, "c2")
        XCTAssertNotEqual(uniforms(stream(key, 7, 2, 42), 16), base, "c3")
    }

    func testDifferentFamiliesAndSeedsGiveDifferentSequences() {
        let base = uniforms(stream(key, 0, 0, 0), 16)
        let families: [StreamKey.Family] = [.plan, .parameters, .freezes, .weather, .approval, .cancellation, .arrivals]
        for family in families {
            let other = StreamKey(seed: 20_270_104, family: family)
            XCTAssertNotEqual(other, key, "\(family)")
            XCTAssertNotEqual(uniforms(stream(other, 0, 0, 0), 16), base, "\(family)")
        }
        let otherSeed = StreamKey(seed: 20_270_105, family: .candidates)
        XCTAssertNotEqual(uniforms(stream(otherSeed, 0, 0, 0), 16), base, "seed")
        // All eight family keys of one seed are distinct.
        let all = families + [.candidates]
        XCTAssertEqual(Set(all.map { StreamKey(seed: 1, family: $0) }).count, all.count)
    }

    func testInitPositionsAtCounterZero() {
        let fresh = RandomStream(key: key)
        XCTAssertEqual(uniforms(fresh, 100), uniforms(stream(key, 0, 0, 0), 100))
    }

    func testSeekResets() {
        let s = stream(key, 3, 1, 4)
        let first = uniforms(s, 37)  // an odd count leaves part of a block unread
        _ = uniforms(stream(key, 9, 9, 9), 5)
        s.seek(key, 3, 1, 4)
        XCTAssertEqual(uniforms(s, 37), first)
        s.seek(StreamKey(seed: 1, family: .plan), 0, 0, 0)
        _ = uniforms(s, 3)
        s.seek(key, 3, 1, 4)
        XCTAssertEqual(uniforms(s, 37), first)
    }

    /// The documented layout: word 0 of the counter counts blocks, words
    /// 1-3 are (c1, c2, c3), the key is the 64-bit key split low word first.
    func testOutputsArePhiloxBlocksInCounterOrder() {
        let s = stream(key, 11, 22, 33)
        let k: [UInt32] = [UInt32(truncatingIfNeeded: key.value), UInt32(truncatingIfNeeded: key.value >> 32)]
        var expected: [UInt32] = []
        for block: UInt32 in 0..<3 {
            let ctr: [UInt32] = [block, 11, 22, 33]
            var out = [UInt32](repeating: 0, count: 4)
            fc_philox_block(ctr, k, &out)
            expected += out
        }
        let got = (0..<12).map { _ in UInt32(gsl_rng_get(s.rng)) }
        XCTAssertEqual(got, expected)

        // uniform() takes 27 + 26 bits of two consecutive outputs.
        s.seek(key, 11, 22, 33)
        let u = s.uniform()
        let bits = (UInt64(expected[0] >> 5) << 26) | UInt64(expected[1] >> 6)
        XCTAssertEqual(u, Double(bits) / 9_007_199_254_740_992.0)
    }

    func testUniformIsInHalfOpenUnitInterval() {
        let s = stream(key, 1, 0, 0)
        let n = 200_000
        var sum = 0.0, lo = 1.0, hi = 0.0
        for _ in 0..<n {
            let u = s.uniform()
            XCTAssert(u >= 0 && u < 1, "\(u)")
            sum += u; lo = min(lo, u); hi = max(hi, u)
        }
        // The largest value uniform() can return is (2^53 - 1) / 2^53 < 1.
        XCTAssertLessThan(Double((UInt64(1) << 53) - 1) / 9_007_199_254_740_992.0, 1.0)
        // Mean within 4 standard errors (sd of U(0,1) is sqrt(1/12)).
        XCTAssertEqual(sum / Double(n), 0.5, accuracy: 4 * (1.0 / 12 / Double(n)).squareRoot())
        XCTAssertLessThan(lo, 1e-4)
        XCTAssertGreaterThan(hi, 1 - 1e-4)
    }

    func testUniformPositiveAndBernoulli() {
        let s = stream(key, 2, 0, 0)
        let n = 100_000, p = 0.3
        var hits = 0
        for _ in 0..<n {
            let u = s.uniformPositive()
            XCTAssert(u > 0 && u < 1)
            if s.bernoulli(p) { hits += 1 }
        }
        XCTAssertWithinStandardErrors(Double(hits) / Double(n), p, se: proportionSE(p, n: Double(n)))
        XCTAssertFalse(s.bernoulli(0))
        XCTAssertTrue(s.bernoulli(1))
    }

    func testExponentialMean() {
        let s = stream(key, 3, 0, 0)
        let n = 100_000, mean = 2.5
        let sum = (0..<n).reduce(0.0) { acc, _ in acc + s.exponential(mean: mean) }
        // sd of an exponential equals its mean; tolerance 4 standard errors.
        XCTAssertEqual(sum / Double(n), mean, accuracy: 4 * mean / Double(n).squareRoot())
    }
}
