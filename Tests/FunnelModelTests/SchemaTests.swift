import Foundation
import FunnelModel
import Sampling
@testable import ScenarioYAML
import TestSupport
import XCTest

final class SchemaTests: XCTestCase {
    /// The schema parses as JSON, and its fields are the loader's.
    func testSchemaDescribesTheLoadersFields() throws {
        let json = try JSONSerialization.jsonObject(with: Data(ScenarioSchema.text.utf8)) as! [String: Any]
        XCTAssertEqual(json["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(json["additionalProperties"] as? Bool, false)
        func keys(_ o: Any?) -> Set<String> { Set(((o as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? []) }
        let defs = json["$defs"] as! [String: Any]
        XCTAssertEqual(keys(json), Set(ScenarioReader.topKeys))
        XCTAssertEqual(keys(defs["requisition"]), Set(ScenarioReader.requisitionKeys))
        XCTAssertEqual(keys(defs["stage"]), Set(ScenarioReader.stageKeys))
        // Every distribution form, each with additionalProperties false.
        let forms = (defs["distribution"] as! [String: Any])["anyOf"] as! [[String: Any]]
        XCTAssertEqual(forms.count, Distribution.forms.values.reduce(0) { $0 + $1.count } - 1,
                       "one schema per parameter set (empirical's two in one)")
        for f in forms { XCTAssertEqual(f["additionalProperties"] as? Bool, false, "\(f["title"] ?? "")") }
        let probability = (defs["probabilityDistribution"] as! [String: Any])["anyOf"] as! [[String: Any]]
        let names = Set(probability.compactMap { (($0["properties"] as? [String: Any])?["dist"] as? [String: Any])?["const"] as? String })
        XCTAssertEqual(names, ["constant", "uniform", "triangular", "pert", "beta", "empirical"])
        // Every mapping in the schema is closed.
        var open: [String] = []
        func walk(_ v: Any, _ path: String) {
            if let o = v as? [String: Any] {
                if o["properties"] != nil && o["additionalProperties"] as? Bool != false { open.append(path) }
                for (k, x) in o { walk(x, path + "/" + k) }
            } else if let a = v as? [Any] {
                for (i, x) in a.enumerated() { walk(x, path + "/\(i)") }
            }
        }
        walk(json, "#")
        // Constraints (if, dependentSchemas) name properties without being mappings of their own.
        XCTAssertEqual(open.filter { !$0.contains("/if") && !$0.contains("/dependentSchemas/") }, [],
                       "mappings that accept unknown keys")
    }

    func testJSONRendering() {
        let v: JSONValue = .object([("a", 1), ("b", "x\"\\\n\u{1}"), ("c", [1.5, true]), ("d", .object([])), ("e", [])])
        XCTAssertEqual(v.render(), "{\n  \"a\": 1,\n  \"b\": \"x\\\"\\\\\\n\\u0001\",\n  \"c\": [1.5, true],\n  \"d\": {},\n  \"e\": []\n}")
    }

    /// Every scenario the project ships is valid; broken files are rejected
    /// by the schema and by the loader alike. Runs scripts/check-schema.py
    /// (Python's jsonschema and PyYAML); skips where they are missing.
    func testFilesAgainstTheSchemaWithPython() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fc-schema-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let schema = try write("scenario.schema.json", ScenarioSchema.text)

        let root = Fixture.packageRoot.path
        let shipped = try FileManager.default.contentsOfDirectory(atPath: root + "/Scenarios")
            .filter { $0.hasSuffix(".yaml") }.sorted().map { root + "/Scenarios/" + $0 }
        XCTAssertGreaterThanOrEqual(shipped.count, 3)
        var valid = shipped
        valid.append(try write("starter.yaml", StarterScenario.text(start: CivilDate(year: 2027, month: 3, day: 1)!)))
        valid.append(try write("every-form.yaml", Self.everyForm))
        valid.append(try write("base.yaml", Fixture.base))
        for path in valid {
            XCTAssertNoThrow(try ScenarioLoader.load(path: path), "the loader rejects \(path)")
        }

        var broken: [String: String] = [:]
        for (name, yaml) in Self.broken {
            broken[try write("broken-\(name).yaml", yaml)] = name
            XCTAssertThrowsError(try ScenarioLoader.parse(yaml: yaml, file: name), "the loader accepts \(name)")
        }

        let (status, output) = try runPython([root + "/scripts/check-schema.py", schema] + valid + broken.keys.sorted())
        if status == 77 || status == 127 { throw XCTSkip("Python with jsonschema and PyYAML is not available: \(output)") }
        let lines = output.split(separator: "\n").map(String.init)
        for path in valid {
            XCTAssertTrue(lines.contains("valid \(path)"), "the schema rejects \(path):\n\(lines.filter { $0.contains(path) })")
        }
        for (path, name) in broken {
            XCTAssertTrue(lines.contains { $0.hasPrefix("invalid \(path):") }, "the schema accepts the broken file '\(name)'")
        }
        XCTAssertEqual(status, 1)
    }

    /// Runs python3 with `arguments`: its exit status and its stdout and stderr as one text.
    private func runPython(_ arguments: [String]) throws -> (Int32, String) {
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, mergingStandardError: true)
        return (r.status, r.stdout)
    }

    /// Files the loader rejects and the schema can tell apart.
    static let broken: [(String, String)] = [
        ("unknown-field", Fixture.appending("horizon: 100")),
        ("probability-above-1", Fixture.replacing(line: 10, with: "        pass: 1.5")),
        ("unknown-dist", Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gama, mean: 10, sd: 2}")),
        ("mixed-parameters", Fixture.replacing(line: 7, with: "      applicants_per_week: {dist: gamma, mean: 10, scale: 2}")),
        ("misspelled-parameter", Fixture.replacing(line: 10, with: "        pass: {dist: beta, successes: 3, trial: 10}")),
        ("no-show-outside-interview", Fixture.inserting(after: 10, "        no_show: 0.1")),
        ("missing-offer", Fixture.replacing(line: 15, with: "", in: Fixture.replacing(line: 16, with: ""))),
        ("date-format", Fixture.replacing(line: 2, with: "start: 04/01/2027")),
        ("requisition-called-plan", Fixture.replacing(line: 5, with: "  - name: plan")),
        ("number-in-quotes", Fixture.replacing(line: 7, with: "      applicants_per_week: \"10\"")),
        ("freeze-without-days", Fixture.appending("budget: {freezes_per_year: 2}")),
        ("normal-probability", Fixture.replacing(line: 10, with: "        pass: {dist: normal, mean: 0.5, sd: 0.1}")),
        ("negative-duration", Fixture.inserting(after: 10, "        hr_workdays: -1")),
        ("fractional-openings", Fixture.inserting(after: 5, "    openings: 1.5")),
        ("bad-change", Fixture.appending("interventions: [{name: x, changes: {\"requisitions.backend.stages.screen.pass\": \"times 2\"}}]")),
        ("bad-weekday", Fixture.appending("calendar: {workdays: [mon, tues]}")),
    ]

    /// Every distribution form on a duration, every form a probability can
    /// take, and every kind of change: valid for the loader and the schema.
    static let everyForm: String = {
        let durations = [
            "{dist: constant, value: 2}", "{dist: uniform, min: 1, max: 3}", "{dist: triangular, min: 1, mode: 2, max: 4}",
            "{dist: pert, min: 1, mode: 2, max: 4}", "{dist: normal, mean: 4, sd: 1}", "{dist: lognormal, median: 2, p90: 5}",
            "{dist: lognormal, mean: 2, sd: 1}", "{dist: lognormal, mu: 0.5, sigma: 0.4}", "{dist: gamma, mean: 2, sd: 1}",
            "{dist: gamma, shape: 2, scale: 1}", "{dist: exponential, mean: 2}", "{dist: weibull, scale: 2, shape: 1.5}",
            "{dist: beta, alpha: 2, beta: 5}", "{dist: beta, mean: 0.3, n: 20}", "{dist: beta, successes: 3, trials: 10}",
            "{dist: poisson, mean: 2}", "{dist: empirical, values: [1, 2, 3]}", "{dist: empirical, values: [1, 2], weights: [1, 3]}",
        ]
        let probabilities = [
            "0.9", "{dist: constant, value: 0.9}", "{dist: uniform, min: 0.8, max: 0.95}",
            "{dist: triangular, min: 0.7, mode: 0.8, max: 0.9}", "{dist: pert, min: 0.7, mode: 0.8, max: 0.9}",
            "{dist: beta, alpha: 9, beta: 1}", "{dist: beta, mean: 0.9, n: 50}", "{dist: beta, successes: 45, trials: 50}",
            "{dist: empirical, values: [0.8, 0.9]}", "{dist: empirical, values: [0.8, 0.9], weights: [2, 1]}",
        ]
        var stages = ""
        for (i, d) in durations.enumerated() {
            stages += "      - name: s\(i)\n        hr_workdays: \(d)\n        pass: \(probabilities[i % probabilities.count])\n"
        }
        return """
            name: Every form
            start: 2027-01-04
            horizon_days: 300
            trials: 10
            seed: 18446744073709551615
            calendar:
              workdays: [Mon, tue, WED, thu, fri]
              holidays:
                - {name: Break, from: 2027-02-01, to: 2027-02-03}
                - {from: 2027-03-01}
            weather: {bad_day_probability: {dist: beta, alpha: 1, beta: 20}, no_show_multiplier: 1.5}
            budget: {approval_days: 3, freezes_per_year: {dist: gamma, mean: 1, sd: 0.5}, freeze_days: 10, cancel_probability: 0.1}
            recruiters: {count: 0, hours_per_week: 0}
            interviewers: {count: 2, hours_per_week: {dist: uniform, min: 3, max: 5}}
            costs: {recruiter_hourly: 40, interviewer_hourly: 80, per_hire: 1000}
            requisitions:
              - name: every_form-1
                openings: 2
                opens_day: 3.5
                deadline: 2027-09-30
                sourcing: {applicants_per_week: 100, initial_pool: 3, cost_per_applicant: 5, max_applicants: 500}
                candidate: {competing_offers_per_week: 0.1, reply_days: 1, contact_failure: 0.01}
                stages:
            \(stages)      - name: talk
                    interview: true
                    interviewer_hours: 1
                    no_show: 0.1
                    pass: 1
                decision: {slate_size: 2, max_wait_days: 5}
                offer: {hr_workdays: 1, recruiter_hours: 1, accept: 0.8, response_days: 2}
                background_check: {workdays: 3, fail: 0.01, false_fail: 0.01, dispute: 0.5, dispute_days: 4, cost: 30}
                notice_days: 14
                renege: 0.02
            interventions:
              - name: Everything at once
                changes:
                  "requisitions.*.stages.*.pass": "x1.1"
                  "requisitions.*.notice_days": "-2"
                  "budget.approval_days": " +1.5 "
                  "requisitions.*.stages.s0.hr_workdays": {dist: gamma, mean: 1, sd: 0.5}
                  "recruiters.count": 3
                  "recruiters.hours_per_week": 30
            """
    }()
}
