// Tolerances for tests of random quantities: standard errors, and the
// assertion that an estimate lies within k of them of its expected value.
import XCTest

/// Mean and standard error of the mean of `xs` (two passes; the sample
/// variance divides by n - 1).
public func meanAndSE(_ xs: [Double]) -> (mean: Double, se: Double) {
    let n = Double(xs.count)
    let m = xs.reduce(0, +) / n
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
    return (m, (v / n).squareRoot())
}

/// The standard error of a share of `n` independent draws whose true
/// probability is `p`: sqrt(p (1 - p) / n).
public func proportionSE(_ p: Double, n: Double) -> Double {
    (p * (1 - p) / n).squareRoot()
}

/// Asserts that `estimate` lies within `k` standard errors `se` of
/// `expected`: |estimate - expected| <= k se.
///
/// With k = 4 a correct estimator fails about once in 16,000 checks (two
/// tails of a normal); the tests are seeded, so a pass repeats.
public func XCTAssertWithinStandardErrors(_ estimate: Double, _ expected: Double, se: Double, k: Double = 4,
                                          _ message: @autoclosure () -> String = "",
                                          file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(estimate, expected, accuracy: k * se, message(), file: file, line: line)
}

/// Equal bit for bit, NaN included: the values' shortest round-trip texts agree.
public func XCTAssertIdentical<T>(_ a: T, _ b: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(String(describing: a), String(describing: b), message, file: file, line: line)
}
