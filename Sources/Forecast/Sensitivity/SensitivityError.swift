/// Input a sensitivity analysis or a comparison cannot work with: an unknown
/// metric, scope or intervention, a pattern that matches nothing, a change
/// that cannot be applied. `description` is one line saying what was wrong
/// and what would be right.
public struct SensitivityError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    /// The error is in a command-line option's value (an unknown metric,
    /// scope, intervention or parameter pattern; a swing out of range): the
    /// tool exits with status 64, not 1.
    public var isBadOption: Bool

    public init(_ description: String, badOption: Bool = false) {
        self.description = description
        isBadOption = badOption
    }

    /// The run was cancelled (`RunOptions.isCancelled`) before it finished:
    /// no result, since a part of the trials would not be comparable.
    public static let interrupted = SensitivityError("the run was interrupted before it finished")
}
