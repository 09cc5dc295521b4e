import FunnelModel
import Simulation

/// Collects trial outcomes, in trial order, into a `Forecast`.
///
/// Builders of consecutive trial ranges merge (`merge`, in range order) into
/// the builder of the whole range, bit for bit (MODEL.md 20): every part of
/// the state is a sum of whole numbers, an exact sum, a multiset of values
/// or a column in trial order.
///
/// Memory stays flat in the number of trials: each metric is a
/// `MetricSeries` (exact up to `exactTrials` trials, then counts), funnel
/// counts are running sums and the timeline is integer histograms. Only
/// when `keepsTrialColumns` is set (sensitivity and correlation need every
/// trial's values) does it keep one value per trial and metric.
public struct ForecastBuilder: Sendable {
    public let model: SimulationModel
    /// Keep every trial's metric values (`column(scope:metric:)`).
    public let keepsTrialColumns: Bool
    let scopeCount: Int
    let metricCount = Metric.perTrial.count
    /// The exact-sample threshold in trials (see `MetricSeries`).
    public let exactTrials: Int
    /// series[scope * metricCount + metric]: the per-trial metrics.
    var series: [MetricSeries]
    /// Per scope: time to fill / time to start per opening (+infinity: unfilled).
    var fillTimes: [MetricSeries], startTimes: [MetricSeries]
    /// Per scope: min(time to fill, censor point) per opening (the restricted mean).
    var restrictedFills: [MetricSeries]
    /// Per scope: time to fill in bins, for the report's chart.
    var fillHistograms: [TimeHistogram]
    /// columns[scope * metricCount + metric]: one value per trial (only
    /// with `keepsTrialColumns`).
    public internal(set) var columns: [[Double]]
    /// Per scope: trial-level mean of filled openings' times (nil: none filled).
    public internal(set) var trialFillMeans: [[Double]], trialStartMeans: [[Double]]
    /// Per scope: trial-level mean of every opening's restricted time to fill.
    public internal(set) var trialRestrictedMeans: [[Double]]
    /// The uncertain parameters per trial: parameterColumns[p][trial].
    public internal(set) var parameterColumns: [[Double]]
    var funnelSums: [[FunnelStep]]
    var timeline: [[IntegerHistogram]]
    /// Starts by each deadline and the k-th start (MODEL.md 21.9).
    var starts: StartsTally
    /// Each sourcing channel's funnel, hires and cost (MODEL.md 21.5).
    var channels: ChannelTally
    var events = 0.0
    /// The pools' utilisation and waits (MODEL.md 21.4).
    var capacity: CapacityBuilder
    public internal(set) var trials = 0
    private var row: [Double] = []

    /// Trials whose metrics are kept exactly (percentiles exact); beyond,
    /// percentiles come from counts (see `MetricSeries`).
    public static let defaultExactTrials = 10_000

    public init(model: SimulationModel, keepsTrialColumns: Bool = true,
                exactTrials: Int = ForecastBuilder.defaultExactTrials) {
        self.model = model
        self.keepsTrialColumns = keepsTrialColumns
        self.exactTrials = exactTrials
        scopeCount = model.requisitions.count + 1
        series = Array(repeating: MetricSeries(exactLimit: exactTrials), count: scopeCount * Metric.perTrial.count)
        let openings = [model.requisitions.reduce(0) { $0 + $1.openings }] + model.requisitions.map(\.openings)
        fillTimes = openings.map { MetricSeries(exactLimit: exactTrials * $0) }
        startTimes = fillTimes
        restrictedFills = fillTimes
        fillHistograms = Array(repeating: TimeHistogram(span: model.horizon, binWidth: TimeHistogram.binWidth(span: model.horizon)),
                               count: scopeCount)
        columns = Array(repeating: [], count: scopeCount * Metric.perTrial.count)
        trialFillMeans = Array(repeating: [], count: scopeCount)
        trialStartMeans = trialFillMeans
        trialRestrictedMeans = trialFillMeans
        parameterColumns = Array(repeating: [], count: model.uncertainPaths.count)
        let total = model.requisitions.reduce(0) { $0 + $1.openings }
        let weeks = model.weekCount
        timeline = (0..<scopeCount).map { s in
            let max = s == 0 ? total : model.requisitions[s - 1].openings
            return Array(repeating: IntegerHistogram(maxValue: max), count: weeks)
        }
        funnelSums = ForecastBuilder.funnelTemplate(model)
        starts = StartsTally(model: model, exactTrials: exactTrials)
        channels = ChannelTally(model: model)
        capacity = CapacityBuilder(model: model)
    }

