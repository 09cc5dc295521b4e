import FunnelModel
import Sampling
import TestSupport
import XCTest

/// `Quantity.draw(exceeding:)`: the residual-life draw of a scenario value
/// whose change (scale, shift) applies to every draw (MODEL.md 19.3).
final class QuantityResidualTests: XCTestCase {
    /// Value = 2 X + 1 with X exponential of mean 5. Given value >= 21, X >= 10,
    /// and by memorylessness value - 21 = 2 (X - 10) is exponential with mean
    /// 10: the sample mean within 4 s.e. (se = 10 / sqrt(n)).
    func testScaleAndShiftConditionTheRawDraw() {
        var q = Quantity(.exponential(mean: 5), kind: .duration)
        q.scale = 2
        q.shift = 1
        let stream = RandomStream(key: StreamKey(seed: 31, family: .parameters))
        let n = 20_000
        var sum = 0.0
        for _ in 0..<n {
            let v = q.draw(exceeding: 21, stream)
            XCTAssertGreaterThanOrEqual(v, 21)
            sum += v - 21
        }
        XCTAssertWithinStandardErrors(sum / Double(n), 10, se: 10 / Double(n).squareRoot())
    }

    /// A value fixed by a scale of 0, or a constant below the elapsed time:
    /// the event is due at once (the draw is the elapsed time).
    func testFixedValuesAreDueAtOnce() {
        let stream = RandomStream()
        var q = Quantity(.uniform(min: 1, max: 3), kind: .duration)
        q.scale = 0
        q.shift = 4
        XCTAssertEqual(q.draw(exceeding: 2, stream), 4)
        XCTAssertEqual(q.draw(exceeding: 6, stream), 6)
        XCTAssertEqual(Quantity(5, kind: .duration).draw(exceeding: 7, stream), 7)
        XCTAssertEqual(Quantity(5, kind: .duration).draw(exceeding: 2, stream), 5)
    }
}
