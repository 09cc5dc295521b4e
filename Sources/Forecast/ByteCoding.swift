/// Little-endian bytes for the state a shard hands to its merge (the body of
/// a `.fcpart` file, docs/scale-out.md): fixed-width integers, doubles by
/// their bit pattern (so every value, infinities and NaN included, reads
/// back as the same bits), length-prefixed arrays and strings.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func u8(_ v: UInt8) { bytes.append(v) }
    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    public mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    public mutating func double(_ v: Double) { u64(v.bitPattern) }
    public mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }
    public mutating func doubles(_ a: [Double]) {
        int(a.count)
        bytes.reserveCapacity(bytes.count + 8 * a.count)
        for v in a { double(v) }
    }
    public mutating func ints(_ a: [Int]) {
        int(a.count)
        for v in a { int(v) }
    }
    public mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }
}

/// Reads what `ByteWriter` wrote; every read checks the bytes left, so a
/// short or damaged body is an error, never a crash.
public struct ByteReader: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        /// The bytes ended inside a value.
        case truncated
        /// A value that the writer never writes (a count out of range, a
        /// layout that does not fit the scenario).
        case invalid(String)
    }

    private let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var remaining: Int { bytes.count - offset }

    private mutating func take(_ n: Int) throws(Failure) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw .truncated }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    public mutating func u8() throws(Failure) -> UInt8 { try take(1).first! }
    public mutating func bool() throws(Failure) -> Bool {
        let b = try u8()
        guard b <= 1 else { throw .invalid("a flag of \(b)") }
        return b == 1
    }
    public mutating func u32() throws(Failure) -> UInt32 {
        guard remaining >= 4 else { throw .truncated }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) })
    }
    public mutating func u64() throws(Failure) -> UInt64 {
        guard remaining >= 8 else { throw .truncated }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) })
    }
    public mutating func int() throws(Failure) -> Int { Int(Int64(bitPattern: try u64())) }
    public mutating func double() throws(Failure) -> Double { Double(bitPattern: try u64()) }
    /// A count of items of `width` bytes each, checked against the bytes left.
    public mutating func count(width: Int) throws(Failure) -> Int {
        let n = try int()
        guard n >= 0 else { throw .invalid("a count of \(n)") }
        guard n <= remaining / max(1, width) else { throw .truncated }
        return n
    }
    public mutating func string() throws(Failure) -> String {
        let n = try count(width: 1)
        guard let s = String(validating: try take(n), as: UTF8.self) else { throw .invalid("a string that is not UTF-8") }
        return s
    }
    public mutating func doubles() throws(Failure) -> [Double] {
        let n = try count(width: 8)
        var out: [Double] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try double()) }
        return out
    }
    public mutating func ints() throws(Failure) -> [Int] {
        let n = try count(width: 8)
        var out: [Int] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try int()) }
        return out
    }
    public mutating func raw(_ n: Int) throws(Failure) -> [UInt8] { Array(try take(n)) }
}
