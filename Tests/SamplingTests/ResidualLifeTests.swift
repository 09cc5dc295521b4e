import CGSL
import Foundation
import Sampling
import TestSupport
import XCTest

/// Residual-life draws (MODEL.md 19.3, `Distribution.sample(exceeding:)`):
/// every family conditioned on X >= e against what the truncated
/// distribution must give.
///
/// - Continuous families: the conditional mean E[X | X > e] = e + (integral
///   of S from e on) / S(e), S integrated with GSL's quadrature
///   (gsl_integration_qags/qagiu) on GSL's survival functions, so it checks
///   the inverse CDFs against the CDFs; the standard error is
///   sqrt(Var[X | X > e] / n) from the second moment
///   e^2 + 2 (integral of x S(x)) / S(e); tolerance 4 s.e. And a
///   Kolmogorov-Smirnov check: U = S(X) / S(e) must be uniform on (0, 1];
///   D_n < 1.95 / sqrt(n) (a correct sampler fails a fresh seed with
///   probability about 0.001; the streams are fixed, so the test is
///   deterministic).
/// - Closed forms: exponential is memoryless, the uniform's residual is
///   uniform on [e, b), the lognormal's and gamma's conditional means.
/// - Exact cases: constant, empirical, elapsed past a bounded support (the
///   event is at once), elapsed at or below the support (the ordinary draw).
final class ResidualLifeTests: XCTestCase {
    static let n = 20_000

    /// (name, distribution, elapsed, survival function, support's upper end).
    static func continuousCases() -> [(String, Distribution, Double, (Double) -> Double, Double)] {
        let z90 = Distribution.z90
        let (mu, sigma) = (log(21.0), log(60.0 / 21) / z90)
        let (pa, pc, pb) = (2.0, 5.0, 15.0)
        let (al, be) = Distribution.pertShape(pa, pc, pb)
        return [
            ("uniform", .uniform(min: 1, max: 7), 4.5, { gsl_cdf_flat_Q($0, 1, 7) }, 7),
            ("triangular below mode", .triangular(min: 1, mode: 4, max: 9), 2.5,
             { Distribution.triangularSurvival($0, 1, 4, 9) }, 9),
            ("triangular above mode", .triangular(min: 1, mode: 4, max: 9), 6,
             { Distribution.triangularSurvival($0, 1, 4, 9) }, 9),
            ("pert", .pert(min: pa, mode: pc, max: pb), 7,
             { gsl_cdf_beta_Q(($0 - pa) / (pb - pa), al, be) }, pb),
            ("normal", .normal(mean: 10, sd: 2), 11, { gsl_cdf_gaussian_Q($0 - 10, 2) }, .infinity),
            ("lognormal", .lognormal(mu: mu, sigma: sigma), 30, { gsl_cdf_lognormal_Q($0, mu, sigma) }, .infinity),
            ("lognormal early", .lognormal(mu: mu, sigma: sigma), 3, { gsl_cdf_lognormal_Q($0, mu, sigma) }, .infinity),
            ("gamma", .gamma(shape: 3, scale: 2), 9, { gsl_cdf_gamma_Q($0, 3, 2) }, .infinity),
            ("gamma shape < 1", .gamma(shape: 0.5, scale: 4), 1, { gsl_cdf_gamma_Q($0, 0.5, 4) }, .infinity),
            ("exponential", .exponential(mean: 5), 12, { gsl_cdf_exponential_Q($0, 5) }, .infinity),
            ("weibull", .weibull(scale: 10, shape: 1.5), 14, { gsl_cdf_weibull_Q($0, 10, 1.5) }, .infinity),
            ("weibull shape < 1", .weibull(scale: 2, shape: 0.8), 3, { gsl_cdf_weibull_Q($0, 2, 0.8) }, .infinity),
            ("beta", .beta(alpha: 2, beta: 5), 0.4, { gsl_cdf_beta_Q($0, 2, 5) }, 1),
        ]
    }

