import Simulation

/// What a sensitivity analysis measures: one metric of one scope and, for
/// the tornado, a statistic over trials: `on_time` (the probability),
/// `time_to_fill.p50`, `cost_per_hire.mean`.
public struct MetricChoice: Sendable, Equatable, CustomStringConvertible {
    /// A statistic of a metric's summary over trials (MODEL.md 12, 17.4-17.6).
    public enum Statistic: String, CaseIterable, Sendable {
        case mean, sd, p5, p10, p25, p50, p75, p90, p95
        case beyondHorizon = "beyond_horizon"

        /// The percentile level of `p5` ... `p95`.
        var level: Double? {
            switch self {
            case .p5: return 0.05
            case .p10: return 0.10
            case .p25: return 0.25
            case .p50: return 0.50
            case .p75: return 0.75
            case .p90: return 0.90
            case .p95: return 0.95
            case .mean, .sd, .beyondHorizon: return nil
            }
        }
    }

    public var metric: Metric
    public var statistic: Statistic
    /// 0 for the plan, 1 + r for requisition r.
    public var scope: Int
    public var scopeName: String

    /// Reads `METRIC[.STATISTIC]` (default `on_time`; the statistic
    /// defaults to `mean`, which for `on_time` and `cancelled` is the
    /// probability) for `scope` (default `plan`, else a requisition's name).
    public init(_ text: String? = nil, scope: String? = nil, model: SimulationModel) throws(SensitivityError) {
        let written = text ?? Metric.onTime.rawValue
        let parts = written.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let metric = Metric(rawValue: parts[0]) else {
            throw SensitivityError("unknown metric '\(parts[0])' in --metric \(written); known: "
                                   + Metric.allCases.map(\.rawValue).joined(separator: ", "), badOption: true)
        }
        var statistic = Statistic.mean
        if parts.count == 2 {
            guard let s = Statistic(rawValue: parts[1]) else {
                throw SensitivityError("unknown statistic '\(parts[1])' in --metric \(written); known: "
                                       + Statistic.allCases.map(\.rawValue).joined(separator: ", "), badOption: true)
            }
            statistic = s
        }
        let scopes = ["plan"] + model.requisitions.map(\.name)
        let name = scope ?? "plan"
        guard let index = scopes.firstIndex(of: name) else {
            throw SensitivityError("unknown scope '\(name)'; known: \(scopes.joined(separator: ", "))", badOption: true)
        }
        self.metric = metric
        self.statistic = statistic
        self.scope = index
        self.scopeName = name
    }

    /// `metric.statistic`, the statistic left out where it is the mean.
    public var description: String {
        statistic == .mean ? metric.rawValue : "\(metric.rawValue).\(statistic.rawValue)"
    }

    /// The statistic in a summary; nil where it has none (a percentile
    /// beyond the horizon, no finite value).
    public func value(in summary: MetricSummary) -> Double? {
        switch statistic {
        case .mean: return summary.mean
        case .sd: return summary.sd
        case .beyondHorizon: return summary.beyondHorizon
        default: return summary.percentile(statistic.level!)
        }
    }

    /// The statistic in a forecast.
    public func value(in forecast: Forecast) -> Double? {
        value(in: forecast.summary(scope, metric))
    }

    /// The metric's value in one trial (MODEL.md 17.8): per-opening metrics
    /// are the mean over the scope's filled openings (NaN where none), cost
    /// per hire is +infinity without a hire. `row` is scratch space.
    public func trialValue(_ outcome: TrialOutcome, row: inout [Double]) -> Double {
        if metric.isPerOpening {
            let reqs = scope == 0 ? outcome.requisitions[...] : outcome.requisitions[(scope - 1)...(scope - 1)]
            var sum = 0.0, n = 0
            if metric == .timeToFillRestricted {
                for o in reqs { sum += o.restrictedFillSum(); n += o.openings }
                return n > 0 ? sum / Double(n) : .nan
            }
            for o in reqs {
                let times = metric == .timeToFill ? o.fillTimes : o.startTimes
                sum += times.reduce(0, +)
                n += times.count
            }
            return n > 0 ? sum / Double(n) : .nan
        }
        TrialMetrics.values(of: outcome, into: &row)
        return row[scope * Metric.perTrial.count + Metric.perTrial.firstIndex(of: metric)!]
    }
}
