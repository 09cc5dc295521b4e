import Foundation
import FunnelModel
import Sampling
import ScenarioYAML
@testable import Simulation
import XCTest

/// Every uncertain parameter the scenario lists (`Scenario.uncertainParameters`,
/// the columns of `trials.csv`) must come out of the compiled
/// `SimulationModel` as drawn, exactly once: a field compiled under another
/// identifier would silently run at its mean.
final class UncertainParameterGuardTests: XCTestCase {
    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testReferencePlan() throws {
        let s = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/reference-plan.yaml").path)
        XCTAssertGreaterThan(s.uncertainParameters.count, 5)
        assertEveryUncertainParameterIsDrawn(s)
    }

    func testSmallFixture() throws {
        let s = try ScenarioLoader.load(path: Self.root.appendingPathComponent("Tests/Fixtures/small-plan.yaml").path)
        XCTAssertEqual(s.uncertainParameters.count, 4)
        assertEveryUncertainParameterIsDrawn(s)
    }

    /// Every field that can hold a distribution holds one: both pools, a
    /// background check, an interview stage, freezes.
    func testEveryFieldADistribution() {
        var s = Fixture.plan(stages: [Fixture.stage("screen", pass: 0.5), Fixture.stage("onsite", pass: 0.5, interview: true)]) { s in
            s.recruiters = Pool(count: 2, hoursPerWeek: Fixture.q(20, .nonNegative))
            s.interviewers = Pool(count: 3, hoursPerWeek: Fixture.q(10, .nonNegative))
            s.requisitions[0].backgroundCheck = BackgroundCheck()
            s.requisitions.append(s.requisitions[0])
            s.requisitions[1].name = "second"
        }
        var slots = 0, perTrial = 0
        s.visitParameters { (slot, q) in
            let kind = q?.kind ?? slot.id.kind
            if case .integer = kind { return }
            slots += 1
            if !kind.isPerEvent { perTrial += 1 }
            let d: Distribution = kind == .probability ? .beta(alpha: 2, beta: 5) : .gamma(shape: 4, scale: 0.5)
            q = Quantity(d, kind: kind)
        }
        for p in s.parameters {
            if case .integer = p.slot.id.kind { continue }
            XCTAssertEqual(p.value?.isDistribution, true, "\(p.slot.path) is a distribution")
        }
        XCTAssertEqual(s.uncertainParameters.count, perTrial)
        XCTAssertGreaterThan(perTrial, 30)
        XCTAssertGreaterThan(slots, perTrial)
        assertEveryUncertainParameterIsDrawn(s)
    }

    /// Sourcing channels (MODEL.md 21.5): each channel's rate, cost and
    /// pass factor as distributions are drawn, once each.
    func testChannels() {
        let s = Fixture.plan { s in
            var a = SourcingChannel(name: "agency", applicantsPerWeek: Fixture.q(.gamma(shape: 4, scale: 0.5), .nonNegative))
            a.costPerApplicant = Fixture.q(.gamma(shape: 4, scale: 50), .nonNegative)
            a.passFactor = Fixture.q(.uniform(min: 0.8, max: 1.2), .nonNegative)
            var b = a
            b.name = "board"
            s.requisitions[0].sourcing.channels = [a, b]
        }
        XCTAssertEqual(s.uncertainParameters.count, 6)
        assertEveryUncertainParameterIsDrawn(s)
    }

    /// Each uncertain parameter's index appears exactly once among the
    /// compiled model's per-trial values, found by reflection so that a
    /// field added to the compiled model is covered without naming it here.
    func assertEveryUncertainParameterIsDrawn(_ scenario: Scenario, file: StaticString = #filePath, line: UInt = #line) {
        let model = SimulationModel(scenario)
        XCTAssertEqual(model.uncertainPaths, scenario.uncertainParameters.map(\.id.path), file: file, line: line)
        var uses: [Int: Int] = [:]
        var visited = Set<ObjectIdentifier>()
        func walk(_ value: Any) {
            if let t = value as? TrialScalar {
                if case .uncertain(let i) = t { uses[i, default: 0] += 1 }
                return
            }
            if value is Scenario || value is Quantity || value is [Bool] { return }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .class {
                let id = ObjectIdentifier(value as AnyObject)
                guard visited.insert(id).inserted else { return }
            }
            for child in mirror.children { walk(child.value) }
        }
        walk(model)
        for (i, path) in model.uncertainPaths.enumerated() {
            XCTAssertEqual(uses[i] ?? 0, 1, "\(path) is drawn \(uses[i] ?? 0) times in the compiled model", file: file, line: line)
        }
        XCTAssertEqual(Set(uses.keys), Set(model.uncertainPaths.indices), file: file, line: line)
    }
}
