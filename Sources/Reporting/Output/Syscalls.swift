#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls the output side makes, each once, each turning a failure
/// into a thrown `Errno` (as swift-system's `Internals/Syscalls.swift` and
/// `Util.swift` do): no caller reads `errno` itself, and EINTR is retried
/// here. Everything above this file works with typed errors only.
enum Syscall {
    /// Runs `call` until it does not fail with EINTR; a negative result
    /// throws the `errno` it left.
    private static func retrying<T: FixedWidthInteger>(_ call: () -> T) throws(Errno) -> T {
        while true {
            let result = call()
            if result >= 0 { return result }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }

    /// `open(2)`: a new descriptor, close-on-exec.
    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0o666) throws(Errno) -> Int32 {
        try retrying { open(path, flags | O_CLOEXEC, mode) }
    }

    /// Writes every byte, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let n = try retrying { write(fd, bytes.baseAddress! + offset, bytes.count - offset) }
            offset += n
        }
    }

    /// Writes all of `text` (UTF-8).
    static func writeAll(_ fd: Int32, _ text: String) throws(Errno) {
        var text = text
        let result: Errno? = text.withUTF8 { utf8 in
            do throws(Errno) { try writeAll(fd, UnsafeRawBufferPointer(utf8)); return nil } catch { return error }
        }
        if let result { throw result }
    }

    static func sync(_ fd: Int32) throws(Errno) { _ = try retrying { fsync(fd) } }

    /// `close(2)`, not retried: after EINTR the descriptor is gone on Linux.
    static func closeFile(_ fd: Int32) throws(Errno) {
        if close(fd) != 0 { throw Errno.current }
    }

    static func renameFile(_ from: String, to: String) throws(Errno) { _ = try retrying { rename(from, to) } }

    /// `unlink(2)`, best effort: used to clean up, where a failure changes nothing.
    static func removeFile(_ path: String) { _ = unlink(path) }

    static func makeDirectory(_ path: String, mode: mode_t = 0o777) throws(Errno) { _ = try retrying { mkdir(path, mode) } }

    /// `access(2)` with `W_OK`.
    static func checkWritable(_ path: String) throws(Errno) { _ = try retrying { access(path, W_OK) } }

    /// What is at `path`: nil where nothing is, else whether it is a directory.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// fsyncs a directory, so that a rename in it is durable. Best effort:
    /// some file systems refuse to open or sync a directory.
    static func syncDirectory(_ path: String) {
        guard let fd = try? openFile(path, O_RDONLY | O_DIRECTORY) else { return }
        _ = try? sync(fd)
        _ = try? closeFile(fd)
    }
}
