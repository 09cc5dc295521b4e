// A child process run from a test, with its standard output and standard
// error read to their ends at the same time.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process left behind: its exit status (or the
/// signal's number, for a child a signal ended) and what it wrote.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the child ran past the time limit given to `finish` and was killed.
    public var timedOut: Bool

    public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
    }
}

/// A started child process whose two output pipes are each drained by a
/// thread of their own from the moment it starts.
///
/// Why: a pipe holds 64 KiB. A parent that reads stdout to its end before it
/// reads stderr deadlocks with a child that fills stderr first (the child
/// waits for room in stderr, the parent for the end of stdout). Reading both
/// at once, as here, never blocks the child.
///
/// A `final class` because it owns the running process; `finish` once, from
/// one thread.
public final class RunningProcess: @unchecked Sendable {
    private let process: Process
    private let stdoutReader: PipeReader
    private let stderrReader: PipeReader?

    /// The child's process id (to send it a signal).
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Starts `executable` with `arguments`.
    ///
    /// - Parameters:
    ///   - directory: the child's working directory (default: this process's).
    ///   - environment: variables set on top of this process's environment.
    ///   - mergingStandardError: stderr goes into the same pipe as stdout
    ///     (the output's `stderr` is then empty), for a caller that wants
    ///     the two interleaved as a terminal shows them.
    public init(executable: URL, arguments: [String], directory: URL? = nil,
                environment: [String: String]? = nil, mergingStandardError: Bool = false) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        process.standardOutput = out
        let err = mergingStandardError ? nil : Pipe()
        process.standardError = err ?? out
        try process.run()
        stdoutReader = PipeReader(out.fileHandleForReading)
        stderrReader = err.map { PipeReader($0.fileHandleForReading) }
    }

    /// Waits for the child to exit and for both pipes to reach their end.
    ///
    /// - Parameter timeout: seconds to wait at most; past them the child is
    ///   killed (SIGKILL) and the output says `timedOut`. `nil`: no limit.
    public func finish(timeout: Double? = nil) -> ProcessOutput {
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        let out = stdoutReader.wait()
        let err = stderrReader?.wait() ?? Data()
        return ProcessOutput(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: err, as: UTF8.self), timedOut: timedOut)
    }
}

/// Runs child processes to their end.
public enum ProcessRunner {
    /// Starts `executable` (see `RunningProcess.init`) and waits for it
    /// (see `RunningProcess.finish`).
    public static func run(_ executable: URL, _ arguments: [String], directory: URL? = nil,
                           environment: [String: String]? = nil, mergingStandardError: Bool = false,
                           timeout: Double? = nil) throws -> ProcessOutput {
        try RunningProcess(executable: executable, arguments: arguments, directory: directory,
                           environment: environment, mergingStandardError: mergingStandardError)
            .finish(timeout: timeout)
    }
}

/// Reads one file handle to its end on a thread of its own; `wait` returns
/// the bytes once the end is reached. The condition's lock orders the
/// reading thread's write before the waiting thread's read.
private final class PipeReader: @unchecked Sendable {
    private let handle: FileHandle
    private let condition = NSCondition()
    private var data: Data?

    init(_ handle: FileHandle) {
        self.handle = handle
        let thread = Thread { [self] in
            let read = self.handle.readDataToEndOfFile()
            condition.lock()
            data = read
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data!
    }
}
