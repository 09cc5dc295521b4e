/// What a job did: the files it wrote, the text the tool prints (the
/// forecast, a sensitivity or comparison table), and, where it was
/// cancelled, how far it got and what it left unwritten.
public struct JobOutcome: Sendable, Equatable {
    /// The paths written, in the order they were committed.
    public var written: [String] = []
    /// The job's report for the terminal ("" for a job that only writes).
    public var text = ""
    /// Set where the cancellation check stopped the job.
    public var interruption: Interruption?

    public init(written: [String] = [], text: String = "", interruption: Interruption? = nil) {
        self.written = written
        self.text = text
        self.interruption = interruption
    }
}

/// Where a cancelled job stopped, said so that the user knows what is on
/// disk: the description completes "interrupted by SIGINT ...".
public enum Interruption: Sendable, Equatable, CustomStringConvertible {
    /// During the trials of a run: `completed` of `total` done; `notWritten`
    /// says which files were not written and that the old ones are intact.
    case duringTrials(completed: Int, total: Int, notWritten: String)
    /// Before an analysis finished: it writes all or nothing, so nothing.
    case beforeFinish
    /// After every output was committed, before the report was printed.
    case afterCommit

    public var description: String {
        switch self {
        case .duringTrials(let completed, let total, let notWritten):
            return "after \(completed) of \(total) trials: \(notWritten)"
        case .beforeFinish: return "before the run finished: nothing written"
        case .afterCommit: return "after the outputs were written; the report was not printed"
        }
    }
}
