import Foundation

/// A streaming RFC 4180 reader: records one at a time from a file read in
/// 1 MiB blocks, so memory stays flat however long the file is.
///
/// Fields are separated by commas, records by CRLF or LF; a field in
/// double quotes may hold commas, quotes (doubled) and line breaks. A UTF-8
/// byte order mark at the start is skipped. Invalid UTF-8 becomes U+FFFD.
struct CSVRecordReader {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private let file: String
    /// The line (1-based) the next record starts on.
    private(set) var line = 1
    private var first = true

    /// Bytes read at a time: 1 MiB (smaller in tests, to cross block edges).
    private let blockSize: Int

    /// Reads the file at `path`.
    init(path: String, blockSize: Int = 1 << 20) throws(HistoryError) {
        self.blockSize = blockSize
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HistoryError(file: path, line: nil, .unreadable("no such file"))
        }
        guard !isDirectory.boolValue else { throw HistoryError(file: path, line: nil, .unreadable("is a directory")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HistoryError(file: path, line: nil, .unreadable("permission denied"))
        }
        self.handle = handle
        self.file = path
    }

    /// Reads records from text in memory (tests, small inputs); `file` names it.
    init(text: String, file: String) {
        handle = nil
        blockSize = 0
        buffer = Array(text.utf8)
        atEnd = true
        self.file = file
    }

    /// Refills the buffer; false at the end of the file.
    private mutating func refill() throws(HistoryError) -> Bool {
        if atEnd { return false }
        guard let handle else { atEnd = true; return false }
        let data: Data?
        do { data = try handle.read(upToCount: blockSize) } catch {
            throw HistoryError(file: file, line: line, .unreadable(error.localizedDescription))
        }
        guard let data, !data.isEmpty else { atEnd = true; try? handle.close(); return false }
        buffer.removeFirst(position)
        position = 0
        buffer.append(contentsOf: data)
        return true
    }

    /// The next byte, refilling as needed; nil at the end.
    @inline(__always)
    private mutating func nextByte() throws(HistoryError) -> UInt8? {
        if position == buffer.count { guard try refill() else { return nil } }
        let b = buffer[position]
        position += 1
        return b
    }

    @inline(__always)
    private mutating func peekByte() throws(HistoryError) -> UInt8? {
        if position == buffer.count { guard try refill() else { return nil } }
        return buffer[position]
    }

    /// The next record and the line it starts on; nil at the end. Blank
    /// lines are skipped.
    mutating func next() throws(HistoryError) -> (fields: [String], line: Int)? {
        if first {
            first = false
            // A UTF-8 byte order mark, EF BB BF, however the blocks split it.
            while buffer.count - position < 3, try refill() {}
            if buffer.count - position >= 3 && buffer[position] == 0xEF && buffer[position + 1] == 0xBB && buffer[position + 2] == 0xBF {
                position += 3
            }
        }
        while true {
            guard try peekByte() != nil else { return nil }
            let start = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false, wasQuoted = false
            var ended = false
            while !ended {
                guard let b = try nextByte() else {
                    if quoted { throw HistoryError(file: file, line: start, .malformedCSV("a quoted field is not closed before the end of the file")) }
                    break
                }
                if quoted {
                    if b == UInt8(ascii: "\"") {
                        if try peekByte() == UInt8(ascii: "\"") { position += 1; field.append(b) } else { quoted = false }
                    } else {
                        if b == UInt8(ascii: "\n") { line += 1 }
                        field.append(b)
                    }
                    continue
                }
                switch b {
                case UInt8(ascii: ","):
                    fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true); wasQuoted = false
                case UInt8(ascii: "\n"):
                    line += 1; ended = true
                case UInt8(ascii: "\r"):
                    if try peekByte() == UInt8(ascii: "\n") { position += 1 }
                    line += 1; ended = true
                case UInt8(ascii: "\""):
                    guard field.isEmpty && !wasQuoted else {
                        throw HistoryError(file: file, line: line, .malformedCSV("a double quote inside an unquoted field (quote the whole field and double the quote)"))
                    }
                    quoted = true; wasQuoted = true
                default:
                    if wasQuoted && b != UInt8(ascii: " ") {
                        throw HistoryError(file: file, line: line, .malformedCSV("text after a closing quote"))
                    }
                    if !wasQuoted { field.append(b) }
                }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            if fields.count == 1 && fields[0].isEmpty && !wasQuoted { continue }  // a blank line
            return (fields, start)
        }
    }
}
