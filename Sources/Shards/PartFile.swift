import Forecast
import Foundation
import Reporting

/// A `.fcpart` file: one shard's result (docs/scale-out.md, "The part
/// file"). Little-endian binary:
///
///     "FCPART\r\n"          8 bytes: the signature
///     format version        u32 (PartHeader.formatVersion)
///     header                PartHeader's fields (strings: u64 length + UTF-8)
///     body length           u64
///     body                  the command's payload (`ShardPayload`)
///     checksum              u64: FNV-1a-64 of every byte before it
///
/// A file cut short fails the length or the checksum (`truncated`); a byte
/// changed fails the checksum (`damaged`). Written through `AtomicFile`
/// (a temporary file in the same folder, fsynced, then renamed over the
/// target): a reader never sees half a part.
public struct PartFile: Sendable {
    public var header: PartHeader
    public var body: [UInt8]

    public init(header: PartHeader, body: [UInt8]) {
        self.header = header
        self.body = body
    }

    static let signature: [UInt8] = Array("FCPART\r\n".utf8)

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.raw(PartFile.signature)
        w.u32(header.formatVersion)
        header.encode(into: &w)
        w.int(body.count)
        w.raw(body)
        let sum = FNV1a64.hash(w.bytes)
        w.u64(sum)
        return w.bytes
    }

    /// Reads a part from its bytes; `path` names it in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws(PartError) -> PartFile {
        guard bytes.count >= signature.count, Array(bytes[0..<signature.count]) == signature else {
            // Empty or a prefix of the signature: a write or copy cut short.
            throw bytes.count < signature.count && signature.starts(with: bytes) ? .truncated(path: path) : .notAPart(path: path)
        }
        var r = ByteReader(bytes, offset: signature.count)
        do {
            let version = try r.u32()
            guard version == PartHeader.formatVersion else {
                throw PartError.wrongVersion(path: path, found: version, expected: PartHeader.formatVersion)
            }
            let header = try PartHeader.decode(&r)
            let length = try r.count(width: 1)
            let body = try r.raw(length)
            let end = r.offset
            let sum = try r.u64()
            guard r.remaining == 0 else { throw PartError.damaged(path: path) }
            guard FNV1a64.hash(bytes[0..<end]) == sum else { throw PartError.damaged(path: path) }
            return PartFile(header: header, body: body)
        } catch let e as PartError {
            throw e
        } catch ByteReader.Failure.truncated {
            throw .truncated(path: path)
        } catch {
            // A header field out of range: the checksum tells damage from a writer's bug.
            throw .damaged(path: path)
        }
    }

    /// Reads the part at `path`.
    public static func read(_ path: String) throws(PartError) -> PartFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return try decode([UInt8](data), path: path)
    }

    /// Writes the part to `path` atomically, through `AtomicFile`
    /// (temporary file beside it, fsync, rename; a missing folder is created).
    public func write(to path: String) throws(OutputError) {
        try AtomicFile.write(bytes: encoded(), to: path)
    }
}
