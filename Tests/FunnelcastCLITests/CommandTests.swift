import Foundation
import TestSupport
import XCTest

/// End-to-end tests of the `funnelcast` executable: run it as a user
/// would, check its output, its files and its exit status.
final class CommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("fc-cli-\(getpid())-\(name.hashValue)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// Runs funnelcast with `arguments` in the test's directory.
    @discardableResult
    func funnelcast(_ arguments: String...) throws -> CLIResult {
        try CLI.run(arguments, in: dir)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// A small two-requisition plan, a fraction of a second per run.
    func writeSmallPlan() throws {
        try """
            name: CLI test plan
            start: 2027-01-04
            horizon_days: 100
            trials: 300
            seed: 3
            requisitions:
              - name: eng
                openings: 2
                deadline: 2027-03-01
                sourcing: {applicants_per_week: 5, initial_pool: 2}
                candidate: {competing_offers_per_week: 0.1}
                stages:
                  - {name: screen, hr_workdays: 1, pass: 0.5}
                  - {name: onsite, interview: true, no_show: 0.1, pass: {dist: beta, successes: 4, trials: 10}}
                offer: {accept: 0.7, response_days: 3}
                notice_days: 14
              - name: ops
                opens_day: 7
                sourcing: {applicants_per_week: 2}
                stages:
                  - {name: screen, pass: 0.4}
                offer: {accept: 0.9}
            """.write(toFile: path("plan.yaml"), atomically: true, encoding: .utf8)
    }

    // MARK: Help, version, completion

    func testEveryCommandsHelpShowsAnExample() throws {
        for command in ["run", "report", "validate", "schema", "init"] {
            let r = try funnelcast(command, "--help")
            XCTAssertEqual(r.status, 0, command)
            // An example a reader can copy: a whole line, within 80 columns.
            XCTAssertTrue(r.stdout.contains("Example"), "\(command) --help:\n\(r.stdout)")
            let examples = r.stdout.split(separator: "\n").filter {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("funnelcast \(command) ")
                    || $0.hasPrefix("Example: funnelcast \(command) ")
            }
            XCTAssertFalse(examples.isEmpty, "\(command) --help:\n\(r.stdout)")
            for e in examples { XCTAssertLessThan(e.count, 80, String(e)) }
        }
        let root = try funnelcast("--help")
        for command in ["run", "report", "validate", "schema", "init"] { XCTAssertTrue(root.stdout.contains("  \(command) "), command) }
        XCTAssertEqual(try funnelcast("--version").stdout, "0.1.0\n")
        let completion = try funnelcast("--generate-completion-script", "bash")
        XCTAssertEqual(completion.status, 0)
        XCTAssertTrue(completion.stdout.contains("report"))
    }

    // MARK: init

    func testInitWritesAStarterThatRunsAndNeverOverwrites() throws {
        let first = try funnelcast("init", "--out", "mine.yaml")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("Wrote mine.yaml"))
        let text = try read("mine.yaml")
        XCTAssertTrue(text.hasPrefix("# A starter hiring plan"))
        XCTAssertTrue(try funnelcast("validate", "mine.yaml").stdout.hasPrefix("mine.yaml: OK"))
        let run = try funnelcast("run", "mine.yaml", "--trials", "100", "--quiet", "--out", "out")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("out/summary.csv")))

        try "keep me".write(toFile: path("mine.yaml"), atomically: true, encoding: .utf8)
        let again = try funnelcast("init", "--out", "mine.yaml")
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr.split(separator: "\n").count, 1, again.stderr)
        XCTAssertTrue(again.stderr.contains("--force"))
        XCTAssertEqual(try read("mine.yaml"), "keep me")
        XCTAssertEqual(try funnelcast("init", "--out", "mine.yaml", "--force").status, 0)
        XCTAssertEqual(try read("mine.yaml"), text)
        // The default name.
        XCTAssertEqual(try funnelcast("init").status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("plan.yaml")))
    }

    // MARK: schema

    func testSchemaPrintsJSONSchema() throws {
        let r = try funnelcast("schema")
        XCTAssertEqual(r.status, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(try funnelcast("schema", "--out", "s.json").status, 0)
        XCTAssertEqual(try read("s.json"), r.stdout)
    }

    // MARK: run and report

    /// `run --out DIR --html FILE --delimiter ';'`: the report shows the
    /// numbers of the CSV files of the same run.
    func testReportNumbersEqualCSVNumbers() throws {
        try writeSmallPlan()
        let r = try funnelcast("run", "plan.yaml", "--quiet", "--out", "out", "--delimiter", ";", "--html", "out/report.html")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let html = try read("out/report.html")

        func rows(_ file: String) throws -> [[String]] {
            let text = try read("out/" + file)
            XCTAssertFalse(text.contains(","), "\(file): a comma in a ';' file")
            return CSVText.rows(text, delimiter: ";")
        }
        /// The data-v of column `column` in the table row that starts with `rowStart`.
        func cell(_ rowStart: String, _ column: String) -> String? {
            guard let row = html.range(of: rowStart) else { return nil }
            let rest = html[row.upperBound...]
            let end = rest.range(of: "</tr>")!.lowerBound
            guard let c = rest[..<end].range(of: "data-col=\"\(column)\" data-v=\"") else { return nil }
            return String(rest[c.upperBound...].prefix { $0 != "\"" })
        }

        // summary.csv: every scope and metric, every column the report shows.
        let summary = try rows("summary.csv")
        let header = summary[0]
        var compared = 0
        for row in summary.dropFirst() {
            let start = "<tr data-scope=\"\(row[0])\" data-metric=\"\(row[1])\">"
            for column in ["n", "mean", "p10", "p50", "p90", "beyond_horizon"] {
                let v = row[header.firstIndex(of: column)!]
                XCTAssertEqual(cell(start, column), v, "\(row[0]) \(row[1]) \(column)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 3 * 22 * 6)

        // funnel.csv: every step of every scope (and channel, where there are any).
        let funnel = try rows("funnel.csv")
        XCTAssertEqual(Array(funnel[0].prefix(3)), ["scope", "channel", "stage"])
        for row in funnel.dropFirst() {
            let start = "<tr data-scope=\"\(row[0])\" data-channel=\"\(row[1])\" data-stage=\"\(row[2])\">"
            for (i, column) in funnel[0].enumerated().dropFirst(3) {
                XCTAssertEqual(cell(start, column), row[i], "funnel \(row[0]) \(row[1]) \(row[2]) \(column)")
            }
        }

        // timeline.csv: the fan charts' weeks.
        let timeline = try rows("timeline.csv")
        XCTAssertEqual(timeline.count - 1, 3 * 15)
        for row in timeline.dropFirst() {
            let svgStart = html.range(of: "id=\"fan-\(row[0])\"")!.upperBound
            let week = html[svgStart...].range(of: "data-week=\"\(row[1])\" ")!
            let attributes = html[week.upperBound...].prefix { $0 != ">" }
            XCTAssertTrue(attributes.hasPrefix("data-p10=\"\(row[4])\" data-p50=\"\(row[5])\" data-p90=\"\(row[6])\" data-mean=\"\(row[3])\""),
                          "timeline \(row[0]) week \(row[1]): \(attributes)")
        }

        // The time-to-fill chart's beyond-horizon bar is the summary's share.
        for scope in ["plan", "eng", "ops"] {
            let beyond = summary.first { $0[0] == scope && $0[1] == "time_to_fill" }![15]
            let chart = html[html.range(of: "id=\"ttf-\(scope)\"")!.upperBound...]
            let share = chart.range(of: "data-share=\"")!.upperBound
            XCTAssertEqual(String(chart[share...].prefix { $0 != "\"" }), beyond, scope)
        }
        XCTAssertTrue(html.contains("funnelcast run plan.yaml --trials 300 --seed 3"))
    }

    func testReportCommand() throws {
        try writeSmallPlan()
        let r = try funnelcast("report", "plan.yaml", "--trials", "200", "--seed", "9", "--threads", "2")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Wrote plan.html\n")
        XCTAssertEqual(r.stderr, "", "no progress bar when stderr is not a terminal")
        let html = try read("plan.html")
        XCTAssertTrue(html.contains("funnelcast report plan.yaml --trials 200 --seed 9"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))

        // The same seed gives the same page, whatever the thread count.
        XCTAssertEqual(try funnelcast("report", "plan.yaml", "--trials", "200", "--seed", "9", "--threads", "1",
                                      "--out", "again.html", "--quiet").stdout, "")
        XCTAssertEqual(try read("again.html"), html)

        // Errors: one line, exit 1, no file.
        try FileManager.default.createDirectory(atPath: path("adir"), withIntermediateDirectories: true)
        let bad = try funnelcast("report", "plan.yaml", "--out", "adir")
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "funnelcast: cannot write adir: is a directory; give a file name\n")
        let missing = try funnelcast("report", "nope.yaml")
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "nope.yaml: no such file\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("nope.html")))
    }
}
