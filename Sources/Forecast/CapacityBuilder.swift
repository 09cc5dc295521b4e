import FunnelModel
import Simulation

/// The pool diagnostics of MODEL.md 21.4 over many trials, for every pool
/// with people (`SimulationModel.diagnosedPools`): each trial-week's
/// utilisation (busy working time over the week's available working time;
/// weeks with no working time, all frozen or holidays, are left out of that
/// week's figures) and the trial's overall utilisation, and every request's
/// wait by priority class.
///
/// Mergeable exactly, like the rest of `ForecastBuilder`: utilisations are
/// exact sums (the means) and histograms in steps of 1% (the P90s; counts grow with the largest value);
/// waits are each trial's sum per pool and class added to an exact sum
/// (the means) and a histogram in steps of 0.1 working day (P50, P90).
public struct CapacityBuilder: Sendable {
    public let pools: [DiagnosedPool]
    let weeks: Int, classes: Int
    /// [p * (weeks + 1) + week], the last slot of a pool its overall figure.
    var utilisationSums: [ExactSum]
    var utilisations: [IntegerHistogram]
    /// [p * classes + k].
    var waitSums: [ExactSum]
    var waits: [IntegerHistogram]
    /// The trial's wait sums per pool and class (scratch, not state).
    private var trialWaitSums: [Double]

    /// Steps of the histograms: percent of utilisation, tenths of a working day of wait.
    static let utilisationSteps = 100.0, waitSteps = 10.0

    public init(model: SimulationModel) {
        pools = model.diagnosedPools
        weeks = model.weekCount
        classes = model.poolClasses
        utilisationSums = Array(repeating: ExactSum(), count: pools.count * (weeks + 1))
        utilisations = Array(repeating: IntegerHistogram(), count: pools.count * (weeks + 1))
        waitSums = Array(repeating: ExactSum(), count: pools.count * classes)
        waits = Array(repeating: IntegerHistogram(), count: pools.count * classes)
        trialWaitSums = Array(repeating: 0, count: pools.count * classes)
    }

    mutating func add(_ o: TrialOutcome) {
        guard !pools.isEmpty else { return }
        var available = 0.0
        for w in 0..<weeks { available += o.weekAvailable[w] }
        for p in pools.indices {
            var busy = 0.0
            for w in 0..<weeks {
                let b = o.poolBusy[p * weeks + w]
                busy += b
                let a = o.weekAvailable[w]
                if a > 0 { addUtilisation(p * (weeks + 1) + w, Swift.min(1, b / a)) }
            }
            if available > 0 { addUtilisation(p * (weeks + 1) + weeks, Swift.min(1, busy / available)) }
        }
        for i in trialWaitSums.indices { trialWaitSums[i] = 0 }
        for wait in o.poolWaits {
            let i = Int(wait.pool) * classes + Int(wait.priorityClass)
            trialWaitSums[i] += wait.days
            waits[i].add(Int((Swift.max(0, wait.days) * CapacityBuilder.waitSteps).rounded()))
        }
        for i in trialWaitSums.indices where trialWaitSums[i] != 0 { waitSums[i].add(trialWaitSums[i]) }
    }

    private mutating func addUtilisation(_ i: Int, _ u: Double) {
        utilisationSums[i].add(u)
        utilisations[i].add(Int((u * CapacityBuilder.utilisationSteps).rounded()))
    }

    mutating func merge(_ other: CapacityBuilder) {
        precondition(pools == other.pools && weeks == other.weeks && classes == other.classes, "merging capacity of different runs")
        for i in utilisationSums.indices { utilisationSums[i].merge(other.utilisationSums[i]); utilisations[i].merge(other.utilisations[i]) }
        for i in waitSums.indices { waitSums[i].merge(other.waitSums[i]); waits[i].merge(other.waits[i]) }
    }

    func encode(into w: inout ByteWriter) {
        w.int(pools.count); w.int(weeks); w.int(classes)
        for i in utilisationSums.indices { utilisationSums[i].encode(into: &w); w.ints(utilisations[i].counts) }
        for i in waitSums.indices { waitSums[i].encode(into: &w); w.ints(waits[i].counts) }
    }

