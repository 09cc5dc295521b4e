import Forecast
import Foundation
import FunnelModel
import Shards
import TestSupport
import XCTest

/// The .fcpart file: its bytes round-trip, and every way a set of parts can
/// be wrong is a one-line error naming the file.
final class PartFileTests: XCTestCase {
    private func header(_ k: Int, of n: Int, total: Int = 1000, seed: UInt64 = 5, hash: UInt64 = 42) -> PartHeader {
        PartHeader(toolVersion: "0.1.0", scenarioHash: hash, scenarioName: "Small plan", seed: seed, total: total,
                   unit: "trials", shard: Shard(index: k, count: n)!, command: "run",
                   options: [.init("trials-csv", "false")])
    }

    private func part(_ k: Int, of n: Int, path: String? = nil, seed: UInt64 = 5, hash: UInt64 = 42) -> PartSet.Part {
        PartSet.Part(path: path ?? "p\(k).fcpart", file: PartFile(header: header(k, of: n, seed: seed, hash: hash),
                                                                 body: ShardPayload.outputs([1, 2]).encoded()))
    }

    private func assertOneLine(_ e: PartError, naming path: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(e.description.contains("\n"), file: file, line: line)
        XCTAssertTrue(e.description.contains(path), "\(e) names \(path)", file: file, line: line)
    }

    func testBytesRoundTrip() throws {
        let f = PartFile(header: header(2, of: 7), body: Array(0...255))
        let back = try PartFile.decode(f.encoded(), path: "x")
        XCTAssertEqual(back.header, f.header)
        XCTAssertEqual(back.body, f.body)
        XCTAssertEqual(back.header.range, 285..<428)
        XCTAssertEqual(Array(f.encoded().prefix(8)), Array("FCPART\r\n".utf8))
    }

    func testEveryCutIsTruncatedAndEveryChangeIsCaught() {
        let bytes = PartFile(header: header(0, of: 1), body: Array(repeating: 7, count: 40)).encoded()
        for cut in 0..<bytes.count {
            XCTAssertThrowsError(try PartFile.decode(Array(bytes[..<cut]), path: "cut.fcpart")) { error in
                XCTAssertEqual(error as? PartError, .truncated(path: "cut.fcpart"), "cut at \(cut)")
            }
        }
        for i in stride(from: 12, to: bytes.count, by: 5) {
            var changed = bytes
            changed[i] ^= 0x10
            XCTAssertThrowsError(try PartFile.decode(changed, path: "bad.fcpart"), "byte \(i)") { error in
                let e = error as! PartError
                XCTAssertTrue([.damaged(path: "bad.fcpart"), .truncated(path: "bad.fcpart")].contains(e), "byte \(i): \(e)")
            }
        }
        // A part of the next layout (the version's low byte at offset 8).
        var next = bytes
        next[8] = UInt8(PartHeader.formatVersion + 1)
        XCTAssertThrowsError(try PartFile.decode(next, path: "next.fcpart")) { error in
            XCTAssertEqual(error as? PartError, .wrongVersion(path: "next.fcpart", found: PartHeader.formatVersion + 1,
                                                              expected: PartHeader.formatVersion))
            self.assertOneLine(error as! PartError, naming: "next.fcpart")
        }
        XCTAssertThrowsError(try PartFile.decode(Array("name: a plan\n".utf8), path: "plan.yaml")) { error in
            XCTAssertEqual(error as? PartError, .notAPart(path: "plan.yaml"))
        }
    }

