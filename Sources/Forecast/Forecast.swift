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
    /// Each pool's utilisation and waits (MODEL.md 21.4); empty without pools.
    public var capacity: [PoolCapacity] = []
    /// Where the run stopped under `--precision` (nil: a fixed number of trials).
    public var precision: PrecisionReached? = nil
    /// Per requisition (in scope order, without the plan): starts by each
    /// deadline and the k-th start's date (MODEL.md 21.9, `starts.csv`).
    public var starts: [RequisitionStarts] = []
    /// Per sourcing channel, in the scenario's order (MODEL.md 21.5): its
    /// funnel, applicants, hires and cost; empty without channels.
    public var channels: [ChannelSummary] = []

    public func summary(_ scope: Int, _ metric: Metric) -> MetricSummary {
        summaries[scope][Metric.allCases.firstIndex(of: metric)!]
    }

    /// The share of the scope's openings whose offer was accepted but whose
    /// start falls after the horizon (in the background check or the notice
    /// period at the horizon). `time_to_fill` counts these as beyond the
    /// horizon too, since a fill is recorded at the start.
    public func startsAfterHorizon(_ scope: Int) -> Double {
        let steps = funnel[scope].suffix(2)
        guard openings[scope] > 0 else { return 0 }
        return steps.reduce(0) { $0 + $1.open } / Double(openings[scope])
    }

    /// The share of the scope's openings with no accepted offer by the horizon.
    public func notFilled(_ scope: Int) -> Double {
        max(0, summary(scope, .timeToFill).beyondHorizon - startsAfterHorizon(scope))
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
/// It adds up: entered = passed + noShows + withdrawn + contactFailures +
/// rejected + released + open.
public struct FunnelStep: Sendable, Equatable {
    public var stage: String
    public var entered = 0.0, passed = 0.0, noShows = 0.0, withdrawn = 0.0, contactFailures = 0.0, rejected = 0.0
    /// Let go when the requisition was covered or cancelled.
    public var released = 0.0
    /// Still in the step at the horizon (at `start`: accepted, starts after
    /// the horizon; at `decision`: still waiting for an offer).
    public var open = 0.0

    public init(stage: String) { self.stage = stage }

    /// What is left once every outcome but `open` is counted.
    var remainder: Double { entered - passed - noShows - withdrawn - contactFailures - rejected - released }

    /// Conversion from entered to passed (nil when nobody entered).
    public var conversion: Double? { entered > 0 ? passed / entered : nil }
}
