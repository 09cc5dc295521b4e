import Foundation
import FunnelModel
import History
import Reporting

/// What `funnelcast fit` is asked to do.
public struct FitRequest: Sendable {
    public var histories: [String]
    /// A scenario whose structure and unobservable fields are kept.
    public var template: String?
    /// `YYYY-MM-DD` (00:00 of that day) or a date and time.
    public var asOf: String?
    public var out: String
    public var report: String?

    public init(histories: [String], template: String? = nil, asOf: String? = nil, out: String, report: String? = nil) {
        self.histories = histories; self.template = template; self.asOf = asOf; self.out = out; self.report = report
    }
}

/// What `fit` produced.
public struct FitOutcome: Sendable {
    /// FITTED.yaml's text.
    public var scenarioText: String
    /// FIT.csv's text.
    public var reportText: String
    public var parameters: [FittedParameter]
    public var evidence: PlanEvidence
    /// Lines for standard error (no exported row, pools in the template...).
    public var warnings: [String]
    /// Lines for standard output.
    public var summary: [String]
}

/// `fit`: history files in, a fitted scenario and its report out
/// (MODEL.md 18; issue 12). All the command's logic; the CLI only prints.
public enum FitJob {
    /// Reads, fits and renders; writes nothing.
    public static func fit(_ request: FitRequest) throws(FitError) -> FitOutcome {
        var asOf: Double? = nil
        if let text = request.asOf {
            guard let t = HistoryTime(parsing: Substring(text)) else { throw FitError.badAsOf(text) }
            asOf = t.days
        }
        let template = try request.template.map { (p: String) throws(FitError) in try TemplateLoading.load(path: p) }
        var stageOrder: [String: [String]]? = nil
        var interviews: [String: [Bool]] = [:], maxApplicants: [String: Int] = [:]
        if let template {
            stageOrder = [:]
            for r in template.requisitions {
                stageOrder![r.name] = r.stages.map(\.name)
                interviews[r.name] = r.stages.map(\.interview)
                if let m = r.sourcing.maxApplicants { maxApplicants[r.name] = m.integerValue }
            }
        }
        // Each file is an observation period of its own (its own exported
        // row or --as-of, its own freezes): read on its own, its evidence
        // collected on its own, and the evidence pooled by requisition name.
        var logs: [HistoryLog] = []
        for path in request.histories {
            do { logs.append(try HistoryLog.read(paths: [path], asOf: asOf, template: stageOrder)) } catch {
                throw FitError.history(error)
            }
        }
        let base = template ?? DefaultTemplate.make(logs)
        let evidence = EvidencePooling.evidence(logs, template: base)
        let parameters = Fitter(template: base, evidence: evidence).parameters()
        var warnings = logs.flatMap(\.warnings)
        if base.recruiters != nil || base.interviewers != nil {
            warnings.append("the template has capacity pools: observed HR durations include any wait for a pool, so the forecast counts that queueing again (MODEL.md 18.7)")
        }
        let header = header(request, logs: logs, template: template, parameters: parameters, evidence: evidence, warnings: warnings)
        let text = ScenarioText(scenario: base, fitted: parameters, header: header).render()
        _ = try TemplateLoading.parse(text, file: request.out)
        let report = FitReport.table(parameters, evidence: evidence).render()
        let rows = logs.reduce(0) { $0 + $1.rows }
        let names = Set(logs.flatMap { $0.requisitions.map(\.name) })
        let periods = logs.count > 1 ? " in \(logs.count) periods" : ""
        var summary = ["\(rows) rows, \(evidence.candidates) candidates in \(names.count) requisitions, observed \(dateRange(evidence.from, evidence.to))\(periods)"]
        summary.append("\(parameters.filter { $0.keptBecause == nil }.count) parameters fitted, \(parameters.filter { $0.keptBecause != nil }.count) kept, \(parameters.filter { $0.thin && $0.keptBecause == nil }.count) on thin evidence")
        if evidence.gaps > 0 { summary.append("\(evidence.candidatesWithGaps) candidate paths with gaps (\(evidence.gaps) events missing), fitted from what is there") }
        return FitOutcome(scenarioText: text, reportText: report, parameters: parameters, evidence: evidence,
                          warnings: warnings, summary: summary)
    }

    /// Fits and writes FITTED.yaml (and FIT.csv) atomically: both files are
    /// prepared in full before either is renamed into place; nothing is
    /// written on any error.
    public static func run(_ request: FitRequest) throws(FitError) -> FitOutcome {
        do {
            try AtomicFile.checkWritable(request.out)
            if let r = request.report { try AtomicFile.checkWritable(r) }
        } catch { throw FitError.output(error) }
        let outcome = try fit(request)
        do {
            let scenario = try AtomicFile.prepare(outcome.scenarioText, for: request.out)
            if let r = request.report {
                let report = try AtomicFile.prepare(outcome.reportText, for: r)
                try scenario.commit()
                try report.commit()
            } else {
                try scenario.commit()
            }
        } catch { throw FitError.output(error) }
        return outcome
    }

    static func header(_ request: FitRequest, logs: [HistoryLog], template: Scenario?, parameters: [FittedParameter],
                       evidence: PlanEvidence, warnings: [String]) -> [String] {
        let rows = logs.reduce(0) { $0 + $1.rows }
        var h = ["Fitted by `funnelcast fit` from \(request.histories.joined(separator: ", "))"]
        if logs.count == 1 {
            h.append("(\(rows) rows, \(evidence.candidates) candidates, observed \(dateRange(evidence.from, evidence.to)); as of \(HistoryTime(days: logs[0].asOf))).")
        } else {
            h.append("(\(rows) rows, \(evidence.candidates) candidates), \(logs.count) observation periods pooled by requisition name:")
            for (path, log) in zip(request.histories, logs) {
                h.append("  \(path): \(dateRange(log.start.days, log.asOf)), as of \(HistoryTime(days: log.asOf)), \(log.rows) rows")
            }
            h.append("A comment's \"N periods\" counts the periods its evidence comes from.")
        }
        h.append("Every fitted field says its evidence beside it; \"wide\" marks thin evidence.")
        h.append("")
        let source = template == nil ? "MODEL.md's defaults (no --template)" : "the template \(request.template!)"
        h.append("Kept from \(source), as the log cannot show them (MODEL.md 18.7):")
        h.append("  start, horizon, trials, seed, calendar, weather, recruiter and interviewer pools and hours,")
        h.append("  costs, openings, deadlines, max_applicants, decision.slate_size and max_wait_days.")
        let kept = parameters.filter { $0.keptBecause != nil }
        if !kept.isEmpty {
            h.append("Kept because the log holds no evidence for them:")
            for k in kept { h.append("  \(k.path): \(k.keptBecause!)") }
        }
        if let template {
            let missing = template.requisitions.map(\.name).filter { n in !logs.contains { $0.requisition(n) != nil } }
            if !missing.isEmpty { h.append("Requisitions not in the log, kept whole: \(missing.joined(separator: ", ")).") }
        }
        if evidence.gaps > 0 {
            h.append("\(evidence.candidatesWithGaps) candidate paths have gaps (\(evidence.gaps) events the export did not record): fitted from what is there.")
        }
        for w in warnings { h.append("Note: \(w).") }
        h.append("")
        return h
    }
}
