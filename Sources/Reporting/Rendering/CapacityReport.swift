import Forecast
import FunnelModel

/// The pool diagnostics of MODEL.md 21.4 as text and tables: the terminal's
/// "capacity" section, `capacity.csv` (utilisation per pool and week) and
/// `capacity-waits.csv` (waits per pool and priority class).
public enum CapacityReport {
    /// The terminal's capacity section; empty where the plan has no pool.
    public static func render(_ f: Forecast) -> String {
        guard !f.capacity.isEmpty else { return "" }
        var out = "Capacity: how busy each pool is, and how long its requests wait\n"
        var t = TextTable(columns: [.left("pool"), .left("discipline"), .right("utilisation"), .right("busiest week P90"),
                                    .right("offer wait"), .right("last stage wait"), .right("earlier stages wait")])
        for pool in f.capacity {
            let busiest = busiestWeek(pool)
            func wait(_ classes: ArraySlice<ClassWaits>) -> String {
                let requests = classes.reduce(0) { $0 + $1.requests }
                guard requests > 0 else { return Format.missing }
                let mean = classes.reduce(0.0) { $0 + ($1.mean ?? 0) * Double($1.requests) } / Double(requests)
                return Format.fixed(mean, digits: 1) + " wd"
            }
            t.add([pool.name, pool.discipline.rawValue, pool.overall.mean.map { Format.percent($0) } ?? Format.missing,
                   busiest.map { "\(Format.percent($0.p90)) (week \($0.week))" } ?? Format.missing,
                   wait(pool.waits.prefix(1)), wait(pool.waits.dropFirst().prefix(1)), wait(pool.waits.dropFirst(2))])
        }
        out += t.render() + "\n"
        out += "utilisation: busy working time over available working time (count x hours_per_week on the work calendar),\n"
        out += "mean over trials of the whole horizon; busiest week P90: the week whose P90 over trials is highest.\n"
        out += "waits: mean working days from request to the start of service, every request the pool took\n"
        out += "(P50 and P90 per class in capacity-waits.csv).\n"
        let busy = f.capacity.filter { ($0.overall.mean ?? 0) > PoolCapacity.bottleneck }
            .sorted { ($0.overall.mean ?? 0) > ($1.overall.mean ?? 0) }
        if let worst = busy.first {
            out += "Bottleneck: \(worst.name) runs at \(Format.percent(worst.overall.mean ?? 0)) of its working time"
                + " (above \(Format.percent(PoolCapacity.bottleneck, digits: 0)))"
                + (busy.count > 1 ? "; also above: \(busy.dropFirst().map(\.name).joined(separator: ", "))" : "") + ".\n"
        }
        return out + "\n"
    }

    /// The week whose P90 utilisation is highest (the first of ties).
    public static func busiestWeek(_ pool: PoolCapacity) -> (week: Int, p90: Double)? {
        var best: (week: Int, p90: Double)? = nil
        for w in pool.weeks {
            guard let p = w.utilisation.p90 else { continue }
            if best == nil || p > best!.p90 { best = (w.week, p) }
        }
        return best
    }

    /// `capacity.csv`: per pool and week, utilisation over the trials with
    /// working time that week (mean; P90 from values in steps of 1%), then a row per
    /// pool for the whole horizon (`week` empty, `date` the horizon's last day).
    public static func utilisation(_ f: Forecast) -> CSVTable {
        var t = CSVTable(header: ["pool", "week", "date", "utilisation_mean", "utilisation_p90", "trials"])
        let lastDay = f.start.adding(days: max(0, Int(f.horizonDays.rounded(.up)) - 1))
        for pool in f.capacity {
            for w in pool.weeks {
                t.rows.append([pool.name, String(w.week), w.date.description, CSVNumber.format(w.utilisation.mean),
                               CSVNumber.format(w.utilisation.p90), String(w.utilisation.trials)])
            }
            t.rows.append([pool.name, "", lastDay.description, CSVNumber.format(pool.overall.mean),
                           CSVNumber.format(pool.overall.p90), String(pool.overall.trials)])
        }
        return t
    }

    /// `capacity-waits.csv`: per pool and priority class (0 offers, 1 a
    /// requisition's last stage, ...), requests per trial and their waits in
    /// working days (mean exact; P50, P90 in steps of 0.1).
    public static func waits(_ f: Forecast) -> CSVTable {
        var t = CSVTable(header: ["pool", "class", "label", "requests_per_trial", "wait_mean", "wait_p50", "wait_p90"])
        let n = Double(max(1, f.trials))
        for pool in f.capacity {
            for w in pool.waits {
                t.rows.append([pool.name, String(w.priorityClass), w.label, CSVNumber.format(Double(w.requests) / n),
                               CSVNumber.format(w.mean), CSVNumber.format(w.p50), CSVNumber.format(w.p90)])
            }
        }
        return t
    }
}
