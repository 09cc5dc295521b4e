import Forecast
import FunnelModel
import Reporting

/// What a job gets from whoever runs it: the worker threads, the
/// cancellation check it polls between chunks of trials, and the progress
/// bars it draws. The command-line tool passes its signal flag as the check
/// and real bars; tests pass a check they trip themselves and silent bars.
/// The jobs know nothing of signals or terminals.
public struct JobContext {
    /// Worker threads; results do not depend on them.
    public var threads: Int
    /// True once the job should stop: it then writes nothing and says so.
    public var isCancelled: @Sendable () -> Bool
    /// A bar for `total` trials (finished by the job).
    public var progress: (_ total: Int) -> ProgressBar

    public init(threads: Int, isCancelled: @escaping @Sendable () -> Bool = { false },
                progress: @escaping (_ total: Int) -> ProgressBar = { ProgressBar(total: $0, label: "trials", enabled: false) }) {
        precondition(threads >= 1, "threads \(threads) < 1")
        self.threads = threads
        self.isCancelled = isCancelled
        self.progress = progress
    }

    /// Run options for the scenario's trials and seed, stopping once cancelled.
    func runOptions(_ scenario: Scenario) -> RunOptions {
        var options = RunOptions(trials: scenario.trials, seed: scenario.seed, threads: threads)
        options.isCancelled = isCancelled
        return options
    }
}

/// Thrown inside a job when its cancellation check said stop, with the
/// trials completed by then; the job turns it into its outcome's `Interruption`.
struct Cancelled: Error {
    var completed: Int
}
