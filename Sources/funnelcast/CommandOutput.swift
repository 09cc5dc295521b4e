import ArgumentParser
import Forecast
import Reporting

/// `--out DIR`, created and checked before any work.
func outputDirectory(_ path: String?) throws -> OutputDirectory? {
    do { return try path.map { try OutputDirectory(path: $0) } } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
}

/// Runs `body`; a library error becomes one line on stderr and exit code 1,
/// and a run stopped by SIGINT or SIGTERM says so and exits with 128 + the
/// signal's number, with nothing written.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SensitivityError {
        try exitIfInterrupted()
        printError("\(error)"); throw ExitCode(1)
    } catch let error as OutputError {
        try exitIfInterrupted()
        printError("\(error)"); throw ExitCode(1)
    }
}

/// Exits with the interrupt's status where SIGINT or SIGTERM was caught.
func exitIfInterrupted() throws {
    guard let signal = Interrupts.caught else { return }
    printError("interrupted by \(Interrupts.name(signal)) before the run finished: nothing written")
    throw ExitCode(128 + signal)
}
