import CFunnelcast
import XCTest

/// Philox4x32-10 against the known answers Random123 publishes
/// (`examples/kat_vectors`, rows `philox4x32 10`): counter, key, output.
final class PhiloxKnownAnswerTests: XCTestCase {
    private func block(_ ctr: [UInt32], _ key: [UInt32]) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: 4)
        ctr.withUnsafeBufferPointer { c in
            key.withUnsafeBufferPointer { k in
                out.withUnsafeMutableBufferPointer { o in
                    fc_philox_block(c.baseAddress, k.baseAddress, o.baseAddress)
                }
            }
        }
        return out
    }

    func testZeroCounterZeroKey() {
        XCTAssertEqual(block([0, 0, 0, 0], [0, 0]),
                       [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8])
    }

    func testAllOnes() {
        XCTAssertEqual(block([0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff], [0xffff_ffff, 0xffff_ffff]),
                       [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd])
    }

    func testPiDigits() {
        XCTAssertEqual(block([0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344], [0xa409_3822, 0x299f_31d0]),
                       [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1])
    }
}
