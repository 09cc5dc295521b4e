#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that readers never see half done, and the one way every
/// writer of the package writes a file (whole texts, streamed CSV rows, the
/// HTML report, a shard's binary part): the text goes to a temporary file beside the target,
/// created with `O_EXCL` so no other file is ever reused, then `finish()`
/// flushes and fsyncs it, and `commit()` renames it over the target and
/// fsyncs the directory so that the rename itself is durable. Until then the
/// target is as it was; `abandon()` (or dropping the value) removes the
/// temporary file. Several files finished first and committed together leave
/// their targets all old or all new unless a rename itself fails.
///
/// A `final class` because it owns the temporary file and its descriptor.
public final class AtomicFile {
    /// The target.
    public let path: String
    /// The temporary file beside it: `.NAME.tmp-PID-RANDOM`.
    let temporary: String
    private let directory: String
    private var descriptor: Int32?
    private var buffer: [UInt8] = []
    private var state = State.writing

    private enum State { case writing, finished, settled }

    /// Bytes kept before a write(2): rows of a stream go out in blocks.
    static let bufferSize = 64 * 1024

    /// Creates the temporary file beside `path` (and any missing parent
    /// directory). Throws where the path names a directory or the file
    /// cannot be created.
    public init(path: String) throws(OutputError) {
        precondition(!path.isEmpty, "empty output path")
        let (directory, name) = OutputPath.split(path)
        guard !name.isEmpty else { throw OutputError(path: path, problem: .namesDirectory) }
        try OutputPath.makeDirectories(directory, for: path)
        (descriptor, temporary) = try AtomicFile.createTemporary(
            (directory.map { $0 == "/" ? "/" : $0 + "/" } ?? "") + ".\(name).tmp-\(getpid())-", for: path)
        self.path = path
        self.directory = directory ?? "."
    }

    deinit { abandon() }

    /// A new file named `prefix` and a random number, opened with `O_EXCL`.
    private static func createTemporary(_ prefix: String, for path: String) throws(OutputError) -> (Int32, String) {
        for _ in 0..<8 {
            let candidate = prefix + String(UInt32.random(in: 0...UInt32.max))
            do {
                return (try Syscall.openFile(candidate, O_WRONLY | O_CREAT | O_EXCL), candidate)
            } catch where error == .fileExists {
                continue  // another writer's temporary: draw another name
            } catch {
                throw OutputError(path: path, problem: .failed(.createTemporary, error))
            }
        }
        throw OutputError(path: path, problem: .failed(.createTemporary, .fileExists))
    }

    /// Appends `text` (UTF-8). On failure the temporary file is removed.
    public func append(_ text: String) throws(OutputError) {
        guard state == .writing else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= AtomicFile.bufferSize { try flush() }
    }

    /// Appends `bytes` as they are (a binary file: a shard's part).
    public func append(bytes: [UInt8]) throws(OutputError) {
        guard state == .writing else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= AtomicFile.bufferSize { try flush() }
    }

    private func flush() throws(OutputError) {
        guard let fd = descriptor, !buffer.isEmpty else { return }
        let result: Errno? = buffer.withUnsafeBytes { bytes in
            do throws(Errno) { try Syscall.writeAll(fd, bytes); return nil } catch { return error }
        }
        buffer.removeAll(keepingCapacity: true)
        if let result { throw fail(.write, result) }
    }

    /// Writes what is buffered, fsyncs and closes the temporary file: it is
    /// complete, and `commit()` only renames it. Idempotent.
    public func finish() throws(OutputError) {
        guard state == .writing, let fd = descriptor else { return }
        try flush()
        do { try Syscall.sync(fd) } catch { throw fail(.fsync, error) }
        descriptor = nil
        do { try Syscall.closeFile(fd) } catch { throw fail(.close, error) }
        state = .finished
    }

    /// Finishes the file if needed, renames it over `path`, then fsyncs the
    /// directory. Idempotent once it succeeded.
    public func commit() throws(OutputError) {
        try finish()
        guard state == .finished else { return }
        state = .settled
        do { try Syscall.renameFile(temporary, to: path) } catch {
            Syscall.removeFile(temporary)
            throw OutputError(path: path, problem: .failed(.rename, error))
        }
        Syscall.syncDirectory(directory)
    }

    /// Removes the temporary file; the target is left as it was. Idempotent,
    /// and nothing once committed.
    public func abandon() {
        guard state != .settled else { return }
        state = .settled
        if let fd = descriptor { _ = try? Syscall.closeFile(fd); descriptor = nil }
        Syscall.removeFile(temporary)
    }

    /// Abandons the file and returns the error of `step`.
    private func fail(_ step: OutputError.Step, _ error: Errno) -> OutputError {
        abandon()
        return OutputError(path: path, problem: .failed(step, error))
    }

    /// Writes `text` to `path` atomically: `prepare`, then `commit`.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try prepare(text, for: path).commit()
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(bytes: [UInt8], to path: String) throws(OutputError) {
        let file = try AtomicFile(path: path)
        try file.append(bytes: bytes)
        try file.commit()
    }

    /// `text` written in full and fsynced beside `path`, waiting for `commit()`.
    public static func prepare(_ text: String, for path: String) throws(OutputError) -> AtomicFile {
        let file = try AtomicFile(path: path)
        try file.append(text)
        try file.finish()
        return file
    }
}
