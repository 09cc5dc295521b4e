import CGSL
import CMallocCounter
import Forecast
import Foundation
import FunnelModel
import Sampling
import Simulation

/// funnelcast-bench: what the engine costs, against what its random draws
/// cost (issue 4). `swift run -c release funnelcast-bench [--quick | --shards] [--out FILE.csv]`.
@main
struct Bench {
    static func main() throws {
        var args = Array(CommandLine.arguments.dropFirst())
        func value(_ flag: String) -> String? {
            guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
            defer { args.removeSubrange(i...(i + 1)) }
            return args[i + 1]
        }
        if let n = value("--child-memory") {
            try MemoryChild.run(trials: Int(n)!, scenario: value("--scenario")!)
            return
        }
        if let history = value("--child-fit") {
            try FitChild.run(history: history, template: value("--template")!)
            return
        }
        if let parts = value("--child-merge") {
            try ShardBench.child(partsDir: parts, out: value("--out-dir")!)
            return
        }
        let out = value("--out")
        let quick = args.contains("--quick")
        if args.contains("--help") || args.contains("-h") {
            print("""
                usage: swift run -c release funnelcast-bench [--quick | --shards] [--out FILE.csv]
                  --shards  only the shards section: part size per trial, and the merge's wall time and
                            peak memory, for 2e6 and 1e7 trials of a tiny plan in 100 parts each
                """)
            return
        }
        var report = BenchReport(quick: quick)
        if args.contains("--shards") {
            report.mode = "shards"
            try ShardBench.run(into: &report)
        } else {
            try report.runAll()
        }
        print(report.table())
        if let out {
            try report.csv().write(toFile: out, atomically: true, encoding: .utf8)
            print("Wrote \(out)")
        }
    }
}

/// A monotonic clock in seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Finds the package root (where Package.swift is) from the working directory up.
func packageRoot() -> String {
    var dir = FileManager.default.currentDirectoryPath
    while dir != "/" {
        if FileManager.default.fileExists(atPath: dir + "/Package.swift") { return dir }
        dir = (dir as NSString).deletingLastPathComponent
    }
    return FileManager.default.currentDirectoryPath
}

/// Runs a command and returns its first line of output (nil on failure).
func firstLine(_ command: [String]) -> String? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = command
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
}

/// Peak resident memory of this process, in MiB (VmHWM).
func peakResidentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}
