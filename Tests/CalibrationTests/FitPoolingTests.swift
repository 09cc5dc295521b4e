import Calibration
import Foundation
import FunnelModel
import History
import Simulation
import XCTest

/// `fit` over several files (issue 12: "several files pool by requisition
/// name"): four simulated quarters of the round-trip scenario, each file an
/// observation period of its own (its own `exported` row), each quarter
/// three months after the one before. Fitted together, the evidence adds
/// up, so each 95% interval is about half as wide as one quarter's
/// (sqrt(1/4)) and still covers the truth.
final class FitPoolingTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fitpool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try RoundTripTests.scenarioText.write(to: directory.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Quarter k (trial 300 + k), moved 91 k days later, written as `simulate` writes it.
    func quarter(_ k: Int) throws -> String {
        let events = SimulatedHistory.events(model: RoundTripTests.model, seed: RoundTripTests.seed, trial: 300 + k).map {
            var e = $0
            e.time.days += Double(91 * k)
            return e
        }
        let path = directory.appendingPathComponent("q\(k).csv").path
        try HistoryWriter.render(events).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Each fitted parameter's 95% interval.
    func intervals(_ o: FitOutcome) -> [String: (Double, Double)] {
        var out: [String: (Double, Double)] = [:]
        for p in o.parameters {
            switch p.estimate {
            case .proportion(let e) where e.trials > 0: out[p.path] = e.interval
            case .rate(let r, _): if let i = r.interval { out[p.path] = i }
            case .duration(let f, _, _):
                if let b = f?.best, let lo = b.meanLow, let hi = b.meanHigh { out[p.path] = (lo, hi) }
            default: break
            }
        }
        return out
    }

    func testFourQuartersPoolAndHalveTheIntervals() throws {
        let files = try (0..<4).map(quarter)
        let template = directory.appendingPathComponent("template.yaml").path
        let out = directory.appendingPathComponent("fitted.yaml").path
        let four = try FitJob.run(FitRequest(histories: files, template: template, out: out))
        let one = try FitJob.fit(FitRequest(histories: [files[0]], template: template, out: out))

        // The evidence adds up: counts, exposures and samples of the four periods.
        let quarters = try files.map { try FitJob.fit(FitRequest(histories: [$0], template: template, out: out)).evidence.requisitions[0] }
        let pooled = four.evidence.requisitions[0]
        XCTAssertEqual(pooled.stages[0].pass.trials, quarters.reduce(0) { $0 + $1.stages[0].pass.trials })
        XCTAssertEqual(pooled.applicantsPerWeek.exposure, quarters.reduce(0) { $0 + $1.applicantsPerWeek.exposure }, accuracy: 1e-9)
        XCTAssertEqual(pooled.applicantsPerWeek.events, quarters.reduce(0) { $0 + $1.applicantsPerWeek.events })
        XCTAssertEqual(pooled.noticeDays.observations.count, quarters.reduce(0) { $0 + $1.noticeDays.observations.count })
        XCTAssertEqual(pooled.candidates, quarters.reduce(0) { $0 + $1.candidates })
        XCTAssertEqual(pooled.stages[0].pass.periodCount, 4)

        // The file says where each period's evidence came from.
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.contains("4 observation periods pooled by requisition name"), text)
        XCTAssertTrue(text.contains("q3.csv: 2027-10-04 .. 2028-01-03, as of 2028-01-03T00:00:00"), text)
        XCTAssertTrue(text.contains("passed of"), text)
        XCTAssertTrue(text.contains("4 periods, 2027-01-"), text)
        XCTAssertTrue(four.summary[0].contains("in 4 periods"), four.summary[0])

        // Intervals about half as wide (the ratio of widths is
        // sqrt(n1 / n4) = 1/2 up to the quarters' own variation: for the
        // thinnest parameter here, about 25 counts a quarter, a relative sd
        // of about 0.1 in sqrt(n1), so each ratio within [0.3, 0.75] and
        // their median within [0.4, 0.6]), and still covering the truth.
        let truths = Dictionary(uniqueKeysWithValues: RoundTripTests.truths.map { ("requisitions.eng.\($0.path)", $0.truth) })
        let a = intervals(one), b = intervals(four)
        var ratios: [Double] = [], covered = 0, checked = 0
        for (path, truth) in truths {
            let i1 = try XCTUnwrap(a[path], path), i4 = try XCTUnwrap(b[path], path)
            let ratio = (i4.1 - i4.0) / (i1.1 - i1.0)
            XCTAssertTrue((0.3...0.75).contains(ratio), "\(path): width \(i4.1 - i4.0) of four quarters, \(i1.1 - i1.0) of one")
            ratios.append(ratio)
            let value: Double
            switch truth {
            case .proportion(let v, _), .rate(let v, _), .duration(let v, _, _): value = v
            }
            checked += 1
            if i4.0 <= value && value <= i4.1 { covered += 1 }
        }
        ratios.sort()
        let median = ratios[ratios.count / 2]
        print("four quarters pooled: median width ratio \(median) (range \(ratios.first!) .. \(ratios.last!)), \(covered) of \(checked) intervals cover the truth")
        XCTAssertTrue((0.4...0.6).contains(median), "median width ratio \(median)")
        // 19 intervals of 95%: the number covering is Binomial(19, 0.95) (AIC
        // may pick another family than the truth's, so a little less);
        // 15 or more has probability 0.998 for the binomial.
        XCTAssertGreaterThanOrEqual(covered, 15, "\(covered) of \(checked) cover the truth")
    }
}
