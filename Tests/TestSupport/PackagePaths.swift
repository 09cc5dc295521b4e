// Where the tests find the package's files: the scenarios, the fixtures,
// the contract's reference plan, the built products, scratch directories.
import Foundation

/// The package's files, found from this file's place in the checkout
/// (`Tests/TestSupport/PackagePaths.swift`), so a test finds them whatever
/// the working directory it runs in.
public enum PackagePaths {
    /// The package root, the folder holding `Package.swift`.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Scenarios/`: the example plans the package ships.
    public static var scenarios: URL { root.appendingPathComponent("Scenarios") }

    /// `Scenarios/NAME.yaml`, as an absolute path.
    public static func scenario(_ name: String) -> String {
        scenarios.appendingPathComponent(name + ".yaml").path
    }

    /// `Tests/Fixtures/NAME`, as an absolute path.
    public static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    /// `Tests/Fixtures/small-plan.yaml`: one requisition, four uncertain
    /// parameters, two interventions; a fraction of a second per run.
    public static var smallPlan: String { fixture("small-plan.yaml") }

    /// The contract's copy `../shared/scenarios/reference-plan.yaml` beside
    /// the package; where a checkout has no `../shared`, the package's own
    /// copy `Scenarios/reference-plan.yaml` (the same file).
    public static var referencePlan: String {
        let shared = root.appendingPathComponent("../shared/scenarios/reference-plan.yaml").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: shared) { return shared }
        return scenario("reference-plan")
    }

    /// A product SwiftPM built beside the test bundle (`funnelcast`).
    public static func builtProduct(_ name: String) -> URL {
        var dir = Bundle(for: Marker.self).bundleURL
        while dir.pathExtension == "xctest" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent(name)
    }

    private final class Marker {}

    /// A fresh, empty directory under the system's temporary directory,
    /// named `PREFIX-UUID`; the caller removes it.
    public static func temporaryDirectory(_ prefix: String = "funnelcast-test") throws -> String {
        let dir = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