    func testContinuousFamiliesMatchTheTruncatedDistribution() throws {
        let stream = RandomStream()
        for (index, (name, dist, e, survival, upper)) in Self.continuousCases().enumerated() {
            stream.seek(StreamKey(seed: 19, family: .parameters), UInt32(index), 0, 0)
            let se0 = survival(e)
            XCTAssertGreaterThan(se0, 0.01, "\(name): the case should condition on a likely event")
            let tail = try integrate(from: e, to: upper) { survival($0) }
            let tailX = try integrate(from: e, to: upper) { $0 * survival($0) }
            let mean = e + tail / se0
            let variance = e * e + 2 * tailX / se0 - mean * mean
            var moments = SampleMoments()
            var levels: [Double] = []
            for _ in 0..<Self.n {
                let x = dist.sample(exceeding: e, stream)
                XCTAssertGreaterThanOrEqual(x, e, "\(name)")
                XCTAssertLessThanOrEqual(x, upper, "\(name)")
                moments.add(x)
                levels.append(survival(x) / se0)
            }
            XCTAssertWithinStandardErrors(moments.mean, mean, se: (variance / Double(Self.n)).squareRoot(),
                                          "\(name): conditional mean")
            let d = ksStatisticAgainstUniform(levels)
            XCTAssertLessThan(d, 1.95 / Double(Self.n).squareRoot(), "\(name): KS distance of S(X)/S(e)")
        }
    }

    /// Exponential: X - e given X > e is the same exponential (memoryless).
    func testExponentialIsMemoryless() {
        let stream = RandomStream(key: StreamKey(seed: 20, family: .parameters))
        let dist = Distribution.exponential(mean: 5)
        var moments = SampleMoments()
        for _ in 0..<Self.n { moments.add(dist.residual(after: 40, stream)) }
        let n = Double(Self.n)
        XCTAssertWithinStandardErrors(moments.mean, 5, se: 5 / n.squareRoot())
        // Var of a sample variance of an exponential: (mu4 - var^2) / n = 8 m^4 / n.
        XCTAssertWithinStandardErrors(moments.variance, 25, se: (8 * 625 / n).squareRoot())
    }

    /// Uniform on [a, b): given X >= e it is uniform on [e, b).
    func testUniformResidualIsUniform() {
        let stream = RandomStream(key: StreamKey(seed: 21, family: .parameters))
        let dist = Distribution.uniform(min: 0, max: 10)
        var moments = SampleMoments()
        var lowest = Double.infinity
        for _ in 0..<Self.n {
            let x = dist.sample(exceeding: 6, stream)
            lowest = min(lowest, x)
            XCTAssertLessThan(x, 10)
            moments.add(x)
        }
        let n = Double(Self.n)
        XCTAssertGreaterThanOrEqual(lowest, 6)
        XCTAssertLessThan(lowest, 6 + 40 / n)   // the minimum of n uniforms on [6, 10): P(above) = e^-10
        XCTAssertWithinStandardErrors(moments.mean, 8, se: (16.0 / 12 / n).squareRoot())
        XCTAssertWithinStandardErrors(moments.variance, 16.0 / 12, se: ((256.0 / 80 - 16.0 * 16 / 144) / n).squareRoot())
    }

    /// Lognormal: E[X | X > e] = exp(mu + s^2/2) Q((ln e - mu - s^2)/s) / Q((ln e - mu)/s);
    /// the closed form agrees with the quadrature, and draws follow it, deep
    /// in the tail too (S(e) about 1e-19, where F(e) rounds to 1 and a P-form
    /// inverse would return infinity or e).
    func testLognormalConditionalMeanClosedFormAndDeepTail() throws {
        let (mu, s) = (log(21.0), 0.8)
        func closedMean(_ e: Double) -> Double {
            exp(mu + s * s / 2) * gsl_cdf_ugaussian_Q((log(e) - mu - s * s) / s) / gsl_cdf_ugaussian_Q((log(e) - mu) / s)
        }
        let e1 = 40.0
        let byQuadrature = e1 + (try integrate(from: e1, to: .infinity) { gsl_cdf_lognormal_Q($0, mu, s) })
            / gsl_cdf_lognormal_Q(e1, mu, s)
        XCTAssertEqual(closedMean(e1), byQuadrature, accuracy: 1e-7 * byQuadrature)

        let eTail = exp(mu + 9 * s)              // S(e) = Q(9) = 1.1e-19
        XCTAssertEqual(1 - gsl_cdf_lognormal_Q(eTail, mu, s), 1)
        let stream = RandomStream(key: StreamKey(seed: 22, family: .parameters))
        let dist = Distribution.lognormal(mu: mu, sigma: s)
        var moments = SampleMoments()
        for _ in 0..<Self.n {
            let x = dist.sample(exceeding: eTail, stream)
            XCTAssertGreaterThanOrEqual(x, eTail)
            XCTAssertTrue(x.isFinite)
            moments.add(x)
        }
        // Conditional variance from the closed second moment:
        // E[X^2 | X > e] = exp(2 mu + 2 s^2) Q((ln e - mu - 2 s^2)/s) / Q((ln e - mu)/s).
        let z = (log(eTail) - mu) / s
        let m2 = exp(2 * mu + 2 * s * s) * gsl_cdf_ugaussian_Q(z - 2 * s) / gsl_cdf_ugaussian_Q(z)
        let mean = closedMean(eTail)
        XCTAssertGreaterThan(mean, eTail)
        XCTAssertWithinStandardErrors(moments.mean, mean, se: ((m2 - mean * mean) / Double(Self.n)).squareRoot())
    }

