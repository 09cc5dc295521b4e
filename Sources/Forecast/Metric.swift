import Simulation

/// A reported metric (MODEL.md sections 11 and 17), in `summary.csv` order.
public enum Metric: String, CaseIterable, Sendable {
    case onTime = "on_time", filled, filledByDeadline = "filled_by_deadline"
    case timeToFill = "time_to_fill", timeToFillRestricted = "time_to_fill_restricted", timeToStart = "time_to_start"
    case cancelled
    case applicants, contactFailures = "contact_failures", noShows = "no_shows", withdrawn, rejected
    case offers, declines, bgFail = "bg_fail", bgFalseFail = "bg_false_fail", reneges
    case recruiterHours = "recruiter_hours", interviewerHours = "interviewer_hours", cost
    case costPerHire = "cost_per_hire", released

    /// One value per opening (time_to_fill, its restricted form, time_to_start)
    /// rather than per trial.
    public var isPerOpening: Bool { self == .timeToFill || self == .timeToFillRestricted || self == .timeToStart }

    /// A 0/1 metric, summarized as a probability with a Wilson interval.
    public var isBinary: Bool { self == .onTime || self == .cancelled }

    /// The metrics with one value per trial, in order.
    public static let perTrial: [Metric] = allCases.filter { !$0.isPerOpening }

    /// The engine counter behind a summed count metric.
    var counter: Counter? {
        switch self {
        case .filled: return .filled
        case .filledByDeadline: return .filledByDeadline
        case .applicants: return .applicants
        case .contactFailures: return .contactFailures
        case .noShows: return .noShows
        case .withdrawn: return .withdrawn
        case .rejected: return .rejected
        case .offers: return .offers
        case .declines: return .declines
        case .bgFail: return .bgFail
        case .bgFalseFail: return .bgFalseFail
        case .reneges: return .reneges
        case .recruiterHours: return .recruiterHours
        case .interviewerHours: return .interviewerHours
        case .cost: return .cost
        case .released: return .released
        case .onTime, .cancelled, .timeToFill, .timeToFillRestricted, .timeToStart, .costPerHire: return nil
        }
    }
}

/// Per-trial metric values of every scope of one trial: the plan's first,
/// then each requisition's, each in `Metric.perTrial` order.
public enum TrialMetrics {
    static func values(of outcome: TrialOutcome, into row: inout [Double]) {
        let m = Metric.perTrial.count
        let reqs = outcome.requisitions
        row.removeAll(keepingCapacity: true)
        row.append(contentsOf: repeatElement(0, count: m * (reqs.count + 1)))
        var planOnTime = 1.0, planCancelled = 0.0
        for (r, o) in reqs.enumerated() {
            let base = (r + 1) * m
            for (i, metric) in Metric.perTrial.enumerated() {
                let v: Double
                switch metric {
                case .onTime: v = o[.onTime]
                case .cancelled: v = o[.cancelled]
                case .costPerHire: v = o[.filled] > 0 ? o[.cost] / o[.filled] : .infinity
                default: v = o[metric.counter!]
                }
                row[base + i] = v
                if let c = metric.counter { row[i] += o[c] }
            }
            planOnTime = min(planOnTime, o[.onTime])
            planCancelled = max(planCancelled, o[.cancelled])
        }
        for (i, metric) in Metric.perTrial.enumerated() {
            switch metric {
            case .onTime: row[i] = planOnTime
            case .cancelled: row[i] = planCancelled
            case .costPerHire:
                let filled = row[Metric.perTrial.firstIndex(of: .filled)!]
                row[i] = filled > 0 ? row[Metric.perTrial.firstIndex(of: .cost)!] / filled : .infinity
            default: break
            }
        }
    }

    /// Every metric of every scope of one trial (plan first, each in
    /// `Metric.allCases` order), then the uncertain parameters: a row of
    /// `trials.csv` after its `trial` column. Per-opening metrics are the
    /// mean over filled openings (NaN where none); cost per hire is
    /// +infinity without a hire.
    public static func row(of outcome: TrialOutcome, model: SimulationModel) -> [Double] {
        var perTrial: [Double] = []
        values(of: outcome, into: &perTrial)
        let m = Metric.perTrial.count
        var out: [Double] = []
        var planFill = 0.0, planStart = 0.0, planN = 0, planRestricted = 0.0, planOpenings = 0
        var means: [(Double, Double, Double)] = []
        for (r, o) in outcome.requisitions.enumerated() {
            let n = o.fillTimes.count, openings = model.requisitions[r].openings
            let f = o.fillTimes.reduce(0, +), st = o.startTimes.reduce(0, +)
            let restricted = o.restrictedFillSum()
            means.append((n > 0 ? f / Double(n) : .nan, n > 0 ? st / Double(n) : .nan,
                          openings > 0 ? restricted / Double(openings) : .nan))
            planFill += f; planStart += st; planN += n; planRestricted += restricted; planOpenings += openings
        }
        means.insert((planN > 0 ? planFill / Double(planN) : .nan, planN > 0 ? planStart / Double(planN) : .nan,
                      planOpenings > 0 ? planRestricted / Double(planOpenings) : .nan), at: 0)
        for s in 0...outcome.requisitions.count {
            for metric in Metric.allCases {
                switch metric {
                case .timeToFill: out.append(means[s].0)
                case .timeToFillRestricted: out.append(means[s].2)
                case .timeToStart: out.append(means[s].1)
                default: out.append(perTrial[s * m + Metric.perTrial.firstIndex(of: metric)!])
                }
            }
        }
        return out + outcome.parameters
    }
}

/// What a metric's values measure: the one metric-to-unit mapping that the
/// terminal tables, the CSV-facing reports and the HTML charts all read.
public enum MetricUnit: Sendable, Equatable {
    /// A share in [0, 1] (a probability): shown as a percentage, changes in points.
    case share
    /// Days.
    case days
    /// Money, whole units.
    case money
    /// Hours of work.
    case hours
    /// A count of candidates, offers or openings.
    case count
}

extension Metric {
    /// The unit of this metric's values.
    public var unit: MetricUnit {
        switch self {
        case .onTime, .cancelled: return .share
        case .timeToFill, .timeToFillRestricted, .timeToStart: return .days
        case .cost, .costPerHire: return .money
        case .recruiterHours, .interviewerHours: return .hours
        case .filled, .filledByDeadline, .applicants, .contactFailures, .noShows, .withdrawn, .rejected, .offers, .declines, .bgFail,
             .bgFalseFail, .reneges, .released:
            return .count
        }
    }
}

extension MetricChoice {
    /// The unit of the chosen statistic: a share of trials for
    /// `beyond_horizon`, else the metric's.
    public var unit: MetricUnit { statistic == .beyondHorizon ? .share : metric.unit }
}
