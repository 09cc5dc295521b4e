import Forecast
import Foundation
import FunnelModel
import ScenarioYAML
import Simulation
@testable import Reporting

/// A small plan run once for the HTML report tests: two requisitions, one
/// with a deadline it often misses, 400 trials (well under a second).
enum ReportFixture {
    static let yaml = """
        name: Report <test> & "plan"
        start: 2027-01-04
        horizon_days: 120
        trials: 400
        seed: 5
        requisitions:
          - name: backend
            openings: 2
            deadline: 2027-03-15
            sourcing: {applicants_per_week: 6, initial_pool: 2}
            candidate: {competing_offers_per_week: 0.1, contact_failure: 0.05}
            stages:
              - {name: screen, hr_workdays: 1, pass: 0.5}
              - {name: onsite, interview: true, hr_workdays: 2, no_show: 0.1, pass: 0.4}
            offer: {hr_workdays: 1, accept: {dist: beta, successes: 7, trials: 10}, response_days: 3}
            background_check: {workdays: 3, fail: 0.05}
            notice_days: 14
            renege: 0.05
          - name: sales
            opens_day: 10
            sourcing: {applicants_per_week: 3}
            stages:
              - {name: screen, pass: 0.3}
            offer: {accept: 0.8}
        """

    static let forecast: Forecast = {
        let scenario = try! ScenarioLoader.parse(yaml: yaml, file: "report-test.yaml")
        let model = SimulationModel(scenario)
        let options = RunOptions(trials: scenario.trials, seed: scenario.seed, threads: 2)
        return ForecastRunner.forecast(model: model, options: options).0
    }()

    /// Hand-made results of a sensitivity, a compare and a plan run.
    static let extras: ReportExtras = {
        var e = sensitivityAndCompare
        e.planCurves = [PlanCurve(lever: "requisitions.backend.sourcing.applicants_per_week", metric: "plan.on_time", target: 0.9,
                                  points: [(0.0, 0.0, 0.0, 0.01), (10, 0.5, 0.46, 0.54), (20, 0.85, 0.82, 0.88),
                                           (25, 0.91, 0.89, 0.93), (40, 0.97, 0.96, 0.98)]
                                      .map { PlanCurve.Point(value: $0.0, mean: $0.1, ciLow: $0.2, ciHigh: $0.3) })]
        return e
    }()

    static let sensitivityAndCompare = ReportExtras(
        tornado: [
            TornadoBar(parameter: "requisitions.backend.stages.onsite.pass", low: 0.3, high: 0.5, metricLow: 0.31, metricHigh: 0.58),
            TornadoBar(parameter: "requisitions.backend.sourcing.applicants_per_week", low: 4.8, high: 7.2,
                       metricLow: 0.38, metricHigh: 0.49),
            TornadoBar(parameter: "requisitions.backend.offer.accept", low: 0.52, high: 0.86, metricLow: 0.22, metricHigh: 0.63),
            TornadoBar(parameter: "budget.approval_days", low: 0, high: 0, metricLow: 0.44, metricHigh: 0.44),
        ],
        tornadoBaseline: 0.44,
        interventions: [
            InterventionEffect(name: "Reminder the day before", baseline: 0.44, value: 0.47, difference: 0.03,
                               ciLow: 0.012, ciHigh: 0.048),
            InterventionEffect(name: "Second job board", baseline: 0.44, value: 0.55, difference: 0.11, ciLow: 0.09, ciHigh: 0.13),
            InterventionEffect(name: "Slower approvals", baseline: 0.44, value: 0.41, difference: -0.03, ciLow: -0.05,
                               ciHigh: 0.004),
        ])
}

/// The `<svg class="chart" ...>...</svg>` elements of a page, by id.
func charts(in html: String) -> [String: String] {
    var out: [String: String] = [:]
    var rest = html[...]
    while let start = rest.range(of: "<svg class=\"chart\" id=\"") {
        let afterId = rest[start.upperBound...]
        guard let quote = afterId.firstIndex(of: "\""), let end = afterId.range(of: "</svg>") else { break }
        out[String(afterId[..<quote])] = String(rest[start.lowerBound..<end.upperBound])
        rest = afterId[end.upperBound...]
    }
    return out
}

/// Elements that draw something, in one chart.
func drawnElements(_ svg: String) -> Int {
    ["<rect ", "<line ", "<polyline ", "<polygon ", "<circle ", "<path ", "<text "].reduce(0) {
        $0 + svg.components(separatedBy: $1).count - 1
    }
}

/// Checks that `text` is well-formed XML as far as a browser and an XML
/// parser care: every start tag closed in order, attribute values quoted,
/// only the five XML entities and numeric references. Returns the first
/// problem, nil when there is none. (A small checker, so the tests need
/// no XML library; `make test-report` parses the page with Python's.)
func wellFormednessProblem(_ text: String) -> String? {
    var stack: [String] = []
    let s = Array(text.unicodeScalars)
    var i = 0
    func name(from j: inout Int) -> String {
        var n = ""
        while j < s.count, !" \t\n\r/>".unicodeScalars.contains(s[j]) { n.unicodeScalars.append(s[j]); j += 1 }
        return n
    }
    while i < s.count {
        let c = s[i]
        if c == "&" {
            var j = i + 1, entity = ""
            while j < s.count, s[j] != ";", j - i < 12 { entity.unicodeScalars.append(s[j]); j += 1 }
            let known = ["amp", "lt", "gt", "quot", "apos"].contains(entity)
                || (entity.hasPrefix("#") && entity.dropFirst().allSatisfy { $0.isNumber })
            if !known { return "unknown entity &\(entity); at \(i)" }
            i = j + 1
            continue
        }
        guard c == "<" else { i += 1; continue }
        if i + 1 < s.count, s[i + 1] == "!" {  // <!DOCTYPE html>
            while i < s.count, s[i] != ">" { i += 1 }
            continue
        }
        var j = i + 1
        if j < s.count, s[j] == "/" {
            j += 1
            let n = name(from: &j)
            guard let open = stack.popLast() else { return "</\(n)> without a start tag" }
            if open != n { return "</\(n)> closes <\(open)>" }
            i = j
            continue
        }
        let n = name(from: &j)
        if n.isEmpty { return "a bare '<' at \(i)" }
        // Attributes: name="value" pairs up to '>' or '/>'.
        while j < s.count, s[j] != ">" {
            if s[j] == "/" , j + 1 < s.count, s[j + 1] == ">" { break }
            if s[j] == "=" {
                j += 1
                guard j < s.count, s[j] == "\"" || s[j] == "'" else { return "unquoted attribute in <\(n)>" }
                let q = s[j]
                j += 1
                while j < s.count, s[j] != q {
                    if s[j] == "<" { return "'<' in an attribute of <\(n)>" }
                    j += 1
                }
            }
            j += 1
        }
        guard j < s.count else { return "<\(n) never ends" }
        if s[j] == "/" { i = j + 2 } else {
            let voids = ["meta", "br", "img", "link", "input", "hr"]
            if voids.contains(n) { return "<\(n)> must be written <\(n) .../> here" }
            stack.append(n)
            i = j + 1
            // Raw text of <style>: skip to its end tag.
            if n == "style" {
                let end = Array("</style>".unicodeScalars)
                while i < s.count, !s[i..<min(s.count, i + end.count)].elementsEqual(end) { i += 1 }
            }
        }
    }
    return stack.isEmpty ? nil : "<\(stack.last!)> never closed"
}
