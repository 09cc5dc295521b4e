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

    /// Dates only: a duration between two date-only times d days apart is
    /// a window (`DurationObservation.window(d, d + 1, slide: 1)`: a
    /// triangle over (d - 1, d + 1)). With a mean of 1 day, where a flat
    /// window [d - 1, d + 1] was biased (the round trip's screen covered 140
    /// of 200), the fit recovers the mean: 20,000 durations, s.e. of the
    /// mean about 1 / sqrt(20,000) = 0.007 (a little more from the
    /// rounding to days: 0.01 taken), within 4 s.e.
    func testDateOnlyWindowsRecoverTheMean() throws {
        let d = Draws(seed: 14)
        var s = DurationSample()
        var flat = DurationSample()
        for _ in 0..<20_000 {
            let start = d.uniform(0, 100), x = d.exponential(mean: 1)
            let a = start.rounded(.down), b = (start + x).rounded(.down)
            s.add(fromDay: b - a, high: b - a + 1, slide: 1)
            flat.add(low: max(0, b - a - 1), high: b - a + 1)
        }
        let fit = try XCTUnwrap(DurationFit.fit(s, families: [.exponential])?.family(.exponential))
        XCTAssertEqual(fit.mean, 1, accuracy: 4 * 0.01)
        // The flat window is biased beyond that (measured: 0.946).
        let biased = try XCTUnwrap(DurationFit.fit(flat, families: [.exponential])?.family(.exponential))
        XCTAssertGreaterThan(abs(biased.mean - 1), 4 * 0.01, "flat window: \(biased.mean)")
        // Same day (0 days apart) is the window (0, 1): positive likelihood.
        XCTAssertEqual(s.observations.filter { $0 == .window(0, 1, slide: 1) }.count > 0, true)
    }

    /// The window's likelihood against closed forms: for an exponential of
    /// mean m, the integral over u in [0, 1] of F(d + 1 - u) - F(d - u) is
    /// m (e^(1/m) - 1)(e^(-d/m) - e^(-(d+1)/m)) for d >= 1 and
    /// 1 - m (1 - e^(-1/m)) for d = 0; a lognormal against a fine midpoint
    /// sum; an exact end (no slide) is the plain interval.
    func testWindowProbabilityClosedForms() {
        let m = 1.3
        for dd in [0.0, 1, 3, 10] {
            let exact = dd == 0 ? 1 - m * (1 - exp(-1 / m)) : m * (exp(1 / m) - 1) * (exp(-dd / m) - exp(-(dd + 1) / m))
            let p = PreparedSample.windowProbability(.exponential, dd, dd + 1, 1, [log(m)])
            XCTAssertEqual(p, exact, accuracy: 1e-10 * max(exact, 1e-3), "d = \(dd)")
        }
        let t = [0.3, log(0.6)]
        for (lo, hi, w) in [(0.0, 1.0, 1.0), (2.0, 3.0, 1.0), (1.0, 1.5, 0.5)] {
            let n = 100_000
            var sum = 0.0
            for i in 0..<n {
                let u = (Double(i) + 0.5) / Double(n)
                sum += DurationFamily.lognormal.cdf(hi - w * u, t) - DurationFamily.lognormal.cdf(lo - w * u, t)
            }
            XCTAssertEqual(PreparedSample.windowProbability(.lognormal, lo, hi, w, t), sum / Double(n), accuracy: 1e-6)
        }
        var s = DurationSample()
        s.add(fromDay: 4, high: 4, slide: 1)  // a date-only start, an exact end
        s.add(fromDay: 4, high: 5, slide: 0)  // no work on the start's day
        XCTAssertEqual(s.observations, [.interval(3, 4), .interval(4, 5)])
    }

    /// Every ended duration on the day it started (dates only) and no
    /// interior optimum: as far as the dates show they took no time, the
    /// constant 0 (as `approval_days: 0` round-trips with dates only).
    func testSameDayWindowsAreZero() throws {
        let fit = try XCTUnwrap(DurationFit.fit(DurationSample([.window(0, 1, slide: 1), .window(0, 1, slide: 1), .window(0, 1, slide: 1)])))
        XCTAssertTrue(fit.allZero)
        let mixed = try XCTUnwrap(DurationFit.fit(DurationSample([.window(0, 1, slide: 1), .window(1, 2, slide: 1), .window(3, 4, slide: 1)])))
        XCTAssertFalse(mixed.allZero)
        XCTAssertGreaterThan(try XCTUnwrap(mixed.best).mean, 0.3)
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
    /// by observation, for every family, on exact, censored, interval and
    /// window data (repeated ones counted once with their weight).
    func testPreparedLikelihoodEqualsTheReference() {
        let obs: [DurationObservation] = [.exact(1.5), .exact(0.2), .rightCensored(3), .rightCensored(0),
                                          .interval(1, 2), .interval(0, 0.5), .interval(4, .infinity), .interval(1, 2),
                                          .window(0, 1, slide: 1), .window(2, 3, slide: 1), .window(2, 3, slide: 1),
                                          .window(1, .infinity, slide: 1)]
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
