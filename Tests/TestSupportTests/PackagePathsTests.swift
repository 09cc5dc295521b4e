import Foundation
import TestSupport
import XCTest

/// The package paths the tests use point at the files they name.
final class PackagePathsTests: XCTestCase {
    func testPathsExist() {
        let files = FileManager.default
        XCTAssertTrue(files.fileExists(atPath: PackagePaths.root.appendingPathComponent("Package.swift").path))
        XCTAssertTrue(files.fileExists(atPath: PackagePaths.scenario("single-role")))
        XCTAssertTrue(files.fileExists(atPath: PackagePaths.smallPlan))
        XCTAssertTrue(PackagePaths.referencePlan.hasSuffix("/reference-plan.yaml"))
        XCTAssertTrue(files.fileExists(atPath: PackagePaths.referencePlan))
    }
}
