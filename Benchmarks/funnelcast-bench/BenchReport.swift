import CGSL
import CMallocCounter
import Forecast
import Foundation
import FunnelModel
import Sampling
import ScenarioYAML
import Simulation

/// One measured figure.
struct Measure {
    var section: String
    var name: String
    var value: Double
    var unit: String
}

/// The benchmark's sections, run in order; each appends measures.
struct BenchReport {
    let quick: Bool
    /// "full", "quick", or "shards" (the shards section alone).
    var mode: String
    var measures: [Measure] = []
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let root = packageRoot()
    /// Measured ns per draw of each kind (the floor).
    var drawCost: [DrawKind: Double] = [:]
    /// Nanoseconds a substream seek adds to the draw after it (floor).
    var seekCost = 0.0

    init(quick: Bool) { self.quick = quick; mode = quick ? "quick" : "full" }

    mutating func add(_ section: String, _ name: String, _ value: Double, _ unit: String) {
        measures.append(Measure(section: section, name: name, value: value, unit: unit))
        FileHandle.standardError.write(Data(String(format: "  %-10@ %-58@ %14.4g %@\n", section as NSString, name as NSString, value, unit as NSString).utf8))
    }

    mutating func runAll() throws {
        floor()
        try engine()
        try parallel()
        try loading()
        try memory()
        try fitHistories()
    }

    // MARK: The floor: raw GSL draws

    /// The distributions the engine draws from, with the reference plan's shapes.
    static let floorCases: [(DrawKind, Distribution)] = [
        (.flat, .uniform(min: 1, max: 7)),
        (.triangular, .triangular(min: 1, mode: 2, max: 5)),
        (.pert, .pert(min: 0.08, mode: 0.15, max: 0.3)),
        (.normal, .normal(mean: 10, sd: 2)),
        (.lognormal, .lognormal(mu: log(2), sigma: 0.86)),
        (.gamma, .gamma(shape: 4, scale: 0.5)),
        (.exponential, .exponential(mean: 1.5)),
        (.weibull, .weibull(scale: 2, shape: 1.5)),
        (.beta, .beta(alpha: 181, beta: 721)),
        (.poisson, .poisson(mean: 5)),
        (.empirical, .empirical(try! EmpiricalTable(values: [14, 14, 30, 30, 30, 60]))),
    ]

    /// Repetitions of each timed measure; the fastest counts. On a shared
    /// machine, interference only ever adds time, so the minimum is the
    /// best estimate of the cost itself (single passes of the floor varied
    /// by 25% from run to run).
    static let repetitions = 5

