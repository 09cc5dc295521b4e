import Foundation
import FunnelModel
import XCTest
@testable import Reporting

/// The HTML charts' parts: axis steps and month ticks, SVG numbers and
/// escaping, label shortening, and the well-formedness checker the report tests use.
final class ChartPartsTests: XCTestCase {
    func testNiceSteps() {
        XCTAssertEqual(LinearScale.niceStep(0.03), 0.05)
        XCTAssertEqual(LinearScale.niceStep(1), 1)
        XCTAssertEqual(LinearScale.niceStep(2.2), 5)
        XCTAssertEqual(LinearScale.niceStep(130), 200)
        XCTAssertEqual(LinearScale.niceMaximum(13 * 1.12), 15)
        XCTAssertEqual(LinearScale(domain: (0, 4), range: (0, 100)).ticks(count: 5, minimumStep: 1), [0, 1, 2, 3, 4])
        XCTAssertEqual(LinearScale(domain: (0, 0.2), range: (0, 100)).ticks(count: 4), [0, 0.05, 0.1, 0.15, 0.2])
        let s = LinearScale(domain: (0, 10), range: (100, 0))
        XCTAssertEqual(s(0), 100)
        XCTAssertEqual(s(2.5), 75)
        XCTAssertEqual(LinearScale(domain: (3, 3), range: (0, 10))(3), 0, "a zero-width domain does not divide by zero")
    }

    func testSVGNumbersAndEscaping() {
        XCTAssertEqual(SVGChart.number(3), "3")
        XCTAssertEqual(SVGChart.number(2.456), "2.46")
        XCTAssertEqual(SVGChart.number(-0.001), "0")
        XCTAssertEqual(SVGChart.number(10.5), "10.5")
        XCTAssertEqual(SVGChart.number(.nan), "0")
        XCTAssertEqual(HTML.escape("a<b & \"c\" 'd'"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;")
    }

    func testMonthTicks() {
        let start = CivilDate(year: 2026, month: 11, day: 20)!
        let ticks = ChartFrame.monthTicks(start: start, days: 100)
        XCTAssertEqual(ticks.map(\.label), ["Dec 2026", "Jan 2027", "Feb"])
        XCTAssertEqual(ticks.first?.value, 11)
        XCTAssertEqual(ChartFrame.monthTicks(start: start, days: 800).count, 5, "every sixth month over two years")
        // A short horizon: weekly dates.
        XCTAssertEqual(ChartFrame.monthTicks(start: start, days: 20).map(\.label), ["Nov 20", "Nov 27", "Dec 4"])
    }

    func testShorten() {
        XCTAssertEqual(ChartFrame.shorten("abc", limit: 5), "abc")
        XCTAssertEqual(ChartFrame.shorten("requisitions.backend.stages.onsite.pass", limit: 12), "…onsite.pass")
    }

    func testWellFormednessChecker() {
        XCTAssertNil(wellFormednessProblem("<!DOCTYPE html><a b=\"1\"><c/>x &amp; y</a>"))
        XCTAssertNotNil(wellFormednessProblem("<a><b></a></b>"))
        XCTAssertNotNil(wellFormednessProblem("<a>&nbsp;</a>"))
        XCTAssertNotNil(wellFormednessProblem("<a b=1></a>"))
        XCTAssertNotNil(wellFormednessProblem("<a>"))
        XCTAssertNotNil(wellFormednessProblem("<meta charset=\"utf-8\"><a></a>"))
    }
}
