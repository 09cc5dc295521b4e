import Forecast
import FunnelModel
import TestSupport
import XCTest

/// `compare A.yaml B.yaml` (issue 15, point 11; docs/model.md "Comparing
/// two files"): B as a variant of A on A's trials, seed and streams.
final class ScenarioPairTests: XCTestCase {
    /// A file that is A with an intervention written into it compares with
    /// A exactly as that intervention does: the same paired trials, the
    /// same means, differences and intervals, metric by metric.
    func testSecondFileIsTheInterventionWrittenOut() throws {
        let a = try SmallPlan.scenario()
        let fewer = a.interventions[0]
        var b = try a.applying(fewer)
        b.trials = 999; b.seed = 77   // B's own trials and seed are not used
        let variant = try ScenarioPair.variant(of: a, baselineLabel: "a.yaml", other: b, label: "b.yaml")
        let options = SmallPlan.options()
        let pair = try InterventionComparison.run(scenario: a, variants: [variant], options: options)
        let single = try InterventionComparison.run(scenario: a, interventions: [fewer], options: options)
        XCTAssertEqual(pair.results.count, 1)
        XCTAssertEqual(pair.results[0].intervention, "b.yaml")
        XCTAssertEqual(pair.results[0].effects, single.results[0].effects)
        XCTAssertEqual(pair.baseline.summary(0, .onTime).mean, single.baseline.summary(0, .onTime).mean)
        // The change is real (so the equality above is not two empty lists).
        XCTAssertLessThan(try XCTUnwrap(pair.results[0].effect("plan", .noShows)?.difference.ciHigh), 0)
    }

    func testWhatOfTheSecondFileIsNotUsedIsSaid() throws {
        let a = try SmallPlan.scenario()
        var b = a
        let same = try ScenarioPair.variant(of: a, baselineLabel: "a.yaml", other: { var x = b; x.interventions = []; return x }(),
                                            label: "b.yaml")
        XCTAssertEqual(same.notes, [])
        b.trials = 50; b.seed = 9
        let v = try ScenarioPair.variant(of: a, baselineLabel: "a.yaml", other: b, label: "b.yaml")
        XCTAssertEqual(v.scenario.trials, a.trials)
        XCTAssertEqual(v.scenario.seed, a.seed)
        XCTAssertEqual(v.scenario.interventions, [])
        XCTAssertEqual(v.notes.count, 2)
        XCTAssertTrue(v.notes[0].contains("b.yaml's trials (50) and seed (9) are not used"), v.notes[0])
        XCTAssertTrue(v.notes[1].contains("b.yaml's 2 interventions are not run"), v.notes[1])
    }

    /// Files that forecast different things are refused in one line naming
    /// both files, the field and both values.
    func testFilesThatDoNotPairAreRefused() throws {
        let a = try SmallPlan.scenario()
        func refusal(_ edit: (inout Scenario) -> Void) -> String? {
            var b = a
            edit(&b)
            do { _ = try ScenarioPair.variant(of: a, baselineLabel: "a.yaml", other: b, label: "b.yaml"); return nil } catch {
                return error.description
            }
        }
        let renamed = try XCTUnwrap(refusal { $0.requisitions[0].name = "teem" })
        XCTAssertTrue(renamed.hasPrefix("b.yaml: requisitions[0].name: 'teem' where a.yaml has 'team'"), renamed)
        let added = try XCTUnwrap(refusal { $0.requisitions.append($0.requisitions[0]); $0.requisitions[1].name = "two" })
        XCTAssertTrue(added.hasPrefix("b.yaml: requisitions: 2 ('team', 'two') where a.yaml has 1 ('team')"), added)
        let moved = try XCTUnwrap(refusal { $0.start = CivilDate(dayNumber: $0.start.dayNumber + 7) })
        XCTAssertTrue(moved.hasPrefix("b.yaml: start: 2027-01-11 where a.yaml has 2027-01-04"), moved)
        let longer = try XCTUnwrap(refusal { $0.horizonDays = 200 })
        XCTAssertTrue(longer.hasPrefix("b.yaml: horizon_days: 200 where a.yaml has 120"), longer)
        for message in [renamed, added, moved, longer] {
            XCTAssertFalse(message.contains("\n"))
            XCTAssertTrue(message.contains("the same requisitions in the same order, the same start and the same horizon"))
        }
        // Everything else may differ: stages, rates, openings, deadlines.
        XCTAssertNil(refusal { $0.requisitions[0].stages.removeLast(); $0.requisitions[0].openings = Quantity(3, kind: .integer(minimum: 1)) })
    }
}
