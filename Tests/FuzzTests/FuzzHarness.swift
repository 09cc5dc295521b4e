import Dispatch
import Forecast
import Foundation
import FunnelModel
import ScenarioYAML
import Simulation
import TestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Runs inputs on worker threads and checks each one's outcome; a watchdog
/// ends the process (naming the input) where one runs far past its budget.
final class FuzzHarness: @unchecked Sendable {
    /// Seconds an input may take: loading, and for a file that loads, compiling and 2 trials.
    static let budget: Double = {
        #if DEBUG
        return 5
        #else
        return 1
        #endif
    }()
    /// Seconds after which an input counts as a hang: the process stops.
    static let hangAfter = 120.0
    /// Trials run for each input that loads, and the horizon cap (days).
    static let trials = 2, horizonCap = 180.0
    /// Tighter than the command line's: each run must stay small.
    static let limits = RunLimits(maxEventsPerTrial: 200_000, maxMemoryBytes: 256 * 1024 * 1024)

    let workers: Int
    let directory: String
    private let lock = NSLock()
    private var startedAt: [Double]
    private var current: [Int]

    init(workers: Int) {
        self.workers = workers
        directory = NSTemporaryDirectory() + "funnelcast-fuzz"
        startedAt = Array(repeating: 0, count: workers)
        current = Array(repeating: -1, count: workers)
        try? FileManager.default.createDirectory(atPath: directory + "/failures", withIntermediateDirectories: true)
    }

