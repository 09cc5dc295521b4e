import CGSL
import Foundation
import Sampling
import TestSupport
import XCTest

/// Every `Distribution` case: draws against the analytic mean and variance,
/// draws inside the support, and hand-computed moments.
///
/// Tolerance: 4 standard errors, with n = 100,000 draws from a fixed stream
/// (so the test is deterministic; a correct sampler would fail a fresh seed
/// with probability about 6e-5 per comparison):
/// - mean: se = sqrt(variance / n);
/// - sample variance: se = sqrt((mu4 - variance^2) / n), mu4 the closed-form
///   fourth central moment (`Distribution.fourthCentralMoment`).
final class DistributionMomentTests: XCTestCase {
    static let n = 100_000

    /// Cases with the parameters the reference plan uses, plus the branches
    /// GSL samples differently (gamma shape < 1, beta with small shapes,
    /// Poisson mean above 10, Weibull shape < 1).
    static func cases() throws -> [(String, Distribution)] {
        let z90 = Distribution.z90
        return [
            ("constant", .constant(3.5)),
            ("uniform", .uniform(min: 1, max: 7)),
            ("uniform small", .uniform(min: 0.04, max: 0.12)),
            ("triangular", .triangular(min: 1, mode: 2, max: 5)),
            ("triangular mode at min", .triangular(min: 0, mode: 0, max: 3)),
            ("pert", .pert(min: 0.08, mode: 0.15, max: 0.3)),
            ("pert symmetric", .pert(min: 0, mode: 5, max: 10)),
            ("normal", .normal(mean: 10, sd: 2)),
            ("lognormal", .lognormal(mu: log(1.5), sigma: log(4 / 1.5) / z90)),
            ("lognormal wide", .lognormal(mu: log(21), sigma: log(60.0 / 21) / z90)),
            ("gamma", .gamma(shape: 25.0 * 25 / 36, scale: 36.0 / 25)),
            ("gamma shape < 1", .gamma(shape: 0.5, scale: 4)),
            ("exponential", .exponential(mean: 5)),
            ("weibull", .weibull(scale: 10, shape: 1.5)),
            ("weibull shape < 1", .weibull(scale: 2, shape: 0.8)),
            ("beta history", .beta(alpha: 32, beta: 184)),
            ("beta small shapes", .beta(alpha: 0.7, beta: 0.4)),
            ("poisson", .poisson(mean: 3)),
            ("poisson large", .poisson(mean: 40)),
            ("empirical", .empirical(try EmpiricalTable(values: [14, 14, 30, 30, 30, 60]))),
            ("empirical weighted", .empirical(try EmpiricalTable(values: [60, 14, 30], weights: [1, 2, 3]))),
        ]
    }

    func testSampleMomentsMatchAnalyticMoments() throws {
        let stream = RandomStream()
        for (index, (name, dist)) in try Self.cases().enumerated() {
            stream.seek(StreamKey(seed: 42, family: .parameters), UInt32(index), 0, 0)
            var moments = SampleMoments()
            let (lower, upper) = dist.support
            for _ in 0..<Self.n {
                let x = dist.sample(stream)
                if x < lower || x > upper { XCTFail("\(name): draw \(x) outside [\(lower), \(upper)]"); break }
                moments.add(x)
            }
            let n = Double(Self.n)
            let seMean = (dist.variance / n).squareRoot()
            let seVariance = ((dist.fourthCentralMoment - dist.variance * dist.variance) / n).squareRoot()
            XCTAssertEqual(moments.mean, dist.mean, accuracy: max(4 * seMean, 1e-12),
                           "\(name): mean")
            XCTAssertEqual(moments.variance, dist.variance, accuracy: max(4 * seVariance, 1e-12),
                           "\(name): variance")
        }
    }

    /// Means and variances worked out by hand, independent of the code's formulas.
    func testAnalyticMomentsOfSimpleCases() throws {
        func check(_ d: Distribution, _ mean: Double, _ variance: Double, line: UInt = #line) {
            XCTAssertEqual(d.mean, mean, accuracy: 1e-12 * max(1, abs(mean)), line: line)
            XCTAssertEqual(d.variance, variance, accuracy: 1e-12 * max(1, abs(variance)), line: line)
        }
        check(.constant(3.5), 3.5, 0)
        check(.uniform(min: 1, max: 7), 4, 3)
        check(.triangular(min: 1, mode: 2, max: 5), 8.0 / 3, 13.0 / 18)
        check(.pert(min: 0, mode: 5, max: 10), 5, 100.0 * 9 / (36 * 7))    // Beta(3, 3) scaled by 10
        check(.pert(min: 0, mode: 0, max: 1), 1.0 / 6, 5.0 / (36 * 7))     // Beta(1, 5)
        check(.normal(mean: 10, sd: 2), 10, 4)
        check(.lognormal(mu: 0, sigma: 1), exp(0.5), (M_E - 1) * M_E)
        check(.gamma(shape: 2, scale: 3), 6, 18)
        check(.exponential(mean: 5), 5, 25)
        check(.weibull(scale: 2, shape: 1), 2, 4)                           // exponential, mean 2
        check(.weibull(scale: 1, shape: 2), sqrt(Double.pi) / 2, 1 - Double.pi / 4)
        check(.beta(alpha: 2, beta: 2), 0.5, 0.05)
        check(.poisson(mean: 3), 3, 3)
        let empiricalMean: Double = 178.0 / 6
        let empiricalSquares: Double = (2 * 196 + 3 * 900 + 3600) / 6.0
        check(.empirical(try EmpiricalTable(values: [14, 14, 30, 30, 30, 60])), empiricalMean,
              empiricalSquares - empiricalMean * empiricalMean)
    }

