import Forecast
import Reporting

/// Why a job did not finish, as a typed value: an output that could not be
/// written, a run beyond the limits, an analysis that refused its inputs,
/// or a combination of outputs that cannot work. No command-line flag is
/// named here; the tool words its own options (`--trials-csv needs --out`).
public enum JobError: Error, CustomStringConvertible {
    case output(OutputError)
    case limits(RunLimitError)
    case analysis(SensitivityError)
    /// `plan` refused its lever, metric or target (a bad option).
    case plan(PlanError)
    /// A stream of every trial's values was asked for without a directory to write it in.
    case trialsNeedOutputDirectory
    /// Correlations asked of a scenario without uncertain parameters.
    case noUncertainParameters

    /// The error is in a command-line option's value (exit status 64).
    public var isBadOption: Bool {
        if case .analysis(let e) = self { return e.isBadOption }
        // A lever, metric or target the scenario cannot take is a bad option.
        if case .plan = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .output(let e): return e.description
        case .limits(let e): return e.description
        case .analysis(let e): return e.description
        case .plan(let e): return e.description
        case .trialsNeedOutputDirectory: return "trials.csv needs an output directory"
        case .noUncertainParameters:
            return "the scenario has no uncertain parameters (distributions on probabilities, rates or costs) to correlate"
        }
    }
}