    /// Gamma: E[X | X > e] = k theta Q_{k+1}(e) / Q_k(e) (Q_k the gamma(k, theta)
    /// survival), E[X^2 | X > e] = k (k + 1) theta^2 Q_{k+2}(e) / Q_k(e).
    func testGammaConditionalMeanClosedForm() {
        let stream = RandomStream(key: StreamKey(seed: 23, family: .parameters))
        let (k, theta) = (2.5, 3.0)
        for e in [2.0, 10.0, 40.0] {
            let q0 = gsl_cdf_gamma_Q(e, k, theta)
            let mean = k * theta * gsl_cdf_gamma_Q(e, k + 1, theta) / q0
            let m2 = k * (k + 1) * theta * theta * gsl_cdf_gamma_Q(e, k + 2, theta) / q0
            var moments = SampleMoments()
            for _ in 0..<Self.n { moments.add(Distribution.gamma(shape: k, scale: theta).sample(exceeding: e, stream)) }
            XCTAssertWithinStandardErrors(moments.mean, mean, se: ((m2 - mean * mean) / Double(Self.n)).squareRoot(), "e = \(e)")
        }
    }

    /// Weibull: (X/a)^b - (e/a)^b given X > e is exponential with mean 1.
    func testWeibullTransformIsUnitExponential() {
        let stream = RandomStream(key: StreamKey(seed: 24, family: .parameters))
        let (a, b, e) = (10.0, 2.2, 13.0)
        var moments = SampleMoments()
        for _ in 0..<Self.n {
            let x = Distribution.weibull(scale: a, shape: b).sample(exceeding: e, stream)
            moments.add(pow(x / a, b) - pow(e / a, b))
        }
        let n = Double(Self.n)
        XCTAssertWithinStandardErrors(moments.mean, 1, se: 1 / n.squareRoot())
        XCTAssertWithinStandardErrors(moments.variance, 1, se: (8 / n).squareRoot())
    }

    /// Past a bounded support the event happens at once (the draw is e);
    /// at or below the support the condition is empty and the draw is the
    /// ordinary one, from the same stream position.
    func testBoundsOfTheSupport() throws {
        let stream = RandomStream()
        let bounded: [(Distribution, Double)] = [
            (.constant(5), 5.5), (.uniform(min: 1, max: 7), 7), (.uniform(min: 1, max: 7), 9),
            (.triangular(min: 1, mode: 2, max: 5), 6), (.pert(min: 1, mode: 2, max: 5), 5.01),
            (.beta(alpha: 2, beta: 3), 1.2), (.empirical(try EmpiricalTable(values: [3, 8])), 8.5),
        ]
        for (dist, e) in bounded { XCTAssertEqual(dist.sample(exceeding: e, stream), e, "\(dist)") }
        XCTAssertEqual(Distribution.constant(5).sample(exceeding: 2, stream), 5)
        XCTAssertEqual(Distribution.constant(5).sample(exceeding: 5, stream), 5)

        let all: [(Distribution, Double)] = try [
            (.uniform(min: 1, max: 7), 1), (.triangular(min: 1, mode: 2, max: 5), 0.5),
            (.lognormal(mu: 1, sigma: 0.5), 0), (.gamma(shape: 2, scale: 1), 0), (.exponential(mean: 3), 0),
            (.weibull(scale: 2, shape: 1.5), -1), (.normal(mean: 10, sd: 2), 0), (.poisson(mean: 3), 0),
            (.empirical(EmpiricalTable(values: [3, 8])), 3),
        ]
        for (index, (dist, e)) in all.enumerated() {
            stream.seek(StreamKey(seed: 25, family: .parameters), UInt32(index), 0, 0)
            let conditioned = (0..<100).map { _ in dist.sample(exceeding: e, stream) }
            stream.seek(StreamKey(seed: 25, family: .parameters), UInt32(index), 0, 0)
            let plain = (0..<100).map { _ in dist.sample(stream) }
            XCTAssertEqual(conditioned, plain, "\(dist) at e = \(e)")
        }
    }