    /// Funnel rows per scope: requisitions' own stages; the plan's are
    /// `planStageNames` (17.10, issue 15).
    static func funnelTemplate(_ model: SimulationModel) -> [[FunnelStep]] {
        [funnelTail(planStageNames(model.requisitions.map { ($0.name, $0.stages.map(\.name)) }))]
            + model.requisitions.map { funnelTail($0.stages.map(\.name)) }
    }

    /// Empty funnel rows for these stages, then the steps after them.
    static func funnelTail(_ stages: [String]) -> [FunnelStep] {
        (stages + ["decision", "offer", "background_check", "start"]).map(FunnelStep.init(stage:))
    }

    /// The plan's funnel rows for the requisitions' stage lists: one row per
    /// stage name, in an order that keeps every requisition's own order
    /// (the earliest-written name first among those free to come next).
    /// Where the requisitions order two names differently no such order
    /// exists, and the rows are each requisition's stages in turn, named
    /// `REQUISITION.STAGE`.
    public static func planStageNames(_ requisitions: [(name: String, stages: [String])]) -> [String] {
        let lists = requisitions.map(\.stages)
        var names: [String] = []
        for l in lists { for n in l where !names.contains(n) { names.append(n) } }
        var before: [String: Set<String>] = [:]
        for l in lists { for (i, n) in l.enumerated() { before[n, default: []].formUnion(l[..<i]) } }
        var out: [String] = []
        while out.count < names.count {
            guard let next = names.first(where: { n in !out.contains(n) && before[n, default: []].isSubset(of: out) }) else {
                return requisitions.flatMap { r in r.stages.map { "\(r.name).\($0)" } }
            }
            out.append(next)
        }
        return out
    }

    /// Adds one chunk; chunks must come in trial order.
    public mutating func add(_ chunk: TrialChunk) {
        for outcome in chunk.outcomes { add(outcome) }
    }

    public mutating func add(_ outcome: TrialOutcome) {
        trials += 1
        events += Double(outcome.events)
        capacity.add(outcome)
        TrialMetrics.values(of: outcome, into: &row)
        for i in row.indices { series[i].add(row[i]) }
        if keepsTrialColumns {
            for i in row.indices { columns[i].append(row[i]) }
            for (p, v) in outcome.parameters.enumerated() { parameterColumns[p].append(v) }
        }

        var planFill = 0.0, planStart = 0.0, planFilled = 0, planRestricted = 0.0, planOpenings = 0
        for (r, o) in outcome.requisitions.enumerated() {
            let spec = model.requisitions[r]
            let s = r + 1
            let unfilled = spec.openings - o.fillTimes.count
            for v in o.fillTimes {
                fillTimes[s].add(v); fillTimes[0].add(v)
                fillHistograms[s].add(v); fillHistograms[0].add(v)
            }
            for v in o.startTimes { startTimes[s].add(v); startTimes[0].add(v) }
            for v in o.fillTimes { restrictedFills[s].add(v); restrictedFills[0].add(v) }
            for _ in 0..<max(0, unfilled) {
                restrictedFills[s].add(o.censorDays); restrictedFills[0].add(o.censorDays)
                fillTimes[s].add(.infinity); fillTimes[0].add(.infinity)
                fillHistograms[s].add(.infinity); fillHistograms[0].add(.infinity)
                startTimes[s].add(.infinity); startTimes[0].add(.infinity)
            }
            let n = o.fillTimes.count
            let fillSum = o.fillTimes.reduce(0, +), startSum = o.startTimes.reduce(0, +)
            let restricted = o.restrictedFillSum()
            planRestricted += restricted; planOpenings += spec.openings
            if keepsTrialColumns {
                trialRestrictedMeans[s].append(spec.openings > 0 ? restricted / Double(spec.openings) : .nan)
                trialFillMeans[s].append(n > 0 ? fillSum / Double(n) : .nan)
                trialStartMeans[s].append(n > 0 ? startSum / Double(n) : .nan)
            }
            planFill += fillSum; planStart += startSum; planFilled += n

            addFunnel(o, spec: spec, scope: s)
            addFunnel(o, spec: spec, scope: 0)
        }
        if keepsTrialColumns {
            trialRestrictedMeans[0].append(planOpenings > 0 ? planRestricted / Double(planOpenings) : .nan)
            trialFillMeans[0].append(planFilled > 0 ? planFill / Double(planFilled) : .nan)
            trialStartMeans[0].append(planFilled > 0 ? planStart / Double(planFilled) : .nan)
        }

        // Timeline: cumulative starts with t <= 7k (16.20).
        for k in 0..<model.weekCount {
            let end = Double(7 * (k + 1))
            var plan = 0
            for (r, o) in outcome.requisitions.enumerated() {
                let n = o.startInstants.reduce(0) { $0 + ($1 <= end ? 1 : 0) }
                timeline[r + 1][k].add(n)
                plan += n
            }
            timeline[0][k].add(plan)
        }
        starts.add(outcome, model: model)
        channels.add(outcome)
    }

