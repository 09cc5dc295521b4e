import ArgumentParser
import Jobs

/// Runs `body` before any work (a job's `prepare`): an error becomes one
/// line on stderr and exit status 1 (64 where an option's value is wrong).
func refusing<T>(_ body: () throws(JobError) -> T) throws -> T {
    do { return try body() } catch {
        printError(error.commandLineText); throw ExitCode(error.isBadOption ? 64 : 1)
    }
}

/// Runs a job's `run`: a library error becomes one line on stderr and exit
/// status 1, unless SIGINT or SIGTERM was caught, which is said instead
/// (`exitIfInterrupted`).
func reportingErrors<T>(_ body: () throws(JobError) -> T) throws -> T {
    do { return try body() } catch {
        try exitIfInterrupted()
        printError(error.commandLineText); throw ExitCode(error.isBadOption ? 64 : 1)
    }
}

/// Exits with the interrupt's status where SIGINT or SIGTERM was caught.
func exitIfInterrupted() throws {
    guard Interrupts.caught != nil else { return }
    try exit(.beforeFinish)
}

/// Says where a job stopped ("interrupted by SIGINT after 120 of 1000
/// trials: ...") and exits with 128 + the signal's number.
func exit(_ interruption: Interruption) throws -> Never {
    let signal = Interrupts.caught ?? 2
    printError("interrupted by \(Interrupts.name(signal)) \(interruption)")
    throw ExitCode(128 + signal)
}

/// Prints a job's text and the files it wrote (unless quiet), or, where it
/// was cancelled, says so and exits.
func finish(_ outcome: JobOutcome, quiet: Bool) throws {
    if let interruption = outcome.interruption { try exit(interruption) }
    guard !quiet else { return }
    print(outcome.text, terminator: "")
    if !outcome.written.isEmpty { print("Wrote " + outcome.written.joined(separator: ", ")) }
}
