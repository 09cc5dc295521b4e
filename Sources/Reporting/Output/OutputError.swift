/// An output file that could not be written: which, what went wrong, and
/// the system's error where a call failed. A typed value: callers switch on
/// `problem`; `description` is the one line the tool prints.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Sendable, Equatable {
        /// The path ends in `/`: it names a directory, not a file.
        case namesDirectory
        /// The target exists and is a directory.
        case isDirectory
        /// An output directory's path exists and is a file.
        case notADirectory
        /// A directory on the way to the target exists and is a file.
        case parentNotADirectory(String)
        /// A system call failed in this step, with this error.
        case failed(Step, Errno)
    }

    /// The step of writing a file in which a system call failed.
    public enum Step: Sendable, Equatable {
        case createTemporary, write, fsync, close, rename
        /// Creating a missing directory on the way to the target.
        case createDirectory(String)
        /// The target's directory refused writing.
        case writeIn(String)
        /// An output directory refused a probe file.
        case createFiles
    }

    /// The path as the caller gave it (or the directory that failed).
    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// The reason, as the message says it: the step, the system's text for
    /// the error, and a hint where the disk is full.
    public var reason: String {
        switch problem {
        case .namesDirectory: return "the path names a directory, not a file"
        case .isDirectory: return "is a directory; give a file name"
        case .notADirectory: return "exists and is not a directory"
        case .parentNotADirectory(let directory): return "\(directory) exists and is not a directory"
        case .failed(let step, let error):
            var text = "\(step.text): \(error)"
            if error.isOutOfSpace { text += " (the disk is full, or a quota or file size limit was reached)" }
            return text
        }
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

extension OutputError.Step {
    var text: String {
        switch self {
        case .createTemporary: return "cannot create a temporary file beside it"
        case .write: return "write failed"
        case .fsync: return "fsync failed"
        case .close: return "close failed"
        case .rename: return "rename failed"
        case .createDirectory(let directory): return "cannot create directory \(directory)"
        case .writeIn(let directory): return "cannot write in \(directory)"
        case .createFiles: return "cannot create files in this directory"
        }
    }
}
