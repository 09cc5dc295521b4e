import FunnelModel
import History

/// The scenario `fit` starts from without `--template`: the log's
/// requisitions and stages with MODEL.md 15's defaults for everything the
/// log cannot show (no weather, no pools, no costs, slate size 1, no max wait).
enum DefaultTemplate {
    /// Days of horizon beyond the observation: a year at least. Several
    /// logs (observation periods): every requisition named in any, with
    /// the first period's openings and deadline, its stages in the order
    /// the paths of all periods visit them.
    static func make(_ logs: [HistoryLog]) -> Scenario {
        let startTime = logs.map(\.start).min() ?? HistoryTime(days: 0)
        let start = startTime.date
        let asOf = logs.map(\.asOf).max() ?? startTime.days
        let span = (asOf - Double(start.dayNumber)).rounded(.up)
        let horizon = max(365, span + 1)
        var requisitions: [Requisition] = []
        var seen: [String: Int] = [:]
        for log in logs {
            for r in log.requisitions {
                if let i = seen[r.name] {
                    requisitions[i].stages = merged(requisitions[i].stages, r)
                    continue
                }
                seen[r.name] = requisitions.count
                var q = Requisition(name: r.name, sourcing: Sourcing(applicantsPerWeek: Quantity(0, kind: .nonNegative)),
                                    stages: merged([], r), offer: Offer(accept: Quantity(1, kind: .probability)))
                q.openings = Quantity(Double(r.openings), kind: .integer(minimum: 1))
                if let o = r.opened { q.opensDay = max(0, Double(o.date - start)) }
                if let d = r.deadline, Double(d - start) < horizon, Double(d - start) > q.opensDay { q.deadline = d }
                requisitions.append(q)
            }
        }
        for i in requisitions.indices where requisitions[i].stages.isEmpty {
            requisitions[i].stages = [Stage(name: "screen", pass: Quantity(1, kind: .probability))]
        }
        return Scenario(name: "Fitted from history", start: start, horizonDays: horizon, requisitions: requisitions)
    }

    /// `stages` with the stages of `r` it lacks, each after its
    /// predecessor in `r`'s order; a stage is an interview where any
    /// period shows interview events there.
    static func merged(_ stages: [Stage], _ r: RequisitionHistory) -> [Stage] {
        var out = stages
        var after = -1
        for (i, name) in r.stages.enumerated() {
            if let j = out.firstIndex(where: { $0.name == name }) {
                if r.interviewObserved[i] { out[j].interview = true }
                after = j
            } else {
                out.insert(Stage(name: name, interview: r.interviewObserved[i], pass: Quantity(1, kind: .probability)), at: after + 1)
                after += 1
            }
        }
        return out
    }
}
