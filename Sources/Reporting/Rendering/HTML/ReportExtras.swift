import Forecast

/// Sections of the HTML report that come from other analyses than the main
/// run (MODEL.md 12): the tornado chart and the interventions' effects. A
/// nil or empty list leaves its section out of the page.
///
/// The values are plain numbers so that any analysis can fill them in: a
/// sensitivity or compare command maps its results onto these types.
public struct ReportExtras: Sendable, Equatable {
    /// One bar per parameter; drawn largest swing first whatever the order here.
    public var tornado: [TornadoBar]?
    /// What the tornado's metric is, e.g. "P(on time), plan".
    public var tornadoMetric: MetricLabel
    /// The metric in the base run, the tornado's centre line (nil: none drawn).
    public var tornadoBaseline: Double?
    /// Parameters of the tornado not drawn (smaller swings), said under the chart.
    public var tornadoLeftOut = 0
    /// Trials of each tornado run, where they are not the forecast's (said
    /// in the lead: the base value then differs by Monte Carlo error).
    public var tornadoTrials: Int? = nil
    /// One row per intervention, in the order given.
    public var interventions: [InterventionEffect]?
    /// What the interventions' metric is.
    public var interventionMetric: MetricLabel
    /// The scopes of the interventions' table (plan first), and for each
    /// intervention its effect in each of them (the chart's metric; a
    /// scope without a paired value is left out of its list).
    public var interventionScopes: [String] = []
    public var interventionsByScope: [[InterventionEffect]] = []
    /// The interventions' metric without its scope: "P(on time)".
    public var interventionMetricName = "P(on time)"
    /// `plan`'s search curves (report --plan), one chart per lever.
    public var planCurves: [PlanCurve]? = nil

    public init(tornado: [TornadoBar]? = nil, tornadoMetric: MetricLabel = .onTime, tornadoBaseline: Double? = nil,
                interventions: [InterventionEffect]? = nil, interventionMetric: MetricLabel = .onTime) {
        self.tornado = tornado
        self.tornadoMetric = tornadoMetric
        self.tornadoBaseline = tornadoBaseline
        self.interventions = interventions
        self.interventionMetric = interventionMetric
    }
}

/// A metric's name for people and how its values read.
public struct MetricLabel: Sendable, Equatable {
    public var name: String
    /// Charts show hours and counts alike, as plain numbers.
    public var unit: MetricUnit

    public init(name: String, unit: MetricUnit) {
        self.name = name
        self.unit = unit
    }

    /// The plan's probability of every requisition being on time (the
    /// default metric of sensitivity and compare).
    public static let onTime = MetricLabel(name: "P(on time), plan", unit: .share)

    /// A value of this metric: "73.4%", "41.2 d", "12,345", "3.42".
    func format(_ v: Double) -> String {
        switch unit {
        case .share: return Format.percent(v)
        case .days: return Format.days(v)
        case .money: return Format.money(v)
        case .hours, .count: return Format.fixed(v, digits: 2)
        }
    }

    /// An axis tick: as `format`, with no decimals where the tick is whole
    /// ("20%", not "20.0%"); a change signed ("+5 pp", "0 pp").
    func formatTick(_ v: Double, change: Bool = false) -> String {
        let shown = unit == .share ? v * 100 : v
        let digits = (shown * 10).rounded() == (shown.rounded() * 10) ? 0 : 1
        let sign = change && v > 0 ? "+" : ""
        switch unit {
        case .share: return sign + Format.fixed(shown, digits: digits) + (change ? " pp" : "%")
        case .days: return sign + Format.fixed(v, digits: digits) + " d"
        case .money: return sign + Format.money(v)
        case .hours, .count: return sign + Format.fixed(v, digits: digits)
        }
    }

    /// A change of this metric, signed: "+4.1 pp", "-3.0 d", "+1,200".
    func formatChange(_ d: Double) -> String {
        let sign = d > 0 ? "+" : ""
        switch unit {
        case .share: return sign + Format.fixed(d * 100, digits: 1) + " pp"
        case .days: return sign + Format.fixed(d, digits: 1) + " d"
        case .money: return sign + Format.money(d)
        case .hours, .count: return sign + Format.fixed(d, digits: 2)
        }
    }
}

/// One parameter of a tornado chart (MODEL.md 12 and 17.15): the
/// parameter's low and high value and the metric at each.
public struct TornadoBar: Sendable, Equatable {
    /// The parameter's path, e.g. `requisitions.backend.stages.onsite.pass`.
    public var parameter: String
    /// The parameter's low and high value.
    public var low: Double
    public var high: Double
    /// The metric with the parameter at its low and at its high value.
    public var metricLow: Double
    public var metricHigh: Double
    /// The swing's 95% interval from the paired trials (nil: none).
    public var swingLow: Double? = nil, swingHigh: Double? = nil
    /// The tornado's rank, and the ranks whose intervals overlap this one's.
    public var rank: Int = 0
    public var ties: [Int] = []
    /// The point's clipped or rounded sides, one line each.
    public var notes: [String] = []

    public init(parameter: String, low: Double, high: Double, metricLow: Double, metricHigh: Double,
                swingLow: Double? = nil, swingHigh: Double? = nil, rank: Int = 0, ties: [Int] = [], notes: [String] = []) {
        self.swingLow = swingLow; self.swingHigh = swingHigh
        self.rank = rank; self.ties = ties; self.notes = notes
        self.parameter = parameter
        self.low = low
        self.high = high
        self.metricLow = metricLow
        self.metricHigh = metricHigh
    }

    /// |metric at high - metric at low|.
    public var swing: Double { abs(metricHigh - metricLow) }
}

/// One intervention's effect on a metric (MODEL.md 12 and 17.9): the
/// baseline, the value with the intervention, and the paired difference
/// with its 95% interval.
public struct InterventionEffect: Sendable, Equatable {
    public var name: String
    public var baseline: Double
    public var value: Double
    /// Mean paired difference (intervention - baseline).
    public var difference: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// The intervention's clipped or rounded changes, one line each.
    public var notes: [String] = []
    /// The scope the effect is of ("plan" or a requisition; "" where not said).
    public var scope = ""

    public init(name: String, baseline: Double, value: Double, difference: Double, ciLow: Double, ciHigh: Double,
                notes: [String] = [], scope: String = "") {
        self.notes = notes
        self.scope = scope
        self.name = name
        self.baseline = baseline
        self.value = value
        self.difference = difference
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}
