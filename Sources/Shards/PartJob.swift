import Forecast
import FunnelModel
import Jobs
import Reporting
import Simulation

/// `run`, `compare`, `sensitivity`, `plan` or `report` with `--shard K/N --out PART.fcpart`
/// without the process: one shard's units (`ShardJob`) and its part file,
/// written through `AtomicFile` so that a reader never sees half a part and
/// a cancelled or failed shard leaves the previous part as it was.
///
/// Two steps, as every job: `prepare` refuses, before any work, what cannot
/// be done (a command the scenario cannot run, a shard beyond the limits, a
/// part that cannot be written); `run` does it.
public struct PartJob {
    public var scenario: Scenario
    public var command: ShardedCommand
    public var shard: Shard
    /// The part file to write.
    public var path: String
    /// The scenario as given and its text, kept in the part's header for the merge.
    public var scenarioFile: String
    public var scenarioText: String
    public var toolVersion: String

    public init(scenario: Scenario, command: ShardedCommand, shard: Shard, path: String, scenarioFile: String,
                scenarioText: String, toolVersion: String) {
        self.scenario = scenario
        self.command = command
        self.shard = shard
        self.path = path
        self.scenarioFile = scenarioFile
        self.scenarioText = scenarioText
        self.toolVersion = toolVersion
    }

    /// The part's header, then the limits of the shard's runs (a tornado's
    /// runs each have the scenario's trials), then the part's path.
    public func prepare(limits: RunLimits, threads: Int) throws(JobError) -> Prepared {
        let job = ShardJob(scenario: scenario, command: command)
        let header: PartHeader
        do {
            header = try job.header(shard: shard, toolVersion: toolVersion, scenarioFile: scenarioFile,
                                    scenarioText: scenarioText)
        } catch {
            throw .analysis(error)
        }
        let keepsTrialColumns: Bool
        switch command {
        case .run, .plan: keepsTrialColumns = false
        case .report(let i): keepsTrialColumns = i && !scenario.interventions.isEmpty
        default: keepsTrialColumns = true
        }
        do {
            try limits.check(model: job.model, trials: command.unitIsAWholeRun ? scenario.trials : header.range.count,
                             threads: threads, keepsTrialColumns: keepsTrialColumns)
        } catch {
            throw .limits(error)
        }
        do { try AtomicFile.checkWritable(path) } catch { throw .output(error) }
        return Prepared(job: self, shardJob: job, header: header)
    }

    public struct Prepared {
        let job: PartJob
        let shardJob: ShardJob
        /// The part's header: its range, units and command.
        public let header: PartHeader

        /// Progress units per shard unit: a compare runs the baseline and
        /// each intervention on every trial; a tornado's run is `trials` trials.
        private var perUnit: Int {
            let scenario = job.scenario
            switch job.command {
            case .compare(let names): return 1 + (names.isEmpty ? scenario.interventions.count : names.count)
            case .sensitivity(let s) where s.method == .tornado: return scenario.trials
            // As `plan`'s bar: about 24 evaluations of a lever.
            case .plan: return scenario.trials * 24
            case .report(true): return 1 + scenario.interventions.count
            default: return 1
            }
        }

        /// Runs the shard's units and writes the part; cancelled, nothing.
        /// The outcome's text is the line the tool prints: "Wrote PART
        /// (shard K/N, trials A-B of N)".
        public func run(_ context: JobContext) throws(JobError) -> JobOutcome {
            var trialRow: ((Int, TrialOutcome) -> [UInt8])? = nil
            if case let .run(true, delimiter) = job.command {
                let d: Character
                if case .success(let c) = CSVDelimiter.parse(delimiter) { d = c } else { d = "," }
                let model = shardJob.model
                trialRow = { i, o in Array(CSVTable(header: ForecastTables.trialsRow(i, o, model: model)).render(delimiter: d).utf8) }
            }
            let range = header.range
            let payload: ShardPayload
            do {
                let bar = context.progress(range.count * perUnit)
                defer { bar.finish() }
                payload = try shardJob.run(shard: job.shard, threads: context.threads, isCancelled: context.isCancelled,
                                           progress: { bar.advance(by: $0) }, trialRow: trialRow)
            } catch {
                if error == .interrupted { return JobOutcome(interruption: .beforeFinish) }
                throw .analysis(error)
            }
            if context.isCancelled() { return JobOutcome(interruption: .beforeFinish) }
            do { try PartFile(header: header, body: payload.encoded()).write(to: job.path) } catch {
                throw .output(error)
            }
            let what = range.isEmpty ? "no \(header.unit)"
                : "\(header.unit) \(range.lowerBound)-\(range.upperBound - 1) of \(header.total)"
            return JobOutcome(written: [job.path], text: "Wrote \(job.path) (shard \(job.shard), \(what))\n")
        }
    }
}

extension ShardedCommand {
    /// A tornado or a plan: its shards split the runs (a tornado's) or the
    /// levers (a plan's), each unit a whole run of the scenario's trials.
    public var unitIsAWholeRun: Bool {
        if case .sensitivity(let s) = self { return s.method == .tornado }
        if case .plan = self { return true }
        return false
    }
}
