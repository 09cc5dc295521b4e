/// A numeric leaf of a scenario named by type (MODEL.md section 13, 17.13):
/// the section, the list item, the field. Its path string
/// (`requisitions.backend.stages.onsite.no_show`) is derived here and
/// nowhere else, so the engine's compiled model, interventions, the tornado
/// and `trials.csv` cannot spell a path two ways.
public enum ParameterID: Hashable, Sendable, CustomStringConvertible {
    /// A month's multiplier of `calendar.seasonality` (MODEL.md 21.6).
    case season(Month)
    case weather(Weather.Field)
    case budget(Budget.Field)
    /// A pool's field: the single form's pool (name nil, `recruiters.count`)
    /// or a named pool of the list form (`recruiters.NAME.count`).
    case pool(PoolRole, String?, Pool.Field)
    case costs(Costs.Field)
    /// A field of a requisition itself or of its sourcing, candidate,
    /// decision or offer section.
    case requisition(String, Requisition.Field)
    case stage(requisition: String, stage: String, Stage.Field)
    case check(requisition: String, BackgroundCheck.Field)

    /// The dot-separated path: section keys and list items' names.
    public var path: String {
        switch self {
        case .season(let m): return "calendar.seasonality." + m.name
        case .weather(let f): return "weather." + f.rawValue
        case .budget(let f): return "budget." + f.rawValue
        case .pool(let role, let name, let f): return role.rawValue + "." + (name.map { $0 + "." } ?? "") + f.rawValue
        case .costs(let f): return "costs." + f.rawValue
        case .requisition(let r, let f): return "requisitions.\(r)." + f.rawValue
        case .stage(let r, let s, let f): return "requisitions.\(r).stages.\(s)." + f.rawValue
        case .check(let r, let f): return "requisitions.\(r).background_check." + f.rawValue
        }
    }

    public var description: String { path }

    /// What the field holds, which fixes its range (the same for every
    /// scenario: a field's kind belongs to the field).
    public var kind: QuantityKind {
        switch self {
        case .season: return .nonNegative
        case .weather(let f): return f.kind
        case .budget(let f): return f.kind
        case .pool(_, _, let f): return f.kind
        case .costs(let f): return f.kind
        case .requisition(_, let f): return f.kind
        case .stage(_, _, let f): return f.kind
        case .check(_, let f): return f.kind
        }
    }

    /// The pool this parameter belongs to, if any.
    public var pool: PoolRole? {
        if case .pool(let role, _, _) = self { return role }
        return nil
    }

    /// The single form's pool field (`recruiters.count`).
    public static func pool(_ role: PoolRole, _ field: Pool.Field) -> ParameterID { .pool(role, nil, field) }

    /// The pool this parameter belongs to (role and name), if any.
    public var poolRef: PoolRef? {
        if case .pool(let role, let name, _) = self { return PoolRef(role: role, name: name) }
        return nil
    }
}

/// One pool of a scenario: its role and, in the list form, its name.
public struct PoolRef: Hashable, Sendable {
    public var role: PoolRole
    public var name: String?
    public init(role: PoolRole, name: String?) { self.role = role; self.name = name }

    /// `recruiters` or `recruiters.NAME`: the prefix of its parameter paths.
    public var path: String { role.rawValue + (name.map { "." + $0 } ?? "") }
}

/// The two capacity pools, by their key in a scenario file.
public enum PoolRole: String, CaseIterable, Sendable {
    case recruiters, interviewers
}

/// A field of one section, by its key; its kind and where it sits in the
/// section's value. The order of `allCases` is the file's order of fields,
/// which fixes the order parameters are visited in (and so the columns of
/// `trials.csv`).
public protocol QuantityField: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    associatedtype Root
    var kind: QuantityKind { get }
    var access: FieldAccess<Root> { get }
}

/// Where a field's value sits in its section: a value the field always
/// has, or an optional one where nil means "no limit".
public enum FieldAccess<Root> {
    case value(WritableKeyPath<Root, Quantity>)
    case optional(WritableKeyPath<Root, Quantity?>)

    /// True for a "no limit" field.
    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The field's value in `root` (nil: a "no limit" field not set).
    public func get(_ root: Root) -> Quantity? {
        switch self {
        case .value(let k): return root[keyPath: k]
        case .optional(let k): return root[keyPath: k]
        }
    }
}

extension QuantityField {
    /// The key in the scenario file (within the section for nested fields).
    public var key: String { rawValue.split(separator: ".").last.map(String.init) ?? rawValue }
}
