@testable import Calibration
import Foundation
import XCTest

/// Each duration estimator against a closed form on data with a known
/// answer. Tolerances: the numerical optimum (simplex to 1e-7 in the
/// parameters) for closed forms; about 4 standard errors for sampled data.
final class DurationEstimatorTests: XCTestCase {
    /// Exponential with right-censoring: the MLE of the mean is the total
    /// exposure over the number of events.
    func testExponentialWithCensoringIsExposureOverEvents() throws {
        let d = Draws(seed: 11)
        var s = DurationSample()
        for _ in 0..<400 {
            let x = d.exponential(mean: 4), c = d.uniform(0, 8)
            if x <= c { s.add(low: x, high: x) } else { s.addCensored(c) }
        }
        let closed = s.exposure / Double(s.events)
        let fit = try XCTUnwrap(DurationFit.fit(s)?.family(.exponential))
        XCTAssertEqual(fit.mean, closed, accuracy: 1e-6 * closed)
        // The interval: exp(log m +- 1.96 / sqrt(events)).
        let z = 1.959963984540054 / Double(s.events).squareRoot()
        XCTAssertEqual(try XCTUnwrap(fit.meanLow), closed * exp(-z), accuracy: 1e-3 * closed)
        XCTAssertEqual(try XCTUnwrap(fit.meanHigh), closed * exp(z), accuracy: 1e-3 * closed)
    }

    /// Lognormal with nothing censored: mu and sigma are the mean and the
    /// (1/n) standard deviation of the logs.
    func testLognormalIsTheMomentsOfTheLogs() throws {
        let d = Draws(seed: 12)
        let xs = (0..<300).map { _ in d.lognormal(mu: 0.7, sigma: 0.6) }
        let logs = xs.map { log($0) }
        let mu = logs.reduce(0, +) / Double(logs.count)
        let sigma = (logs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(logs.count)).squareRoot()
        let fit = try XCTUnwrap(DurationFit.fit(DurationSample(xs.map { .exact($0) }))?.family(.lognormal))
        XCTAssertEqual(fit.parameters[0], mu, accuracy: 1e-6)
        XCTAssertEqual(exp(fit.parameters[1]), sigma, accuracy: 1e-6)
    }

    /// AIC picks the family the data came from (n = 1500, so the wrong
    /// families lose by far more than the 2 per parameter AIC charges),
    /// and each family recovers its parameters within about 4 s.e.
    func testAICChoosesTheGeneratingFamily() throws {
        let d = Draws(seed: 13)
        let cases: [(DurationFamily, () -> Double, [Double])] = [
            (.gamma, { d.gamma(shape: 3, scale: 2) }, [3, 2]),
            (.weibull, { d.weibull(scale: 5, shape: 0.7) }, [5, 0.7]),
            (.lognormal, { d.lognormal(mu: 1, sigma: 1.2) }, [1, 1.2]),
        ]
        for (family, draw, truth) in cases {
            let s = DurationSample((0..<1500).map { _ in .exact(draw()) })
            let fit = try XCTUnwrap(DurationFit.fit(s))
            XCTAssertEqual(fit.best?.family, family, "\(family)")
            let f = try XCTUnwrap(fit.family(family))
            let (a, b) = family.natural(f.parameters)
            // Relative s.e. of a shape or scale with n = 1500 is at most ~5%.
            XCTAssertEqual(a, truth[0], accuracy: 0.1 * max(1, abs(truth[0])), "\(family)")
            XCTAssertEqual(b, truth[1], accuracy: 0.1 * truth[1], "\(family)")
            XCTAssertLessThan(f.gof, 0.05, "\(family): Kaplan-Meier gap")
        }
    }

    /// Dates only: a duration between two date-only times is an interval
    /// [b - a - 1, b - a + 1]; the interval-censored fit recovers the mean,
    /// and treating the whole-day differences as exact would not be needed.
    func testIntervalCensoredDatesRecoverTheMean() throws {
        let d = Draws(seed: 14)
        var s = DurationSample()
        for _ in 0..<1000 {
            let start = d.uniform(0, 100), x = d.exponential(mean: 2)
            let a = start.rounded(.down), b = (start + x).rounded(.down)
            s.add(low: max(0, b - a - 1), high: b - a + 1)
        }
        let fit = try XCTUnwrap(DurationFit.fit(s, families: [.exponential])?.family(.exponential))
        // s.e. of the mean ~ 2 / sqrt(1000) = 0.063 (a little more: intervals).
        XCTAssertEqual(fit.mean, 2, accuracy: 4 * 0.075)
    }

    /// Zero durations (a zero hr_workdays) are the constant 0.
    func testAllZeroIsConstant() throws {
        let fit = try XCTUnwrap(DurationFit.fit(DurationSample([.exact(0), .exact(0), .rightCensored(0)])))
        XCTAssertTrue(fit.allZero)
        XCTAssertNil(DurationFit.fit(DurationSample([.rightCensored(3)])), "nothing ended: nothing to fit")
    }

    /// The Kaplan-Meier curve with censoring: the textbook example
    /// (times 1, 2+, 3, 3, 4+: S = 0.8 after 1, 0.8 x 1/3 after 3).
    func testKaplanMeier() {
        let km = KaplanMeier([.exact(1), .rightCensored(2), .exact(3), .exact(3), .rightCensored(4)])
        XCTAssertEqual(km.times, [1, 3])
        XCTAssertEqual(km.after[0], 0.2, accuracy: 1e-12)
        XCTAssertEqual(km.after[1], 1 - 0.8 / 3, accuracy: 1e-12)
        XCTAssertEqual(km.maxGap { _ in 0.5 }, 0.5 - 0.0, accuracy: 1e-12)
    }

    /// The fast likelihood of the fits equals the one summed observation
    /// by observation, for every family, on exact, censored and interval data.
    func testPreparedLikelihoodEqualsTheReference() {
        let obs: [DurationObservation] = [.exact(1.5), .exact(0.2), .rightCensored(3), .rightCensored(0),
                                          .interval(1, 2), .interval(0, 0.5), .interval(4, .infinity)]
        let prepared = PreparedSample(obs)
        for family in DurationFamily.allCases {
            for t in [[0.3, -0.2], [-1.0, 0.4], [1.2, 0.9]] {
                let t = Array(t.prefix(family.parameterCount))
                XCTAssertEqual(prepared.logLikelihood(family, t), DurationFit.logLikelihood(family, t, obs),
                               accuracy: 1e-9, "\(family) \(t)")
            }
        }
    }
}
