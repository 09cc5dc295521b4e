import Foundation
import FunnelModel
import Simulation

/// What a run will cost, estimated from the compiled model before any trial
/// runs, so that a plan beyond the machine is refused at once with a reason
/// rather than after hours or an out-of-memory kill.
///
/// Estimates, not bounds: they use each rate's mean (an uncertain parameter's
/// mean over trials) and count every candidate as going through every stage.
public struct WorkEstimate: Sendable {
    /// Expected events and other steps of one trial: arrivals and the events
    /// of every stage for each expected applicant (initial pool plus the mean
    /// applicant rate over the open part of the horizon, capped at
    /// `max_applicants`), scans of the finalists waiting for a decision,
    /// freezes, and one step per day of the horizon (the weather and the
    /// work clock).
    public var eventsPerTrial: Double
    /// The requisition with the most expected events, its expected
    /// applicants per trial and its events (for messages); nil without
    /// requisitions.
    public var busiest: (name: String, applicants: Double, events: Double)?
    /// Bytes kept for the forecast: the per-trial values (percentiles need
    /// every trial), the timeline, one wave of trial outcomes, and each
    /// worker's trial state.
    public var memoryBytes: Double
    /// Bytes kept per trial (the part that grows with the trial count).
    public var bytesPerTrial: Double
    /// Whether the per-trial values grow with the trial count: true where
    /// every trial's values are kept (sensitivity, correlations); false for
    /// a forecast, which keeps them exactly up to `exactTrials` trials and
    /// then as counts whose size does not depend on the trial count.
    public var growsWithTrials: Bool

    /// Bytes of one metric's counts once past the exact trials: log buckets
    /// over seven decades at 0.1% (about 8,000 buckets in a dictionary).
    static let countedSeriesBytes = 8_000.0 * 32

    public init(model: SimulationModel, trials: Int, threads: Int, keepsTrialColumns: Bool = true,
                exactTrials: Int = ForecastBuilder.defaultExactTrials, chunkSize: Int = 64, chunksPerWave: Int = 64) {
        let scenario = model.scenario
        let horizon = model.horizon
        let days = horizon.rounded(.down) + 2
        let requisitions = scenario.requisitions
        let r = Double(requisitions.count)

        var events = days
        let freezes = scenario.budget.freezeDays == nil ? 0 : scenario.budget.freezesPerYear.fixedValue * horizon / 365
        events += freezes * (2 + r)

        var applicantsTotal = 0.0, openingsTotal = 0.0, outcomeDoubles = 0.0
        var busiest: (String, Double, Double)? = nil
        for q in requisitions {
            let open = max(0, horizon - q.opensDay)
            func expected(_ rate: Quantity, _ pool: Quantity, _ cap: Quantity?) -> Double {
                let n = Double(pool.integerValue) + rate.fixedValue * open / 7
                return cap.map { min(n, Double($0.integerValue)) } ?? n
            }
            // One process, or each sourcing channel's (MODEL.md 21.5).
            let applicants = q.sourcing.channels.isEmpty
                ? expected(q.sourcing.applicantsPerWeek, q.sourcing.initialPool, q.sourcing.maxApplicants)
                : q.sourcing.channels.reduce(0) { $0 + expected($1.applicantsPerWeek, $1.initialPool, $1.maxApplicants) }
            let stages = Double(q.stages.count)
            let passAll = q.stages.reduce(1.0) { $0 * min(1, max(0, $1.pass.fixedValue)) }
            let finalists = applicants * passAll
            let slate = Double(q.decision.slateSize.integerValue)
            // Per applicant: the arrival, then per stage at most the HR step,
            // the interviewer request and the interview, or a departure; then
            // the finalist's events. Each departure from the stages re-checks
            // the decision, which scans the finalists waiting (fewer than the slate).
            let e = 2 + applicants * (3 + 3 * stages) + applicants * min(finalists, max(0, slate - 1))
            events += e
            if busiest == nil || e > busiest!.2 { busiest = (q.name, applicants, e) }
            applicantsTotal += applicants
            let openings = Double(q.openings.integerValue)
            openingsTotal += openings
            outcomeDoubles += Double(Counter.allCases.count) + 6 * stages + 3 * openings
        }
        eventsPerTrial = events
        self.busiest = busiest.map { (name: $0.0, applicants: $0.1, events: $0.2) }

        let scopes = r + 1
        let metrics = Double(Metric.perTrial.count)
        let parameters = Double(model.uncertainPaths.count)
        // ForecastBuilder: one value per trial and per-trial metric, two
        // per-trial means per scope, fill and start times per opening (for the
        // requisition and the plan), the uncertain parameters; sorting one
        // column for its percentiles copies it.
        bytesPerTrial = 8 * (scopes * (metrics + 2) + 4 * openingsTotal + parameters + 2 * openingsTotal)
        let timeline = 8 * Double(model.weekCount) * (2 * openingsTotal + scopes)
        let wave = Double(min(trials, chunkSize * chunksPerWave)) * 8 * (outcomeDoubles + parameters)
        // Per worker: candidates and pending events, the work clock and the weather.
        let perWorker = applicantsTotal * 120 + days * 48
        growsWithTrials = keepsTrialColumns
        let kept = keepsTrialColumns ? Double(trials) : Double(min(trials, exactTrials))
        // Past the exact trials, each series (per scope and metric, and the
        // fill and start times) holds counts instead of values.
        let counted = keepsTrialColumns || trials <= exactTrials
            ? 0 : (scopes * (metrics + 2) + 2 * r + 2) * WorkEstimate.countedSeriesBytes
        memoryBytes = kept * bytesPerTrial + counted + timeline + wave + Double(max(1, threads)) * perWorker
    }
}

