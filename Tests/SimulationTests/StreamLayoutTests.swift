import XCTest
import Sampling
@testable import Simulation

/// `StreamLayout`: the keys it gives are the ones the engine and the
/// sensitivity designs used before it gathered them (spelled out here
/// from the formulas), and no two of a run's families share a key.
final class StreamLayoutTests: XCTestCase {
    private let seed: UInt64 = 20_270_104

    func testKeysKeepTheirFormulas() {
        XCTAssertEqual(StreamLayout.requisitionSeed(seed, 2), seed ^ StreamKey.mix(2 &+ 0x51ED_270B))
        let design = StreamKey.mix(seed ^ 0x5A17_E111_50B0_1000)
        XCTAssertEqual(StreamLayout.saltelliKey(seed: seed), StreamKey(seed: design, family: .plan))
        XCTAssertEqual(StreamLayout.sobolOthersKey(seed: seed),
                       StreamKey(seed: StreamKey.mix(design ^ 0x07E5), family: .parameters))
        XCTAssertEqual(StreamLayout.sobolBootstrapKey(seed: seed),
                       StreamKey(seed: StreamKey.mix(seed ^ 0xB007_5724_9000_0001), family: .plan))
    }

    func testARunsKeysAreDistinct() {
        let k = TrialStreamKeys(seed: seed, requisitions: 3)
        let all = [k.parameters, k.freezes, k.weather, k.approval, k.cancellation] + k.arrivals + k.candidates
            + [StreamLayout.saltelliKey(seed: seed), StreamLayout.sobolOthersKey(seed: seed),
               StreamLayout.sobolBootstrapKey(seed: seed), StreamKey(seed: seed, family: .plan)]
        XCTAssertEqual(Set(all).count, all.count)
        XCTAssertEqual(k.candidates[1], StreamKey(seed: StreamLayout.requisitionSeed(seed, 1), family: .candidates))
    }

    func testCandidatePurposesDoNotOverlap() {
        typealias P = StreamLayout.Purpose
        let single = [P.arrival, P.maxWait, P.offerWork, P.offerHours, P.response, P.accept, P.checkWork,
                      P.checkResult, P.notice, P.renege]
        let perStage = [P.hr, P.hours, P.contactReply, P.interviewerHours, P.showPass, P.pass]
        let all = single + (0..<4).flatMap { s in perStage.map { P.stage(s, $0) } }
        XCTAssertEqual(Set(all).count, all.count)
        XCTAssertTrue(single.allSatisfy { $0 < P.stage(0, 0) }, "plan purposes below the first stage's")
    }
}
