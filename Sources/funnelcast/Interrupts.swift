import CSignals

/// SIGINT and SIGTERM during a run: a C handler (CSignals) sets a flag, all
/// a signal handler may safely do; the flag is the jobs' cancellation check
/// (`ForecastOptions.context`), so a job stops taking chunks of trials,
/// removes its temporary files and says what it left, and the tool exits
/// with the conventional status, 128 + the signal's number (130, 143).
enum Interrupts {
    /// Installs the handler; also makes a write past a file size limit fail
    /// (EFBIG) rather than kill the process (SIGXFSZ).
    static func install() { _ = fc_signals_install() }

    /// The first signal caught, or nil.
    static var caught: Int32? {
        let s = fc_signals_caught()
        return s == 0 ? nil : s
    }

    static func name(_ signal: Int32) -> String {
        switch signal {
        case 2: return "SIGINT"
        case 15: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
