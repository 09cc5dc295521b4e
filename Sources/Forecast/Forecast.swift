import FunnelModel

/// The forecast over all trials (MODEL.md section 12): what the terminal,
/// the CSV files and the HTML report show.
public struct Forecast: Sendable {
    public var scenarioName: String
    public var start: CivilDate
    public var horizonDays: Double
    public var trials: Int
    public var seed: UInt64
    /// "plan", then each requisition's name.
    public var scopes: [String]
    /// Openings per scope (the plan's is the sum).
    public var openings: [Int]
    /// Deadline per scope (nil: the horizon; the plan's: the latest).
    public var deadlines: [CivilDate?]
    /// summaries[scope][metric] in `Metric.allCases` order.
    public var summaries: [[MetricSummary]]
    /// timeline[scope][week - 1].
    public var timeline: [[TimelinePoint]]
    /// funnel[scope]: the stages, then decision, offer, background_check, start.
    public var funnel: [[FunnelStep]]
    /// Mean events per trial (for the benchmark).
    public var eventsPerTrial: Double
    /// fillHistograms[scope]: time to fill of every opening of every trial,
    /// binned, with the openings not filled within the horizon counted apart.
    public var fillHistograms: [TimeHistogram] = []
    /// Where the run stopped under `--precision` (nil: a fixed number of trials).
    public var precision: PrecisionReached? = nil

    public func summary(_ scope: Int, _ metric: Metric) -> MetricSummary {
        summaries[scope][Metric.allCases.firstIndex(of: metric)!]
    }
}

/// Cumulative starts at the end of one week, across trials.
public struct TimelinePoint: Sendable, Equatable {
    public var week: Int
    /// The last day of the week (at most the last day of the horizon).
    public var date: CivilDate
    public var mean: Double
    public var p10: Double, p50: Double, p90: Double
}

/// One step of the funnel, as mean counts per trial (MODEL.md 17.10).
public struct FunnelStep: Sendable, Equatable {
    public var stage: String
    public var entered = 0.0, passed = 0.0, noShows = 0.0, withdrawn = 0.0, contactFailures = 0.0, rejected = 0.0

    public init(stage: String) { self.stage = stage }

    /// Conversion from entered to passed (nil when nobody entered).
    public var conversion: Double? { entered > 0 ? passed / entered : nil }
}
