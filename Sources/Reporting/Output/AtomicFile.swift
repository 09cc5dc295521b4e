#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that could not be written: which, and why.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the caller gave it (or the directory that failed).
    public var path: String
    /// What went wrong, with the system's text for the error.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// Whole-file writes that readers never see half done.
public enum AtomicFile {
    /// Writes `text` (UTF-8, no BOM) to a temporary file in the same
    /// directory, fsyncs it, then renames it over `path`: readers see the old
    /// file or the new one, never a partial one. Missing parent directories
    /// are created. On failure the temporary file is removed and an
    /// `OutputError` names the path and the reason (the system's errno text).
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try prepare(text, for: path).commit()
    }

    /// The first half of `write`: `text` written in full and fsynced to a
    /// temporary file beside `path`, which `commit()` renames over `path`.
    /// Several files prepared first and committed together leave their
    /// targets all old or all new unless a rename itself fails.
    public static func prepare(_ text: String, for path: String) throws(OutputError) -> PendingFile {
        precondition(!path.isEmpty, "empty output path")
        let (directory, name) = split(path)
        guard !name.isEmpty else { throw OutputError(path: path, reason: "the path names a directory, not a file") }
        try makeDirectories(directory, for: path)

        let temporary = (directory.map { $0 == "/" ? "/" : $0 + "/" } ?? "")
            + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(path, "cannot create a temporary file beside it") }

        var error: OutputError? = nil
        if !POSIX.writeAll(fd, text) { error = failure(path, "write failed") }
        if error == nil && fsync(fd) != 0 { error = failure(path, "fsync failed") }
        if close(fd) != 0 && error == nil { error = failure(path, "close failed") }
        if let error {
            unlink(temporary)
            throw error
        }
        return PendingFile(path: path, temporary: temporary, directory: directory ?? ".")
    }

    /// Checks, before any long work, that `path` can be written: it names a
    /// file, not a directory, and its directory exists (created here if
    /// missing) and is writable. `write` may still fail later (a full disk).
    public static func checkWritable(_ path: String) throws(OutputError) {
        precondition(!path.isEmpty, "empty output path")
        let (directory, name) = split(path)
        guard !name.isEmpty else { throw OutputError(path: path, reason: "the path names a directory, not a file") }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError(path: path, reason: "is a directory; give a file name")
        }
        try makeDirectories(directory, for: path)
        guard access(directory ?? ".", W_OK) == 0 else {
            throw failure(path, "cannot write in \(directory ?? ".")")
        }
    }

    /// The directory part (nil for a bare file name) and the file name.
    static func split(_ path: String) -> (directory: String?, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (nil, path) }
        let name = String(path[path.index(after: slash)...])
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        return (directory, name)
    }

    /// `mkdir -p directory`; errors name `path`, the file being written.
    static func makeDirectories(_ directory: String?, for path: String) throws(OutputError) {
        guard let directory, directory != "/", directory != "." else { return }
        var info = stat()
        if stat(directory, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputError(path: path, reason: "\(directory) exists and is not a directory")
            }
            return
        }
        let (parent, _) = split(directory)
        try makeDirectories(parent, for: path)
        if mkdir(directory, 0o777) != 0 && errno != EEXIST {
            throw failure(path, "cannot create directory \(directory)")
        }
    }

    static func failure(_ path: String, _ what: String) -> OutputError {
        let code = errno
        var reason = "\(what): \(String(cString: strerror(code)))"
        if code == ENOSPC || code == EFBIG || code == EDQUOT {
            reason += " (the disk is full, or a quota or file size limit was reached)"
        }
        return OutputError(path: path, reason: reason)
    }
}

/// A file written in full beside its target, waiting to be renamed over it
/// (`AtomicFile.prepare`). Dropped without `commit()`, it removes its
/// temporary file and leaves the target as it was.
///
/// A `final class` because it owns the temporary file.
public final class PendingFile {
    /// The target.
    public let path: String
    let temporary: String
    let directory: String
    private var settled = false

    init(path: String, temporary: String, directory: String) {
        self.path = path; self.temporary = temporary; self.directory = directory
    }

    deinit { abandon() }

    /// Renames the temporary file over `path`, then syncs the directory so
    /// the rename itself is durable.
    public func commit() throws(OutputError) {
        guard !settled else { return }
        settled = true
        guard rename(temporary, path) == 0 else {
            let error = AtomicFile.failure(path, "rename failed")
            unlink(temporary)
            throw error
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// Removes the temporary file; the target is left as it was. Idempotent.
    public func abandon() {
        guard !settled else { return }
        settled = true
        unlink(temporary)
    }
}

