import Forecast
import Foundation
import Simulation

/// The run limits as a command asks for them: the defaults, then the
/// environment (`FUNNELCAST_MAX_EVENTS`, `FUNNELCAST_MAX_MEMORY`), then
/// values given explicitly (the tool's options, already parsed). The
/// environment is an argument, so tests resolve limits from a dictionary.
public struct LimitSettings: Sendable, Equatable {
    /// Events per trial given explicitly, or nil for the environment's or the default.
    public var maxEventsPerTrial: Double?
    /// Memory in bytes given explicitly, or nil.
    public var maxMemoryBytes: Double?

    public init(maxEventsPerTrial: Double? = nil, maxMemoryBytes: Double? = nil) {
        self.maxEventsPerTrial = maxEventsPerTrial
        self.maxMemoryBytes = maxMemoryBytes
    }

    /// The limits in force; a variable that does not parse is an error naming it.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(RunLimitError) -> RunLimits {
        var limits = try RunLimits.fromEnvironment(environment)
        if let maxEventsPerTrial { limits.maxEventsPerTrial = maxEventsPerTrial }
        if let maxMemoryBytes { limits.maxMemoryBytes = maxMemoryBytes }
        return limits
    }
}

extension RunLimits {
    /// `check`, with the error as a `JobError`.
    func checkJob(_ model: SimulationModel, trials: Int, threads: Int, keepsTrialColumns: Bool) throws(JobError) {
        do { try check(model: model, trials: trials, threads: threads, keepsTrialColumns: keepsTrialColumns) } catch {
            throw .limits(error)
        }
    }
}
