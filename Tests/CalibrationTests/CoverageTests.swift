import Calibration
import Foundation
import XCTest

/// The 95% intervals cover the true value about 95% of the time over
/// repeated seeded samples. With 200 samples the count of covering
/// intervals is Binomial(200, 0.95): mean 190, sd 3.1; the test accepts
/// 190 +- 4 sd, [178, 200] (and below 200 - 0, a too-wide interval would
/// reach 200 every time: we also require at most 199).
final class CoverageTests: XCTestCase {
    let samples = 200

    func testExponentialMeanIntervalsWithCensoring() throws {
        var covered = 0
        for k in 0..<samples {
            let d = Draws(seed: 1000 + UInt64(k))
            var s = DurationSample()
            for _ in 0..<60 {
                let x = d.exponential(mean: 3), c = d.uniform(0, 9)
                if x <= c { s.add(low: x, high: x) } else { s.addCensored(c) }
            }
            let f = try XCTUnwrap(DurationFit.fit(s, families: [.exponential])?.best)
            if try XCTUnwrap(f.meanLow) <= 3 && 3 <= (try XCTUnwrap(f.meanHigh)) { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(covered, 178)
        XCTAssertLessThanOrEqual(covered, 199)
    }

    func testLognormalMeanIntervalsWithIntervalCensoring() throws {
        let truth = exp(0.5 + 0.5 * 0.5 / 2)
        var covered = 0
        for k in 0..<samples {
            let d = Draws(seed: 5000 + UInt64(k))
            var s = DurationSample()
            for _ in 0..<80 {
                let start = d.uniform(0, 30), x = d.lognormal(mu: 0.5, sigma: 0.5)
                let a = start.rounded(.down), b = (start + x).rounded(.down)
                s.add(low: max(0, b - a - 1), high: b - a + 1)
            }
            let f = try XCTUnwrap(DurationFit.fit(s, families: [.lognormal])?.best)
            if try XCTUnwrap(f.meanLow) <= truth && truth <= (try XCTUnwrap(f.meanHigh)) { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(covered, 178)
        XCTAssertLessThanOrEqual(covered, 199)
    }

    /// Beta posterior intervals for a probability: the same count.
    func testBetaIntervals() {
        var covered = 0
        for k in 0..<samples {
            let d = Draws(seed: 9000 + UInt64(k))
            var p = ProportionEstimate()
            for _ in 0..<120 { p.add(d.bernoulli(0.3), at: 0) }
            let (lo, hi) = p.interval
            if lo <= 0.3 && 0.3 <= hi { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(covered, 178)
        XCTAssertLessThanOrEqual(covered, 199)
    }
}
