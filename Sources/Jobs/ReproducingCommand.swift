import FunnelModel

/// The command line that gives a scenario's numbers again, as the HTML
/// report's header prints it: shared by the tool and by the jobs that write
/// a report for it (`funnelcast merge` of `run`'s parts).
public enum ReproducingCommand {
    /// `funnelcast COMMAND FILE --trials N --seed S`, the file quoted unless plain.
    public static func text(_ command: String, file: String, _ scenario: Scenario) -> String {
        "funnelcast \(command) \(quoted(file)) --trials \(scenario.trials) --seed \(scenario.seed)"
    }

    /// A path as a shell reads it: bare where it is safe, else in single quotes.
    public static func quoted(_ file: String) -> String {
        file.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? file : "'\(file)'"
    }
}
