import Calibration
import Foundation
import XCTest

/// Probabilities and rates against their closed forms.
final class CountEstimatorTests: XCTestCase {
    func testBetaCountsAndInterval() {
        var p = ProportionEstimate()
        for i in 0..<214 { p.add(i < 31, at: Double(i)) }
        XCTAssertEqual(p.successes, 31)
        XCTAssertEqual(p.trials, 214)
        XCTAssertEqual(p.posteriorMean, 32.0 / 216.0, accuracy: 1e-12)
        let (lo, hi) = p.interval
        // Beta(32, 184): mean 0.148, sd 0.0241; the interval is about +- 1.96 sd.
        XCTAssertEqual(lo, 0.148 - 1.96 * 0.0241, accuracy: 0.004)
        XCTAssertEqual(hi, 0.148 + 1.96 * 0.0241, accuracy: 0.006)
    }

    /// Large counts where GSL's beta inverse gives NaN (79 of 886: Beta(80,
    /// 808)): the interval is still the posterior's quantiles, here against
    /// the normal approximation (mean 0.0901, sd 0.00963).
    func testBetaIntervalWithLargeCounts() {
        let p = ProportionEstimate(successes: 79, trials: 886)
        let (lo, hi) = p.interval
        XCTAssertEqual(lo, 0.0901 - 1.96 * 0.00963, accuracy: 0.002)
        XCTAssertEqual(hi, 0.0901 + 1.96 * 0.00963, accuracy: 0.002)
    }

    func testGammaPosteriorOfARate() throws {
        let r = RateEstimate(events: 100, exposure: 4)
        XCTAssertEqual(r.rate, 25)
        XCTAssertEqual(r.sd, 2.5)
        let (lo, hi) = try XCTUnwrap(r.interval)
        // Gamma(100, rate 4) quantiles by Wilson-Hilferty: 100 (1 - 1/900 -+ 1.96/30)^3 / 4.
        XCTAssertEqual(lo, 20.34, accuracy: 0.05)
        XCTAssertEqual(hi, 30.13, accuracy: 0.05)
    }

    /// Weekly counts of a Poisson process pass the dispersion test; counts
    /// whose rate moves week to week (a gamma-mixed Poisson) fail it.
    func testOverDispersion() {
        let d = Draws(seed: 31)
        var steady = RateEstimate(), moving = RateEstimate()
        for _ in 0..<40 {
            let a = d.poisson(25), b = d.poisson(d.gamma(shape: 4, scale: 25.0 / 4))
            steady.periods.append((a, 1)); steady.events += a; steady.exposure += 1
            moving.periods.append((b, 1)); moving.events += b; moving.exposure += 1
        }
        XCTAssertFalse(steady.overDispersed)
        XCTAssertTrue(moving.overDispersed)
        XCTAssertGreaterThan(moving.dispersion!.index, 3)
    }
}
