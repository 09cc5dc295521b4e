import CGSL
import Foundation
import Sampling
import TestSupport
import XCTest

/// `Distribution.quantile` against closed forms, and against the sampler.
///
/// Exact comparisons use a relative tolerance of 1e-8: GSL's inverse CDFs
/// refine by Newton steps to about 1e-10 relative, the closed forms are
/// exact to rounding.
final class DistributionQuantileTests: XCTestCase {
    private func assertQuantile(_ d: Distribution, _ p: Double, _ expected: Double,
                                file: StaticString = #filePath, line: UInt = #line) {
        do {
            let q = try d.quantile(p)
            XCTAssertEqual(q, expected, accuracy: 1e-8 * max(1, abs(expected)),
                           "\(d) at \(p)", file: file, line: line)
        } catch {
            XCTFail("\(d) at \(p): \(error)", file: file, line: line)
        }
    }

    private let ps = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]

    func testConstantAndUniform() {
        for p in ps { assertQuantile(.constant(3.5), p, 3.5) }
        for p in ps { assertQuantile(.uniform(min: 2, max: 6), p, 2 + 4 * p) }
    }

    func testTriangular() {
        // min 1, mode 2, max 5: F(mode) = 1/4; left branch a + sqrt(p (b-a)(c-a)),
        // right branch b - sqrt((1-p)(b-a)(b-c)).
        let d = Distribution.triangular(min: 1, mode: 2, max: 5)
        assertQuantile(d, 0.125, 1 + 0.5.squareRoot())
        assertQuantile(d, 0.25, 2)
        assertQuantile(d, 0.5, 5 - 6.0.squareRoot())
        assertQuantile(d, 0.9, 5 - 1.2.squareRoot())
        // Mode at min: F(x) = 1 - (1 - x/3)^2.
        for p in ps { assertQuantile(.triangular(min: 0, mode: 0, max: 3), p, 3 * (1 - (1 - p).squareRoot())) }
        // Mode at max: F(x) = (x/3)^2.
        for p in ps { assertQuantile(.triangular(min: 0, mode: 3, max: 3), p, 3 * p.squareRoot()) }
        // Degenerate: min == max.
        assertQuantile(.triangular(min: 4, mode: 4, max: 4), 0.3, 4)
    }

    func testPertIsAScaledBeta() throws {
        // min 10, mode 10, max 20: 10 + 10 x Beta(1, 5), F(y) = 1 - (1 - y)^5.
        for p in ps { assertQuantile(.pert(min: 10, mode: 10, max: 20), p, 10 + 10 * (1 - pow(1 - p, 0.2))) }
        // Symmetric: the median is the mode.
        assertQuantile(.pert(min: 0, mode: 5, max: 10), 0.5, 5)
        // The reference plan's no-show: Beta(1 + 4 x 7/22, 1 + 4 x 15/22) on [0.08, 0.3].
        let d = Distribution.pert(min: 0.08, mode: 0.15, max: 0.3)
        for p in ps {
            let q = try d.quantile(p)
            XCTAssertEqual(gsl_cdf_beta_P((q - 0.08) / 0.22, 1 + 28.0 / 22, 1 + 60.0 / 22), p, accuracy: 1e-8)
        }
    }

    func testNormalIsClippedAtZero() {
        let z90 = Distribution.z90
        assertQuantile(.normal(mean: 10, sd: 2), 0.5, 10)
        assertQuantile(.normal(mean: 10, sd: 2), 0.9, 10 + 2 * z90)
        assertQuantile(.normal(mean: 10, sd: 2), 0.1, 10 - 2 * z90)
        // Mean 1, sd 2: P(X <= 0) = Phi(-0.5) = 0.3085, so lower quantiles are 0.
        assertQuantile(.normal(mean: 1, sd: 2), 0.1, 0)
        assertQuantile(.normal(mean: 1, sd: 2), 0.3, 0)
        assertQuantile(.normal(mean: 1, sd: 2), 0.9, 1 + 2 * z90)
    }

    func testLognormal() {
        // The scenario's `median, p90` form: mu = ln median, sigma = ln(p90 / median) / z90.
        let d = Distribution.lognormal(mu: log(21), sigma: log(60.0 / 21) / Distribution.z90)
        assertQuantile(d, 0.5, 21)
        assertQuantile(d, 0.9, 60)
        XCTAssertEqual(gsl_cdf_ugaussian_Pinv(0.9), Distribution.z90, accuracy: 1e-14)
    }

    func testGammaExponentialWeibull() throws {
        // Shape 1 is an exponential: q(p) = -scale ln(1 - p).
        for p in ps { assertQuantile(.gamma(shape: 1, scale: 3), p, -3 * log1p(-p)) }
        // Shape 2, scale 1: F(x) = 1 - e^-x (1 + x).
        for p in ps {
            let q = try Distribution.gamma(shape: 2, scale: 1).quantile(p)
            XCTAssertEqual(1 - exp(-q) * (1 + q), p, accuracy: 1e-10)
        }
        assertQuantile(.exponential(mean: 5), 0.5, 5 * log(2))
        assertQuantile(.exponential(mean: 5), 0.9, 5 * log(10))
        // P(X > x) = exp(-(x / a)^b): q(p) = a (-ln(1 - p))^(1/b).
        for p in ps { assertQuantile(.weibull(scale: 10, shape: 1.5), p, 10 * pow(-log1p(-p), 1 / 1.5)) }
    }

    func testBeta() throws {
        for p in ps { assertQuantile(.beta(alpha: 1, beta: 1), p, p) }
        for p in ps { assertQuantile(.beta(alpha: 2, beta: 1), p, p.squareRoot()) }
        for p in ps { assertQuantile(.beta(alpha: 1, beta: 3), p, 1 - pow(1 - p, 1.0 / 3)) }
        // History "31 no-shows in 214": Beta(32, 184); the median sits near 31.67 / 214.
        let median = try Distribution.beta(alpha: 32, beta: 184).quantile(0.5)
        XCTAssertEqual(gsl_cdf_beta_P(median, 32, 184), 0.5, accuracy: 1e-10)
    }

    func testPoissonIsSmallestCountWithCDFAtLeastP() {
        // Mean 3: P(X <= k) = e^-3 sum_{j<=k} 3^j / j!
        // k:      0       1       2       3       4       5       6
        // cdf: 0.0498  0.1991  0.4232  0.6472  0.8153  0.9161  0.9665
        let d = Distribution.poisson(mean: 3)
        var cdf: [Double] = []
        var term = exp(-3.0), sum = 0.0
        for k in 0..<12 { sum += term; cdf.append(sum); term *= 3 / Double(k + 1) }
        for p in ps + [0.0498, 0.0499, 0.2, 0.4232, 0.4233, 0.6472, 0.99] {
            let expected = Double(cdf.firstIndex { $0 >= p }!)
            assertQuantile(d, p, expected)
        }
        assertQuantile(d, 0.04, 0)
        assertQuantile(d, 0.5, 3)
        assertQuantile(d, 0.9, 5)
        // Exactly at a CDF value, the quantile is that count.
        assertQuantile(d, gsl_cdf_poisson_P(2, 3), 2)
    }

    func testEmpirical() throws {
        // 14, 14, 30, 30, 30, 60: cumulative 1/3 at 14, 5/6 at 30, 1 at 60.
        let d = Distribution.empirical(try EmpiricalTable(values: [14, 14, 30, 30, 30, 60]))
        assertQuantile(d, 0.1, 14)
        assertQuantile(d, 1.0 / 3, 14)
        assertQuantile(d, 0.34, 30)
        assertQuantile(d, 0.83, 30)
        assertQuantile(d, 0.84, 60)
        assertQuantile(d, 0.99, 60)
        // Unsorted values with weights: 14 (1/3), 30 (1/2), 60 (1/6).
        let w = Distribution.empirical(try EmpiricalTable(values: [60, 14, 30], weights: [1, 2, 3]))
        assertQuantile(w, 0.3, 14)
        assertQuantile(w, 0.5, 30)
        assertQuantile(w, 0.9, 60)
    }

    /// The quantile and the sampler agree: for a continuous case, the share
    /// of draws at or below q(p) is p within 4 binomial standard errors
    /// sqrt(p (1 - p) / n); for a discrete one, P(X <= q) >= p and P(X < q) <= p,
    /// each within the same tolerance. Catches parameter-order mix-ups between
    /// gsl_ran_* and gsl_cdf_*_Pinv.
    func testQuantilesAgreeWithDraws() throws {
        let n = 50_000
        let stream = RandomStream()
        for (index, (name, dist)) in try DistributionMomentTests.cases().enumerated() {
            stream.seek(StreamKey(seed: 43, family: .parameters), UInt32(index), 0, 0)
            let draws = (0..<n).map { _ in dist.sample(stream) }
            var previous = -Double.infinity
            for p in [0.1, 0.5, 0.9] {
                let q = try dist.quantile(p)
                XCTAssertGreaterThanOrEqual(q, previous, "\(name): quantiles decrease")
                previous = q
                let tolerance = 4 * proportionSE(p, n: Double(n))
                let atOrBelow = Double(draws.count { $0 <= q }) / Double(n)
                let below = Double(draws.count { $0 < q }) / Double(n)
                switch dist {
                case .constant, .poisson, .empirical:
                    XCTAssertGreaterThanOrEqual(atOrBelow, p - tolerance, "\(name) at \(p)")
                    XCTAssertLessThanOrEqual(below, p + tolerance, "\(name) at \(p)")
                default:
                    XCTAssertEqual(atOrBelow, p, accuracy: tolerance, "\(name) at \(p)")
                }
            }
        }
    }
}
