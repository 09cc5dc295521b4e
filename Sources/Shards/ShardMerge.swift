import Forecast
import Jobs
import Simulation

/// Puts the parts of one run back together, in shard order (MODEL.md 20):
/// builders merge (`ForecastBuilder.merge`, bit for bit one run's),
/// columns, outputs, statistics and trials.csv rows concatenate.
public enum ShardMerge {
    /// Hands every part's body to `body`, shard 0 first, each decoded in
    /// turn and checked to cover its range (so a merge holds one decoded
    /// body beside what it merged so far).
    static func eachPayload(_ set: PartSet, models: [SimulationModel], levers: [Lever] = [],
                            _ body: (String, ShardPayload) throws(PartError) -> Void) throws(PartError) {
        for p in set.parts {
            let payload: ShardPayload
            let range = p.file.header.range.clamped(to: 0..<levers.count)
            do { payload = try ShardPayload.decode(p.file.body, models: models, levers: Array(levers[range])) } catch {
                switch error {
                case .truncated: throw .invalid(path: p.path, reason: "the body ends inside a value")
                case .invalid(let why): throw .invalid(path: p.path, reason: why)
                }
            }
            guard payload.count == p.file.header.range.count else {
                throw .invalid(path: p.path, reason: "\(payload.count) \(p.file.header.unit) for a range of \(p.file.header.range.count)")
            }
            try body(p.path, payload)
        }
    }

    /// run, correlation: the merged builder and trials.csv rows (nil
    /// unless every part has them).
    public static func forecast(_ set: PartSet, model: SimulationModel) throws(PartError) -> (ForecastBuilder, [UInt8]?) {
        var builder: ForecastBuilder? = nil
        var rows: [UInt8]? = []
        try eachPayload(set, models: [model]) { path, payload throws(PartError) in
            guard case let .forecast(b, r) = payload else { throw .invalid(path: path, reason: "not a forecast part") }
            if builder == nil { builder = b } else { builder!.merge(b) }
            if let r { rows?.append(contentsOf: r) } else { rows = nil }
        }
        return (builder!, rows)
    }

    /// compare: the merged builders, baseline first.
    public static func builders(_ set: PartSet, models: [SimulationModel]) throws(PartError) -> [ForecastBuilder] {
        var merged: [ForecastBuilder] = []
        try eachPayload(set, models: models) { path, payload throws(PartError) in
            guard case let .builders(bs) = payload else { throw .invalid(path: path, reason: "not a compare part") }
            if merged.isEmpty { merged = bs } else { for i in merged.indices { merged[i].merge(bs[i]) } }
        }
        return merged
    }

    /// Sobol: every evaluation's output, in design order.
    public static func outputs(_ set: PartSet) throws(PartError) -> [Double] {
        var out: [Double] = []
        try eachPayload(set, models: []) { path, payload throws(PartError) in
            guard case let .outputs(o) = payload else { throw .invalid(path: path, reason: "not a Sobol part") }
            out.append(contentsOf: o)
        }
        return out
    }

    /// tornado: every run's statistics, in run order.
    public static func statistics(_ set: PartSet) throws(PartError) -> [[Double?]] {
        var out: [[Double?]] = []
        try eachPayload(set, models: []) { path, payload throws(PartError) in
            guard case let .statistics(s) = payload else { throw .invalid(path: path, reason: "not a tornado part") }
            out.append(contentsOf: s)
        }
        return out
    }

    /// plan: every lever's result, in lever order, and the workload at the
    /// first answered lever: the one of the first part (in shard order) that
    /// has one, which is that part's first answer and so the plan's.
    public static func plan(_ set: PartSet, levers: [Lever]) throws(PartError)
        -> (results: [PlanResult], workload: (index: Int, workload: Workload)?) {
        var results: [PlanResult] = []
        var workload: (index: Int, workload: Workload)? = nil
        try eachPayload(set, models: [], levers: levers) { path, payload throws(PartError) in
            guard case let .plan(r, w) = payload else { throw .invalid(path: path, reason: "not a plan part") }
            let first = results.count
            let own = PlanJob.answered(r).map { first + $0 }
            guard w?.index == own else {
                throw .invalid(path: path, reason: "its workload is not at its first answered lever")
            }
            results.append(contentsOf: r)
            if workload == nil, let w { workload = w }
        }
        return (results, workload)
    }

    /// Reads the parts at `paths` (any order) and checks they belong together.
    public static func read(_ paths: [String]) throws(PartError) -> PartSet {
        var parts: [PartSet.Part] = []
        for path in paths { parts.append(PartSet.Part(path: path, file: try PartFile.read(path))) }
        return try PartSet(parts)
    }
}