/// A run the limits refuse, as a typed value: which limit, what the run
/// would need, and the kind of remedy. `description` says it in words that
/// name no command-line option; a tool words the remedy with its own
/// options from `problem` and `remedy`.
public enum RunLimitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More trials than the 32-bit stream counters number.
    case tooManyTrials(Int)
    /// More requisitions than the 16-bit index of an event holds.
    case tooManyRequisitions(Int)
    /// More stages in one requisition than a candidate's 16-bit stage holds.
    case tooManyStages(requisition: String, stages: Int)
    /// Expected events per trial beyond the limit; `busiest` where one
    /// requisition has at least half of them.
    case tooManyEvents(perTrial: Double, busiest: Busiest?, limit: Double)
    /// Memory beyond the limit; `bytesPerTrial` where the need grows with
    /// the trial count (every trial's values kept), nil where it does not.
    case tooMuchMemory(bytes: Double, trials: Int, bytesPerTrial: Double?, limit: Double)
    /// An environment variable that does not parse, and its text.
    case badVariable(name: String, value: String)

    /// The requisition with most of a plan's expected events.
    public struct Busiest: Sendable, Equatable {
        public var name: String
        public var applicants: Double
    }

    /// How the refused run could be let through.
    public enum Remedy: Sendable, Equatable {
        /// Fewer trials.
        case fewerTrials
        /// Check the plan's applicant rates, or raise the event limit.
        case checkRatesOrRaiseEventLimit
        /// Fewer trials, or a higher memory limit.
        case fewerTrialsOrRaiseMemoryLimit
        /// A simpler plan, or a higher memory limit.
        case simplerPlanOrRaiseMemoryLimit
    }

    /// What is wrong: "the plan needs about 2.6e+10 events per trial (...),
    /// more than the limit of 10000000".
    public var problem: String {
        switch self {
        case .tooManyTrials(let trials):
            return "\(trials) trials are more than the engine can number (at most \(RunLimits.maxTrials))"
        case .tooManyRequisitions(let count):
            return "the plan has \(count) requisitions; the engine handles at most \(RunLimits.maxRequisitions): "
                + "split the plan into several scenario files"
        case .tooManyStages(let requisition, let stages):
            return "requisitions.\(requisition) has \(stages) stages; the engine handles at most "
                + "\(RunLimits.maxStages) per requisition"
        case .tooManyEvents(let perTrial, let busiest, let limit):
            let why = busiest.map {
                " (requisitions.\($0.name): about \(RunLimits.format($0.applicants)) applicants over the horizon)"
            } ?? ""
            return "the plan needs about \(RunLimits.format(perTrial)) events per trial\(why), more than the "
                + "limit of \(RunLimits.formatLimit(limit))"
        case .tooMuchMemory(let bytes, let trials, let bytesPerTrial, let limit):
            let what = bytesPerTrial.map {
                "\(trials) trials keep about \(RunLimits.formatBytes($0)) each, plus the timeline and the trials in progress"
            } ?? "the per-trial values, the timeline and the trials in progress"
            return "the run needs about \(RunLimits.formatBytes(bytes)) of memory (\(what)), more "
                + "than the limit of \(RunLimits.formatBytes(limit))"
        case .badVariable(let name, let value):
            let expected = name == RunLimits.eventsVariable ? "a whole number of events such as 50000000 or 5e7"
                                                            : "a size such as 8G, 512M or 2000000000 (bytes)"
            return "\(name) must be \(expected) (got \(value))"
        }
    }

    /// The kind of remedy, where the message gives one after `problem`.
    public var remedy: Remedy? {
        switch self {
        case .tooManyTrials: return .fewerTrials
        case .tooManyEvents: return .checkRatesOrRaiseEventLimit
        case .tooMuchMemory(_, _, let bytesPerTrial, _):
            return bytesPerTrial == nil ? .simplerPlanOrRaiseMemoryLimit : .fewerTrialsOrRaiseMemoryLimit
        case .tooManyRequisitions, .tooManyStages, .badVariable: return nil
        }
    }

    /// The whole message (`description`).
    public var message: String { description }

    public var description: String {
        guard let remedy else { return problem }
        switch remedy {
        case .fewerTrials: return problem + "; lower the trial count"
        case .checkRatesOrRaiseEventLimit:
            return problem + "; check the applicant rates, the horizon and max_applicants, or raise the limit "
                + "(\(RunLimits.eventsVariable))"
        case .fewerTrialsOrRaiseMemoryLimit:
            return problem + "; lower the trial count, or raise the limit (\(RunLimits.memoryVariable))"
        case .simplerPlanOrRaiseMemoryLimit:
            return problem + "; simplify the plan, or raise the limit (\(RunLimits.memoryVariable))"
        }
    }
}

