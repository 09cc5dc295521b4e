import FunnelModel
import Simulation

// `plan`'s results as bytes and back (`ByteWriter`, `ByteReader`): what the
// part of a sharded `plan` carries (docs/scale-out.md, "The part file").
// A shard of `plan` searches some of the levers; its part holds each
// lever's result without the lever itself (the merge resolves the levers
// again from the options its header records) and, where it has one, the
// workload at its first answered lever. Doubles are written by their bit
// pattern, so every number reads back as the same bits.

extension PlanResult {
    /// Appends this result, less its lever, to `w`.
    public func encode(into w: inout ByteWriter) {
        w.string(status.rawValue)
        w.double(needed)
        atNeeded.encode(into: &w)
        w.optional(neededLow)
        w.optional(neededHigh)
        w.bool(growingHelps)
        w.int(curve.count)
        for p in curve { p.encode(into: &w) }
    }

    /// Reads a result written by `encode`, for `lever`.
    public init(decoding r: inout ByteReader, lever: Lever) throws(ByteReader.Failure) {
        let name = try r.string()
        guard let status = PlanStatus(rawValue: name) else { throw .invalid("a plan status '\(name)'") }
        let needed = try r.double()
        let atNeeded = try PlanPoint(decoding: &r)
        let low = try r.optionalDouble(), high = try r.optionalDouble()
        let grows = try r.bool()
        let n = try r.count(width: 44)  // a point is at least 44 bytes
        var curve: [PlanPoint] = []
        for _ in 0..<n { curve.append(try PlanPoint(decoding: &r)) }
        self.init(lever: lever, status: status, needed: needed, atNeeded: atNeeded, neededLow: low, neededHigh: high,
                  growingHelps: grows, curve: curve)
    }
}

extension PlanPoint {
    func encode(into w: inout ByteWriter) {
        w.double(value)
        w.optional(mean)
        w.optional(ciLow)
        w.optional(ciHigh)
        w.int(trials)
        w.bool(precision != nil)
        if let p = precision {
            w.double(p.rule.halfWidth)
            w.bool(p.rule.isRelative)
            w.string(p.metric)
            w.int(p.trials)
            w.optional(p.halfWidth)
            w.bool(p.met)
        }
    }

    init(decoding r: inout ByteReader) throws(ByteReader.Failure) {
        value = try r.double()
        mean = try r.optionalDouble()
        ciLow = try r.optionalDouble()
        ciHigh = try r.optionalDouble()
        trials = try r.int()
        precision = nil
        if try r.bool() {
            let rule = Precision(halfWidth: try r.double(), isRelative: try r.bool())
            precision = PrecisionReached(rule: rule, metric: try r.string(), trials: try r.int(), halfWidth: try r.optionalDouble(),
                                         met: try r.bool())
        }
    }
}

extension Workload {
    /// Appends this workload to `w`.
    public func encode(into w: inout ByteWriter) {
        w.int(cells.count)
        for c in cells {
            w.string(c.scope)
            w.int(c.week)
            w.int(c.date.dayNumber)
            w.int(c.measure.rawValue)
            w.double(c.mean)
            w.double(c.p90)
        }
        w.int(trials)
        w.optional(recruiterCapacity)
        w.optional(interviewerCapacity)
    }

    /// Reads a workload written by `encode`.
    public init(decoding r: inout ByteReader) throws(ByteReader.Failure) {
        // A cell is at least 49 bytes (an empty scope name).
        let n = try r.count(width: 49)
        var cells: [WorkloadCell] = []
        cells.reserveCapacity(n)
        for _ in 0..<n {
            let scope = try r.string(), week = try r.int(), day = try r.int(), m = try r.int()
            guard let measure = WeeklyMeasure(rawValue: m) else { throw .invalid("a weekly measure \(m)") }
            cells.append(WorkloadCell(scope: scope, week: week, date: CivilDate(dayNumber: day), measure: measure,
                                      mean: try r.double(), p90: try r.double()))
        }
        self.init(cells: cells, trials: try r.int(), recruiterCapacity: try r.optionalDouble(),
                  interviewerCapacity: try r.optionalDouble())
    }
}

extension ByteWriter {
    /// A flag, then the value where there is one (0 where there is none).
    mutating func optional(_ v: Double?) {
        bool(v != nil)
        double(v ?? 0)
    }
}

extension ByteReader {
    /// What `ByteWriter.optional` wrote.
    mutating func optionalDouble() throws(Failure) -> Double? {
        let has = try bool()
        let v = try double()
        return has ? v : nil
    }
}
