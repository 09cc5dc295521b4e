import Foundation

/// A CSV file written row by row into a temporary file beside its target
/// and renamed over it by `commit()`: memory stays flat however many rows,
/// and an interrupted run leaves the previous file intact, never a partial one.
public final class CSVFileStream {
    public let path: String
    private let temporaryPath: String
    private var handle: UnsafeMutablePointer<FILE>?
    private let delimiter: Character

    public init(path: String, header: [String], delimiter: Character = ",") throws(OutputError) {
        self.path = path
        self.delimiter = delimiter
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = (dir.isEmpty ? "." : dir) + "/.\(name).tmp-\(getpid())"
        guard let h = fopen(temporaryPath, "w") else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        handle = h
        try append(header)
    }

    deinit { abandon() }

    public func append(_ row: [String]) throws(OutputError) {
        guard let handle else { return }
        let line = CSVTable(header: row).render(delimiter: delimiter)
        if fputs(line, handle) < 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw OutputError(path: path, reason: reason)
        }
    }

    /// Flushes, syncs and renames the temporary file over `path`.
    public func commit() throws(OutputError) {
        guard let h = handle else { return }
        handle = nil
        if fflush(h) != 0 || fsync(fileno(h)) != 0 {
            let reason = String(cString: strerror(errno))
            fclose(h); unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
        fclose(h)
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() {
        if let h = handle { fclose(h); handle = nil; unlink(temporaryPath) }
    }
}