/// The most work a run may ask of the machine, checked before any trial
/// runs (`check`). Two limits can be changed: events per trial (time, and
/// the memory of one trial) and memory (the per-trial values the forecast
/// keeps grow with the trial count); the others are fixed by the engine's
/// data layout.
public struct RunLimits: Sendable, Equatable {
    /// The most expected events in one trial (`WorkEstimate.eventsPerTrial`).
    public var maxEventsPerTrial: Double
    /// The most memory a run may need (`WorkEstimate.memoryBytes`), in bytes.
    public var maxMemoryBytes: Double

    /// Events are recorded with a 16-bit requisition index.
    public static let maxRequisitions = Int(UInt16.max)
    /// Candidates record their stage in 16 bits.
    public static let maxStages = Int(Int16.max)
    /// Trials are numbered with 32-bit stream counters; beyond, streams would repeat.
    public static let maxTrials = Int(Int32.max)

    /// 10 million events: a few seconds of one core per trial.
    public static let defaultMaxEventsPerTrial = 10_000_000.0
    /// The variables that change the defaults.
    public static let eventsVariable = "FUNNELCAST_MAX_EVENTS"
    public static let memoryVariable = "FUNNELCAST_MAX_MEMORY"

    /// Half of this machine's physical memory.
    public static var defaultMaxMemoryBytes: Double { Double(ProcessInfo.processInfo.physicalMemory) / 2 }

    public init(maxEventsPerTrial: Double = RunLimits.defaultMaxEventsPerTrial,
                maxMemoryBytes: Double = RunLimits.defaultMaxMemoryBytes) {
        self.maxEventsPerTrial = maxEventsPerTrial
        self.maxMemoryBytes = maxMemoryBytes
    }