    func testWrittenAtomicallyAndReadBack() throws {
        let dir = try PackagePaths.temporaryDirectory("fcpart")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/s0.fcpart"
        let f = PartFile(header: header(0, of: 1), body: [1, 2, 3])
        try f.write(to: path)
        try PartFile(header: header(0, of: 1), body: [4, 5]).write(to: path)
        XCTAssertEqual(try PartFile.read(path).body, [4, 5])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["s0.fcpart"], "no temporary left")
        XCTAssertThrowsError(try PartFile.read(dir + "/none.fcpart")) { error in
            XCTAssertEqual(error as? PartError, .io(path: dir + "/none.fcpart", reason: "no such file"))
        }
        // A missing folder is created (AtomicFile); a folder that is a file is an error.
        try PartFile(header: header(0, of: 1), body: [6]).write(to: dir + "/new/s1.fcpart")
        XCTAssertEqual(try PartFile.read(dir + "/new/s1.fcpart").body, [6])
        XCTAssertThrowsError(try PartFile(header: header(0, of: 1), body: []).write(to: dir + "/s0.fcpart/x.fcpart"))
    }

    func testSetsThatDoNotBelongTogether() throws {
        XCTAssertEqual(try PartSet([part(2, of: 3), part(0, of: 3), part(1, of: 3)]).parts.map(\.path),
                       ["p0.fcpart", "p1.fcpart", "p2.fcpart"])
        let cases: [([PartSet.Part], PartError, String)] = [
            ([part(0, of: 2), part(1, of: 2, path: "other.fcpart", seed: 6)],
             .foreign(path: "other.fcpart", field: "seed", found: "6", expected: "5", reference: "p0.fcpart"), "other.fcpart"),
            ([part(0, of: 2), part(1, of: 2, path: "other.fcpart", hash: 43)],
             .foreign(path: "other.fcpart", field: "scenario", found: "'Small plan' (fingerprint 2b)",
                      expected: "'Small plan' (fingerprint 2a)", reference: "p0.fcpart"), "other.fcpart"),
            ([part(0, of: 2), part(1, of: 3)],
             .foreign(path: "p1.fcpart", field: "shard count", found: "3", expected: "2", reference: "p0.fcpart"), "p1.fcpart"),
            ([part(0, of: 3), part(2, of: 3)], .missingShard(shard: "1/3", range: "trials 333-665", count: 3), "1/3"),
            ([part(0, of: 2), part(1, of: 2), part(1, of: 2, path: "again.fcpart")],
             .duplicateShard(path: "again.fcpart", other: "p1.fcpart", shard: "1/2"), "again.fcpart"),
            ([], .noParts, "no part"),
        ]
        for (parts, expected, named) in cases {
            XCTAssertThrowsError(try PartSet(parts)) { error in
                XCTAssertEqual(error as? PartError, expected)
                self.assertOneLine(error as! PartError, naming: named)
            }
        }
        var shifted = part(1, of: 2, path: "shifted.fcpart")
        shifted.file.header.range = 400..<1000
        XCTAssertThrowsError(try PartSet([part(0, of: 2), shifted])) { error in
            XCTAssertEqual(error as? PartError, .overlap(path: "shifted.fcpart", range: "trials 400-999", expected: "trials 500-999"))
        }
        var options = part(1, of: 2, path: "opts.fcpart")
        options.file.header.options = [.init("trials-csv", "true")]
        XCTAssertThrowsError(try PartSet([part(0, of: 2), options])) { error in
            XCTAssertEqual(error as? PartError, .foreign(path: "opts.fcpart", field: "options", found: "trials-csv=true",
                                                         expected: "trials-csv=false", reference: "p0.fcpart"))
        }
    }

    /// The fingerprint: the scenario's values, not its trials or seed, and
    /// the same in every process (no hashing seed, no addresses).
    func testScenarioFingerprint() throws {
        let a = try ShardFixture.smallPlan(), b = try ShardFixture.smallPlan()
        XCTAssertEqual(ScenarioFingerprint.of(a), ScenarioFingerprint.of(b))
        var other = a
        other.trials = 9
        other.seed = 1
        XCTAssertEqual(ScenarioFingerprint.of(other), ScenarioFingerprint.of(a))
        other.requisitions[0].name = "team2"
        XCTAssertNotEqual(ScenarioFingerprint.of(other), ScenarioFingerprint.of(a))
        var changed = a
        changed.horizonDays += 1e-9
        XCTAssertNotEqual(ScenarioFingerprint.of(changed), ScenarioFingerprint.of(a))
        let text = ScenarioFingerprint.canonicalText(a)
        XCTAssertFalse(text.contains("0x"), "no addresses in the canonical text")
        XCTAssertEqual(FNV1a64.hash(Array("a".utf8)), 0xaf63_dc4c_8601_ec8c, "FNV-1a-64 test vector")
    }
}