    /// The fastest of `repetitions` timings of `body`, in seconds.
    static func fastest(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            let t0 = now()
            body()
            best = Swift.min(best, now() - t0)
        }
        return best
    }

    mutating func floor() {
        let n = quick ? 100_000 : 1_000_000
        let stream = RandomStream(key: StreamKey(seed: 1, family: .plan))
        var sink = 0.0
        drawCost[.uniform] = BenchReport.fastest { for _ in 0..<n { sink += stream.uniform() } } / Double(n) * 1e9
        add("floor", "uniform (gsl_rng_uniform, Philox4x32-10)", drawCost[.uniform]!, "ns/draw")
        for (kind, d) in BenchReport.floorCases {
            drawCost[kind] = BenchReport.fastest { for _ in 0..<n { sink += d.sample(stream) } } / Double(n) * 1e9
            add("floor", "\(kind.name) \(d)".prefix(58).description, drawCost[kind]!, "ns/draw")
        }
        let key = StreamKey(seed: 1, family: .candidates)
        let fresh = BenchReport.fastest {
            for i in 0..<n {
                stream.seek(key, UInt32(i & 31), UInt32(i >> 5), 7)
                sink += stream.uniform()
            }
        } / Double(n) * 1e9
        add("floor", "seek + uniform (a fresh per-candidate substream)", fresh, "ns/draw")
        // What a seek adds to the draw after it: a Philox block computed for
        // that draw where a tight loop shares one block among several draws.
        seekCost = max(0, fresh - drawCost[.uniform]!)
        if sink == 42 { print(sink) }
    }

    // MARK: The engine on the reference plan

    func referencePaths() -> [(String, String)] {
        var paths = [("Scenarios", root + "/Scenarios/reference-plan.yaml")]
        let shared = root + "/../shared/scenarios/reference-plan.yaml"
        if !quick && FileManager.default.fileExists(atPath: shared) { paths.append(("shared", shared)) }
        return paths
    }

    mutating func engine() throws {
        let trials = quick ? 400 : 4000
        for (label, path) in referencePaths() {
            let model = SimulationModel(try ScenarioLoader.load(path: path))
            let sim = TrialSimulator(model: model, seed: model.scenario.seed)
            var outcome = TrialOutcome(model: model)
            // Warm up on the same trials, untimed: buffers reach their size and
            // caches and branch predictors their steady state, as in a long
            // run (a first pass over 400 trials measured ~20% slower).
            for i in 0..<trials { sim.run(trial: i, into: &outcome) }

            var events = 0
            let mallocs0 = fc_malloc_count()
            for i in 0..<trials {
                sim.run(trial: i, into: &outcome)
                events += outcome.events
            }
            let mallocs = Double(fc_malloc_count() - mallocs0) / Double(trials)
            // Timed passes over the same trials, the fastest counts (as the floor's).
            let seconds = BenchReport.fastest {
                for i in 0..<trials { sim.run(trial: i, into: &outcome) }
            }
            let perTrial = seconds / Double(trials)
            let eventsPerTrial = Double(events) / Double(trials)
            add("engine", "\(label) reference plan: trials/s, 1 thread", 1 / perTrial, "trials/s")
            add("engine", "\(label): time per trial", perTrial * 1e6, "us")
            add("engine", "\(label): events per trial", eventsPerTrial, "events")
            add("engine", "\(label): time per event", perTrial / eventsPerTrial * 1e9, "ns")
            add("engine", "\(label): allocations per trial (warm)", mallocs, "mallocs")
            add("engine", "\(label): allocations per event (warm)", mallocs / eventsPerTrial, "mallocs")

            // Instrumented: draws per trial by kind, priced from the floor.
            sim.countsDraws = true
            var counts = [Double](repeating: 0, count: DrawKind.allCases.count)
            var seeks = 0.0
            for i in 0..<trials {
                sim.run(trial: i, into: &outcome)
                for k in counts.indices { counts[k] += Double(sim.drawCounts[k]) }
                seeks += Double(sim.seeks)
            }
            sim.countsDraws = false
            var drawSeconds = 0.0
            var draws = 0.0
            for kind in DrawKind.allCases {
                let c = counts[kind.rawValue] / Double(trials)
                guard c > 0 else { continue }
                draws += c
                drawSeconds += c * (drawCost[kind] ?? drawCost[.uniform]!) * 1e-9
                add("engine", "\(label): \(kind.name) draws per trial", c, "draws")
            }
            add("engine", "\(label): draws per trial", draws, "draws")
            add("engine", "\(label): stream seeks per trial", seeks / Double(trials), "seeks")
            add("engine", "\(label): time of the draws alone per trial", drawSeconds * 1e6, "us")
            add("engine", "\(label): overhead ratio (trial time / draw time)", perTrial / drawSeconds, "x")
            // The same with each substream's first draw priced at the floor's
            // "seek + uniform": the random numbers as the engine consumes them,
            // from a fresh counter-based substream per candidate and purpose.
            let withSeeks = drawSeconds + seeks / Double(trials) * seekCost * 1e-9
            add("engine", "\(label): time of the draws with their seeks per trial", withSeeks * 1e6, "us")
            add("engine", "\(label): overhead ratio with seeks (trial time / that)", perTrial / withSeeks, "x")
        }
    }

    // MARK: Parallel efficiency

    mutating func parallel() throws {
        let model = SimulationModel(try ScenarioLoader.load(path: root + "/Scenarios/reference-plan.yaml"))
        let trials = quick ? 1000 : 5_000
        var single = 0.0
        var counts = Set([1, 2, cores])
        if !quick { for t in [4, 8, 16] where t < cores { counts.insert(t) } }
        for threads in counts.sorted() {
            let options = RunOptions(trials: trials, seed: model.scenario.seed, threads: threads)
            let seconds = BenchReport.fastest { ForecastRunner.run(model: model, options: options) { _ in } }
            let throughput = Double(trials) / seconds
            if threads == 1 { single = throughput }
            add("parallel", "reference plan, \(threads) thread(s): trials/s", throughput, "trials/s")
            if threads > 1 {
                add("parallel", "efficiency at \(threads) threads", throughput / (Double(threads) * single), "ratio")
            }
        }
    }

    // MARK: Loading

    mutating func loading() throws {
        let path = root + "/Scenarios/reference-plan.yaml"
        let runs = quick ? 20 : 200
        var t0 = now()
        for _ in 0..<runs { _ = try ScenarioLoader.load(path: path) }
        add("load", "load and validate the reference plan", (now() - t0) / Double(runs) * 1e3, "ms")
        let scenario = try ScenarioLoader.load(path: path)
        t0 = now()
        for _ in 0..<runs { _ = SimulationModel(scenario) }
        add("load", "compile it for the engine", (now() - t0) / Double(runs) * 1e3, "ms")
    }

    // MARK: Memory, each run in its own process

    mutating func memory() throws {
        let scenario = root + "/Scenarios/reference-plan.yaml"
        let sizes = quick ? [10_000, 30_000] : [10_000, 100_000, 1_000_000]
        var first = 0.0
        for n in sizes {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            p.arguments = ["--child-memory", String(n), "--scenario", scenario]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let mib = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan
            if first == 0 { first = mib }
            add("memory", "peak RSS, reference plan, \(n) trials (own process)", mib, "MiB")
            if n != sizes[0] { add("memory", "ratio to \(sizes[0]) trials", mib / first, "x") }
        }
    }

    // MARK: Output

    func metadata() -> [(String, String)] {
        [("cores", String(cores)),
         ("swift", firstLine(["swift", "--version"]) ?? "unknown"),
         ("commit", firstLine(["git", "-C", root, "rev-parse", "--short", "HEAD"]) ?? "unknown"),
         ("mode", mode)]
    }

    func table() -> String {
        var out = "funnelcast-bench (\(metadata().map { "\($0.0): \($0.1)" }.joined(separator: ", ")))\n"
        let width = measures.map(\.name.count).max() ?? 10
        var section = ""
        for m in measures {
            if m.section != section { section = m.section; out += "\n[\(section)]\n" }
            let name = m.name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "  \(name)  \(String(format: "%12.4g", m.value)) \(m.unit)\n"
        }
        return out
    }

    func csv() -> String {
        var out = "section,measure,value,unit\r\n"
        func q(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        for (k, v) in metadata() { out += "machine,\(q(k)),\(q(v)),\r\n" }
        for m in measures { out += "\(q(m.section)),\(q(m.name)),\(String(format: "%.6g", m.value)),\(q(m.unit))\r\n" }
        return out
    }
}

/// The child process of the memory section: runs a forecast as `run` does
/// (without writing files) and prints its peak resident memory in MiB.
enum MemoryChild {
    static func run(trials: Int, scenario: String) throws {
        let model = SimulationModel(try ScenarioLoader.load(path: scenario))
        let options = RunOptions(trials: trials, seed: model.scenario.seed,
                                 threads: ProcessInfo.processInfo.activeProcessorCount)
        let (forecast, _) = ForecastRunner.forecast(model: model, options: options, keepsTrialColumns: false)
        precondition(forecast.trials == trials)
        print(String(format: "%.1f", peakResidentMiB()))
    }
}
