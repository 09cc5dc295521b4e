import Forecast
import FunnelModel
import Simulation

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

    /// The first weeks' workload of the plan at the chosen value, and the
    /// weeks whose hours exceed a pool's nominal capacity.
    public static func workload(_ w: Workload, at chosen: PlanResult, weeks: Int = 6) -> String {
        var out = "\nWorkload with \(chosen.lever.path) = \(number(chosen.needed, chosen)) (plan, per week, mean / P90 over "
            + "\(w.trials) trials; workload.csv has every week and requisition)\n"
        let measures = WeeklyMeasure.allCases
        var table = TextTable(columns: [.left("week"), .left("ends")] + measures.map { .right($0.name) })
        let plan = w.cells.filter { $0.scope == "plan" }
        for week in 1...max(1, min(weeks, plan.map(\.week).max() ?? 1)) {
            let row = plan.filter { $0.week == week }
            guard let first = row.first else { continue }
            table.add([String(week), first.date.description] + measures.map { m in
                let c = row.first { $0.measure == m }!
                let digits = m == .recruiterHours || m == .interviewerHours ? 0 : 1
                return Format.fixed(c.mean, digits: digits) + " / " + Format.fixed(c.p90, digits: digits)
            })
        }
        out += table.render() + "\n"
        let over = w.overCapacity()
        if over.isEmpty {
            out += "No week's P90 of recruiter or interviewer hours exceeds the pools' capacity"
                + " (count x hours_per_week: recruiters \(w.recruiterCapacity.map { Format.hours($0) } ?? "unlimited"),"
                + " interviewers \(w.interviewerCapacity.map { Format.hours($0) } ?? "unlimited")).\n"
        } else {
            out += "Weeks over capacity (hours requested in the week vs count x hours_per_week; the pool then delays the work):\n"
            var t = TextTable(columns: [.left("week"), .left("ends"), .left("pool"), .right("capacity"), .right("mean"),
                                        .right("P90"), .left("")])
            for (c, cap, meanExceeds) in over {
                t.add([String(c.week), c.date.description, c.measure == .recruiterHours ? "recruiters" : "interviewers",
                       Format.hours(cap), Format.hours(c.mean), Format.hours(c.p90), meanExceeds ? "mean over" : "P90 over"])
            }
            out += t.render() + "\n"
        }
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

    /// workload.csv: `scope,week,date,measure,mean,p90`.
    public static func workload(_ w: Workload) -> CSVTable {
        var t = CSVTable(header: ["scope", "week", "date", "measure", "mean", "p90"])
        for c in w.cells {
            t.rows.append([c.scope, String(c.week), c.date.description, c.measure.name,
                           CSVNumber.format(c.mean), CSVNumber.format(c.p90)])
        }
        return t
    }

    /// plan-curve.csv: `lever,value,metric,target,mean,ci_low,ci_high,trials`,
    /// every evaluation in increasing lever value (what `report --plan` draws).
    public static func curve(_ results: [PlanResult], goal: PlanGoal) -> CSVTable {
        var t = CSVTable(header: ["lever", "value", "metric", "target", "mean", "ci_low", "ci_high", "trials"])
        for r in results {
            for p in r.curve {
                t.rows.append([r.lever.path, CSVNumber.format(p.value), goal.metric.scopeName + "." + goal.metric.description,
                               CSVNumber.format(goal.target), CSVNumber.format(p.mean), CSVNumber.format(p.ciLow), CSVNumber.format(p.ciHigh), String(p.trials)])
            }
        }
        return t
    }
}
