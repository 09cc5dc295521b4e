import Dispatch
import FunnelModel
import Simulation
import Synchronization

/// How to run a forecast.
public struct RunOptions: Sendable {
    public var trials: Int
    /// The first trial's index: the run covers `firstTrial ..< firstTrial +
    /// trials` (a shard's range, MODEL.md 20; 0 for a whole run). Trial i
    /// depends on (seed, i) alone, so a range's outcomes are those trials'
    /// outcomes in the whole run.
    public var firstTrial = 0
    public var seed: UInt64
    /// Worker threads (>= 1).
    public var threads: Int
    /// Trials per chunk: the unit of work handed to a thread. Fixed, so
    /// chunk boundaries (and so every sum) do not depend on `threads`.
    public var chunkSize: Int = 64
    /// Chunks run per wave; results merge in trial order after each wave,
    /// so memory holds at most one wave of per-trial records.
    public var chunksPerWave: Int = 64
    /// Asked before each chunk (from worker threads): once it returns true,
    /// no new chunk starts and the run returns after handing over the chunks
    /// finished in trial order, so the consumer sees fewer trials. For a
    /// signal handler's flag; nil: the run always completes.
    public var isCancelled: (@Sendable () -> Bool)? = nil

    public init(trials: Int, seed: UInt64, threads: Int) {
        self.trials = trials; self.seed = seed; self.threads = max(1, threads)
    }
}

/// One chunk of consecutive trials, as the runner hands them to a consumer
/// in trial order.
public struct TrialChunk: Sendable {
    public var firstTrial: Int
    public var outcomes: [TrialOutcome]
}

/// Runs trials in parallel with Dispatch and hands their outcomes over in
/// trial order. Trial i's outcome depends on (seed, i) alone, chunks have
/// fixed boundaries and are consumed in order, so every result is
/// bit-identical whatever the thread count. No lock on the hot path: a
/// worker takes the next chunk with one atomic increment.
public enum ForecastRunner {
    /// Simulates trials `options.firstTrial ..< options.firstTrial + options.trials`
    /// (chunks counted from the first trial; only the order in which
    /// outcomes are handed over matters, and that is trial order). `parameters(i)`, when given,
    /// sets trial i's uncertain parameters; `streamIndex(i)` picks its
    /// random streams (default: i). `progress` is called with the number of
    /// trials just finished, from worker threads.
    public static func run(
        model: SimulationModel,
        options: RunOptions,
        parameters: (@Sendable (Int) -> [Double])? = nil,
        streamIndex: (@Sendable (Int) -> Int)? = nil,
        progress: (@Sendable (Int) -> Void)? = nil,
        consume: (TrialChunk) throws -> Void
    ) rethrows {
        let chunkSize = max(1, options.chunkSize)
        let chunkCount = (options.trials + chunkSize - 1) / chunkSize
        let threads = max(1, min(options.threads, chunkCount))
        let simulators = SimulatorPool(model: model, seed: options.seed, count: threads)
        var wave = 0
        while wave * options.chunksPerWave < chunkCount {
            let first = wave * options.chunksPerWave
            let count = min(options.chunksPerWave, chunkCount - first)
            let slots = ChunkSlots(count: count)
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                let simulator = simulators[worker]
                while true {
                    if options.isCancelled?() == true { break }
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if k >= count { break }
                    let chunk = first + k
                    let lo = options.firstTrial + chunk * chunkSize
                    let hi = min(options.firstTrial + options.trials, lo + chunkSize)
                    var outcomes: [TrialOutcome] = []
                    outcomes.reserveCapacity(hi - lo)
                    var outcome = TrialOutcome(model: model)
                    for i in lo..<hi {
                        simulator.run(trial: streamIndex?(i) ?? i, parameters: parameters?(i), into: &outcome)
                        outcomes.append(outcome)
                    }
                    slots.store(k, TrialChunk(firstTrial: lo, outcomes: outcomes))
                    progress?(hi - lo)
                }
            }
            for k in 0..<count {
                // A cancelled wave has gaps: hand over what precedes the first.
                guard let chunk = slots.take(k) else { return }
                try consume(chunk)
            }
            if options.isCancelled?() == true { return }
            wave += 1
        }
    }
}

/// One simulator per worker. Each is used by one thread at a time.
private final class SimulatorPool: @unchecked Sendable {
    private let simulators: [TrialSimulator]
    init(model: SimulationModel, seed: UInt64, count: Int) {
        simulators = (0..<count).map { _ in TrialSimulator(model: model, seed: seed) }
    }
    subscript(_ i: Int) -> TrialSimulator { simulators[i] }
}

/// Result slots of one wave: slot k is written by exactly one worker, then
/// read after `concurrentPerform` returns (which orders the accesses). The
/// slots live in raw memory, not in an array property: storing into an
/// array element is a modifying access of the whole property, and two
/// workers storing at once race on it (ThreadSanitizer: "Swift access race").
private final class ChunkSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<TrialChunk?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func store(_ k: Int, _ chunk: TrialChunk) { slots[k] = chunk }
    func take(_ k: Int) -> TrialChunk? { slots[k] }
}
