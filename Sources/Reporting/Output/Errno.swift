#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX error number as a typed value (the pattern of swift-system's
/// `Errno`): what a failed system call left in `errno`, read once, right
/// after the call, so that nothing in between can overwrite it.
public struct Errno: Error, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The calling thread's `errno` now.
    static var current: Errno { Errno(rawValue: errno) }

    /// The system's text for it: "No space left on device".
    public var description: String { String(cString: strerror(rawValue)) }

    /// A full disk, a quota or a file size limit (ENOSPC, EFBIG, EDQUOT).
    public var isOutOfSpace: Bool { rawValue == ENOSPC || rawValue == EFBIG || rawValue == EDQUOT }

    public static let interrupted = Errno(rawValue: EINTR)
    public static let fileExists = Errno(rawValue: EEXIST)
}
