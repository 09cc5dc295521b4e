import Foundation
import FunnelModel
import Sampling
import ScenarioYAML
import XCTest

/// Each parameterization of MODEL.md section 2 against closed-form moments.
/// Tolerance 1e-9 relative: the conversions are a few floating-point
/// operations, far from that.
final class DistributionFormTests: XCTestCase {
    func dist(_ yaml: String, kind: QuantityKind = .nonNegative, file: StaticString = #filePath, line: UInt = #line) -> Distribution? {
        do {
            return try ScenarioLoader.quantity(yaml: yaml, kind: kind, path: "x").distribution
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func check(_ yaml: String, mean: Double, variance: Double, kind: QuantityKind = .nonNegative,
               file: StaticString = #filePath, line: UInt = #line) {
        guard let d = dist(yaml, kind: kind, file: file, line: line) else { return }
        XCTAssertEqual(d.mean, mean, accuracy: 1e-9 * max(1, abs(mean)), "mean of \(yaml)", file: file, line: line)
        XCTAssertEqual(d.variance, variance, accuracy: 1e-9 * max(1, abs(variance)), "variance of \(yaml)", file: file, line: line)
    }

    func testPlainNumberAndConstant() {
        XCTAssertEqual(dist("25"), .constant(25))
        XCTAssertEqual(dist("{dist: constant, value: 3.5}"), .constant(3.5))
        check("{dist: constant, value: 3}", mean: 3, variance: 0)
    }

    func testUniformTriangularPert() {
        check("{dist: uniform, min: 2, max: 6}", mean: 4, variance: 16.0 / 12)
        check("{dist: triangular, min: 1, mode: 2, max: 6}", mean: 3, variance: (1 + 4 + 36 - 2 - 6 - 12) / 18.0)
        // PERT: mean (a + 4c + b) / 6, variance (mean - a)(b - mean) / 7.
        check("{dist: pert, min: 0, mode: 3, max: 12}", mean: 4, variance: 4.0 * 8 / 7)
    }

    func testNormal() {
        check("{dist: normal, mean: 10, sd: 2}", mean: 10, variance: 4)
    }

    func testLognormalMedianP90() throws {
        let d = try XCTUnwrap(dist("{dist: lognormal, median: 21, p90: 60}"))
        XCTAssertEqual(try d.quantile(0.5), 21, accuracy: 1e-9)
        XCTAssertEqual(try d.quantile(0.9), 60, accuracy: 1e-8)
        guard case .lognormal(let mu, _) = d else { return XCTFail("\(d)") }
        XCTAssertEqual(mu, log(21), accuracy: 1e-12)
    }

    func testLognormalMeanSdAndMuSigma() {
        check("{dist: lognormal, mean: 10, sd: 4}", mean: 10, variance: 16)
        check("{dist: lognormal, mu: 1, sigma: 0.5}", mean: exp(1.125), variance: (exp(0.25) - 1) * exp(2.25))
    }

    func testGamma() {
        check("{dist: gamma, mean: 25, sd: 6}", mean: 25, variance: 36)
        check("{dist: gamma, shape: 2, scale: 3}", mean: 6, variance: 18)
    }

    func testExponentialWeibullPoisson() {
        check("{dist: exponential, mean: 5}", mean: 5, variance: 25)
        // Weibull with shape 1 is the exponential with mean = scale.
        check("{dist: weibull, scale: 2, shape: 1}", mean: 2, variance: 4)
        // Shape 2: mean a sqrt(pi)/2, variance a^2 (1 - pi/4).
        check("{dist: weibull, scale: 3, shape: 2}", mean: 3 * Double.pi.squareRoot() / 2, variance: 9 * (1 - Double.pi / 4))
        check("{dist: poisson, mean: 3}", mean: 3, variance: 3)
    }

    func testBetaForms() {
        check("{dist: beta, alpha: 2, beta: 3}", mean: 0.4, variance: 0.04, kind: .probability)
        XCTAssertEqual(dist("{dist: beta, mean: 0.75, n: 40}", kind: .probability), .beta(alpha: 30, beta: 10))
        XCTAssertEqual(dist("{dist: beta, successes: 31, trials: 214}", kind: .probability), .beta(alpha: 32, beta: 184))
        check("{dist: beta, successes: 31, trials: 214}", mean: 32.0 / 216, variance: 32.0 * 184 / (216 * 216 * 217), kind: .probability)
    }

    func testEmpirical() {
        let values = [14.0, 14, 30, 30, 30, 60]
        let mean = values.reduce(0, +) / 6
        check("{dist: empirical, values: [14, 14, 30, 30, 30, 60]}", mean: mean,
              variance: values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 6)
        check("{dist: empirical, values: [10, 20], weights: [1, 3]}", mean: 17.5, variance: 18.75)
    }

    func testIntegerKind() throws {
        let q = try ScenarioLoader.quantity(yaml: "4", kind: .integer(minimum: 1), path: "openings")
        XCTAssertEqual(q, Quantity(4, kind: .integer(minimum: 1)))
        XCTAssertThrowsError(try ScenarioLoader.quantity(yaml: "{dist: poisson, mean: 3}", kind: .integer(minimum: 1), path: "openings")) {
            let issue = ($0 as! ScenarioError).issues[0]
            XCTAssertEqual(issue.description, "openings: must be a plain whole number, not a distribution (got {dist: poisson, mean: 3})")
        }
    }

    func testQuantityErrorsHaveNoLocation() {
        XCTAssertThrowsError(try ScenarioLoader.quantity(yaml: "{dist: gamma, mean: 2}", kind: .duration, path: "hr_workdays")) {
            XCTAssertEqual("\($0)", "hr_workdays: gamma is missing sd (gamma takes {mean, sd} or {shape, scale}) (got {dist: gamma, mean: 2})")
        }
        XCTAssertThrowsError(try ScenarioLoader.quantity(yaml: "", kind: .duration, path: "hr_workdays"))
    }
}
