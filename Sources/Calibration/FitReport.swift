import Reporting

/// FIT.csv: one row per fitted parameter path, then one row per
/// distribution family considered for each duration (`PATH:FAMILY`), then
/// the log's gaps. RFC 4180 through Reporting's `CSVTable`.
///
/// Columns: `parameter,estimate,ci_low,ci_high,model,events,exposure,censored,aic,gof`.
/// - probabilities: the share successes / trials, the Beta posterior's 95%
///   interval, model `beta`, events = successes, exposure = trials;
/// - rates: events / exposure (per week or per year), the Gamma
///   posterior's 95% interval, model `poisson`, gof = the p-value of the
///   weekly counts' dispersion test (small: over-dispersed);
/// - durations: the best family's mean and its 95% interval, events =
///   ended durations, exposure = time observed, censored = still running,
///   aic, gof = the largest Kaplan-Meier gap;
/// - counts (`initial_pool`): the number, model `count`.
public enum FitReport {
    public static let header = ["parameter", "estimate", "ci_low", "ci_high", "model", "events", "exposure", "censored", "aic", "gof"]

    public static func table(_ parameters: [FittedParameter], evidence: PlanEvidence) -> CSVTable {
        let n = CSVNumber.format
        var rows: [[String]] = []
        var alternatives: [[String]] = []
        for p in parameters {
            switch p.estimate {
            case .proportion(let e):
                let ci = e.trials > 0 ? e.interval : (Double.nan, Double.nan)
                rows.append([p.path, n(e.rate), n(ci.0), n(ci.1), "beta", "\(e.successes)", "\(e.trials)", "", "", ""])
            case .rate(let r, let unit):
                let ci = r.interval
                rows.append([p.path, n(r.rate), n(ci?.0), n(ci?.1), "poisson per \(unit)", "\(r.events)", n(r.exposure), "", "",
                             n(r.dispersion?.pValue)])
            case .duration(let fit, let s, _):
                let best = fit?.best
                let model = fit?.allZero == true ? "constant" : (best?.family.rawValue ?? "")
                rows.append([p.path, n(p.value), n(best?.meanLow), n(best?.meanHigh), model, "\(s.events)", n(s.exposure),
                             "\(s.censored)", n(best?.aic), n(best?.gof)])
                for f in fit?.fits ?? [] {
                    alternatives.append(["\(p.path):\(f.family.rawValue)", n(f.mean), n(f.meanLow), n(f.meanHigh),
                                         "\(f.family.rawValue) (\(f.summary))", "\(s.events)", n(s.exposure), "\(s.censored)",
                                         n(f.aic), n(f.gof)])
                }
            case .count(let c):
                rows.append([p.path, "\(c)", "", "", "count", "\(c)", "", "", "", ""])
            }
        }
        rows += alternatives
        rows.append(["history.gaps", "\(evidence.gaps)", "", "", "missing events", "\(evidence.candidatesWithGaps)",
                     "\(evidence.candidates)", "", "", ""])
        return CSVTable(header: header, rows: rows)
    }
}
