import Forecast
import Jobs

/// The run limits' refusals in the tool's words: the library says what is
/// wrong and the kind of remedy (`RunLimitError.remedy`); the remedy is
/// worded here with the options that apply it.
extension RunLimitError {
    var commandLineText: String {
        guard let remedy else { return problem }
        let memory = "raise the limit with --max-memory SIZE (or \(RunLimits.memoryVariable))"
        switch remedy {
        case .fewerTrials: return problem + "; lower --trials"
        case .checkRatesOrRaiseEventLimit:
            return problem + "; check the applicant rates, the horizon and max_applicants, or raise the limit with "
                + "--max-events N (or \(RunLimits.eventsVariable))"
        case .fewerTrialsOrRaiseMemoryLimit: return problem + "; lower --trials, or " + memory
        case .simplerPlanOrRaiseMemoryLimit: return problem + "; simplify the plan, or " + memory
        }
    }
}

extension JobError {
    /// The one line the tool prints for a job's error.
    var commandLineText: String {
        if case .limits(let error) = self { return error.commandLineText }
        return description
    }
}
