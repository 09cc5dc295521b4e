import Calibration
import Foundation
import FunnelModel
import History
import XCTest

/// Censoring matters and is handled (issue 12, "must show"), on histories
/// that `simulate` writes: `as_of` cuts the round-trip scenario's quarters
/// at day 56 of 91, when many notice periods (lognormal, mean 21 days) are
/// still running. Over 40 quarters, the fit that keeps them as
/// right-censored recovers the mean; dropping them, or taking them as
/// ended at as_of, is biased low, far outside the spread of the estimates (measured: truth 21.0,
/// censored fit 21.2 +- 0.3, dropped 19.1, ended at as_of 15.9).
final class RoundTripCensoringTests: XCTestCase {
    func testCuttingTheHistoryEarlyIsBiasedWithoutCensoring() throws {
        let truth = exp(3 + 0.045)
        let asOf = Double(RoundTripTests.scenario.start.dayNumber) + 56
        var fitted: [Double] = [], dropped: [Double] = [], endedAtAsOf: [Double] = []
        var censored = 0, ended = 0
        for q in 0..<40 {
            let log = try RoundTripTests.log(trial: 500 + q, datesOnly: false, asOf: asOf)
            XCTAssertEqual(log.asOf, asOf)
            let s = RoundTripTests.evidence(log).noticeDays
            censored += s.censored; ended += s.events
            let withCensoring = try XCTUnwrap(DurationFit.fit(s, families: [.lognormal])?.best)
            fitted.append(withCensoring.mean)
            // Ignoring censoring: the in-flight notices dropped ...
            let onlyEnded = DurationSample(s.observations.filter { if case .rightCensored = $0 { return false }; return true })
            dropped.append(try XCTUnwrap(DurationFit.fit(onlyEnded, families: [.lognormal])?.best).mean)
            // ... or taken as ended at as_of.
            let asEnded = DurationSample(s.observations.map { if case .rightCensored(let x) = $0 { return .exact(x) }; return $0 })
            endedAtAsOf.append(try XCTUnwrap(DurationFit.fit(asEnded, families: [.lognormal])?.best).mean)
        }
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
        func se(_ v: [Double]) -> Double {
            let m = mean(v)
            return sqrt(v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1) / Double(v.count))
        }
        print("notice_days, as_of day 56, 40 quarters (\(ended) ended, \(censored) in flight): truth \(truth), "
              + "censored fit \(mean(fitted)) +- \(se(fitted)), in-flight dropped \(mean(dropped)), taken as ended \(mean(endedAtAsOf))")
        XCTAssertGreaterThan(censored, ended / 4, "the cut leaves many notices in flight")
        XCTAssertLessThan(abs(mean(fitted) - truth), 3 * se(fitted), "the censored fit is unbiased")
        XCTAssertGreaterThan(truth - mean(dropped), 4 * se(dropped), "dropping in-flight durations is biased low")
        XCTAssertGreaterThan(truth - mean(endedAtAsOf), 4 * se(endedAtAsOf), "ending them at as_of is biased low")
    }
}