    mutating func decode(_ r: inout ByteReader) throws(ByteReader.Failure) {
        let n = try r.int(), weeks = try r.int(), classes = try r.int()
        guard n == pools.count, weeks == self.weeks, classes == self.classes else {
            throw .invalid("capacity of \(n) pools, \(weeks) weeks, \(classes) classes where the scenario has \(pools.count), \(self.weeks), \(self.classes)")
        }
        func histogram() throws(ByteReader.Failure) -> IntegerHistogram {
            let counts = try r.ints()
            guard !counts.isEmpty, counts.allSatisfy({ $0 >= 0 }) else { throw .invalid("a capacity histogram of \(counts)") }
            return IntegerHistogram(counts: counts)
        }
        for i in utilisationSums.indices { utilisationSums[i] = try ExactSum(decoding: &r); utilisations[i] = try histogram() }
        for i in waitSums.indices { waitSums[i] = try ExactSum(decoding: &r); waits[i] = try histogram() }
    }

    /// The diagnostics of everything added.
    func build(start: CivilDate, horizon: Double) -> [PoolCapacity] {
        let lastDay = Swift.max(0, Int(horizon.rounded(.up)) - 1)
        func utilisation(_ i: Int) -> Utilisation {
            let h = utilisations[i]
            guard h.count > 0 else { return Utilisation(mean: nil, p90: nil, trials: 0) }
            return Utilisation(mean: utilisationSums[i].value / Double(h.count),
                               p90: h.quantile(0.9).map { $0 / CapacityBuilder.utilisationSteps }, trials: h.count)
        }
        return pools.enumerated().map { p, pool in
            let weekly = (0..<weeks).map { w in
                WeekUtilisation(week: w + 1, date: start.adding(days: Swift.min(7 * (w + 1) - 1, lastDay)),
                                utilisation: utilisation(p * (weeks + 1) + w))
            }
            let classWaits = (0..<classes).map { k in
                let h = waits[p * classes + k]
                return ClassWaits(priorityClass: k, requests: h.count,
                                  mean: h.count > 0 ? waitSums[p * classes + k].value / Double(h.count) : nil,
                                  p50: h.quantile(0.5).map { $0 / CapacityBuilder.waitSteps },
                                  p90: h.quantile(0.9).map { $0 / CapacityBuilder.waitSteps })
            }
            return PoolCapacity(name: pool.name, discipline: pool.discipline, overall: utilisation(p * (weeks + 1) + weeks),
                                weeks: weekly, waits: classWaits)
        }
    }
}

/// Utilisation over trials (fractions of 1): the mean, the P90 (from values in steps of
/// 1%), and the trials counted (those with working time in the span).
public struct Utilisation: Sendable, Equatable {
    public var mean: Double?
    public var p90: Double?
    public var trials: Int
}

public struct WeekUtilisation: Sendable, Equatable {
    public var week: Int
    /// The week's last day (at most the horizon's last day).
    public var date: CivilDate
    public var utilisation: Utilisation
}

/// The waits of one priority class, in working days, over every request of
/// the class the pool took in every trial.
public struct ClassWaits: Sendable, Equatable {
    /// 0 offers, 1 a requisition's last stage, 2 the one before, ...
    public var priorityClass: Int
    public var requests: Int
    public var mean: Double?
    /// In steps of 0.1 working day.
    public var p50: Double?, p90: Double?

    /// "offer", "last stage", "2nd-last stage", ...
    public var label: String {
        switch priorityClass {
        case 0: return "offer"
        case 1: return "last stage"
        case 2: return "2nd-last stage"
        case 3: return "3rd-last stage"
        default: return "\(priorityClass)th-last stage"
        }
    }
}

/// One pool's diagnostics (MODEL.md 21.4).
public struct PoolCapacity: Sendable, Equatable {
    /// `recruiters`, `interviewers`, or `recruiters.NAME` for a named pool.
    public var name: String
    public var discipline: PoolDiscipline
    /// Each trial's busy time over its available time, the whole horizon.
    public var overall: Utilisation
    public var weeks: [WeekUtilisation]
    public var waits: [ClassWaits]

    /// The utilisation above which a pool is called the bottleneck.
    public static let bottleneck = 0.85
}