    /// The defaults, changed by `FUNNELCAST_MAX_EVENTS` (a number) and
    /// `FUNNELCAST_MAX_MEMORY` (a size such as `8G`); a variable that does
    /// not parse is an error naming it.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(RunLimitError) -> RunLimits {
        var limits = RunLimits()
        if let text = environment[eventsVariable] {
            guard let v = parseCount(text) else { throw .badVariable(name: eventsVariable, value: text) }
            limits.maxEventsPerTrial = v
        }
        if let text = environment[memoryVariable] {
            guard let v = parseSize(text) else { throw .badVariable(name: memoryVariable, value: text) }
            limits.maxMemoryBytes = v
        }
        return limits
    }

    /// A positive count: digits, or a number such as `5e7`.
    public static func parseCount(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        guard let v = Double(t), v.isFinite, v >= 1 else { return nil }
        return v.rounded(.down)
    }

    /// A positive size in bytes: a number with an optional suffix K, M, G or
    /// T (powers of 1024, an optional trailing `B` or `iB`); a bare number is bytes.
    public static func parseSize(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where t.hasSuffix(suffix) && t.count > suffix.count {
            t.removeLast(suffix.count)
            break
        }
        var factor = 1.0
        if let last = t.last, let power = ["K": 1.0, "M": 2.0, "G": 3.0, "T": 4.0][String(last)] {
            factor = Foundation.pow(1024, power)
            t.removeLast()
        }
        guard let v = Double(t), v.isFinite, v > 0 else { return nil }
        return v * factor
    }

    /// Throws where a run of `trials` trials on `threads` threads would go
    /// beyond a limit; the error says what the run needs, the limit, and
    /// what would change it. Nothing is allocated for the run.
    /// `keepsTrialColumns` as in `ForecastBuilder`: false for a forecast,
    /// whose memory stops growing past the exact trials.
    public func check(model: SimulationModel, trials: Int, threads: Int,
                      keepsTrialColumns: Bool = true) throws(RunLimitError) {
        let scenario = model.scenario
        guard trials <= RunLimits.maxTrials else { throw .tooManyTrials(trials) }
        guard scenario.requisitions.count <= RunLimits.maxRequisitions else {
            throw .tooManyRequisitions(scenario.requisitions.count)
        }
        if let wide = scenario.requisitions.first(where: { $0.stages.count > RunLimits.maxStages }) {
            throw .tooManyStages(requisition: wide.name, stages: wide.stages.count)
        }
        let estimate = WorkEstimate(model: model, trials: trials, threads: threads, keepsTrialColumns: keepsTrialColumns)
        if !(estimate.eventsPerTrial <= maxEventsPerTrial) {
            let busiest = estimate.busiest.flatMap {
                $0.events >= estimate.eventsPerTrial / 2 ? RunLimitError.Busiest(name: $0.name, applicants: $0.applicants) : nil
            }
            throw .tooManyEvents(perTrial: estimate.eventsPerTrial, busiest: busiest, limit: maxEventsPerTrial)
        }
        if !(estimate.memoryBytes <= maxMemoryBytes) {
            throw .tooMuchMemory(bytes: estimate.memoryBytes, trials: trials,
                                 bytesPerTrial: estimate.growsWithTrials ? estimate.bytesPerTrial : nil, limit: maxMemoryBytes)
        }
    }

    /// A count for messages: whole below a million, else two significant decimals ("3.4e+08").
    static func format(_ v: Double) -> String {
        if v.isFinite, v < 1e6 { return String(Int(v.rounded())) }
        return String(format: "%.2g", v)
    }

    /// A limit for messages: digits, as it would be written on the command line.
    static func formatLimit(_ v: Double) -> String {
        v.isFinite && v < 1e15 ? String(Int(v)) : format(v)
    }

    /// Bytes for messages: "512 MB", "3.2 GB" (powers of 1024).
    public static func formatBytes(_ v: Double) -> String {
        guard v.isFinite else { return "an unbounded amount" }
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var x = v, i = 0
        while x >= 1024 && i < units.count - 1 { x /= 1024; i += 1 }
        if i == 0 { return "\(Int(x)) bytes" }
        if x >= 1e4 { return String(format: "%.2g", x) + " " + units[i] }
        return (x >= 100 ? "\(Int(x.rounded()))" : String(format: "%.1f", x)) + " " + units[i]
    }
}
