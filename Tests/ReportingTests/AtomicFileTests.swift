import Foundation
import XCTest
@testable import Reporting

/// Output files are written whole or not at all: temporary file, then rename;
/// each failure names the path and leaves no temporary file.
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
}
