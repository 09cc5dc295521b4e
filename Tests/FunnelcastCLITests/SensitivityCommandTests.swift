import Foundation
import TestSupport
import XCTest

/// `funnelcast validate --parameters`, `sensitivity` and `compare` end to
/// end: the built executable run on `Tests/Fixtures/small-plan.yaml`, its
/// exit code, terminal output and CSV files checked.
final class SensitivityCommandTests: XCTestCase {
    var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("funnelcast-cli-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: out)
    }

    func testValidateListsParameters() throws {
        let r = try funnelcast("validate", smallPlan, "--parameters")
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("requisitions.team.stages.screen.pass ") && $0.contains("Beta(30, 70), mean 0.3")
                          && $0.hasSuffix("yes") }, r.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("requisitions.team.stages.onsite.no_show ") && $0.contains("0.2")
                          && $0.hasSuffix("no") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("recruiters.count ") && $0.contains("no limit") })
        XCTAssertTrue(r.stdout.contains("4 uncertain"))
    }

    func testTornado() throws {
        let r = try funnelcast("sensitivity", smallPlan, "--method", "tornado", "--parameters", "requisitions.team.stages.*.pass",
                               "requisitions.team.offer.accept", "--trials", "100", "--out", out.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("Tornado: P(on time), plan; base "), r.stdout)
        let csv = try lines("sensitivity-tornado.csv")
        XCTAssertEqual(csv.first, "parameter,low,high,metric_low,metric_high,swing,swing_low,swing_high,rank,ties,note")
        XCTAssertEqual(csv.count, 4)
        XCTAssertEqual(csv.dropFirst().map { $0.components(separatedBy: ",")[8] }, ["1", "2", "3"])
    }

    func testSobol() throws {
        let r = try funnelcast("sensitivity", smallPlan, "--method", "sobol", "--metric", "filled", "--trials", "30",
                               "--bootstrap", "20", "--out", out.path, "--quiet")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "", "--quiet prints nothing")
        let csv = try lines("sensitivity-sobol.csv")
        XCTAssertEqual(csv.first, "parameter,s1,s1_low,s1_high,st,st_low,st_high")
        XCTAssertEqual(csv.count, 6)
        XCTAssertTrue(csv.last!.hasPrefix("trial randomness,"))
    }

    func testCorrelation() throws {
        let r = try funnelcast("sensitivity", smallPlan, "--method", "correlation", "--trials", "60", "--out", out.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        let csv = try lines("sensitivity-correlation.csv")
        XCTAssertEqual(csv.first, "parameter,scope,metric,spearman")
        XCTAssertEqual(csv.count, 1 + 4 * 2 * 22, "4 parameters x 2 scopes x 22 metrics")
        XCTAssertTrue(r.stdout.contains("Spearman rank correlation"))
    }

    func testCompare() throws {
        let r = try funnelcast("compare", smallPlan, "--trials", "60", "--out", out.path)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Intervention: Fewer no-shows"))
        XCTAssertTrue(r.stdout.contains("Intervention: Nothing"))
        let csv = try lines("interventions.csv")
        XCTAssertEqual(csv.first, "intervention,scope,metric,n_paired,baseline,value,difference,ci_low,ci_high,baseline_p50,value_p50,note")
        XCTAssertEqual(csv.count, 1 + 2 * 2 * 22, "2 interventions x 2 scopes x 22 metrics")
        // The no-op intervention: value = baseline, difference and interval 0.
        let row = try XCTUnwrap(csv.first { $0.hasPrefix("Nothing,plan,no_shows,") }).components(separatedBy: ",")
        XCTAssertEqual(row[3], "60")
        XCTAssertEqual(row[5], row[4])
        XCTAssertEqual(Array(row[6...8]), ["0", "0", "0"])
        XCTAssertEqual(row[9], row[10])
    }

    func testBadInputIsOneLineAndNoFile() throws {
        let unknown = try funnelcast("compare", smallPlan, "--intervention", "More recruiters", "--out", out.path)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.stderr, "funnelcast: unknown intervention 'More recruiters'; the scenario has: 'Fewer no-shows', 'Nothing'\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("interventions.csv").path))

        let pattern = try funnelcast("sensitivity", smallPlan, "--method", "tornado", "--parameters", "requisitions.team.stages.*.noshow")
        XCTAssertEqual(pattern.status, 64)
        XCTAssertEqual(pattern.stderr, "funnelcast: --parameters requisitions.team.stages.*.noshow: the pattern matches no tornado "
                           + "parameter; closest: requisitions.team.stages.*.no_show, requisitions.team.stages.*.pass, "
                           + "requisitions.team.stages.*.hr_workdays\n")

        let fixed = try funnelcast("sensitivity", smallPlan, "--method", "sobol", "--parameters", "requisitions.team.renege")
        XCTAssertEqual(fixed.status, 64)
        XCTAssertTrue(fixed.stderr.hasPrefix("funnelcast: --parameters requisitions.team.renege: the pattern matches only fixed "
                                             + "parameters"), fixed.stderr)

        let metric = try funnelcast("sensitivity", smallPlan, "--method", "tornado", "--metric", "ontime")
        XCTAssertEqual(metric.status, 64)
        XCTAssertTrue(metric.stderr.hasPrefix("funnelcast: unknown metric 'ontime'"))
        XCTAssertEqual(metric.stderr.filter { $0 == "\n" }.count, 1, "one line")

        let method = try funnelcast("sensitivity", smallPlan, "--method", "morris")
        XCTAssertNotEqual(method.status, 0)
        XCTAssertTrue(method.stderr.contains("Please provide one of 'tornado', 'sobol' or 'correlation'"), method.stderr)
    }

    /// The CSV files are the same bit for bit with one thread or three.
    func testFilesDoNotDependOnTheThreadCount() throws {
        func files(_ threads: String) throws -> [String] {
            let dir = out.appendingPathComponent("threads-\(threads)")
            XCTAssertEqual(try funnelcast("compare", smallPlan, "--trials", "80", "--threads", threads, "--out", dir.path,
                                          "--quiet").status, 0)
            XCTAssertEqual(try funnelcast("sensitivity", smallPlan, "--method", "sobol", "--trials", "12", "--bootstrap", "20",
                                          "--threads", threads, "--out", dir.path, "--quiet").status, 0)
            return try ["interventions.csv", "sensitivity-sobol.csv"].map {
                try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
            }
        }
        XCTAssertEqual(try files("1"), try files("3"))
    }

    /// `report` charts the scenario's interventions with the numbers of
    /// `compare` on the same trials, and with --tornado the tornado of
    /// `sensitivity --method tornado`; --no-interventions leaves them out.
    func testReportShowsInterventionsAndTornado() throws {
        let page = out.appendingPathComponent("small.html").path
        let r = try funnelcast("report", smallPlan, "--trials", "200", "--tornado", "--tornado-trials", "40",
                               "--out", page, "--quiet")
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"tornado\""))
        XCTAssertTrue(html.contains("id=\"interventions\""))
        XCTAssertTrue(html.contains("--trials 200 --seed 5 --tornado --tornado-trials 40"))

        // The interventions' effects are compare's, to the shown decimal.
        XCTAssertEqual(try funnelcast("compare", smallPlan, "--trials", "200", "--out", out.path, "--quiet").status, 0)
        let rows = try lines("interventions.csv").map { $0.split(separator: ",").map(String.init) }
        for name in ["Fewer no-shows", "Nothing"] {
            let row = rows.first { $0[0] == name && $0[1] == "plan" && $0[2] == "on_time" }!
            let change = Double(row[6])! * 100
            let shown = (change > 0.05 ? "+" : "") + String(format: "%.1f", change) + " pp"
            XCTAssertTrue(html.contains("\(name): ") && html.contains("change \(shown) (95% interval"),
                          "\(name): change \(shown) not on the page")
        }

        // The tornado's largest swing is the sensitivity command's rank 1.
        XCTAssertEqual(try funnelcast("sensitivity", smallPlan, "--method", "tornado", "--trials", "40",
                                      "--out", out.path, "--quiet").status, 0)
        let first = try lines("sensitivity-tornado.csv")[1].split(separator: ",").map(String.init)
        XCTAssertEqual(first[8], "1")
        let tornado = html[html.range(of: "id=\"tornado\"")!.upperBound...]
        XCTAssertTrue(tornado.contains(first[0]), "rank 1 \(first[0]) not in the tornado chart")
        // At most 15 bars; the rest are counted under the chart.
        let parameters = try lines("sensitivity-tornado.csv").count - 1
        let chart = tornado[..<tornado.range(of: "</svg>")!.lowerBound]
        // One low bar a parameter, and one in the legend.
        XCTAssertEqual(chart.components(separatedBy: "class=\"t-low\"").count - 2, min(15, parameters))
        XCTAssertGreaterThan(parameters, 15)
        XCTAssertTrue(html.contains("\(parameters - 15) more parameters with smaller swings are not drawn"))

        let plain = try funnelcast("report", smallPlan, "--trials", "50", "--no-interventions", "--out", page, "--quiet")
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let without = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertFalse(without.contains("id=\"interventions\""))
        XCTAssertFalse(without.contains("id=\"tornado\""))
    }

    func testHelpShowsExamples() throws {
        for command in ["sensitivity", "compare", "validate", "report"] {
            let r = try funnelcast(command, "--help")
            XCTAssertEqual(r.status, 0)
            XCTAssertTrue(r.stdout.contains("funnelcast \(command) Scenarios/"), "\(command) --help:\n\(r.stdout)")
        }
    }

    // MARK: - Running the executable

    var smallPlan: String { PackagePaths.smallPlan }

    /// The records of a CSV file in `out` (CRLF line ends, the last one too).
    func lines(_ file: String) throws -> [String] {
        let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        return text.components(separatedBy: "\r\n").dropLast()
    }

    /// Runs the built `funnelcast` with `arguments`.
    func funnelcast(_ arguments: String...) throws -> CLIResult {
        try CLI.run(arguments)
    }
}
