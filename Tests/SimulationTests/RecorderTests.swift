import Foundation
import FunnelModel
import ScenarioYAML
import History
import Simulation
import XCTest

/// The engine's event recorder (MODEL.md 18.5): it changes nothing of a
/// trial, and what it receives agrees with the trial's own counts, event
/// kind by event kind, on the reference plan (every mechanism on: pools,
/// freezes and cancellations, checks with disputes, initial pools).
final class RecorderTests: XCTestCase {
    static let reference: SimulationModel = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Scenarios/reference-plan.yaml").standardized.path
        return SimulationModel(try! ScenarioLoader.load(path: path))
    }()

    /// Outcomes with and without a recorder are identical, trial by trial
    /// (every counter, stage count, fill and start time, parameter and the
    /// number of events handled), on one simulator switched between both.
    func testRecordingChangesNothing() {
        let model = Self.reference
        let plain = TrialSimulator(model: model, seed: 99)
        let recorded = TrialSimulator(model: model, seed: 99)
        let log = TrialEventLog()
        recorded.recorder = log
        var a = TrialOutcome(model: model), b = TrialOutcome(model: model)
        var events = 0
        for trial in 0..<40 {
            plain.run(trial: trial, into: &a)
            log.removeAll()
            recorded.run(trial: trial, into: &b)
            events += log.events.count
            XCTAssertEqual(a.events, b.events, "trial \(trial)")
            XCTAssertEqual(a.parameters, b.parameters, "trial \(trial)")
            for (x, y) in zip(a.requisitions, b.requisitions) {
                XCTAssertEqual(x.counters, y.counters, "trial \(trial)")
                XCTAssertEqual(x.stageEntered, y.stageEntered); XCTAssertEqual(x.stagePassed, y.stagePassed)
                XCTAssertEqual(x.stageNoShows, y.stageNoShows); XCTAssertEqual(x.stageWithdrawn, y.stageWithdrawn)
                XCTAssertEqual(x.stageRejected, y.stageRejected)
                XCTAssertEqual(x.stageContactFailures, y.stageContactFailures)
                XCTAssertEqual(x.fillTimes, y.fillTimes); XCTAssertEqual(x.startTimes, y.startTimes)
            }
        }
        XCTAssertGreaterThan(events, 10_000, "the recorder received the trials' events")
        // Switched off again: the same as never on.
        recorded.recorder = nil
        recorded.run(trial: 3, into: &b)
        plain.run(trial: 3, into: &a)
        XCTAssertEqual(a.requisitions.map(\.counters), b.requisitions.map(\.counters))
    }

    /// Each recorded kind's count equals the trial's counter of the same
    /// thing, per requisition and per stage, over many trials.
    func testRecordedEventsMatchTheTrialsCounts() {
        let model = Self.reference
        let sim = TrialSimulator(model: model, seed: 5)
        let log = TrialEventLog()
        sim.recorder = log
        var out = TrialOutcome(model: model)
        var seen = Set<History.EventKind>()
        for trial in 0..<60 {
            log.removeAll()
            sim.run(trial: trial, into: &out)
            for e in log.events { seen.insert(e.kind) }
            for (r, o) in out.requisitions.enumerated() {
                func n(_ k: History.EventKind, stage: Int? = nil) -> Double {
                    Double(log.events.filter { $0.requisition == r && $0.kind == k && (stage == nil || $0.stage == stage) }.count)
                }
                let m = "trial \(trial) requisition \(r)"
                XCTAssertEqual(n(.applied), o[.applicants], m)
                XCTAssertEqual(n(.contactFailed), o[.contactFailures], m)
                XCTAssertEqual(n(.noShow), o[.noShows], m)
                XCTAssertEqual(n(.withdrawn), o[.withdrawn], m)
                XCTAssertEqual(n(.rejected), o[.rejected], m)
                XCTAssertEqual(n(.finalist), o[.finalists], m)
                XCTAssertEqual(n(.offerMade), o[.offers], m)
                XCTAssertEqual(n(.offerDeclined), o[.declines], m)
                XCTAssertEqual(n(.offerAccepted), o[.accepted], m)
                XCTAssertEqual(n(.checkPassed) + n(.checkCleared), o[.checksPassed], m)
                XCTAssertEqual(n(.checkFailed), o[.bgFail] + o[.bgFalseFail], m)
                XCTAssertEqual(n(.reneged), o[.reneges], m)
                XCTAssertEqual(n(.started), o[.filled], m)
                XCTAssertEqual(n(.released), o[.released], m)
                XCTAssertEqual(n(.cancelled), o[.cancelled], m)
                XCTAssertEqual(n(.opened), 1, m)
                for s in model.requisitions[r].stages.indices {
                    XCTAssertEqual(n(.passed, stage: s), o.stagePassed[s], m)
                    XCTAssertEqual(n(.rejected, stage: s), o.stageRejected[s], m)
                    XCTAssertEqual(n(.noShow, stage: s), o.stageNoShows[s], m)
                    XCTAssertEqual(n(.withdrawn, stage: s), o.stageWithdrawn[s], m)
                }
                let initial = log.events.filter { $0.requisition == r && $0.kind == .applied && $0.detail == .initialPool }
                XCTAssertTrue(initial.allSatisfy { $0.time == model.requisitions[r].opensDay }, m)
            }
            // Company events: freezes pair up by index, in time order.
            let starts = log.events.filter { $0.kind == .freezeStarted }, ends = log.events.filter { $0.kind == .freezeEnded }
            XCTAssertEqual(starts.map(\.detail), (0..<starts.count).map { .freeze($0) })
            XCTAssertLessThanOrEqual(ends.count, starts.count)
            // The engine's order is time order, but for offer_sent (recorded at the decision).
            let timed = log.events.filter { $0.kind != .offerSent }
            XCTAssertEqual(timed.map(\.time), timed.map(\.time).sorted(), "trial \(trial)")
            XCTAssertTrue(log.events.allSatisfy { $0.time <= model.horizon })
        }
        let candidateKinds = History.EventKind.allCases.filter { $0 != .exported }
        XCTAssertEqual(Set(candidateKinds).subtracting(seen), [], "every kind of 18.5 occurs in 60 reference trials")
    }

    /// Candidates are named by their stream index: the n-th applicant of
    /// a requisition has index n - 1, in order of appearance.
    func testCandidatesInOrderOfTheirStreamIndex() {
        let model = Self.reference
        let sim = TrialSimulator(model: model, seed: 5)
        let log = TrialEventLog()
        sim.recorder = log
        var out = TrialOutcome(model: model)
        sim.run(trial: 0, into: &out)
        for r in model.requisitions.indices {
            let applied = log.events.filter { $0.requisition == r && $0.kind == .applied }.map(\.candidate)
            XCTAssertEqual(applied, Array(0..<applied.count))
        }
    }
}
