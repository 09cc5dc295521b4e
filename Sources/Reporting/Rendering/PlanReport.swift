import Forecast
import FunnelModel

/// `plan`'s outputs as text and tables: the terminal table of levers
/// (today's value, needed value, its range, the metric there), plan.csv (one
/// row per lever) and plan-curve.csv (every evaluation of the search).
public enum PlanReport {
    public static func render(_ results: [PlanResult], goal: PlanGoal, scenario: Scenario) -> String {
        let m = goal.metric
        let trials = results.first?.atNeeded.trials ?? scenario.trials
        var out = "Plan: \(m.scopeName) \(m) \(goal.atLeast ? ">=" : "<=") \(MetricFormat.value(goal.target, m.metric))"
            + " - each lever alone, on the same \(trials) trials (seed \(scenario.seed)) at every value tried\n\n"
        var table = TextTable(columns: [.left("lever"), .right("today"), .right("needed"), .right("change"),
                                        .right("95% range of needed"), .right("\(m) there"), .right("95% CI"), .left("status")])
        for r in results {
            let p = r.atNeeded
            let range = r.neededLow.map { lo in "\(number(lo, r)) to \(number(r.neededHigh!, r))" } ?? Format.missing
            let ci = p.ciLow.map { "\(MetricFormat.value($0, m.metric)) - \(MetricFormat.value(p.ciHigh, m.metric))" } ?? Format.missing
            let change = r.status == .found || r.status == .reachedAtLimit ? signed(r.needed - r.lever.current, r) : Format.missing
            table.add([r.lever.path, number(r.lever.current, r), number(r.needed, r), change, range,
                       MetricFormat.value(p.mean, m.metric), ci, status(r, goal)])
        }
        out += table.render() + "\n"
        for r in results where r.lever.path.hasSuffix(".opens_day") && (r.status == .found || r.status == .reachedAtLimit) {
            let day = Int(r.needed.rounded(.down))
            out += "\(r.lever.path): open it by day \(day) (\(scenario.start.adding(days: day))) at the latest\n"
        }
        if let reached = results.first?.atNeeded.precision { out += "Precision: " + reached.sentence + " (at the needed value)\n" }
        return out
    }

    /// What the status means for a planner.
    static func status(_ r: PlanResult, _ goal: PlanGoal) -> String {
        switch r.status {
        case .found: return "found"
        case .reachedAtLimit: return "reached over the whole range (at --\(r.growingHelps ? "min" : "max"))"
        case .unreachable: return "not reached within \(number(r.lever.range.lowerBound, r)) to \(number(r.lever.range.upperBound, r)); shown: the best value tried"
        case .noEffect: return "does not move the metric (same at both ends)"
        }
    }

    static func number(_ v: Double, _ r: PlanResult) -> String {
        r.lever.isInteger ? String(Int(v)) : MetricFormat.parameter(v)
    }

    static func signed(_ d: Double, _ r: PlanResult) -> String {
        (d > 0 ? "+" : "") + number(d, r)
    }
}

public enum PlanTables {
    /// plan.csv: `lever,current,needed,ci_low,ci_high,metric,metric_at_needed,
    /// metric_ci_low,metric_ci_high,status` (and `trials,half_width` under --precision).
    public static func plan(_ results: [PlanResult], goal: PlanGoal) -> CSVTable {
        let precise = results.contains { $0.atNeeded.precision != nil }
        var header = ["lever", "current", "needed", "ci_low", "ci_high", "metric", "metric_at_needed",
                      "metric_ci_low", "metric_ci_high", "status"]
        if precise { header += ["trials", "half_width"] }
        var t = CSVTable(header: header)
        for r in results {
            let p = r.atNeeded
            var row = [r.lever.path, CSVNumber.format(r.lever.current), CSVNumber.format(r.needed),
                       CSVNumber.format(r.neededLow), CSVNumber.format(r.neededHigh),
                       goal.metric.scopeName + "." + goal.metric.description,
                       CSVNumber.format(p.mean), CSVNumber.format(p.ciLow), CSVNumber.format(p.ciHigh), r.status.rawValue]
            if precise { row += [String(p.trials), CSVNumber.format(p.precision?.halfWidth)] }
            t.rows.append(row)
        }
        return t
    }

    /// plan-curve.csv: `lever,value,metric,mean,ci_low,ci_high,trials`, every
    /// evaluation in increasing lever value.
    public static func curve(_ results: [PlanResult], goal: PlanGoal) -> CSVTable {
        var t = CSVTable(header: ["lever", "value", "metric", "mean", "ci_low", "ci_high", "trials"])
        for r in results {
            for p in r.curve {
                t.rows.append([r.lever.path, CSVNumber.format(p.value), goal.metric.scopeName + "." + goal.metric.description,
                               CSVNumber.format(p.mean), CSVNumber.format(p.ciLow), CSVNumber.format(p.ciHigh), String(p.trials)])
            }
        }
        return t
    }
}
