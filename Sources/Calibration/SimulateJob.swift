import FunnelModel
import ScenarioYAML
import History
import Reporting
import Simulation

// `funnelcast simulate SCENARIO --events FILE.csv`: all of the command's
// logic (load the scenario, run one trial with the recorder, write its
// history atomically), with its errors as typed values; the CLI only
// parses and prints (issue 12).

/// What `simulate` is asked to do.
public struct SimulateRequest: Sendable {
    public var scenario: String
    public var events: String
    /// The trial whose history is written (its stream index).
    public var trial: Int
    /// nil: the scenario's seed.
    public var seed: UInt64?
    /// Dates only (`YYYY-MM-DD`), as many exports have them.
    public var datesOnly: Bool

    public init(scenario: String, events: String, trial: Int = 0, seed: UInt64? = nil, datesOnly: Bool = false) {
        self.scenario = scenario; self.events = events; self.trial = trial; self.seed = seed; self.datesOnly = datesOnly
    }
}

/// What `simulate` wrote.
public struct SimulateOutcome: Sendable {
    /// Rows written (header not counted).
    public var rows: Int
    public var candidates: Int
    public var seed: UInt64
}

/// Why `simulate` wrote nothing.
public enum SimulateError: Error, Sendable, CustomStringConvertible {
    /// The scenario has problems (each a line).
    case scenario([String])
    /// `--trial` is negative or past the stream indices (2^32).
    case badTrial(Int)
    case output(OutputError)

    public var description: String {
        switch self {
        case .scenario(let lines): return lines.joined(separator: "\n")
        case .badTrial(let k): return "trial must be from 0 to \(UInt32.max) (got \(k))"
        case .output(let e): return e.description
        }
    }
}

public enum SimulateJob {
    /// Runs trial `request.trial` and writes its history to `request.events`
    /// atomically: the old file or the whole new one, never a part.
    public static func run(_ request: SimulateRequest) throws(SimulateError) -> SimulateOutcome {
        guard request.trial >= 0 && request.trial <= Int(UInt32.max) else { throw SimulateError.badTrial(request.trial) }
        do { try AtomicFile.checkWritable(request.events) } catch { throw SimulateError.output(error) }
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: request.scenario) } catch {
            throw SimulateError.scenario(error.issues.map { "\($0)" })
        }
        let seed = request.seed ?? scenario.seed
        let events = SimulatedHistory.events(model: SimulationModel(scenario), seed: seed, trial: request.trial)
        let text = HistoryWriter.render(events, datesOnly: request.datesOnly)
        do { try AtomicFile.write(text, to: request.events) } catch { throw SimulateError.output(error) }
        let candidates = Set(events.lazy.filter { $0.kind == .applied }.map { $0.requisition + "/" + $0.candidate }).count
        return SimulateOutcome(rows: events.count, candidates: candidates, seed: seed)
    }
}
