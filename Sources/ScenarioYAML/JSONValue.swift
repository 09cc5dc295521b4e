/// A JSON value that keeps the order of object members, rendered with
/// two-space indentation: for documents people read, such as the scenario
/// schema.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

    /// The value as JSON text (RFC 8259), pretty-printed, no final newline.
    public func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let body = members.map { pad + JSONValue.quote($0.0) + ": " + $0.1.render(indent: indent + 1) }
            return "{\n" + body.joined(separator: ",\n") + "\n" + end + "}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            // Short arrays of scalars stay on one line.
            let scalars = items.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
            let parts = items.map { $0.render(indent: indent + 1) }
            if scalars && parts.reduce(0, { $0 + $1.count + 2 }) < 90 { return "[" + parts.joined(separator: ", ") + "]" }
            return "[\n" + parts.map { pad + $0 }.joined(separator: ",\n") + "\n" + end + "]"
        case .string(let s):
            return JSONValue.quote(s)
        case .number(let v):
            precondition(v.isFinite, "JSON has no \(v)")
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return "\(v)"
        case .bool(let b):
            return b ? "true" : "false"
        }
    }

    /// `s` as a JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
