import Forecast
import Simulation

/// The body of a part: what one shard computed, in the form its merge
/// needs (docs/scale-out.md, "The part file"). A kind byte, then:
///
/// - `forecast` (run, correlation): one `ForecastBuilder`'s state, then
///   whether trials.csv rows follow, and their bytes (this shard's rows,
///   as trials.csv holds them);
/// - `builders` (compare): the count, then the baseline's builder and each
///   intervention's, per-trial columns kept;
/// - `outputs` (Sobol): the metric on each evaluation of the range;
/// - `statistics` (tornado): each run's statistics (their count, then for
///   each a flag and the value): over all trials, then each batch.
/// - `plan`: each of the shard's levers' result (`PlanCoding`), then a flag
///   and, if set, the index (among all the levers) of the shard's first
///   answered lever and the workload there.
public enum ShardPayload: Sendable {
    case forecast(ForecastBuilder, trialRows: [UInt8]?)
    case builders([ForecastBuilder])
    case outputs([Double])
    case statistics([[Double?]])
    case plan([PlanResult], workload: (index: Int, workload: Workload)?)

    /// The units this payload covers (trials, evaluations or runs).
    public var count: Int {
        switch self {
        case .forecast(let b, _): return b.trials
        case .builders(let bs): return bs.first?.trials ?? 0
        case .outputs(let o): return o.count
        case .statistics(let s): return s.count
        case .plan(let r, _): return r.count
        }
    }

    public func encoded() -> [UInt8] {
        var w = ByteWriter()
        switch self {
        case let .forecast(b, rows):
            w.u8(1)
            b.encode(into: &w)
            w.bool(rows != nil)
            if let rows { w.int(rows.count); w.raw(rows) }
        case let .builders(bs):
            w.u8(2)
            w.int(bs.count)
            for b in bs { b.encode(into: &w) }
        case let .outputs(o):
            w.u8(3)
            w.doubles(o)
        case let .statistics(s):
            w.u8(4)
            w.int(s.count)
            for run in s {
                w.int(run.count)
                for v in run { w.bool(v != nil); w.double(v ?? 0) }
            }
        case let .plan(results, workload):
            w.u8(5)
            w.int(results.count)
            for r in results { r.encode(into: &w) }
            w.bool(workload != nil)
            if let (i, load) = workload { w.int(i); load.encode(into: &w) }
        }
        return w.bytes
    }

    /// Reads a body; `models` are the models its builders are of (the
    /// scenario's, then each intervention's for compare); `levers`, a plan
    /// part's levers (its range of them).
    public static func decode(_ bytes: [UInt8], models: [SimulationModel],
                              levers: [Lever] = []) throws(ByteReader.Failure) -> ShardPayload {
        var r = ByteReader(bytes)
        let payload: ShardPayload
        switch try r.u8() {
        case 1:
            guard let model = models.first else { throw .invalid("a forecast part without a model") }
            let b = try ForecastBuilder(decoding: &r, model: model)
            var rows: [UInt8]? = nil
            if try r.bool() { rows = try r.raw(try r.count(width: 1)) }
            payload = .forecast(b, trialRows: rows)
        case 2:
            let n = try r.int()
            guard n == models.count else { throw .invalid("\(n) runs where the command has \(models.count)") }
            var bs: [ForecastBuilder] = []
            for m in models { bs.append(try ForecastBuilder(decoding: &r, model: m)) }
            payload = .builders(bs)
        case 3:
            payload = .outputs(try r.doubles())
        case 4:
            let n = try r.count(width: 8)
            var s: [[Double?]] = []
            for _ in 0..<n {
                let k = try r.count(width: 9)
                var run: [Double?] = []
                for _ in 0..<k { let has = try r.bool(); let v = try r.double(); run.append(has ? v : nil) }
                s.append(run)
            }
            payload = .statistics(s)
        case 5:
            let n = try r.int()
            guard n == levers.count else { throw .invalid("\(n) levers where its range has \(levers.count)") }
            var results: [PlanResult] = []
            for lever in levers { results.append(try PlanResult(decoding: &r, lever: lever)) }
            var workload: (index: Int, workload: Workload)? = nil
            if try r.bool() { workload = (try r.int(), try Workload(decoding: &r)) }
            payload = .plan(results, workload: workload)
        case let kind:
            throw .invalid("a body of kind \(kind)")
        }
        guard r.remaining == 0 else { throw .invalid("\(r.remaining) bytes after the body") }
        return payload
    }
}