    private mutating func addFunnel(_ o: RequisitionOutcome, spec: CompiledRequisition, scope: Int) {
        let rows = scope == 0
            ? spec.stages.map { stage in funnelSums[0].firstIndex { $0.stage == stage.name || $0.stage == "\(spec.name).\(stage.name)" }! }
            : Array(spec.stages.indices)
        ForecastBuilder.addFunnel(o, stageRows: rows, into: &funnelSums[scope])
    }

    /// Adds one trial's counts of a requisition (or a channel) to funnel
    /// rows: stage i into row stageRows[i], then the four steps after the
    /// stages into the last four rows.
    static func addFunnel(_ o: RequisitionOutcome, stageRows: [Int], into f: inout [FunnelStep]) {
        for (i, j) in stageRows.enumerated() {
            f[j].entered += o.stageEntered[i]
            f[j].passed += o.stagePassed[i]
            f[j].noShows += o.stageNoShows[i]
            f[j].withdrawn += o.stageWithdrawn[i]
            f[j].contactFailures += o.stageContactFailures[i]
            f[j].rejected += o.stageRejected[i]
            f[j].released += o.stageReleased[i]
        }
        let n = f.count
        f[n - 4].entered += o[.finalists]
        f[n - 4].passed += o[.offers]
        f[n - 4].withdrawn += o[.decisionWithdrawn]
        f[n - 4].released += o[.releasedFinalists]
        f[n - 3].entered += o[.offers]
        f[n - 3].passed += o[.accepted]
        f[n - 3].rejected += o[.declines]
        f[n - 3].released += o[.releasedOffers]
        f[n - 2].entered += o[.checks]
        f[n - 2].passed += o[.checksPassed]
        f[n - 2].rejected += o[.bgFail] + o[.bgFalseFail]
        f[n - 1].entered += o[.noticeStarted]
        f[n - 1].passed += o[.filled]
        f[n - 1].rejected += o[.reneges]
    }

    /// Adds funnel sums of later trials.
    static func mergeFunnel(_ other: [FunnelStep], into f: inout [FunnelStep]) {
        for j in f.indices {
            let o = other[j]
            f[j].entered += o.entered
            f[j].passed += o.passed
            f[j].noShows += o.noShows
            f[j].withdrawn += o.withdrawn
            f[j].contactFailures += o.contactFailures
            f[j].rejected += o.rejected
            f[j].released += o.released
            f[j].open += o.open
        }
    }

    /// Funnel sums as mean counts per trial, with what is still in each
    /// step at the horizon (`open`, the remainder: exact, the sums being
    /// whole numbers).
    static func meanFunnel(_ rows: [FunnelStep], trials: Int) -> [FunnelStep] {
        let n = Double(max(1, trials))
        return rows.map { r in
            var m = r
            m.open = max(0, r.remainder)
            m.entered /= n; m.passed /= n; m.noShows /= n
            m.withdrawn /= n; m.contactFailures /= n; m.rejected /= n
            m.released /= n; m.open /= n
            return m
        }
    }

    /// Adds the trials `other` holds, which follow this builder's in trial
    /// order (shard k + 1 after shard k): the result is bit for bit the
    /// builder of both ranges in one go. Both must be of the same model
    /// layout, exact threshold and column keeping.
    public mutating func merge(_ other: ForecastBuilder) {
        precondition(keepsTrialColumns == other.keepsTrialColumns && exactTrials == other.exactTrials
                     && series.count == other.series.count && timeline.count == other.timeline.count,
                     "merging builders of different runs")
        trials += other.trials
        events += other.events
        starts.merge(other.starts)
        channels.merge(other.channels)
        capacity.merge(other.capacity)
        for i in series.indices { series[i].merge(other.series[i]) }
        for s in 0..<scopeCount {
            fillTimes[s].merge(other.fillTimes[s])
            startTimes[s].merge(other.startTimes[s])
            restrictedFills[s].merge(other.restrictedFills[s])
            fillHistograms[s].merge(other.fillHistograms[s])
            for k in timeline[s].indices { timeline[s][k].merge(other.timeline[s][k]) }
            ForecastBuilder.mergeFunnel(other.funnelSums[s], into: &funnelSums[s])
        }
        if keepsTrialColumns {
            for i in columns.indices { columns[i].append(contentsOf: other.columns[i]) }
            for s in 0..<scopeCount {
                trialFillMeans[s].append(contentsOf: other.trialFillMeans[s])
                trialStartMeans[s].append(contentsOf: other.trialStartMeans[s])
                trialRestrictedMeans[s].append(contentsOf: other.trialRestrictedMeans[s])
            }
            for p in parameterColumns.indices { parameterColumns[p].append(contentsOf: other.parameterColumns[p]) }
        }
    }