    /// MODEL.md section 2: a normal draw below 0 becomes 0. With mean 1 and
    /// sd 2, P(X = 0) = Phi(-0.5) and E[max(0, X)] = m Phi(m/s) + s phi(m/s).
    func testNormalDrawsBelowZeroBecomeZero() {
        let dist = Distribution.normal(mean: 1, sd: 2)
        let stream = RandomStream(key: StreamKey(seed: 7, family: .parameters))
        var zeros = 0
        var moments = SampleMoments()
        for _ in 0..<Self.n {
            let x = dist.sample(stream)
            XCTAssertGreaterThanOrEqual(x, 0)
            if x == 0 { zeros += 1 }
            moments.add(x)
        }
        let n = Double(Self.n)
        let p0 = gsl_cdf_ugaussian_P(-0.5)
        // Frequency within 4 binomial standard errors.
        XCTAssertWithinStandardErrors(Double(zeros) / n, p0, se: proportionSE(p0, n: n))
        let clippedMean = 1 * gsl_cdf_ugaussian_P(0.5) + 2 * gsl_ran_ugaussian_pdf(0.5)
        // se bounded by that of the unclipped normal (clipping only shrinks the spread).
        XCTAssertEqual(moments.mean, clippedMean, accuracy: 4 * 2 / n.squareRoot())
    }

    /// Weighted empirical draws: each value's frequency within 4 binomial
    /// standard errors sqrt(p (1 - p) / n) of its normalized weight.
    func testEmpiricalFrequenciesFollowWeights() throws {
        let table = try EmpiricalTable(values: [60, 14, 30], weights: [1, 2, 3])
        XCTAssertEqual(table.probabilities, [1.0 / 6, 2.0 / 6, 3.0 / 6])
        let dist = Distribution.empirical(table)
        let stream = RandomStream(key: StreamKey(seed: 8, family: .parameters))
        var counts: [Double: Int] = [:]
        for _ in 0..<Self.n { counts[dist.sample(stream), default: 0] += 1 }
        XCTAssertEqual(Set(counts.keys), [60, 14, 30])
        let n = Double(Self.n)
        for (value, p) in zip(table.values, table.probabilities) {
            XCTAssertWithinStandardErrors(Double(counts[value] ?? 0) / n, p, se: proportionSE(p, n: n), "value \(value)")
        }
    }

    func testZeroWeightValueIsNeverDrawn() throws {
        let dist = Distribution.empirical(try EmpiricalTable(values: [1, 2, 3], weights: [1, 0, 1]))
        let stream = RandomStream(key: StreamKey(seed: 9, family: .parameters))
        for _ in 0..<10_000 { XCTAssertNotEqual(dist.sample(stream), 2) }
    }

    func testConstantAlwaysGivesItsValue() {
        let stream = RandomStream()
        let dist = Distribution.constant(2.25)
        XCTAssertTrue(dist.isConstant)
        XCTAssertFalse(Distribution.uniform(min: 2.25, max: 2.25 + 1e-9).isConstant)
        for _ in 0..<100 { XCTAssertEqual(dist.sample(stream), 2.25) }
    }

    func testSupport() throws {
        func check(_ d: Distribution, _ lower: Double, _ upper: Double, line: UInt = #line) {
            XCTAssertEqual(d.support.lower, lower, line: line)
            XCTAssertEqual(d.support.upper, upper, line: line)
        }
        check(.constant(3.5), 3.5, 3.5)
        check(.uniform(min: 1, max: 7), 1, 7)
        check(.triangular(min: 1, mode: 2, max: 5), 1, 5)
        check(.pert(min: 0.08, mode: 0.15, max: 0.3), 0.08, 0.3)
        check(.normal(mean: 10, sd: 2), 0, .infinity)
        check(.lognormal(mu: 0, sigma: 1), 0, .infinity)
        check(.gamma(shape: 2, scale: 3), 0, .infinity)
        check(.exponential(mean: 5), 0, .infinity)
        check(.weibull(scale: 10, shape: 1.5), 0, .infinity)
        check(.beta(alpha: 32, beta: 184), 0, 1)
        check(.poisson(mean: 3), 0, .infinity)
        check(.empirical(try EmpiricalTable(values: [30, 14, 60, 30])), 14, 60)
    }

    /// The same stream position gives the same draws, for every case.
    func testSamplingIsReproducible() throws {
        let a = RandomStream(), b = RandomStream()
        let key = StreamKey(seed: 3, family: .candidates)
        for (index, (name, dist)) in try Self.cases().enumerated() {
            a.seek(key, UInt32(index), 1, 2)
            b.seek(key, UInt32(index), 1, 2)
            let xs = (0..<50).map { _ in dist.sample(a) }
            let ys = (0..<50).map { _ in dist.sample(b) }
            XCTAssertEqual(xs, ys, name)
        }
    }
}