    static func scenarioFiles() throws -> [URL] {
        let dir = PackagePaths.scenarios
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    static func corpusFiles() throws -> [URL] {
        guard let dir = Bundle.module.url(forResource: "Corpus", withExtension: nil) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    struct Failure { var index: Int; var problem: String; var saved: String }

    struct Tallies {
        var loaded = 0, rejected = 0, ran = 0, limited = 0
        var messages: [String: Int] = [:]
        var slowest = 0.0, slowestIndex = -1
        var failures: [Failure] = []

        mutating func merge(_ o: Tallies) {
            loaded += o.loaded; rejected += o.rejected; ran += o.ran; limited += o.limited
            messages.merge(o.messages, uniquingKeysWith: +)
            if o.slowest > slowest { slowest = o.slowest; slowestIndex = o.slowestIndex }
            failures += o.failures
        }
    }

    /// Runs inputs 0..<count, `input(i)` giving the text of input i.
    func run(count: Int, input: @escaping @Sendable (Int) -> String) -> Tallies {
        let watchdog = Thread { [self] in watch() }
        watchdog.start()
        defer { watchdog.cancel() }
        let results = Results(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var t = Tallies()
            var i = w
            while i < count {
                let text = input(i)
                keepInFlight(text, worker: w, index: i)
                let t0 = Date().timeIntervalSinceReferenceDate
                let problems = FuzzHarness.check(text, index: i, into: &t)
                let elapsed = Date().timeIntervalSinceReferenceDate - t0
                if elapsed > t.slowest { t.slowest = elapsed; t.slowestIndex = i }
                var all = problems
                // No time budget under a sanitizer, which slows everything by a machine-dependent factor.
                if elapsed > FuzzHarness.budget && activeSanitizer == nil {
                    all.append("took \(String(format: "%.2f", elapsed)) s, over the budget of \(FuzzHarness.budget) s")
                }
                if !all.isEmpty {
                    let saved = directory + "/failures/input-\(i).yaml"
                    try? Data(text.utf8).write(to: URL(fileURLWithPath: saved))
                    t.failures.append(Failure(index: i, problem: all.joined(separator: "; "), saved: saved))
                }
                i += workers
            }
            lock.withLock { current[w] = -1 }
            results.set(w, t)
        }
        var total = Tallies()
        for w in 0..<workers { total.merge(results.get(w)) }
        total.failures.sort { $0.index < $1.index }
        return total
    }

    /// Loads `text`; for a scenario, runs it. Returns what is wrong (empty: all is well).
    static func check(_ text: String, index: Int, into t: inout Tallies) -> [String] {
        var problems: [String] = []
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(yaml: text, file: "fuzz.yaml")
        } catch {
            t.rejected += 1
            if error.issues.isEmpty { problems.append("a ScenarioError without issues") }
            let breaks = text.unicodeScalars.reduce(0) { n, c in
                n + (c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" ? 1 : 0)
            }
            for issue in error.issues {
                if issue.message.isEmpty { problems.append("an issue without a message: \(issue)") }
                if issue.file != "fuzz.yaml" { problems.append("an issue naming another file: \(issue)") }
                if let line = issue.line, line < 1 || line > breaks + 2 {
                    problems.append("an issue on line \(line) of a file of \(breaks + 1) lines: \(issue)")
                }
            }
            if let first = error.issues.first { t.messages[shape(first.message), default: 0] += 1 }
            return problems
        }
        t.loaded += 1
        var s = scenario
        s.horizonDays = min(s.horizonDays, horizonCap)
        s.trials = trials
        let model = SimulationModel(s)
        do {
            try limits.check(model: model, trials: trials, threads: 1)
        } catch {
            t.limited += 1
            if error.message.isEmpty { problems.append("a run limit error without a message") }
            return problems
        }
        var options = RunOptions(trials: trials, seed: UInt64(index), threads: 1)
        options.chunkSize = 1
        let (forecast, _) = ForecastRunner.forecast(model: model, options: options)
        t.ran += 1
        if forecast.trials != trials { problems.append("the forecast has \(forecast.trials) trials, not \(trials)") }
        for (scope, summaries) in zip(forecast.scopes, forecast.summaries) {
            for (metric, summary) in zip(Metric.allCases, summaries) where summary.mean.map({ !$0.isFinite }) ?? false {
                problems.append("\(scope) \(metric.rawValue): mean \(summary.mean!)")
            }
        }
        return problems
    }

    /// A message with its quoted values and numbers blanked, to count kinds of messages.
    static func shape(_ message: String) -> String {
        var out = ""
        var inQuote = false
        for c in message {
            if c == "'" { inQuote.toggle(); out.append(c); continue }
            if inQuote { continue }
            out.append(c.isNumber ? "#" : c)
        }
        return out
    }

    /// Writes the input in flight where a crash or a hang leaves it to be found.
    private func keepInFlight(_ text: String, worker: Int, index: Int) {
        lock.withLock { current[worker] = index; startedAt[worker] = Date().timeIntervalSinceReferenceDate }
        let path = directory + "/worker-\(worker).yaml"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var bytes = Array("# fuzz input #\(index)\n\(text)".utf8)
        _ = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Ends the process where an input has run for `hangAfter` seconds.
    private func watch() {
        while !Thread.current.isCancelled {
            Thread.sleep(forTimeInterval: 0.5)
            let now = Date().timeIntervalSinceReferenceDate
            let stuck: (Int, Int)? = lock.withLock {
                for w in 0..<workers where current[w] >= 0 && now - startedAt[w] > FuzzHarness.hangAfter {
                    return (w, current[w])
                }
                return nil
            }
            if let (w, i) = stuck {
                let message = "fuzz: input #\(i) has run for \(Int(FuzzHarness.hangAfter)) s: a hang; "
                    + "its text is in \(directory)/worker-\(w).yaml\n"
                FileHandle.standardError.write(Data(message.utf8))
                exit(70)
            }
        }
    }

    /// Each worker's tallies, written once by that worker.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var tallies: [Tallies]
        init(count: Int) { tallies = Array(repeating: Tallies(), count: count) }
        func set(_ w: Int, _ t: Tallies) { lock.withLock { tallies[w] = t } }
        func get(_ w: Int) -> Tallies { lock.withLock { tallies[w] } }
    }
}
