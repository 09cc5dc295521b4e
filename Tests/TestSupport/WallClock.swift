// Assertions on elapsed time, which a sanitizer run leaves out.
import Foundation
import XCTest

/// The sanitizer a test run is built with, as `make test-sanitize` says in
/// `FUNNELCAST_SANITIZER` (`thread` or `address`); nil in a plain run.
public var activeSanitizer: String? { ProcessInfo.processInfo.environment["FUNNELCAST_SANITIZER"] }

/// Asserts that less than `seconds` have passed since `start`, except under
/// a sanitizer: ThreadSanitizer and AddressSanitizer make code several
/// times slower, by amounts that depend on the machine, so a time limit
/// there tests the sanitizer rather than the code.
public func XCTAssertElapsed(since start: Date, lessThan seconds: Double, _ message: @autoclosure () -> String = "",
                             file: StaticString = #filePath, line: UInt = #line) {
    guard activeSanitizer == nil else { return }
    XCTAssertLessThan(Date().timeIntervalSince(start), seconds, message(), file: file, line: line)
}
