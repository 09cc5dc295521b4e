import Sampling
import XCTest

/// The throwing initializer of the written forms and `validated()` for
/// values built from the cases: bad parameters are refused where a
/// distribution is built, with one sentence saying why.
final class DistributionValidationTests: XCTestCase {
    /// The message of the DistributionError `build` throws; nil where it builds.
    func message(_ build: () throws -> Distribution) -> String? {
        do { _ = try build(); return nil } catch { return (error as? DistributionError)?.message ?? "not a DistributionError: \(error)" }
    }

    func testWrittenFormsConvert() throws {
        XCTAssertEqual(try Distribution("gamma", ["mean": 4, "sd": 2]), .gamma(shape: 4, scale: 1))
        XCTAssertEqual(try Distribution("beta", ["successes": 3, "trials": 10]), .beta(alpha: 4, beta: 8))
        XCTAssertEqual(try Distribution("beta", ["mean": 0.25, "n": 8]), .beta(alpha: 2, beta: 6))
        XCTAssertEqual(try Distribution("lognormal", ["mu": 1, "sigma": 0.5]), .lognormal(mu: 1, sigma: 0.5))
        let median = try Distribution("lognormal", ["median": 2, "p90": 6])
        XCTAssertEqual(try median.quantile(0.5), 2, accuracy: 1e-12)
        XCTAssertEqual(try median.quantile(0.9), 6, accuracy: 1e-9)
    }

    func testOneValueIsANumber() throws {
        XCTAssertEqual(try Distribution("uniform", ["min": 3, "max": 3]), .constant(3))
        XCTAssertEqual(try Distribution("pert", ["min": 2, "mode": 2, "max": 2]), .constant(2))
        XCTAssertEqual(try Distribution("empirical", [:], values: [5, 7], weights: [0, 1]), .constant(7))
    }

    func testWrittenFormsRefused() {
        XCTAssertEqual(message { try Distribution("uniform", ["min": 5, "max": 2]) }, "uniform min 5 is greater than max 2")
        XCTAssertEqual(message { try Distribution("triangular", ["min": 0, "mode": 3, "max": 2]) },
                       "triangular mode 3 is outside [min, max] = [0, 2]")
        XCTAssertEqual(message { try Distribution("beta", ["successes": 5, "trials": 3]) }, "beta successes 5 exceed trials 3")
        XCTAssertEqual(message { try Distribution("poisson", ["mean": 1e10]) }?.hasPrefix("poisson mean must be at most 1000000000"), true)
        XCTAssertEqual(message { try Distribution("empirical", [:], values: [1, 2], weights: [1]) },
                       "empirical has 2 values but 1 weights; give one weight per value")
        XCTAssertEqual(message { try Distribution("gamma", ["shape": 1e300, "scale": 1e300]) },
                       "gamma with these parameters has no finite mean and variance")
    }

    /// The cases built directly are checked by the same rules.
    func testValidatedRefusesWhatTheFormsRefuse() {
        XCTAssertEqual(message { try Distribution.uniform(min: 5, max: 2).validated() }, "uniform min 5 is greater than max 2")
        XCTAssertEqual(message { try Distribution.normal(mean: 3, sd: 1).validated() },
                       message { try Distribution("normal", ["mean": 3, "sd": 1]) })
        XCTAssertEqual(message { try Distribution.gamma(shape: 0, scale: 1).validated() }, "gamma shape and scale must be greater than 0")
        XCTAssertEqual(message { try Distribution.beta(alpha: 1e6, beta: 1).validated() },
                       message { try Distribution("beta", ["alpha": 1e6, "beta": 1]) })
        XCTAssertEqual(message { try Distribution.exponential(mean: -1).validated() }, "exponential mean must be greater than 0")
        XCTAssertEqual(message { try Distribution.lognormal(mu: .nan, sigma: 1).validated() },
                       "lognormal with these parameters has no finite mean and variance")
        XCTAssertNotNil(message { try Distribution.pert(min: 1, mode: 1, max: 1).validated() })
        XCTAssertNil(message { try Distribution.weibull(scale: 2, shape: 1.5).validated() })
    }
}
