import Forecast
import Foundation
import FunnelModel
import Jobs
import Reporting
import ScenarioYAML
import Shards

/// The shards section (`--shards`, opt-in: not part of the default or
/// `--quick` runs): the size of real part files and the cost of merging
/// them, for 2 x 10^6 and 10^7 trials in 100 parts each (issue 17).
///
/// The parts are written by `PartJob`, the code path of `run --shard K/N
/// --out PART.fcpart`, on a deliberately tiny plan (`ShardBench.yaml`: one
/// requisition of one opening, one stage, 90 days) so that 10^7 trials take
/// a minute or two on 2 cores; the size of a part past the exact-sample
/// threshold depends on the plan's shape (metrics, requisitions, weeks),
/// not on its trials. Each merge (`MergeOutputJob`: read and check every
/// part, merge in shard order, write summary.csv, timeline.csv and
/// funnel.csv) runs in its own process, so its wall time and peak resident
/// memory are its own. The merged CSVs are then compared byte for byte with
/// one unsharded `RunJob` of the same trials.
struct ShardBench {
    /// The tiny plan of this section.
    static let yaml = """
        # funnelcast-bench --shards: a deliberately tiny plan (one requisition,
        # one opening, one stage, 90 days) so that 10^7 trials stay affordable.
        name: Shard bench
        start: 2027-01-04
        horizon_days: 90
        trials: 1000
        seed: 17
        calendar:
          workdays: [mon, tue, wed, thu, fri, sat, sun]
        requisitions:
          - name: role
            openings: 1
            deadline: 2027-02-28
            sourcing:
              applicants_per_week: {dist: triangular, min: 0.5, mode: 1, max: 2}
            stages:
              - name: screen
                pass: 0.25
            offer:
              accept: 1

        """

    static let partCount = 100
    static let trialCounts = [2_000_000, 10_000_000]

    /// Runs the section into `report`.
    static func run(into report: inout BenchReport) throws {
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "funnelcast-bench-shards-\(getpid())"
        try? fm.removeItem(atPath: dir)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        let file = dir + "/shard-bench.yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let limits = RunLimits(maxEventsPerTrial: 1e9, maxMemoryBytes: 64e9)
        let threads = report.cores
        let section = "shards"
        FileHandle.standardError.write(Data(("  shards: the tiny plan of ShardBench.yaml (1 requisition, 1 opening, 1 stage, "
                                             + "90 days); parts written by PartJob (run --shard K/N), \(threads) threads\n").utf8))
        for trials in trialCounts {
            var scenario = try ScenarioLoader.load(path: file)
            scenario.trials = trials
            let label = "\(trials / 1_000_000)e6 trials in \(partCount) parts"
            // The parts, as `run --shard K/100 --out parts/K.fcpart` writes them.
            let partsDir = dir + "/parts-\(trials)"
            var paths: [String] = []
            var t0 = now()
            for k in 0..<partCount {
                let path = partsDir + "/\(k).fcpart"
                let job = PartJob(scenario: scenario, command: .run(trialsCSV: false, delimiter: ","),
                                  shard: Shard(index: k, count: partCount)!, path: path, scenarioFile: file,
                                  scenarioText: yaml, toolVersion: FunnelcastVersion.current)
                _ = try job.prepare(limits: limits, threads: threads).run(JobContext(threads: threads))
                paths.append(path)
            }
            let shardSeconds = now() - t0
            let bytes = try paths.reduce(0) { $0 + ((try fm.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
            report.add(section, "tiny plan, \(label): all shards, \(threads) threads", shardSeconds, "s")
            report.add(section, "tiny plan, \(label): parts' total size", Double(bytes) / 1e6, "MB")
            report.add(section, "tiny plan, \(label): one part's size", Double(bytes) / Double(partCount) / 1e3, "kB")
            report.add(section, "tiny plan, \(label): parts' size per trial", Double(bytes) / Double(trials), "bytes")

            // The merge, in its own process.
            let merged = dir + "/merged-\(trials)"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            p.arguments = ["--child-merge", partsDir, "--out-dir", merged]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            guard p.terminationStatus == 0, fields.count == 3 else {
                throw BenchFailure("the merge child failed: \(String(decoding: data, as: UTF8.self))")
            }
            report.add(section, "tiny plan, \(label): merge wall time (own process)", fields[0], "s")
            report.add(section, "tiny plan, \(label): merge CPU time (user + sys)", fields[1], "s")
            report.add(section, "tiny plan, \(label): merge peak RSS (own process)", fields[2], "MiB")

            // One unsharded run of the same trials: the merge must give its bytes.
            t0 = now()
            _ = try RunJob(scenario: scenario, directory: dir + "/one-\(trials)")
                .prepare(limits: limits, threads: threads).run(JobContext(threads: threads))
            report.add(section, "tiny plan, \(trials / 1_000_000)e6 trials unsharded, \(threads) threads", now() - t0, "s")
            var same = true
            for name in ["summary.csv", "timeline.csv", "funnel.csv"] {
                let a = fm.contents(atPath: dir + "/one-\(trials)/" + name), b = fm.contents(atPath: merged + "/" + name)
                if a == nil || a != b { same = false }
            }
            report.add(section, "tiny plan, \(label): merged CSVs = unsharded run's (1 yes, 0 no)", same ? 1 : 0, "")
            try? fm.removeItem(atPath: partsDir)
        }
    }

    /// The merge child: merges every part in `partsDir` into `out` as
    /// `funnelcast merge` does, then prints its wall time, CPU time (s) and
    /// peak resident memory (MiB).
    static func child(partsDir: String, out: String) throws {
        let t0 = now()
        let names = try FileManager.default.contentsOfDirectory(atPath: partsDir).filter { $0.hasSuffix(".fcpart") }
        let job = MergeOutputJob(parts: names.map { partsDir + "/" + $0 }, directory: out)
        let result: MergeOutputJob.Result
        do { result = try job.run() } catch { throw BenchFailure(error.description) }
        precondition(result.partCount == names.count)
        let wall = now() - t0
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
        print(String(format: "%.4f %.4f %.1f", wall, cpu, peakResidentMiB()))
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
