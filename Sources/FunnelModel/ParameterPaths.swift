// Walking a scenario's numeric leaves by `ParameterID` (`visitParameters`,
// the one place that enumerates them), and path patterns with `*`.

/// Where a numeric leaf of a scenario sits (MODEL.md section 13): which
/// parameter it is, and whether it is a "no limit" field.
public struct ParameterSlot: Sendable, Equatable {
    public var id: ParameterID
    /// A "no limit" field (absent pool, `max_applicants`, `max_wait_days`):
    /// it can be set to a number but not multiplied or added to.
    public var isOptional: Bool

    public init(_ id: ParameterID, isOptional: Bool = false) { self.id = id; self.isOptional = isOptional }

    /// The parameter's path (`ParameterID.path`).
    public var path: String { id.path }
}

extension Scenario {
    /// Visits every numeric leaf in a fixed order (the file's order of
    /// fields, `QuantityField.allCases` within a section), with its
    /// identifier, letting the visitor change it. Optional fields are
    /// visited as nil where absent.
    public mutating func visitParameters<E: Error>(
        _ visit: (ParameterSlot, inout Quantity?) throws(E) -> Void
    ) throws(E) {
        func fields<F: QuantityField>(_ root: inout F.Root, _ list: [F], _ id: (F) -> ParameterID) throws(E) {
            try Scenario.visit(&root, list, id, visit)
        }
        if calendar.seasonality != nil {
            // All twelve months once seasonality is written (a month not
            // written is 1, a finite default: MODEL.md 17.13).
            for m in Month.allCases {
                var o: Quantity? = calendar.seasonality![m]
                try visit(ParameterSlot(.season(m)), &o)
                if let o { calendar.seasonality![m] = o }
            }
        }
        try fields(&weather, Weather.Field.allCases) { .weather($0) }
        try fields(&budget, Budget.Field.allCases) { .budget($0) }
        for role in PoolRole.allCases {
            let keyPath = Scenario.poolsKeyPath(role)
            if self[keyPath: keyPath].isEmpty {
                // No pool: the single form's fields, "no limit"; a change
                // that sets both adds the pool with the defaults.
                var count: Quantity? = nil, hours: Quantity? = nil
                try visit(ParameterSlot(.pool(role, .count), isOptional: true), &count)
                try visit(ParameterSlot(.pool(role, .hoursPerWeek), isOptional: true), &hours)
                if let count, let hours {
                    var pool = Pool(count: 0, hoursPerWeek: hours)
                    pool.count = count
                    self[keyPath: keyPath] = [pool]
                }
                continue
            }
            for i in self[keyPath: keyPath].indices {
                // In place: the other fields (name, discipline) stay.
                let name = self[keyPath: keyPath][i].name
                var count: Quantity? = self[keyPath: keyPath][i].count
                var hours: Quantity? = self[keyPath: keyPath][i].hoursPerWeek
                try visit(ParameterSlot(.pool(role, name, .count)), &count)
                try visit(ParameterSlot(.pool(role, name, .hoursPerWeek)), &hours)
                if let count { self[keyPath: keyPath][i].count = count }
                if let hours { self[keyPath: keyPath][i].hoursPerWeek = hours }
            }
        }
        try fields(&costs, Costs.Field.allCases) { .costs($0) }
        for r in requisitions.indices {
            let name = requisitions[r].name
            try fields(&requisitions[r], Requisition.Field.beforeStages) { .requisition(name, $0) }
            for s in requisitions[r].stages.indices {
                let stage = requisitions[r].stages[s].name
                let list = Stage.Field.allCases.filter { requisitions[r].stages[s].interview || !$0.isInterviewOnly }
                try fields(&requisitions[r].stages[s], list) { .stage(requisition: name, stage: stage, $0) }
            }
            try fields(&requisitions[r], Requisition.Field.beforeCheck) { .requisition(name, $0) }
            if requisitions[r].backgroundCheck != nil {
                try fields(&requisitions[r].backgroundCheck!, BackgroundCheck.Field.allCases) { .check(requisition: name, $0) }
            }
            try fields(&requisitions[r], Requisition.Field.afterCheck) { .requisition(name, $0) }
        }
    }

    /// Visits the fields `list` of one section value.
    private static func visit<F: QuantityField, E: Error>(
        _ root: inout F.Root, _ list: [F], _ id: (F) -> ParameterID,
        _ visit: (ParameterSlot, inout Quantity?) throws(E) -> Void
    ) throws(E) {
        for f in list {
            switch f.access {
            case .value(let k):
                var o: Quantity? = root[keyPath: k]
                try visit(ParameterSlot(id(f)), &o)
                if let o { root[keyPath: k] = o }
            case .optional(let k):
                try visit(ParameterSlot(id(f), isOptional: true), &root[keyPath: k])
            }
        }
    }

    /// Every numeric leaf with its current value (nil: a "no limit" field).
    public var parameters: [(slot: ParameterSlot, value: Quantity?)] {
        var copy = self
        var out: [(ParameterSlot, Quantity?)] = []
        copy.visitParameters { (slot, q) throws(Never) in out.append((slot, q)) }
        return out
    }

    /// The uncertain parameters (distributions drawn once per trial), in
    /// visiting order: the columns of `trials.csv` and the inputs of the
    /// global sensitivity analysis.
    public var uncertainParameters: [(id: ParameterID, value: Quantity)] {
        parameters.compactMap { p in
            guard let q = p.value, q.isUncertain else { return nil }
            return (p.slot.id, q)
        }
    }
}

/// Path patterns: dot-separated segments where `*` matches any one segment.
public enum PathPattern {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let a = pattern.split(separator: ".", omittingEmptySubsequences: false)
        let b = path.split(separator: ".", omittingEmptySubsequences: false)
        return a.count == b.count && zip(a, b).allSatisfy { $0 == "*" || $0 == $1 }
    }
}
