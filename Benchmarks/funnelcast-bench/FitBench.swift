import Calibration
import Foundation
import FunnelModel
import History
import Sampling

/// The `fit` section of funnelcast-bench (issue 12): fit on generated
/// histories of growing size, each in its own process, timing the fit and
/// reading its peak memory; memory should follow the candidates (a path
/// has a bounded number of events), the reader streams the rows.
extension BenchReport {
    mutating func fitHistories() throws {
        let sizes = quick ? [50_000, 200_000] : [250_000, 1_000_000]
        let dir = NSTemporaryDirectory() + "funnelcast-bench-fit-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = dir + "/template.yaml"
        try FitBenchHistory.template.write(toFile: template, atomically: true, encoding: .utf8)
        var first: (candidates: Double, mib: Double)? = nil
        for rows in sizes {
            let history = dir + "/history-\(rows).csv"
            let candidates = try FitBenchHistory.write(rows: rows, to: history)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            p.arguments = ["--child-fit", history, "--template", template]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            let seconds = fields.first ?? .nan, mib = fields.count > 1 ? fields[1] : .nan
            add("fit", "fit a history of \(rows) rows, \(candidates) candidates (own process)", seconds, "s")
            add("fit", "peak RSS of that fit", mib, "MiB")
            if let first {
                add("fit", "extra peak RSS per extra candidate", (mib - first.mib) * 1024 / (Double(candidates) - first.candidates), "KiB")
            } else {
                first = (Double(candidates), mib)
            }
        }
    }
}

/// The child process of the `fit` section: one fit, then its wall time in
/// seconds and its peak RSS in MiB on one line.
enum FitChild {
    static func run(history: String, template: String) throws {
        let t0 = now()
        let outcome = try FitJob.fit(FitRequest(histories: [history], template: template, out: "/dev/null"))
        precondition(!outcome.parameters.isEmpty)
        print(String(format: "%.3f %.1f", now() - t0, peakResidentMiB()))
    }
}

/// A seeded history of 20 requisitions through a screen and a phone
/// interview to offers, checks and starts, written row by row.
enum FitBenchHistory {
    static let requisitions = 20
    static var template: String {
        var t = "name: fit bench\nstart: 2026-01-05\nhorizon_days: 800\nrequisitions:\n"
        for r in 0..<requisitions {
            t += """
                  - name: r\(r)
                    openings: 100000
                    sourcing: {applicants_per_week: 5}
                    stages:
                      - {name: screen, hr_workdays: 3, pass: 0.9}
                      - {name: phone, interview: true, hr_workdays: 3, no_show: 0.5, pass: 0.9}
                    offer: {hr_workdays: 9, accept: 0.2, response_days: 9}
                    background_check: {workdays: 1, fail: 0.5}

                """
        }
        return t
    }

    /// Writes about `rows` rows to `path`; returns the number of candidates.
    static func write(rows: Int, to path: String) throws -> Int {
        FileManager.default.createFile(atPath: path, contents: nil)
        let out = FileHandle(forWritingAtPath: path)!
        defer { try? out.close() }
        let stream = RandomStream(key: StreamKey(seed: 12, family: .plan))
        let t0 = Double(CivilDate(iso: "2026-01-05")!.dayNumber)
        var text = HistoryWriter.header
        var written = 1, candidates = 0
        func add(_ r: String, _ c: String, _ s: String, _ k: EventKind, _ t: Double, _ d: String = "") {
            text += HistoryWriter.record(HistoryEvent(requisition: r, candidate: c, stage: s, kind: k, time: HistoryTime(days: t0 + t), detail: d))
            written += 1
        }
        for r in 0..<requisitions { add("r\(r)", "", "", .opened, 0, "100000") }
        while written < rows {
            candidates += 1
            let r = "r\(candidates % requisitions)", c = "c\(candidates)"
            var t = 700 * stream.uniform()
            let leave = t + stream.exponential(mean: 140)
            add(r, c, "", .applied, t)
            t += stream.exponential(mean: 1)
            if t > leave { add(r, c, "screen", .withdrawn, leave); continue }
            add(r, c, "screen", .hrDone, t)
            if stream.bernoulli(0.4) { add(r, c, "screen", .rejected, t); continue }
            add(r, c, "screen", .passed, t)
            t += Distribution.gamma(shape: 2, scale: 1).sample(stream)
            if t > leave { add(r, c, "phone", .withdrawn, leave); continue }
            add(r, c, "phone", .hrDone, t)
            t += Distribution.lognormal(mu: 0.3, sigma: 0.6).sample(stream)
            add(r, c, "phone", .replied, t)
            if stream.bernoulli(0.1) { add(r, c, "phone", .noShow, t); continue }
            add(r, c, "phone", .interviewed, t)
            if stream.bernoulli(0.5) { add(r, c, "phone", .rejected, t); continue }
            add(r, c, "phone", .passed, t); add(r, c, "", .finalist, t); add(r, c, "", .offerMade, t)
            t += stream.exponential(mean: 2); add(r, c, "", .offerSent, t)
            t += Distribution.lognormal(mu: 1, sigma: 0.5).sample(stream)
            if stream.bernoulli(0.3) { add(r, c, "", .offerDeclined, t, "salary"); continue }
            add(r, c, "", .offerAccepted, t)
            t += Distribution.gamma(shape: 4, scale: 1.5).sample(stream); add(r, c, "", .checkPassed, t)
            t += Distribution.lognormal(mu: 3, sigma: 0.3).sample(stream); add(r, c, "", .started, t)
            if text.utf8.count > 1 << 20 { out.write(Data(text.utf8)); text = "" }
        }
        text += HistoryWriter.record(HistoryEvent(requisition: "*", kind: .exported, time: HistoryTime(days: t0 + 730)))
        out.write(Data(text.utf8))
        return candidates
    }
}
