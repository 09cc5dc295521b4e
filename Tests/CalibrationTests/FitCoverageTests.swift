import Calibration
import Foundation
import History
import XCTest

/// The round trip through `fit` (issue 12, "must show"): histories with a
/// known truth, fitted back over 100 seeds; each parameter's 95% interval
/// covers the truth about 95 times. The count is Binomial(100, 0.95): mean
/// 95, sd 2.2; the test accepts at least 95 - 4 sd = 86 (a too-wide
/// interval would pass; `CoverageTests` and the closed-form tests check the
/// widths). The same with dates only for the durations.
final class FitCoverageTests: XCTestCase {
    let seeds = 100

    func coverage(datesOnly: Bool) throws -> [String: Int] {
        var gen = SyntheticHistory()
        gen.truth.weeks = 13  // a quarter: 260 applicants a history
        let t = gen.truth
        let truths: [String: Double] = [
            "requisitions.eng.stages.screen.pass": t.screenPass,
            "requisitions.eng.stages.phone.pass": t.phonePass,
            "requisitions.eng.offer.accept": t.accept,
            "requisitions.eng.sourcing.applicants_per_week": t.applicantsPerWeek,
            "requisitions.eng.candidate.reply_days": exp(t.reply.mu + t.reply.sigma * t.reply.sigma / 2),
            "requisitions.eng.offer.response_days": exp(t.response.mu + t.response.sigma * t.response.sigma / 2),
            "requisitions.eng.notice_days": exp(t.notice.mu + t.notice.sigma * t.notice.sigma / 2),
        ]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fitcoverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = dir.appendingPathComponent("t.yaml").path
        try SyntheticHistory.template.write(toFile: template, atomically: true, encoding: .utf8)
        var covered: [String: Int] = [:]
        for seed in 0..<seeds {
            let history = dir.appendingPathComponent("h\(seed).csv").path
            try HistoryWriter.render(gen.events(seed: 100 + UInt64(seed)), datesOnly: datesOnly)
                .write(toFile: history, atomically: true, encoding: .utf8)
            let o = try FitJob.fit(FitRequest(histories: [history], template: template, out: dir.appendingPathComponent("f.yaml").path))
            for p in o.parameters {
                guard let truth = truths[p.path] else { continue }
                var interval: (Double, Double)?
                switch p.estimate {
                case .proportion(let e): interval = e.interval
                case .rate(let r, _): interval = r.interval
                case .duration(let f, _, _):
                    if let b = f?.best, let lo = b.meanLow, let hi = b.meanHigh { interval = (lo, hi) }
                case .count: break
                }
                if let (lo, hi) = interval, lo <= truth, truth <= hi { covered[p.path, default: 0] += 1 }
            }
        }
        print("coverage over \(seeds) seeds\(datesOnly ? ", dates only" : ""): \(covered.sorted { $0.key < $1.key })")
        return covered
    }

    func testIntervalsCoverTheTruth() throws {
        let covered = try coverage(datesOnly: false)
        XCTAssertEqual(covered.count, 7, "\(covered)")
        for (path, n) in covered { XCTAssertGreaterThanOrEqual(n, 86, "\(path): \(n) of \(seeds)") }
    }

    func testIntervalsCoverTheTruthWithDatesOnly() throws {
        let covered = try coverage(datesOnly: true)
        for path in ["requisitions.eng.offer.response_days", "requisitions.eng.notice_days", "requisitions.eng.candidate.reply_days"] {
            XCTAssertGreaterThanOrEqual(covered[path] ?? 0, 86, "\(path): \(covered[path] ?? 0) of \(seeds)")
        }
    }
}
