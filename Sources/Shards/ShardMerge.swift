import Forecast
import Simulation

/// Puts the parts of one run back together, in shard order (MODEL.md 20):
/// builders merge (`ForecastBuilder.merge`, bit for bit one run's),
/// columns, outputs, statistics and trials.csv rows concatenate.
public enum ShardMerge {
    /// Every part's body, shard 0 first, each checked to cover its range.
    public static func payloads(_ set: PartSet, models: [SimulationModel]) throws(PartError) -> [ShardPayload] {
        var out: [ShardPayload] = []
        for p in set.parts {
            let payload: ShardPayload
            do { payload = try ShardPayload.decode(p.file.body, models: models) } catch {
                switch error {
                case .truncated: throw .invalid(path: p.path, reason: "the body ends inside a value")
                case .invalid(let why): throw .invalid(path: p.path, reason: why)
                }
            }
            guard payload.count == p.file.header.range.count else {
                throw .invalid(path: p.path, reason: "\(payload.count) \(p.file.header.unit) for a range of \(p.file.header.range.count)")
            }
            out.append(payload)
        }
        return out
    }

    /// run, correlation: the merged builder and trials.csv rows (nil
    /// unless every part has them).
    public static func forecast(_ set: PartSet, model: SimulationModel) throws(PartError) -> (ForecastBuilder, [UInt8]?) {
        var builder: ForecastBuilder? = nil
        var rows: [UInt8]? = []
        for (p, payload) in zip(set.parts, try payloads(set, models: [model])) {
            guard case let .forecast(b, r) = payload else { throw .invalid(path: p.path, reason: "not a forecast part") }
            if builder == nil { builder = b } else { builder!.merge(b) }
            if let r { rows?.append(contentsOf: r) } else { rows = nil }
        }
        return (builder!, rows)
    }

    /// compare: the merged builders, baseline first.
    public static func builders(_ set: PartSet, models: [SimulationModel]) throws(PartError) -> [ForecastBuilder] {
        var merged: [ForecastBuilder] = []
        for (p, payload) in zip(set.parts, try payloads(set, models: models)) {
            guard case let .builders(bs) = payload else { throw .invalid(path: p.path, reason: "not a compare part") }
            if merged.isEmpty { merged = bs } else { for i in merged.indices { merged[i].merge(bs[i]) } }
        }
        return merged
    }

    /// Sobol: every evaluation's output, in design order.
    public static func outputs(_ set: PartSet) throws(PartError) -> [Double] {
        var out: [Double] = []
        for (p, payload) in zip(set.parts, try payloads(set, models: [])) {
            guard case let .outputs(o) = payload else { throw .invalid(path: p.path, reason: "not a Sobol part") }
            out.append(contentsOf: o)
        }
        return out
    }

    /// tornado: every run's statistic, in run order.
    public static func statistics(_ set: PartSet) throws(PartError) -> [Double?] {
        var out: [Double?] = []
        for (p, payload) in zip(set.parts, try payloads(set, models: [])) {
            guard case let .statistics(s) = payload else { throw .invalid(path: p.path, reason: "not a tornado part") }
            out.append(contentsOf: s)
        }
        return out
    }

    /// Reads the parts at `paths` (any order) and checks they belong together.
    public static func read(_ paths: [String]) throws(PartError) -> PartSet {
        var parts: [PartSet.Part] = []
        for path in paths { parts.append(PartSet.Part(path: path, file: try PartFile.read(path))) }
        return try PartSet(parts)
    }
}
