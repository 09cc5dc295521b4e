/// Paths of output files: their directory and name, the missing directories
/// created before a write (`mkdir -p`), and the check that a path can be
/// written, made before any long work.
enum OutputPath {
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
        if let isDirectory = Syscall.isDirectory(directory) {
            guard isDirectory else { throw OutputError(path: path, problem: .parentNotADirectory(directory)) }
            return
        }
        try makeDirectories(split(directory).directory, for: path)
        do { try Syscall.makeDirectory(directory) } catch where error != .fileExists {
            throw OutputError(path: path, problem: .failed(.createDirectory(directory), error))
        } catch {}
    }
}

extension AtomicFile {
    /// Checks, before any long work, that `path` can be written: it names a
    /// file, not a directory, and its directory exists (created here if
    /// missing) and is writable. A write may still fail later (a full disk).
    public static func checkWritable(_ path: String) throws(OutputError) {
        precondition(!path.isEmpty, "empty output path")
        let (directory, name) = OutputPath.split(path)
        guard !name.isEmpty else { throw OutputError(path: path, problem: .namesDirectory) }
        if Syscall.isDirectory(path) == true { throw OutputError(path: path, problem: .isDirectory) }
        try OutputPath.makeDirectories(directory, for: path)
        do { try Syscall.checkWritable(directory ?? ".") } catch {
            throw OutputError(path: path, problem: .failed(.writeIn(directory ?? "."), error))
        }
    }
}
