import TestSupport
import XCTest

/// The tests' seeded generator repeats from its seed and is SplitMix64.
final class SplitMix64Tests: XCTestCase {
    func testSplitMix64RepeatsFromItsSeed() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let xs = (0..<8).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<8).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<8).map { _ in c.next() })
        // SplitMix64's published first output for seed 0.
        var zero = SplitMix64(seed: 0)
        XCTAssertEqual(zero.next(), 0xE220_A839_7B1D_CDAF)
    }
}
