import Foundation
import XCTest

/// Pins what the tool writes: the CSV files of a few fixed runs, compared
/// byte for byte with copies checked in under `Golden/`.
///
/// Any change to the engine, the statistics or the CSV writers that moves a
/// single printed digit fails here. When a change of output is intended,
/// re-record on purpose and say why in the commit:
///
///     FUNNELCAST_RECORD_GOLDEN=1 swift test --filter GoldenOutputTests
///
/// (record mode rewrites `Tests/FunnelcastCLITests/Golden/` and fails, so a
/// recording run is never mistaken for a passing one; run again to check).
final class GoldenOutputTests: XCTestCase {
    /// One pinned run: the command line (scenario paths relative to the
    /// package root, `OUT` replaced by a fresh directory) and the files it writes.
    struct Case {
        let name: String
        let arguments: [String]
        let files: [String]
    }

    static let cases: [Case] = [
        Case(name: "reference-run",
             arguments: ["run", referencePlan, "--trials", "1000", "--seed", "20270104", "--threads", "2",
                         "--quiet", "--out", "OUT", "--trials-csv"],
             files: ["summary.csv", "funnel.csv", "timeline.csv", "trials.csv"]),
        Case(name: "small-run",
             arguments: ["run", "Tests/Fixtures/small-plan.yaml", "--trials", "500", "--seed", "11",
                         "--quiet", "--out", "OUT", "--trials-csv"],
             files: ["summary.csv", "funnel.csv", "timeline.csv", "trials.csv"]),
        Case(name: "single-role-run",
             arguments: ["run", "Scenarios/single-role.yaml", "--trials", "500", "--seed", "3",
                         "--quiet", "--out", "OUT", "--delimiter", ";"],
             files: ["summary.csv", "funnel.csv", "timeline.csv"]),
        Case(name: "seasonal-run",
             arguments: ["run", "Scenarios/seasonal-plan.yaml", "--trials", "500", "--seed", "4",
                         "--quiet", "--out", "OUT", "--trials-csv"],
             files: ["summary.csv", "funnel.csv", "timeline.csv", "trials.csv"]),
        Case(name: "small-tornado",
             arguments: ["sensitivity", "Tests/Fixtures/small-plan.yaml", "--method", "tornado",
                         "--trials", "200", "--quiet", "--out", "OUT"],
             files: ["sensitivity-tornado.csv"]),
        Case(name: "small-sobol",
             arguments: ["sensitivity", "Tests/Fixtures/small-plan.yaml", "--method", "sobol",
                         "--trials", "200", "--quiet", "--out", "OUT"],
             files: ["sensitivity-sobol.csv"]),
        Case(name: "small-correlation",
             arguments: ["sensitivity", "Tests/Fixtures/small-plan.yaml", "--method", "correlation",
                         "--trials", "400", "--quiet", "--out", "OUT"],
             files: ["sensitivity-correlation.csv"]),
        Case(name: "reference-compare",
             arguments: ["compare", referencePlan, "--trials", "500", "--seed", "9", "--quiet", "--out", "OUT"],
             files: ["interventions.csv"]),
    ]

    /// The package's copy of the reference plan (identical to ../shared's).
    static let referencePlan = "Scenarios/reference-plan.yaml"

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    var recording: Bool { ProcessInfo.processInfo.environment["FUNNELCAST_RECORD_GOLDEN"] == "1" }

    func testGoldenOutputs() throws {
        var mismatches: [String] = []
        for c in Self.cases {
            let out = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let arguments = c.arguments.map { $0 == "OUT" ? out : $0 }
            let result = try CLI.run(arguments)
            XCTAssertEqual(result.status, 0, "\(c.name): \(result.stderr)")
            let golden = Self.goldenDirectory.appendingPathComponent(c.name)
            for file in c.files {
                let produced = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(file))
                let pinned = golden.appendingPathComponent(file)
                if recording {
                    try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
                    try produced.write(to: pinned)
                    continue
                }
                guard let expected = try? Data(contentsOf: pinned) else {
                    mismatches.append("\(c.name)/\(file): no golden copy (record with FUNNELCAST_RECORD_GOLDEN=1)")
                    continue
                }
                if produced != expected {
                    mismatches.append("\(c.name)/\(file): \(Self.firstDifference(produced, expected))")
                }
            }
        }
        if recording { XCTFail("recorded \(Self.cases.count) golden cases into \(Self.goldenDirectory.path); run again without FUNNELCAST_RECORD_GOLDEN to check") }
        XCTAssert(mismatches.isEmpty, "outputs differ from the golden copies:\n" + mismatches.joined(separator: "\n"))
    }

    /// The first line where two files differ, both versions shown.
    static func firstDifference(_ produced: Data, _ expected: Data) -> String {
        // Split the bytes at LF: as a String, CRLF is one Character and
        // would never match "\n" (every CSV here ends its lines with CRLF).
        func lines(_ d: Data) -> [String] {
            d.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        let a = lines(produced), b = lines(expected)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : "<end of file>"
            let y = i < b.count ? b[i] : "<end of file>"
            if x != y { return "line \(i + 1): got \"\(x)\", golden \"\(y)\"" }
        }
        return "same lines, different bytes"
    }
}
