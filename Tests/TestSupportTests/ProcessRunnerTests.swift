import Foundation
import TestSupport
import XCTest

/// The test processes' runner: both pipes drained at once (no deadlock on
/// a child that fills stderr first), exit status, environment, working
/// directory, the time limit.
final class ProcessRunnerTests: XCTestCase {
    private let shell = URL(fileURLWithPath: "/bin/sh")

    /// 1.5 MB to stderr, then to stdout, then to stderr again: far beyond a
    /// pipe's 64 KiB, so a runner that read one pipe to its end before the
    /// other would wait for ever (the time limit ends it here instead).
    func testChildFillingBothPipesDoesNotHang() throws {
        let script = """
            yes e | head -c 1500000 >&2
            yes o | head -c 1500000
            yes e | head -c 1500000 >&2
            exit 3
            """
        let r = try RunningProcess(executable: shell, arguments: ["-c", script]).finish(timeout: 60)
        XCTAssertFalse(r.timedOut, "the child blocked on a full pipe")
        XCTAssertEqual(r.status, 3)
        XCTAssertEqual(r.stdout.utf8.count, 1_500_000)
        XCTAssertEqual(r.stderr.utf8.count, 3_000_000)
        XCTAssertEqual(Set(r.stdout), ["o", "\n"])
        XCTAssertEqual(Set(r.stderr), ["e", "\n"])
    }

    func testMergedStandardErrorKeepsTheOrder() throws {
        let r = try ProcessRunner.run(shell, ["-c", "echo one; echo two >&2; echo three"], mergingStandardError: true)
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "one\ntwo\nthree\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testEnvironmentAndWorkingDirectory() throws {
        let dir = try PackagePaths.temporaryDirectory("runner")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try ProcessRunner.run(shell, ["-c", "pwd; echo \"$RUNNER_TEST\"; echo \"$HOME\""],
                                      directory: URL(fileURLWithPath: dir), environment: ["RUNNER_TEST": "set"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.stdout)
        XCTAssertEqual(URL(fileURLWithPath: lines[0]).resolvingSymlinksInPath().path,
                       URL(fileURLWithPath: dir).resolvingSymlinksInPath().path)
        XCTAssertEqual(lines[1], "set")
        XCTAssertEqual(lines[2], ProcessInfo.processInfo.environment["HOME"] ?? "", "the rest of the environment is inherited")
    }

    /// Past its time limit a child is killed and the output says so.
    func testTimeLimitKillsTheChild() throws {
        let started = Date()
        let r = try RunningProcess(executable: shell, arguments: ["-c", "echo started; exec sleep 60"]).finish(timeout: 0.5)
        XCTAssertTrue(r.timedOut)
        XCTAssertEqual(r.stdout, "started\n")
        XCTAssertElapsed(since: started, lessThan: 30, "killed, not waited for")
    }
}
