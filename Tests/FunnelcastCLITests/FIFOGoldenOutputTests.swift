import Foundation
import XCTest

/// Pins `discipline: fifo` (MODEL.md 21.2) to the engine of section 9 as it
/// was before pools had a discipline: the golden runs whose plans have
/// pools, with every pool rewritten to `fifo`, must write byte for byte
/// the files recorded before `priority` became the default (kept in
/// `GoldenFIFO/`, never re-recorded: a change here is a change of `fifo`).
/// funnel.csv is compared without the `channel` column it has gained
/// since (all `all` in these plans).
final class FIFOGoldenOutputTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("GoldenFIFO")

    /// The golden cases whose plans have pools.
    static let caseNames = ["reference-run", "reference-compare", "single-role-run", "seasonal-run"]

    /// `text` with `discipline: fifo` in every pool, or nil where a pool is
    /// written other than as a one-line flow mapping (the test then fails,
    /// rather than compare a plan it did not rewrite).
    static func forcingFIFO(_ text: String) -> String? {
        var lines: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("recruiters:") || line.hasPrefix("interviewers:") {
                guard line.hasSuffix("}"), line.contains("{") else { return nil }
                lines.append(String(line.dropLast()) + ", discipline: fifo}")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// funnel.csv as it was before the sourcing channels' column (issue
    /// 14): the second field dropped from every row, where it is the
    /// header's `channel` or `all` (these plans have no channels); nil
    /// otherwise. Names here are identifiers, so no field is quoted.
    static func withoutChannelColumn(_ data: Data, delimiter: Character) -> Data? {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        var rows: [String] = []
        for (i, row) in text.components(separatedBy: "\r\n").enumerated() {
            if row.isEmpty { rows.append(row); continue }
            var fields = row.split(separator: delimiter, omittingEmptySubsequences: false)
            guard fields.count > 2, fields[1] == (i == 0 ? "channel" : "all") else { return nil }
            fields.remove(at: 1)
            rows.append(fields.joined(separator: String(delimiter)))
        }
        return Data(rows.joined(separator: "\r\n").utf8)
    }

    func testFIFOReproducesTheOutputsOfSection9() throws {
        var mismatches: [String] = []
        for name in Self.caseNames {
            let c = try XCTUnwrap(GoldenOutputTests.cases.first { $0.name == name })
            let out = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: out) }
            var arguments = c.arguments.map { $0 == "OUT" ? out : $0 }
            let plan = try XCTUnwrap(arguments.firstIndex { $0.hasSuffix(".yaml") })
            let source = try String(contentsOf: CLI.packageRoot.appendingPathComponent(arguments[plan]), encoding: .utf8)
            let rewritten = try XCTUnwrap(Self.forcingFIFO(source), "\(name): a pool not written as {count, hours_per_week}")
            XCTAssertNotEqual(rewritten, source, "\(name): the plan has no pool to rewrite")
            let fifoPlan = out + "/fifo-plan.yaml"
            try rewritten.write(toFile: fifoPlan, atomically: true, encoding: .utf8)
            arguments[plan] = fifoPlan
            let result = try CLI.run(arguments)
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            for file in c.files {
                var produced = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(file))
                if file == "funnel.csv" {
                    produced = try XCTUnwrap(Self.withoutChannelColumn(produced, delimiter: c.arguments.contains(";") ? ";" : ","),
                                             "\(name): funnel.csv's channel column is not all 'all'")
                }
                let expected = try Data(contentsOf: Self.directory.appendingPathComponent(name).appendingPathComponent(file))
                if produced != expected {
                    mismatches.append("\(name)/\(file): \(GoldenOutputTests.firstDifference(produced, expected))")
                }
            }
        }
        XCTAssert(mismatches.isEmpty, "fifo differs from section 9's outputs:\n" + mismatches.joined(separator: "\n"))
    }
}
