import Foundation

/// A CSV file written row by row into a temporary file beside its target
/// and renamed over it by `commit()`: memory stays flat however many rows,
/// and an interrupted run leaves the previous file intact, never a partial one.
public final class CSVFileStream {
    public let path: String
    private let temporaryPath: String
    private var handle: UnsafeMutablePointer<FILE>?
    private let delimiter: Character
    /// Written in full (flushed, synced, closed), not yet renamed.
    private var finished = false

    public init(path: String, header: [String], delimiter: Character = ",") throws(OutputError) {
        self.path = path
        self.delimiter = delimiter
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = (dir.isEmpty ? "." : dir) + "/.\(name).tmp-\(getpid())"
        guard let h = fopen(temporaryPath, "w") else {
            throw AtomicFile.failure(path, "cannot create a temporary file beside it")
        }
        handle = h
        try append(header)
    }

    deinit { abandon() }

    public func append(_ row: [String]) throws(OutputError) {
        guard let handle else { return }
        let line = CSVTable(header: row).render(delimiter: delimiter)
        if fputs(line, handle) < 0 {
            let error = AtomicFile.failure(path, "write failed")
            abandon()
            throw error
        }
    }

    /// Flushes, syncs and closes the temporary file: it is complete, and
    /// `commit()` only renames it.
    public func finish() throws(OutputError) {
        guard let h = handle else { return }
        handle = nil
        if fflush(h) != 0 || fsync(fileno(h)) != 0 {
            let error = AtomicFile.failure(path, "write failed")
            fclose(h); unlink(temporaryPath)
            throw error
        }
        fclose(h)
        finished = true
    }

    /// Finishes the temporary file if needed and renames it over `path`.
    public func commit() throws(OutputError) {
        try finish()
        guard finished else { return }
        finished = false
        if rename(temporaryPath, path) != 0 {
            let error = AtomicFile.failure(path, "rename failed")
            unlink(temporaryPath)
            throw error
        }
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() {
        if let h = handle { fclose(h); handle = nil; unlink(temporaryPath) }
        if finished { finished = false; unlink(temporaryPath) }
    }
}
