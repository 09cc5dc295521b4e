import Forecast
import FunnelModel
import Reporting
import Simulation

/// `funnelcast compare` without the process: the baseline and each chosen
/// intervention on the same trials with the same random numbers, each
/// metric's paired change as a table, and interventions.csv where a
/// directory is given.
public struct CompareJob {
    public var scenario: Scenario
    /// The interventions by name; nil for all of the scenario's.
    public var interventions: [String]?
    public var directory: String?
    /// The CSV file's field delimiter and decimal mark (`OutputDirectory`).
    public var delimiter: Character = ","
    public var decimalComma = false
    /// `--precision`: the baseline alone runs in batches until its watched
    /// metric is this precise (the scenario's trials as the cap); the
    /// comparison then runs on that many trials.
    public var precision: PrecisionSetting?
    /// `compare A.yaml B.yaml`: the second file as a variant of the first
    /// (`ScenarioPair.variant`) and the two files' names for the table;
    /// nil: the scenario's interventions.
    public var pair: (variant: InterventionComparison.Variant, files: (baseline: String, other: String))?

    public init(scenario: Scenario, interventions: [String]? = nil, directory: String? = nil,
                precision: PrecisionSetting? = nil) {
        self.precision = precision
        self.scenario = scenario
        self.interventions = interventions
        self.directory = directory
    }

    /// Creates the output directory, then checks the limits. Before any work.
    public func prepare(limits: RunLimits, threads: Int) throws(JobError) -> Prepared {
        let outputs: OutputDirectory?
        do { outputs = try directory.map { (path) throws(OutputError) in try OutputDirectory(path: path, delimiter: delimiter, decimalComma: decimalComma) } } catch {
            throw .output(error)
        }
        if let precision { _ = try precision.choice(SimulationModel(scenario)) }
        try limits.checkJob(SimulationModel(scenario), trials: scenario.trials, threads: threads, keepsTrialColumns: true)
        if let pair {
            try limits.checkJob(SimulationModel(pair.variant.scenario), trials: scenario.trials, threads: threads,
                                keepsTrialColumns: true)
        }
        return Prepared(job: self, outputs: outputs)
    }

    public struct Prepared {
        let job: CompareJob
        let outputs: OutputDirectory?

        /// Runs the comparison and writes interventions.csv; cancelled, nothing.
        public func run(_ context: JobContext) throws(JobError) -> JobOutcome {
            var scenario = job.scenario
            var reached: PrecisionReached? = nil
            if let precision = job.precision {
                let model = SimulationModel(scenario)
                let metric = try precision.choice(model)
                let bar = context.progress(scenario.trials)
                let (_, _, r) = ForecastRunner.forecast(model: model, options: context.runOptions(scenario),
                                                        precision: precision.rule, metric: metric,
                                                        progress: { bar.advance(by: $0) })
                bar.finish()
                if context.isCancelled() { return JobOutcome(interruption: .beforeFinish) }
                scenario.trials = r.trials
                reached = r
            }
            let results: [InterventionComparison.Result]
            do {
                if var pair = job.pair {
                    pair.variant.scenario.trials = scenario.trials
                    let bar = context.progress(scenario.trials * 2)
                    defer { bar.finish() }
                    results = try InterventionComparison.run(scenario: scenario, variants: [pair.variant],
                                                             options: context.runOptions(scenario),
                                                             progress: { bar.advance(by: $0) }).results
                } else {
                    let chosen = try InterventionComparison.select(job.interventions, from: scenario)
                    let bar = context.progress(scenario.trials * (1 + chosen.count))
                    defer { bar.finish() }
                    results = try InterventionComparison.run(scenario: scenario, interventions: chosen,
                                                             options: context.runOptions(scenario),
                                                             progress: { bar.advance(by: $0) }).results
                }
            } catch {
                if error == .interrupted { return JobOutcome(interruption: .beforeFinish) }
                throw .analysis(error)
            }
            do {
                let written = try outputs.map { (o) throws(OutputError) in
                    try o.write(SensitivityTables.interventions(results, precision: reached), as: "interventions.csv")
                }
                let sentence = reached.map { "Precision (the baseline's): " + $0.sentence + "\n" } ?? ""
                return JobOutcome(written: written.map { [$0] } ?? [],
                                  text: sentence + InterventionReport.render(results, trials: scenario.trials,
                                                                                       files: job.pair?.files))
            } catch {
                throw .output(error)
            }
        }
    }
}
