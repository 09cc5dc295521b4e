import Forecast

extension ReportExtras {
    /// The report's tornado and interventions sections from the results of
    /// `Tornado.run` and `InterventionComparison.run`: the tornado in its
    /// own metric, the interventions' effect on the plan's probability of
    /// being on time. Rows without a value (no swing, no trial where both
    /// runs have a value) are left out, and the tornado keeps its
    /// `tornadoBars` largest swings (a plan has a hundred parameters).
    /// `metric` (nil: the plan's P(on time)) picks the interventions'
    /// metric and scope; their table has that metric's change in every scope.
    public init(tornado: Tornado.Result?, interventions: [InterventionComparison.Result]?, tornadoBars: Int = 15,
                metric: MetricChoice? = nil) {
        var extras = ReportExtras()
        if let tornado {
            let bars = tornado.rows.sorted { $0.rank < $1.rank }.compactMap { r -> TornadoBar? in
                guard let lo = r.metricLow, let hi = r.metricHigh else { return nil }
                return TornadoBar(parameter: r.path, low: r.low, high: r.high, metricLow: lo, metricHigh: hi,
                                  swingLow: r.swingLow, swingHigh: r.swingHigh, rank: r.rank, ties: r.ties, notes: r.notes)
            }
            extras.tornado = Array(bars.prefix(tornadoBars))
            extras.tornadoLeftOut = max(0, bars.count - tornadoBars)
            extras.tornadoTrials = tornado.trials
            extras.tornadoMetric = MetricLabel(tornado.metric)
            extras.tornadoBaseline = tornado.base
        }
        if let interventions, let plan = interventions.first?.effects.first?.scope {
            let scope = metric?.scopeName ?? plan, m = metric?.metric ?? .onTime
            func effect(_ result: InterventionComparison.Result, _ scope: String) -> InterventionEffect? {
                guard let e = result.effect(scope, m), let baseline = e.baseline, let value = e.value,
                      let d = e.difference.mean, let lo = e.difference.ciLow, let hi = e.difference.ciHigh else { return nil }
                return InterventionEffect(name: result.intervention, baseline: baseline, value: value,
                                          difference: d, ciLow: lo, ciHigh: hi, notes: result.notes, scope: scope)
            }
            extras.interventions = interventions.compactMap { effect($0, scope) }
            var scopes: [String] = []
            for e in interventions.first?.effects ?? [] where !scopes.contains(e.scope) { scopes.append(e.scope) }
            extras.interventionScopes = scopes
            extras.interventionsByScope = interventions.map { r in scopes.compactMap { effect(r, $0) } }
            // The interventions compare means over the paired trials: the metric's mean, whatever its statistic.
            var mean = metric
            mean?.statistic = .mean
            extras.interventionMetric = mean.map { MetricLabel($0) } ?? .onTime
            extras.interventionMetricName = mean.map { SensitivityReport.title($0) } ?? "P(on time)"
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
