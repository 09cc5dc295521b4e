import Forecast
import Foundation
import XCTest

/// The Sobol estimator against functions with closed-form indices.
///
/// Each test states its sample size; the tolerance is 4 bootstrap standard
/// errors of each index (a Monte Carlo error that large happens about once
/// in 16,000 draws), and the standard errors themselves must be small, so
/// the check cannot pass by being wide.
final class SobolEstimatorTests: XCTestCase {
    func assertIndices(_ result: SobolResult, firstOrder: [Double], total: [Double], maxSE: Double,
                       file: StaticString = #filePath, line: UInt = #line) {
        for (name, found, expected) in [("S1", result.firstOrder, firstOrder), ("ST", result.total, total)] {
            for (i, (index, exact)) in zip(found, expected).enumerated() {
                XCTAssertLessThan(index.standardError, maxSE, "\(name)[\(i)] standard error", file: file, line: line)
                XCTAssertEqual(index.estimate, exact, accuracy: 4 * index.standardError,
                               "\(name)[\(i)] = \(index.estimate), exact \(exact)", file: file, line: line)
                XCTAssertLessThanOrEqual(index.low, index.estimate + 1e-12, file: file, line: line)
                XCTAssertGreaterThanOrEqual(index.high, index.estimate - 1e-12, file: file, line: line)
            }
        }
    }

    /// Ishigami (a = 7, b = 0.1) on (-pi, pi)^3, n = 20,000 rows (100,000
    /// evaluations): S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
    func testIshigami() {
        let a = 7.0, b = 0.1
        let result = SobolEstimator.analyze(inputs: 3, rows: 20_000, seed: 42, bootstrap: 200) { u in
            let x = u.map { -Double.pi + 2 * Double.pi * $0 }
            return sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
        }
        XCTAssertEqual(result.rows, 20_000)
        XCTAssertEqual(result.droppedRows, 0)
        assertIndices(result, firstOrder: [0.3139, 0.4424, 0], total: [0.5576, 0.4424, 0.2437], maxSE: 0.015)
    }

    /// Sobol's G function, a = (0, 1, 4.5, 9, 99, 99) on (0, 1)^6, n = 10,000
    /// rows (80,000 evaluations). With V_i = 1 / (3 (1 + a_i)^2) and
    /// V = prod(1 + V_i) - 1: S_i = V_i / V, ST_i = V_i prod_{j != i}(1 + V_j) / V.
    func testGFunction() {
        let a = [0.0, 1, 4.5, 9, 99, 99]
        let vi = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let v = vi.reduce(1) { $0 * (1 + $1) } - 1
        let s1 = vi.map { $0 / v }
        let st = vi.indices.map { i in vi[i] * vi.indices.filter { $0 != i }.reduce(1) { $0 * (1 + vi[$1]) } / v }
        let result = SobolEstimator.analyze(inputs: 6, rows: 10_000, seed: 7, bootstrap: 200) { u in
            zip(u, a).reduce(1) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
        }
        assertIndices(result, firstOrder: s1, total: st, maxSE: 0.015)
    }

    /// The design and the bootstrap depend on the seed alone.
    func testSameSeedSameResult() {
        let f: ([Double]) -> Double = { $0[0] + 2 * $0[1] * $0[1] }
        let one = SobolEstimator.analyze(inputs: 2, rows: 500, seed: 3, bootstrap: 50, f)
        XCTAssertEqual(one, SobolEstimator.analyze(inputs: 2, rows: 500, seed: 3, bootstrap: 50, f))
        XCTAssertNotEqual(one, SobolEstimator.analyze(inputs: 2, rows: 500, seed: 4, bootstrap: 50, f))
    }

    /// Rows with a non-finite output are left out and counted; an input
    /// that does nothing has indices near 0.
    func testNonFiniteRowsAreDropped() {
        let result = SobolEstimator.analyze(inputs: 2, rows: 4000, seed: 5, bootstrap: 100) { u in
            u[0] < 0.1 ? .nan : u[0]
        }
        XCTAssertGreaterThan(result.droppedRows, 400)
        XCTAssertEqual(result.rows + result.droppedRows, 4000)
        XCTAssertEqual(result.total[1].estimate, 0, accuracy: 1e-12, "x2 never changes the output")
        XCTAssertEqual(result.firstOrder[0].estimate, 1, accuracy: 4 * result.firstOrder[0].standardError)
    }
}
