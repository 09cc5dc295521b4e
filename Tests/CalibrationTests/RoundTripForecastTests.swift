import Calibration
import Forecast
import Foundation
import FunnelModel
import ScenarioYAML
import History
import Simulation
import XCTest

/// The fitted forecast agrees with the original (issue 12, "must show"):
/// eight simulated quarters of the reference plan (trials 0-7, written as
/// `simulate --events --trial K` writes them, read back), fitted (each
/// quarter's evidence pooled by requisition name: `EvidencePooling`) and
/// forecast again, P(on time) per requisition and for the plan beside the
/// original scenario's.
final class RoundTripForecastTests: XCTestCase {
    static let referencePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scenarios/reference-plan.yaml").standardized.path

    struct Comparison {
        var table: [String]
        var rows: [(scope: String, original: Double, fitted: Double, se: Double)]
        var evidence: PlanEvidence
    }

    /// Simulates eight quarters of `scenario`, fits them with it as the
    /// template, and forecasts both with `trials` trials.
    func compare(_ scenario: Scenario, trials: Int, name: String) throws -> Comparison {
        let model = SimulationModel(scenario)
        let stages = Dictionary(uniqueKeysWithValues: scenario.requisitions.map { ($0.name, $0.stages.map(\.name)) })
        var logs: [HistoryLog] = []
        for k in 0..<8 {
            let text = HistoryWriter.render(SimulatedHistory.events(model: model, seed: scenario.seed, trial: k))
            logs.append(try HistoryLog.read(texts: [("q\(k).csv", text)], template: stages))
        }
        let evidence = EvidencePooling.evidence(logs, template: scenario)
        let (text, _) = EvidencePooling.fittedScenario(evidence, template: scenario, source: "8 simulated quarters")
        if let dir = ProcessInfo.processInfo.environment["FUNNELCAST_ROUNDTRIP_OUT"] {
            try text.write(toFile: "\(dir)/fitted-\(name).yaml", atomically: true, encoding: .utf8)
        }
        let fitted = try ScenarioLoader.parse(yaml: text, file: "fitted.yaml")
        func onTime(_ s: Scenario) -> [Double] {
            let (f, _) = ForecastRunner.forecast(model: SimulationModel(s), options: RunOptions(trials: trials, seed: 4242, threads: 2),
                                                 keepsTrialColumns: false)
            return f.scopes.indices.map { f.summary($0, .onTime).mean ?? .nan }
        }
        let a = onTime(scenario), b = onTime(fitted)
        var c = Comparison(table: ["| scope | P(on time), original | fitted from 8 quarters | difference | 2 x MC se |", "|---|---|---|---|---|"],
                           rows: [], evidence: evidence)
        for (i, scope) in (["plan"] + scenario.requisitions.map(\.name)).enumerated() {
            let p = a[i], q = b[i]
            let se = sqrt(p * (1 - p) / Double(trials) + q * (1 - q) / Double(trials))
            c.rows.append((scope, p, q, se))
            c.table.append(String(format: "| %@ | %.3f | %.3f | %+.3f | %.3f |", scope, p, q, q - p, 2 * se))
        }
        print("\(name), \(trials) trials each:\n" + c.table.joined(separator: "\n"))
        return c
    }

    /// The reference plan with every uncertain parameter at its mean: a
    /// fixed truth, which eight quarters pin down. Agreement within 3
    /// Monte Carlo se of the difference, or 0.08: what eight quarters leave
    /// uncertain about the parameters (the fitted scenario carries it as
    /// its Beta and Gamma posteriors). Measured (2000 trials each): plan
    /// 0.143 vs 0.134, backend 0.172 vs 0.159, support 0.966 vs 0.956, sales
    /// 0.798 vs 0.856, where sales' eight quarters happened to show 1
    /// renege in 49 starts (truth 0.06), 51 acceptances of 69 (truth 0.70)
    /// and 99 passes of 237 interviews (truth 0.40), each inside its 95%
    /// interval and each a little faster.
    func testFittedForecastAgreesForFixedParameters() throws {
        let reference = try ScenarioLoader.load(path: Self.referencePath)
        let fixed = try reference.applying(reference.uncertainParameters.map {
            ParameterChange(pattern: $0.id.path, operation: .replace(.constant($0.value.distribution.mean)))
        })
        XCTAssertEqual(fixed.uncertainParameters.count, 0)
        let c = try compare(fixed, trials: 1500, name: "reference-fixed")
        for r in c.rows {
            XCTAssertLessThan(abs(r.fitted - r.original), max(3 * r.se, 0.08), "\(r.scope): original \(r.original), fitted \(r.fitted)")
        }
    }

    /// The reference plan as it is: each quarter draws its own uncertain
    /// parameters (backend's applicants_per_week from gamma(25, sd 6)), and
    /// a pooled fit gives the rate of these eight quarters with the
    /// uncertainty of a pooled mean. The fit says so: the weekly counts are
    /// over-dispersed, "the rate itself moves". (The table goes in
    /// docs/history.md; no agreement is asserted here.)
    func testReferencePlanAsItIsFlagsTheMovingRate() throws {
        let reference = try ScenarioLoader.load(path: Self.referencePath)
        let c = try compare(reference, trials: 600, name: "reference")
        let backend = try XCTUnwrap(c.evidence.requisitions.first { $0.name == "backend" })
        XCTAssertTrue(backend.applicantsPerWeek.overDispersed, "\(String(describing: backend.applicantsPerWeek.dispersion))")
    }
}
