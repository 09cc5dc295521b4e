import FunnelModel
import Simulation

// The weekly workload a plan implies (`plan`'s workload.csv): per scope,
// week and measure, the mean and P90 over trials of applicants, screens,
// interviews, offers, recruiter and interviewer hours, and the weeks whose
// hours exceed the pools' nominal capacity.

/// One row of workload.csv.
public struct WorkloadCell: Sendable, Equatable {
    public var scope: String
    public var week: Int
    public var date: CivilDate
    public var measure: WeeklyMeasure
    public var mean: Double
    public var p90: Double
}

/// The workload of one run.
public struct Workload: Sendable, Equatable {
    public var cells: [WorkloadCell]
    public var trials: Int
    /// Nominal weekly capacity: count x hours_per_week (the mean where
    /// uncertain), nil for a pool the plan does not have.
    public var recruiterCapacity: Double?, interviewerCapacity: Double?

    /// Runs `scenario`'s trials with weekly counting and summarizes them.
    public static func run(_ scenario: Scenario, options: RunOptions, progress: (@Sendable (Int) -> Void)? = nil) -> Workload {
        var model = SimulationModel(scenario)
        model.countsWeekly = true
        let weeks = model.weekCount, m = WeeklyMeasure.count, reqs = model.requisitions.count
        let scopes = reqs + 1
        // values[(scope * weeks + week) * m + measure][trial]
        var values = Array(repeating: [Double](), count: scopes * weeks * m)
        ForecastRunner.run(model: model, options: options, progress: progress) { chunk in
            for o in chunk.outcomes {
                for w in 0..<weeks {
                    for k in 0..<m {
                        var total = 0.0
                        for r in 0..<reqs {
                            let v = o.weekly[(r * weeks + w) * m + k]
                            values[((r + 1) * weeks + w) * m + k].append(v)
                            total += v
                        }
                        values[w * m + k].append(total)
                    }
                }
            }
        }
        let names = ["plan"] + model.requisitions.map(\.name)
        let lastDay = Swift.max(0, Int(model.horizon.rounded(.up)) - 1)
        var cells: [WorkloadCell] = []
        for s in 0..<scopes {
            for w in 0..<weeks {
                for measure in WeeklyMeasure.allCases {
                    let xs = values[(s * weeks + w) * m + measure.rawValue].sorted()
                    let mean = xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count)
                    cells.append(WorkloadCell(scope: names[s], week: w + 1,
                                              date: scenario.start.adding(days: Swift.min(7 * (w + 1) - 1, lastDay)),
                                              measure: measure, mean: mean,
                                              p90: Statistics.quantile(sorted: xs, 0.9) ?? 0))
                }
            }
        }
        // The plan's capacity: every pool of the role together (MODEL.md 21.1).
        func capacity(_ pools: [Pool]) -> Double? {
            pools.isEmpty ? nil : pools.reduce(0) { $0 + Double($1.count.integerValue) * $1.hoursPerWeek.fixedValue }
        }
        return Workload(cells: cells, trials: options.trials, recruiterCapacity: capacity(scenario.recruiterPools),
                        interviewerCapacity: capacity(scenario.interviewerPools))
    }

    /// The plan's weeks whose mean (or P90) hours exceed a pool's capacity.
    public func overCapacity() -> [(cell: WorkloadCell, capacity: Double, meanExceeds: Bool)] {
        var out: [(WorkloadCell, Double, Bool)] = []
        for c in cells where c.scope == "plan" {
            let cap: Double?
            switch c.measure {
            case .recruiterHours: cap = recruiterCapacity
            case .interviewerHours: cap = interviewerCapacity
            default: cap = nil
            }
            if let cap, c.p90 > cap { out.append((c, cap, c.mean > cap)) }
        }
        return out
    }
}
