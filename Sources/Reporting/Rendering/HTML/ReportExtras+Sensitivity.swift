import Forecast

extension ReportExtras {
    /// The report's tornado and interventions sections from the results of
    /// `Tornado.run` and `InterventionComparison.run`: the tornado in its
    /// own metric, the interventions' effect on the plan's probability of
    /// being on time. Rows without a value (no swing, no trial where both
    /// runs have a value) are left out, and the tornado keeps its
    /// `tornadoBars` largest swings (a plan has a hundred parameters).
    public init(tornado: Tornado.Result?, interventions: [InterventionComparison.Result]?, tornadoBars: Int = 15) {
        var extras = ReportExtras()
        if let tornado {
            let bars = tornado.rows.sorted { $0.rank < $1.rank }.compactMap { r -> TornadoBar? in
                guard let lo = r.metricLow, let hi = r.metricHigh else { return nil }
                return TornadoBar(parameter: r.path, low: r.low, high: r.high, metricLow: lo, metricHigh: hi)
            }
            extras.tornado = Array(bars.prefix(tornadoBars))
            extras.tornadoLeftOut = max(0, bars.count - tornadoBars)
            extras.tornadoTrials = tornado.trials
            extras.tornadoMetric = MetricLabel(tornado.metric)
            extras.tornadoBaseline = tornado.base
        }
        if let interventions, let plan = interventions.first?.effects.first?.scope {
            extras.interventions = interventions.compactMap { result in
                guard let e = result.effect(plan, .onTime), let baseline = e.baseline, let value = e.value,
                      let d = e.difference.mean, let lo = e.difference.ciLow, let hi = e.difference.ciHigh else { return nil }
                return InterventionEffect(name: result.intervention, baseline: baseline, value: value,
                                          difference: d, ciLow: lo, ciHigh: hi, notes: result.notes)
            }
            extras.interventionMetric = .onTime
        }
        self = extras
    }
}

extension MetricLabel {
    /// The label of a sensitivity metric: "P(on time), plan",
    /// "time to fill P50, backend", as the terminal's tables title it.
    public init(_ choice: MetricChoice) {
        self.init(name: "\(SensitivityReport.title(choice)), \(choice.scopeName)", unit: choice.unit)
    }
}
