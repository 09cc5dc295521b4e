import FunnelModel
import History
import Simulation

/// Why an as-of forecast (MODEL.md 19) cannot be made: one line.
public enum AsOfForecastError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The state holds something the engine cannot start from yet: D after
    /// the plan's start, or a history with events before D (the engine's
    /// start from an `AsOfState`, issue 13 point 1, is not built yet).
    case notYetSupported(asOf: String, what: String)

    public var description: String {
        switch self {
        case .notYetSupported(let d, let what):
            return "--as-of \(d): forecasting from \(what) is not supported yet (only the plan's start with an empty history)"
        }
    }
}

/// The library entry point of an as-of forecast (MODEL.md 19), for `run
/// --as-of` and `backtest`: the forecast of `scenario` with every trial
/// started from `state`.
///
/// Today it covers the one state the plain engine already starts from:
/// D at the plan's start with nothing in the history before it, where the
/// as-of forecast is the plain forecast byte for byte (MODEL.md 19's first
/// consistency check). Any other state throws `notYetSupported`, so a
/// caller never gets a plain forecast in place of an as-of one.
public enum AsOfForecast {
    /// Runs `trials` trials from `state` with `seed` on `threads` threads.
    /// Bit-identical for any `threads` (it runs `ForecastRunner`'s fixed chunks).
    public static func forecast(scenario: Scenario, state: AsOfState,
                                trials: Int, seed: UInt64, threads: Int) throws(AsOfForecastError) -> Forecast {
        if let what = unsupported(state) {
            throw .notYetSupported(asOf: state.instant.description, what: what)
        }
        let model = SimulationModel(scenario)
        let options = RunOptions(trials: trials, seed: seed, threads: threads)
        return ForecastRunner.forecast(model: model, options: options, keepsTrialColumns: false).0
    }

    /// What in `state` the engine cannot start from yet (nil: nothing).
    static func unsupported(_ state: AsOfState) -> String? {
        if state.asOf > 0 { return "an instant after the plan's start" }
        if !state.freezes.isEmpty { return "a history with freezes before D" }
        for r in state.requisitions
        where r.opened != nil || r.approved != nil || r.cancelled != nil || r.candidatesSeen > 0 || r.accepted > 0 {
            return "a history with events of '\(r.name)' before D"
        }
        return nil
    }
}
