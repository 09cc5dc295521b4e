import CFunnelcast
import CGSL
import Foundation
import Sampling
import TestSupport
import XCTest

/// GSL's default error handler aborts the process. These tests go through
/// every entry point Funnelcast has into GSL (sampling, quantiles, the
/// empirical table) with the values that make GSL complain, and check that
/// the process lives on and that errors come back as GSLErrors naming the
/// function and the reason.
final class GSLNeverAbortsTests: XCTestCase {
    /// The recording handler is installed when the test bundle is loaded
    /// (a C constructor in CFunnelcast), before any Funnelcast code runs.
    func testHandlerIsInstalledAtLoad() {
        XCTAssertTrue(GSL.handlerInstalled)
    }

    /// One of each case, ordinary and at the edges of what validation lets through.
    static let distributions: [Distribution] = [
        .constant(3), .uniform(min: 1, max: 4), .uniform(min: 2, max: 2), .triangular(min: 0, mode: 1, max: 5),
        .triangular(min: 2, mode: 2, max: 2), .pert(min: 0, mode: 3, max: 12), .normal(mean: 10, sd: 2),
        .lognormal(mu: 1, sigma: 0.5), .lognormal(mu: -700, sigma: 30), .gamma(shape: 2, scale: 3),
        .gamma(shape: 1e-300, scale: 1), .gamma(shape: 1e300, scale: 1e-300), .exponential(mean: 5),
        .exponential(mean: 1e-300), .weibull(scale: 2, shape: 1.5), .weibull(scale: 1, shape: 1e-3),
        .beta(alpha: 2, beta: 3), .beta(alpha: 1e-150, beta: 1e-150), .beta(alpha: 999_999, beta: 1), .beta(alpha: 1e300, beta: 1),
        .poisson(mean: 3), .poisson(mean: 1e-300), .poisson(mean: 1e9), .poisson(mean: 1e300),
    ]

    /// Every quantile returns a value or throws a GSLError, for any level,
    /// including levels outside (0, 1) and NaN.
    func testQuantilesReturnOrThrowNeverAbort() throws {
        let levels = [0, 1e-300, 1e-9, 0.1, 0.5, 0.9, 1 - 1e-12, 1, -0.5, 1.5, .nan]
        var thrown = 0
        for d in GSLNeverAbortsTests.distributions + [.empirical(try EmpiricalTable(values: [1, 2, 3]))] {
            for p in levels {
                do {
                    _ = try d.quantile(p)
                } catch {
                    thrown += 1
                    XCTAssertTrue(error.function.hasPrefix("gsl_") || (p.isNaN && error.reason == "the level is NaN"), "\(error)")
                    XCTAssertFalse(error.reason.isEmpty, "\(error)")
                }
            }
        }
        XCTAssertGreaterThan(thrown, 0, "levels outside [0, 1] make GSL call its handler")
        // GSL's beta inverse never returns for alpha + beta past about 1e6: refused up front.
        XCTAssertThrowsError(try Distribution.beta(alpha: 1e7, beta: 1e7).quantile(0.5)) {
            XCTAssertEqual(($0 as? GSLError)?.reason, "alpha + beta is above 1000000, where the inverse does not finish")
        }
        // Ordinary levels of ordinary distributions never throw.
        for d in GSLNeverAbortsTests.distributions.prefix(8) {
            for p in [0.1, 0.5, 0.9] { XCTAssertNoThrow(try d.quantile(p), "\(d) at \(p)") }
        }
    }

    /// Sampling with extreme parameters returns numbers; GSL's complaints,
    /// if any, are recorded, never fatal.
    func testSamplingAtTheEdgesNeverAborts() {
        let stream = RandomStream()
        // Poisson means past 1e9 are refused by the loader: GSL's sampler overflows there.
        for d in GSLNeverAbortsTests.distributions where d != .poisson(mean: 1e300) {
            for _ in 0..<200 { _ = d.sample(stream) }
        }
        _ = fc_gsl_take_error(nil, nil, nil)
    }

    /// The Poisson quantile walks from the normal approximation: a mean of a
    /// billion takes a few steps, not a billion (it used to walk from 0, and
    /// past 2^32 its counter overflowed).
    func testPoissonQuantileOfALargeMean() throws {
        let started = Date()
        let median = try Distribution.poisson(mean: 1e9).quantile(0.5)
        XCTAssertEqual(median, 1e9, accuracy: 2)
        let p90 = try Distribution.poisson(mean: 1e9).quantile(0.9)
        XCTAssertEqual(p90, 1e9 + 1.2815515655446004 * 1e9.squareRoot(), accuracy: 3)
        XCTAssertEqual(try Distribution.poisson(mean: 1e14).quantile(0.5), 1e14, accuracy: 10)
        XCTAssertEqual(try Distribution.poisson(mean: 1e300).quantile(0.5), 1e300, accuracy: 1e288)
        XCTAssertElapsed(since: started, lessThan: 1)
    }

    /// For small means, the same answer as a walk from 0 over gsl_cdf_poisson_P.
    func testPoissonQuantileMatchesTheDirectWalk() throws {
        for m in [0.001, 0.3, 1, 3, 7.5, 40, 1000] {
            for p in [1e-6, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999999] {
                var k: UInt32 = 0
                while gsl_cdf_poisson_P(k, m) < p { k += 1 }
                XCTAssertEqual(try Distribution.poisson(mean: m).quantile(p), Double(k), "mean \(m), level \(p)")
            }
        }
    }

    func testEmpiricalTableErrorsAreThrown() {
        XCTAssertThrowsError(try EmpiricalTable(values: [1, 2], weights: [0, 0])) {
            let e = $0 as? GSLError
            XCTAssertEqual(e?.function, "gsl_ran_discrete_preproc")
            XCTAssertTrue(e?.description.hasPrefix("gsl_ran_discrete_preproc failed: ") ?? false, "\($0)")
        }
    }
}