    /// Empirical: given X >= e, each value >= e (e itself included: an event
    /// at D is not yet known) with its weight renormalized; 4 binomial s.e.
    func testEmpiricalDrawsTheRenormalizedValuesAtOrAboveElapsed() throws {
        let table = try EmpiricalTable(values: [14, 30, 60, 21, 7], weights: [1, 3, 2, 2, 5])
        let dist = Distribution.empirical(table)
        let stream = RandomStream(key: StreamKey(seed: 26, family: .parameters))
        var counts: [Double: Int] = [:]
        for _ in 0..<Self.n { counts[dist.sample(exceeding: 21, stream), default: 0] += 1 }
        XCTAssertEqual(Set(counts.keys), [21, 30, 60])
        let n = Double(Self.n)
        for (value, p) in [(21.0, 2.0 / 7), (30, 3.0 / 7), (60, 2.0 / 7)] {
            XCTAssertWithinStandardErrors(Double(counts[value] ?? 0) / n, p, se: proportionSE(p, n: n), "value \(value)")
        }
    }

    /// Poisson: P(X = k | X >= e) = p(k) / P(X >= ceil(e)), near the mean and
    /// deep in the tail (the survival walk); the conditional mean within 4 s.e.
    func testPoissonConditionalPMF() {
        let stream = RandomStream(key: StreamKey(seed: 27, family: .parameters))
        let m = 4.0
        for e in [3.5, 15.0] {
            let k0 = e.rounded(.up)
            let ks = (Int(k0)...Int(k0) + 80).map(Double.init)
            let mass = ks.reduce(0) { $0 + gsl_ran_poisson_pdf(UInt32($1), m) }
            let mean = ks.reduce(0) { $0 + $1 * gsl_ran_poisson_pdf(UInt32($1), m) } / mass
            let m2 = ks.reduce(0) { $0 + $1 * $1 * gsl_ran_poisson_pdf(UInt32($1), m) } / mass
            var moments = SampleMoments()
            for _ in 0..<Self.n {
                let x = Distribution.poisson(mean: m).sample(exceeding: e, stream)
                XCTAssertGreaterThanOrEqual(x, k0)
                XCTAssertEqual(x, x.rounded())
                moments.add(x)
            }
            XCTAssertWithinStandardErrors(moments.mean, mean, se: ((m2 - mean * mean) / Double(Self.n)).squareRoot(), "e = \(e)")
        }
    }

    // MARK: Helpers

    /// The one-sample Kolmogorov-Smirnov distance of `values` from U(0, 1).
    private func ksStatisticAgainstUniform(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, u) in sorted.enumerated() {
            d = max(d, Double(i + 1) / n - u, u - Double(i) / n)
        }
        return d
    }

    /// The integral of `f` over [a, b] (b may be infinite) by GSL's adaptive
    /// quadrature, to a relative 1e-10.
    private func integrate(from a: Double, to b: Double, _ f: @escaping (Double) -> Double) throws -> Double {
        final class Box { let f: (Double) -> Double; init(_ f: @escaping (Double) -> Double) { self.f = f } }
        let box = Box(f)
        let workspace = try XCTUnwrap(gsl_integration_workspace_alloc(1000))
        defer { gsl_integration_workspace_free(workspace) }
        return withExtendedLifetime(box) {
            var function = gsl_function(
                function: { x, params in Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().f(x) },
                params: Unmanaged.passUnretained(box).toOpaque())
            var result = 0.0, error = 0.0
            let status = b.isInfinite
                ? gsl_integration_qagiu(&function, a, 0, 1e-10, 1000, workspace, &result, &error)
                : gsl_integration_qags(&function, a, b, 0, 1e-10, 1000, workspace, &result, &error)
            XCTAssertEqual(status, 0, "quadrature from \(a) to \(b)")
            return result
        }
    }
}
