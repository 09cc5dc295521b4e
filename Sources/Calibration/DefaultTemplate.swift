import FunnelModel
import History

/// The scenario `fit` starts from without `--template`: the log's
/// requisitions and stages with MODEL.md 15's defaults for everything the
/// log cannot show (no weather, no pools, no costs, slate size 1, no max wait).
enum DefaultTemplate {
    /// Days of horizon beyond the observation: a year at least.
    static func make(_ log: HistoryLog) -> Scenario {
        let start = log.start.date
        let span = (log.asOf - Double(start.dayNumber)).rounded(.up)
        let horizon = max(365, span + 1)
        var requisitions: [Requisition] = []
        for r in log.requisitions {
            let stages = r.stages.enumerated().map { i, name in
                Stage(name: name, interview: r.interviewObserved[i], pass: Quantity(1, kind: .probability))
            }
            var q = Requisition(name: r.name, sourcing: Sourcing(applicantsPerWeek: Quantity(0, kind: .nonNegative)),
                                stages: stages.isEmpty ? [Stage(name: "screen", pass: Quantity(1, kind: .probability))] : stages,
                                offer: Offer(accept: Quantity(1, kind: .probability)))
            q.openings = Quantity(Double(r.openings), kind: .integer(minimum: 1))
            if let o = r.opened { q.opensDay = max(0, Double(o.date - start)) }
            if let d = r.deadline, Double(d - start) < horizon, Double(d - start) > q.opensDay { q.deadline = d }
            requisitions.append(q)
        }
        return Scenario(name: "Fitted from history", start: start, horizonDays: horizon, requisitions: requisitions)
    }
}
