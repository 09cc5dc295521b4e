import Foundation
import TestSupport
import XCTest
import Yams

/// deploy/: the Kubernetes manifests parse and say what docs/scale-out.md
/// says (an Indexed Job whose pods run shard JOB_COMPLETION_INDEX of
/// SHARDS = completions into the shared volume, a merge Job reading it);
/// the Slurm scripts are valid shell and chain the merge with afterok.
final class DeployManifestTests: XCTestCase {
    private static let root = PackagePaths.root

    private func load(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        return try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any], path)
    }

    private func value(_ node: Any?, _ keys: String...) -> Any? {
        var n = node
        for k in keys {
            if let i = Int(k), let a = n as? [Any] { n = i < a.count ? a[i] : nil } else { n = (n as? [String: Any])?[k] }
        }
        return n
    }

    func testIndexedJobRunsShardKOfN() throws {
        let job = try load("deploy/kubernetes/shards-job.yaml")
        XCTAssertEqual(value(job, "apiVersion") as? String, "batch/v1")
        XCTAssertEqual(value(job, "kind") as? String, "Job")
        XCTAssertEqual(value(job, "spec", "completionMode") as? String, "Indexed")
        let completions = try XCTUnwrap(value(job, "spec", "completions") as? Int)
        XCTAssertEqual(value(job, "spec", "parallelism") as? Int, completions)
        XCTAssertEqual(value(job, "spec", "template", "spec", "restartPolicy") as? String, "Never")
        let container = value(job, "spec", "template", "spec", "containers", "0")
        let env = Dictionary(uniqueKeysWithValues: (value(container, "env") as? [[String: Any]] ?? []).map {
            ($0["name"] as? String ?? "", "\($0["value"] ?? "")")
        })
        XCTAssertEqual(env["SHARDS"], String(completions), "SHARDS must equal completions")
        XCTAssertTrue(["run", "compare", "sensitivity"].contains(env["COMMAND"] ?? ""))
        let script = (value(container, "args") as? [String] ?? []).joined(separator: " ")
        XCTAssertTrue(script.contains("--shard \"$JOB_COMPLETION_INDEX/$SHARDS\""), script)
        XCTAssertTrue(script.contains("--out \"/work/parts/part-$JOB_COMPLETION_INDEX.fcpart\""), script)
        let mounts = value(container, "volumeMounts") as? [[String: Any]] ?? []
        XCTAssertTrue(mounts.contains { $0["mountPath"] as? String == "/work" })
        let claim = value(job, "spec", "template", "spec", "volumes", "0", "persistentVolumeClaim", "claimName") as? String
        let volume = try load("deploy/kubernetes/work-volume.yaml")
        XCTAssertEqual(value(volume, "kind") as? String, "PersistentVolumeClaim")
        XCTAssertEqual(value(volume, "metadata", "name") as? String, claim)
        XCTAssertEqual(value(volume, "spec", "accessModes", "0") as? String, "ReadWriteMany")
    }

    func testMergeJobReadsTheParts() throws {
        let job = try load("deploy/kubernetes/merge-job.yaml")
        XCTAssertEqual(value(job, "kind") as? String, "Job")
        XCTAssertNil(value(job, "spec", "completionMode"))
        let script = (value(job, "spec", "template", "spec", "containers", "0", "args") as? [String] ?? []).joined()
        XCTAssertTrue(script.contains("funnelcast merge /work/parts/part-*.fcpart"), script)
        XCTAssertEqual(value(job, "spec", "template", "spec", "volumes", "0", "persistentVolumeClaim", "claimName") as? String,
                       "funnelcast-work")
    }

    func testSlurmScriptsAreValidShellAndChainTheMerge() throws {
        for script in ["deploy/slurm/submit.sh", "deploy/slurm/funnelcast-array.sbatch", "deploy/slurm/funnelcast-merge.sbatch",
                       "scripts/test-slurm.sh", "scripts/slurm-cluster.sh"] {
            let r = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-n", Self.root.appendingPathComponent(script).path])
            XCTAssertEqual(r.status, 0, "bash -n \(script): \(r.stderr)")
        }
        let submit = try String(contentsOf: Self.root.appendingPathComponent("deploy/slurm/submit.sh"), encoding: .utf8)
        XCTAssertTrue(submit.contains("--dependency=\"afterok:$array\""))
        XCTAssertTrue(submit.contains("--array=\"0-$((shards - 1))\""))
        let array = try String(contentsOf: Self.root.appendingPathComponent("deploy/slurm/funnelcast-array.sbatch"), encoding: .utf8)
        XCTAssertTrue(array.contains("--shard \"$k/$n\" --threads \"${SLURM_CPUS_PER_TASK:-1}\""))
    }
}
