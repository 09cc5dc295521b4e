import Calibration
import Foundation
import XCTest

/// Censoring matters and is handled (issue 12): as_of cuts the history
/// early, so the durations still running are the long ones. The naive
/// estimate (ended durations only) is biased low by many standard errors;
/// the censored maximum likelihood is within 4.
final class CensoringTests: XCTestCase {
    func testAsOfCuttingEarlyBiasesTheNaiveEstimateNotTheCensoredOne() throws {
        let d = Draws(seed: 21)
        let mu = log(5.0), sigma = 0.8
        let truth = exp(mu + sigma * sigma / 2)  // 6.89
        let asOf = 60.0
        var censored = DurationSample(), naive: [Double] = []
        for _ in 0..<3000 {
            let start = d.uniform(0, asOf), x = d.lognormal(mu: mu, sigma: sigma)
            if start + x < asOf { censored.add(low: x, high: x); naive.append(x) } else { censored.addCensored(asOf - start) }
        }
        XCTAssertGreaterThan(censored.censored, 200, "the cut must censor enough to matter")
        let fit = try XCTUnwrap(DurationFit.fit(censored, families: [.lognormal])?.best)
        let se = (try XCTUnwrap(fit.meanHigh) - (try XCTUnwrap(fit.meanLow))) / (2 * 1.96)
        XCTAssertEqual(fit.mean, truth, accuracy: 4 * se, "censored MLE")
        let naiveMean = naive.reduce(0, +) / Double(naive.count)
        XCTAssertLessThan(naiveMean, truth - 4 * se, "ignoring censoring is biased low")
    }
}
