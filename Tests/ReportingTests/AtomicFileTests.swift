import Foundation
import XCTest
@testable import Reporting

final class AtomicFileTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "funnelcast-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(directory, 0o755)
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testWritesCompleteFileAndCreatesDirectories() throws {
        let path = directory + "/out/nested/summary.csv"
        let text = CSVTable(header: ["a", "b"], rows: [["1", "Zoë"]]).render()
        try AtomicFile.write(text, to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data(text.utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/out/nested"), ["summary.csv"])
    }

    func testReplacesExistingFileLeavingNoTemporary() throws {
        let path = directory + "/trials.csv"
        try AtomicFile.write(String(repeating: "old,row\r\n", count: 10_000), to: path)
        try AtomicFile.write("new\r\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\r\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["trials.csv"])
    }

    func testRelativePath() throws {
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(directory))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        try AtomicFile.write("x\r\n", to: "plain.csv")
        XCTAssertEqual(try String(contentsOfFile: directory + "/plain.csv", encoding: .utf8), "x\r\n")
    }

    func testParentIsAFile() throws {
        try AtomicFile.write("x", to: directory + "/blocker")
        let path = directory + "/blocker/sub/out.csv"
        XCTAssertThrowsError(try AtomicFile.write("y", to: path)) { error in
            guard let error = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.path, path)
            XCTAssertTrue(error.description.contains(path), error.description)
            XCTAssertTrue(error.reason.contains("not a directory"), error.reason)
        }
    }

    func testTargetIsADirectoryRemovesTemporary() throws {
        let path = directory + "/taken"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("y", to: path)) { error in
            guard let error = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.path, path)
            XCTAssertTrue(error.reason.contains("rename"), error.reason)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["taken"])
        XCTAssertThrowsError(try AtomicFile.write("y", to: path + "/"))
    }

    /// Root writes anywhere, so the permission case runs only for others.
    func testUnwritableDirectory() throws {
        try XCTSkipIf(geteuid() == 0, "root ignores directory permissions")
        let locked = directory + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        chmod(locked, 0o500)
        defer { chmod(locked, 0o755) }
        let path = locked + "/summary.csv"
        XCTAssertThrowsError(try AtomicFile.write("y", to: path)) { error in
            guard let error = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.path, path)
            XCTAssertTrue(error.description.contains(path), error.description)
            XCTAssertTrue(error.reason.contains("Permission denied"), error.reason)
        }
    }

    func testPreparedFilesWaitBesideTheirTargetsUntilCommitted() throws {
        let path = directory + "/summary.csv"
        try AtomicFile.write("old\r\n", to: path)
        let first = try AtomicFile.prepare("new\r\n", for: path)
        let second = try AtomicFile.prepare("other\r\n", for: path)
        XCTAssertNotEqual(first.temporary, second.temporary, "each writer its own temporary (O_EXCL)")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\r\n", "nothing renamed before commit")
        second.abandon()
        try first.commit()
        try first.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\r\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["summary.csv"])
    }

    func testDroppedFileLeavesTheTargetAsItWas() throws {
        let path = directory + "/trials.csv"
        try AtomicFile.write("old\r\n", to: path)
        do {
            let stream = try CSVFileStream(path: path, header: ["trial", "x"])
            for i in 0..<20_000 { try stream.append([String(i), "1.5"]) }  // several buffers' worth
            try stream.finish()
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\r\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["trials.csv"])
    }

    func testStreamCommitsEveryRow() throws {
        let path = directory + "/trials.csv"
        let stream = try CSVFileStream(path: path, header: ["trial", "x"])
        for i in 0..<20_000 { try stream.append([String(i), "1.5"]) }
        try stream.commit()
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 20_002)
        XCTAssertEqual(lines[20_000], "19999,1.5")
    }

    func testErrnoIsTypedAndWorded() {
        let full = OutputError(path: "out/x.csv", problem: .failed(.write, Errno(rawValue: ENOSPC)))
        XCTAssertEqual(full.description, "cannot write out/x.csv: write failed: No space left on device "
                       + "(the disk is full, or a quota or file size limit was reached)")
        XCTAssertFalse(Errno(rawValue: EACCES).isOutOfSpace)
    }
}
