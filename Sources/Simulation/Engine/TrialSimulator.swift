import FunnelModel
import Sampling

// The engine's public face: `TrialSimulator`, what the forecast runner
// and the benchmark hold, one per worker thread. It owns a `TrialEngine`
// (the state and rules, in the other files of this folder) and forwards
// to it; keeping the facade apart lets the engine stay an internal value
// type split across files by job, while the public API stays this small.

/// Runs trials of one `SimulationModel`, one at a time, reusing its
/// storage: after the first trials it allocates nothing per event.
///
/// Randomness (MODEL.md 14, 17.17): every draw comes from a stream keyed by
/// the run's seed and the trial's stream index, so a trial's result depends
/// on (seed, index) alone. Plan-level draws have their own families;
/// each candidate draw comes from the substream (requisition, candidate,
/// purpose), so changing one parameter moves the rest of the trial as
/// little as possible (common random numbers). `StreamLayout` lists them.
///
/// A `final class` because it owns GSL generators; not thread-safe: one per
/// worker thread.
public final class TrialSimulator {
    private var engine: TrialEngine

    public init(model: SimulationModel, seed: UInt64) {
        engine = TrialEngine(model: model, seed: seed)
    }

    public var model: SimulationModel { engine.model }

    /// When on, `drawCounts` tallies every random draw by kind and `seeks`
    /// every stream positioning (for the benchmark's overhead ratio). Off by
    /// default: one predictable branch per draw.
    package var countsDraws: Bool {
        get { engine.countsDraws }
        set { engine.countsDraws = newValue }
    }
    /// Draws of the last trial by kind (indexed by `DrawKind.rawValue`).
    package var drawCounts: [Int] { engine.drawCounts }
    /// Stream positionings of the last trial.
    package var seeks: Int { engine.seeks }

    /// Receives every event of the trial as the history format has it
    /// (MODEL.md 18.5), where it happens. nil (the default) records
    /// nothing and costs one predictable branch per event; a recorder
    /// changes nothing of the trial.
    public var recorder: (any TrialRecorder)? {
        get { engine.recorder }
        set { engine.recorder = newValue }
    }

    /// Simulates trial `index` into `outcome` (which must come from
    /// `TrialOutcome(model:)`). `parameters`, when given, replaces the
    /// uncertain parameters' draws (sensitivity designs); the trial's own
    /// randomness still comes from `index`.
    public func run(trial index: Int, parameters: [Double]? = nil, into outcome: inout TrialOutcome) {
        engine.run(trial: index, parameters: parameters, into: &outcome)
    }
}
