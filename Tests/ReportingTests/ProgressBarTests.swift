import XCTest
@testable import Reporting

final class ProgressBarTests: XCTestCase {
    func testLine() {
        let line = ProgressBar.line(label: "baseline", done: 420, total: 1000, elapsed: 2, width: 80)
        // 79 columns: the bar gets 79 - 8 (label) - 5 (" [", "]  ") - 28 (tail) = 38.
        XCTAssertEqual(line, "baseline [" + String(repeating: "#", count: 15) + String(repeating: ".", count: 23)
                       + "]   42%  210 trials/s  ETA 0:03")
        XCTAssertEqual(line.count, 79)
    }

    func testLineFitsNarrowTerminals() {
        for width in [1, 10, 30, 45, 60, 200] {
            let line = ProgressBar.line(label: "sensitivity", done: 5, total: 7, elapsed: 1.5, width: width)
            XCTAssertLessThanOrEqual(line.count, max(0, width - 1), "width \(width): \(line)")
        }
        XCTAssertEqual(ProgressBar.line(label: "x", done: 0, total: 10, elapsed: 1, width: 80).suffix(9), "ETA --:--")
        XCTAssertTrue(ProgressBar.line(label: "x", done: 10, total: 10, elapsed: 1, width: 80).hasSuffix("100%  10 trials/s  ETA 0:00"))
    }

    func testClock() {
        XCTAssertEqual(ProgressBar.clock(0), "0:00")
        XCTAssertEqual(ProgressBar.clock(61.2), "1:02")
        XCTAssertEqual(ProgressBar.clock(3725), "1:02:05")
        XCTAssertEqual(ProgressBar.clock(.infinity), "--:--")
    }

    /// A clock the test sets by hand: the bar sees `now` seconds.
    private final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0.0
        var now: Double {
            get { lock.lock(); defer { lock.unlock() }; return value }
            set { lock.lock(); value = newValue; lock.unlock() }
        }
        var clock: ProgressClock { ProgressClock { [self] in now } }
    }

    /// What a bar of 100 trials, 50 done, draws on a pipe while its clock
    /// reads `clockSeconds` (after 0) for about 0.3 s of real time.
    private func pipeOutput(enabled: Bool, clockSeconds: Double) -> String {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let fake = FakeClock()
        let bar = ProgressBar(total: 100, label: "test", enabled: enabled, output: fds[1], clock: fake.clock)
        DispatchQueue.concurrentPerform(iterations: 50) { _ in bar.advance(by: 1) }
        fake.now = clockSeconds
        usleep(300_000)
        bar.finish()
        bar.finish()
        XCTAssertEqual(bar.completed, 50)
        close(fds[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[..<n]
        }
        close(fds[0])
        return String(decoding: bytes, as: UTF8.self)
    }

    func testDisabledNeverWrites() {
        XCTAssertEqual(pipeOutput(enabled: false, clockSeconds: 5), "")
    }

    func testSilentDuringTheFirstSecond() {
        XCTAssertEqual(pipeOutput(enabled: true, clockSeconds: 0.9), "")
    }

    func testDrawsOnceTheClockPassesOneSecondThenClears() {
        let text = pipeOutput(enabled: true, clockSeconds: 2)
        XCTAssertTrue(text.hasPrefix("\rtest ["), text.debugDescription)
        XCTAssertTrue(text.contains(" 50%  25 trials/s  ETA 0:02"), text.debugDescription)
        XCTAssertTrue(text.hasSuffix("\r\u{1B}[K"), text.debugDescription)
        // The clock stood still: one draw, however many times the thread woke.
        XCTAssertEqual(text.components(separatedBy: "\r").count - 2, 1, text.debugDescription)
    }

    func testRedrawsAtMostEveryTenthOfASecond() {
        XCTAssertFalse(ProgressBar.isTimeToDraw(elapsed: 0.99, lastDraw: -.infinity))
        XCTAssertTrue(ProgressBar.isTimeToDraw(elapsed: 1.0, lastDraw: -.infinity))
        XCTAssertFalse(ProgressBar.isTimeToDraw(elapsed: 1.05, lastDraw: 1.0))
        XCTAssertTrue(ProgressBar.isTimeToDraw(elapsed: 1.1, lastDraw: 1.0))
    }
}
