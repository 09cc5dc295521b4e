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
        if error == nil && rename(temporary, path) != 0 { error = failure(path, "rename failed") }
        if let error {
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable; the file is complete either way.
        let directoryFD = open(directory ?? ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
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

    private static func failure(_ path: String, _ what: String) -> OutputError {
        let code = errno
        return OutputError(path: path, reason: "\(what): \(String(cString: strerror(code)))")
    }
}

