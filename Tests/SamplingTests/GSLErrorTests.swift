import CFunnelcast
import CGSL
import Foundation
import Sampling
import XCTest

/// GSL's default handler aborts the process; Funnelcast's records the error
/// and `GSL.checked` throws it as a `GSLError`. Every test here makes GSL
/// call its error handler for real, and the test process lives on.
final class GSLErrorTests: XCTestCase {
    private let edom = Int32(GSL_EDOM), einval = Int32(GSL_EINVAL)

    /// The GSLError `body` throws, or nil (a failure) where it throws none.
    private func gslError(_ body: () throws -> Void,
                          file: StaticString = #filePath, line: UInt = #line) -> GSLError? {
        do {
            try body()
            XCTFail("no GSLError thrown", file: file, line: line)
            return nil
        } catch let error as GSLError {
            return error
        } catch {
            XCTFail("not a GSLError: \(error)", file: file, line: line)
            return nil
        }
    }

    func testProbabilityOutsideUnitIntervalThrows() {
        guard let error = gslError({ _ = try GSL.checked("gsl_cdf_beta_Pinv") { gsl_cdf_beta_Pinv(1.5, 2, 2) } })
        else { return }
        XCTAssertEqual(error.function, "gsl_cdf_beta_Pinv")
        XCTAssertEqual(error.code, edom)
        XCTAssertFalse(error.reason.isEmpty)
        XCTAssert(error.description.hasPrefix("gsl_cdf_beta_Pinv failed: "), error.description)
        XCTAssert(error.description.contains(String(cString: gsl_strerror(edom))), error.description)
    }

    func testNegativeParameterThrowsFromQuantile() {
        let beta = gslError { _ = try Distribution.beta(alpha: -1, beta: 1).quantile(0.5) }
        XCTAssertEqual(beta?.function, "gsl_cdf_beta_Pinv")
        XCTAssertEqual(beta?.code, edom)
        let gamma = gslError { _ = try Distribution.gamma(shape: -1, scale: 1).quantile(0.5) }
        XCTAssertEqual(gamma?.function, "gsl_cdf_gamma_Pinv")
        let pert = gslError { _ = try Distribution.pert(min: 0, mode: 1, max: 2).quantile(-0.5) }
        XCTAssertEqual(pert?.function, "gsl_cdf_beta_Pinv")
    }

    func testInvalidEmpiricalWeightsThrow() {
        let error = gslError { _ = try EmpiricalTable(values: [1, 2], weights: [1, -1]) }
        XCTAssertEqual(error?.function, "gsl_ran_discrete_preproc")
        XCTAssertEqual(error?.code, einval)
    }

    /// An error is taken once: the next call that succeeds does not throw.
    func testErrorDoesNotLeakIntoTheNextCall() throws {
        XCTAssertNotNil(gslError { _ = try GSL.checked("gsl_cdf_beta_Pinv") { gsl_cdf_beta_Pinv(-0.5, 2, 2) } })
        XCTAssertEqual(try GSL.checked("gsl_cdf_beta_Pinv") { gsl_cdf_beta_Pinv(0.5, 2, 2) }, 0.5, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.exponential(mean: 5).quantile(0.5), 5 * log(2), accuracy: 1e-12)
    }

    /// Errors are recorded per thread: one thread's error is not another's.
    func testErrorsAreRecordedPerThread() {
        GSL.configure()
        _ = fc_gsl_take_error(nil, nil, nil)
        let done = expectation(description: "worker")
        let codes = LockedBox<(Int32, Double)>((0, 0))
        let worker = Thread {
            let value = gsl_cdf_beta_Pinv(2, 1, 1)   // unchecked: the error stays recorded
            codes.set((fc_gsl_take_error(nil, nil, nil), value))
            done.fulfill()
        }
        worker.start()
        wait(for: [done], timeout: 10)
        XCTAssertEqual(codes.get().0, edom, "the worker's own error")
        XCTAssert(codes.get().1.isNaN, "GSL returns NaN after a domain error")
        XCTAssertEqual(fc_gsl_take_error(nil, nil, nil), 0, "nothing recorded on this thread")
    }
}

/// A value shared with a worker thread.
private final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func set(_ v: T) { lock.withLock { value = v } }
    func get() -> T { lock.withLock { value } }
}