    /// The per-trial column of `metric` in `scope` (per-opening metrics:
    /// the trial's mean over filled openings, NaN where none filled).
    /// Requires `keepsTrialColumns`.
    public func column(scope: Int, metric: Metric) -> [Double] {
        precondition(keepsTrialColumns, "per-trial columns were not kept")
        switch metric {
        case .timeToFill: return trialFillMeans[scope]
        case .timeToStart: return trialStartMeans[scope]
        case .timeToFillRestricted: return trialRestrictedMeans[scope]
        default: return columns[scope * metricCount + Metric.perTrial.firstIndex(of: metric)!]
        }
    }

    /// One metric's summary of one scope over everything added so far, as
    /// `build()` gives it (without the rest of the forecast: the tornado's
    /// batches need one number each).
    public func summary(scope s: Int, metric: Metric) -> MetricSummary {
        switch metric {
        case .timeToFill: return fillTimes[s].summary()
        case .timeToStart: return startTimes[s].summary()
        case .timeToFillRestricted: return restrictedFills[s].summary()
        default:
            return series[s * metricCount + Metric.perTrial.firstIndex(of: metric)!].summary(binary: metric.isBinary)
        }
    }

    /// The forecast of everything added so far.
    public func build() -> Forecast {
        let scenario = model.scenario
        var summaries: [[MetricSummary]] = []
        for s in 0..<scopeCount {
            summaries.append(Metric.allCases.map { summary(scope: s, metric: $0) })
        }
        let lastDay = Int(model.horizon.rounded(.up)) - 1
        let timelinePoints = timeline.map { weeks in
            weeks.enumerated().map { k, h in
                TimelinePoint(week: k + 1, date: scenario.start.adding(days: min(7 * (k + 1) - 1, max(0, lastDay))),
                              mean: h.mean ?? 0, p10: h.quantile(0.10) ?? 0, p50: h.quantile(0.50) ?? 0,
                              p90: h.quantile(0.90) ?? 0)
            }
        }
        let n = Double(max(1, trials))
        let funnel = funnelSums.map { ForecastBuilder.meanFunnel($0, trials: trials) }
        let deadlines: [CivilDate?] = [scenario.requisitions.compactMap(\.deadline).max()]
            + scenario.requisitions.map(\.deadline)
        return Forecast(
            scenarioName: scenario.name, start: scenario.start, horizonDays: scenario.horizonDays,
            trials: trials, seed: scenario.seed, scopes: ["plan"] + model.requisitions.map(\.name),
            openings: [model.requisitions.reduce(0) { $0 + $1.openings }] + model.requisitions.map(\.openings),
            deadlines: deadlines, summaries: summaries, timeline: timelinePoints, funnel: funnel,
            eventsPerTrial: events / n, fillHistograms: fillHistograms,
            capacity: capacity.build(start: scenario.start, horizon: model.horizon),
            starts: starts.build(model: model, start: scenario.start),
            channels: channels.build(model: model, trials: trials))
    }
}

extension ForecastRunner {
    /// Runs `options.trials` trials of `model` (from `options.firstTrial`)
    /// and builds the forecast;
    /// `perTrial` sees every outcome in trial order (for trials.csv).
    public static func forecast(
        model: SimulationModel, options: RunOptions,
        keepsTrialColumns: Bool = true,
        exactTrials: Int = ForecastBuilder.defaultExactTrials,
        progress: (@Sendable (Int) -> Void)? = nil,
        perTrial: ((Int, TrialOutcome) throws -> Void)? = nil
    ) rethrows -> (Forecast, ForecastBuilder) {
        var builder = ForecastBuilder(model: model, keepsTrialColumns: keepsTrialColumns, exactTrials: exactTrials)
        try run(model: model, options: options, progress: progress) { chunk in
            for (i, o) in chunk.outcomes.enumerated() {
                builder.add(o)
                try perTrial?(chunk.firstTrial + i, o)
            }
        }
        var f = builder.build()
        f.seed = options.seed
        return (f, builder)
    }
}
