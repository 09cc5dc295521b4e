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

/// Feeds mutated copies of the files in `Scenarios/` to the loader: every
/// input must load or give a clean `ScenarioError` (one issue at least, each
/// with a message and a line inside the file), and within a time budget.
/// Inputs that load are compiled and run for 2 trials with the horizon
/// capped, unless the run limits refuse them (with a message).
///
/// - `FUNNELCAST_FUZZ_COUNT`: inputs (default 100,000 in release builds,
///   5,000 in debug builds, which parse about 20 times slower).
/// - `FUNNELCAST_FUZZ_SEED`: the run's seed (default 20270301); input `i`
///   depends on (seed, i) alone.
/// - `FUNNELCAST_FUZZ_THREADS`: worker threads (default: every core).
///
/// `make fuzz` runs the full count in release. An input that fails is saved
/// under `$TMPDIR/funnelcast-fuzz/failures/`; keep it in `Tests/FuzzTests/Corpus/`
/// once fixed, where `testCorpus` checks it on every run.
final class ScenarioFuzzTests: XCTestCase {
    static let environment = ProcessInfo.processInfo.environment

    static var count: Int {
        if let text = environment["FUNNELCAST_FUZZ_COUNT"], let n = Int(text), n >= 0 { return n }
        #if DEBUG
        return 5_000
        #else
        return 100_000
        #endif
    }

    static var seed: UInt64 { environment["FUNNELCAST_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_270_301 }

    static var threads: Int {
        environment["FUNNELCAST_FUZZ_THREADS"].flatMap { Int($0) }.map { max(1, $0) }
            ?? ProcessInfo.processInfo.activeProcessorCount
    }

    func testMutatedScenariosLoadOrFailCleanly() throws {
        let seeds = try FuzzHarness.scenarioFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        XCTAssertGreaterThanOrEqual(seeds.count, 3)
        let mutator = Mutator(seeds: seeds)
        let count = ScenarioFuzzTests.count, seed = ScenarioFuzzTests.seed, threads = ScenarioFuzzTests.threads
        let harness = FuzzHarness(workers: threads)
        print("fuzz: \(count) inputs, seed \(seed), \(threads) threads; inputs in flight are written to \(harness.directory)")

        let started = Date()
        let tallies = harness.run(count: count) { i in mutator.input(i, seed: seed) }
        let elapsed = Date().timeIntervalSince(started)

        print("fuzz: \(count) inputs in \(String(format: "%.1f", elapsed)) s: \(tallies.loaded) loaded "
              + "(\(tallies.ran) ran 2 trials, \(tallies.limited) refused by the run limits), \(tallies.rejected) rejected "
              + "with \(tallies.messages.count) distinct first messages; slowest input "
              + "\(String(format: "%.0f", tallies.slowest * 1000)) ms (#\(tallies.slowestIndex))")
        if ScenarioFuzzTests.environment["FUNNELCAST_FUZZ_VERBOSE"] != nil {
            for (message, n) in tallies.messages.sorted(by: { $0.value > $1.value }).prefix(40) { print("  \(n)\t\(message)") }
        }
        for failure in tallies.failures.prefix(20) { XCTFail("input #\(failure.index): \(failure.problem) (saved as \(failure.saved))") }
        XCTAssertEqual(tallies.loaded + tallies.rejected, count)
        if count >= 1000 {
            // The mutations must leave a fair share of files loadable, or the engine is never reached.
            XCTAssertGreaterThan(tallies.ran, count / 20, "too few mutated files load; the mutations are too destructive")
        }
    }

    /// Inputs that once failed, kept as regression tests.
    func testCorpus() throws {
        let files = try FuzzHarness.corpusFiles()
        XCTAssertFalse(files.isEmpty, "the corpus is empty")
        let harness = FuzzHarness(workers: 1)
        let texts = try files.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
        let tallies = harness.run(count: texts.count) { texts[$0] }
        for failure in tallies.failures { XCTFail("\(files[failure.index].lastPathComponent): \(failure.problem)") }
    }
}
