import Forecast
import FunnelModel
import Reporting
import Simulation

/// `funnelcast plan` without the process: for each lever alone, the value
/// at which a metric reaches a target (`PlanSearch`), as a table, and
/// plan.csv (one row per lever) and plan-curve.csv (every evaluation) in a
/// directory where one is given.
public struct PlanJob {
    public var scenario: Scenario
    public var levers: [String]
    public var target: Double
    /// METRIC (a mean; default on_time) and its scope (default plan).
    public var metric: String?
    public var scope: String?
    public var min: Double?, max: Double?
    public var precision: Precision?
    public var directory: String?

    public init(scenario: Scenario, levers: [String], target: Double, metric: String? = nil, scope: String? = nil,
                min: Double? = nil, max: Double? = nil, precision: Precision? = nil, directory: String? = nil) {
        self.scenario = scenario; self.levers = levers; self.target = target; self.metric = metric; self.scope = scope
        self.min = min; self.max = max; self.precision = precision; self.directory = directory
    }

    /// Resolves the levers, the metric and the target (a `PlanError`:
    /// a bad option), checks the limits, creates the output directory.
    public func prepare(limits: RunLimits, threads: Int) throws(JobError) -> Prepared {
        let model = SimulationModel(scenario)
        let goal: PlanGoal, resolved: [Lever]
        do { (goal, resolved) = try resolve(model) } catch { throw .plan(error) }
        try limits.checkJob(model, trials: scenario.trials, threads: threads, keepsTrialColumns: false)
        do {
            let outputs = try directory.map { (path) throws(OutputError) in try OutputDirectory(path: path) }
            return Prepared(job: self, goal: goal, levers: resolved, outputs: outputs)
        } catch {
            throw .output(error)
        }
    }

    /// The goal and the levers, or why the options do not fit the scenario.
    func resolve(_ model: SimulationModel) throws(PlanError) -> (PlanGoal, [Lever]) {
        guard !levers.isEmpty else { throw PlanError("give at least one --lever PATH") }
        let choice: MetricChoice
        do { choice = try MetricChoice(metric, scope: scope, model: model) } catch { throw PlanError(error.description) }
        let goal = try PlanGoal(metric: choice, target: target)
        var list: [Lever] = []
        for path in levers { list.append(try Lever(path: path, in: scenario, min: min, max: max)) }
        return (goal, list)
    }

    /// The goal and the levers as `prepare` resolves them (a shard of `plan`
    /// and its merge resolve them so too).
    public func resolved() throws(PlanError) -> (goal: PlanGoal, levers: [Lever]) {
        try resolve(SimulationModel(scenario))
    }

    /// The index of the first lever with an answer (found, or reached at
    /// the range's limit): the lever whose workload `plan` reports.
    public static func answered(_ results: [PlanResult]) -> Int? {
        results.firstIndex { $0.status == .found || $0.status == .reachedAtLimit }
    }

    /// The weekly workload with `result`'s lever at its answer, over the
    /// trials of its evaluation there (`options.trials`).
    public static func workload(at result: PlanResult, scenario: Scenario, options: RunOptions,
                                progress: (@Sendable (Int) -> Void)? = nil) throws(PlanError) -> Workload {
        Workload.run(try result.lever.apply(result.needed, to: scenario), options: options, progress: progress)
    }

    /// What a finished plan writes and prints: plan.csv, plan-curve.csv
    /// (and workload.csv at `workload`'s lever), and the terminal report.
    /// One function for the unsharded `plan` and the merge of its parts.
    public static func outputs(_ results: [PlanResult], workload: (index: Int, workload: Workload)?, goal: PlanGoal,
                               scenario: Scenario) -> (tables: [(name: String, table: CSVTable)], text: String) {
        var tables: [(name: String, table: CSVTable)] = [("plan.csv", PlanTables.plan(results, goal: goal)),
                                                         ("plan-curve.csv", PlanTables.curve(results, goal: goal))]
        if let (_, w) = workload { tables.append(("workload.csv", PlanTables.workload(w))) }
        var text = PlanReport.render(results, goal: goal, scenario: scenario)
        if let (i, w) = workload { text += PlanReport.workload(w, at: results[i]) }
        return (tables, text)
    }

    public struct Prepared {
        let job: PlanJob
        let goal: PlanGoal
        let levers: [Lever]
        let outputs: OutputDirectory?

        /// Searches every lever, then writes plan.csv and plan-curve.csv.
        public func run(_ context: JobContext) throws(JobError) -> JobOutcome {
            let results = try search(context)
            guard let results else { return JobOutcome(interruption: .beforeFinish) }
            // The workload at the first lever's answer (one more run, counting weeks).
            var workload: (index: Int, workload: Workload)? = nil
            if let chosen = PlanJob.answered(results) {
                var options = context.runOptions(job.scenario)
                options.trials = results[chosen].atNeeded.trials
                let bar = context.progress(options.trials)
                do {
                    workload = (chosen, try PlanJob.workload(at: results[chosen], scenario: job.scenario, options: options,
                                                             progress: { bar.advance(by: $0) }))
                } catch {
                    throw .plan(error)
                }
                bar.finish()
                if context.isCancelled() { return JobOutcome(interruption: .beforeFinish) }
            }
            let finished = PlanJob.outputs(results, workload: workload, goal: goal, scenario: job.scenario)
            do {
                var written: [String] = []
                if let outputs {
                    for (name, table) in finished.tables { written.append(try outputs.write(table, as: name)) }
                }
                return JobOutcome(written: written, text: finished.text)
            } catch {
                throw .output(error)
            }
        }

        /// Every lever's result; nil once cancelled.
        public func search(_ context: JobContext) throws(JobError) -> [PlanResult]? {
            let bar = context.progress(job.scenario.trials * levers.count * 24)
            defer { bar.finish() }
            var options = context.runOptions(job.scenario)
            options.isCancelled = context.isCancelled
            var search = PlanSearch(scenario: job.scenario, goal: goal, options: options, precision: job.precision)
            search.progress = { bar.advance(by: $0) }
            var results: [PlanResult] = []
            for lever in levers {
                do {
                    guard let r = try search.search(lever, isCancelled: context.isCancelled), !context.isCancelled() else { return nil }
                    results.append(r)
                } catch {
                    throw .plan(error)
                }
            }
            return results
        }
    }
}
