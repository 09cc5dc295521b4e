import Foundation
import FunnelModel
import Sampling
import ScenarioYAML
import XCTest

/// The reference plan (`../shared/scenarios/reference-plan.yaml`) loads
/// unchanged, with the values the file writes.
final class ReferencePlanTests: XCTestCase {
    var plan: Scenario!

    override func setUpWithError() throws {
        plan = try ScenarioLoader.load(path: Fixture.referencePlanPath)
    }

    func testTopLevel() {
        XCTAssertEqual(plan.name, "Reference plan - Q2 hiring, three teams")
        XCTAssertEqual(plan.start, CivilDate(year: 2027, month: 1, day: 4))
        XCTAssertEqual(plan.horizonDays, 270)
        XCTAssertEqual(plan.trials, 10_000)
        XCTAssertEqual(plan.seed, 20_270_104)
        XCTAssertEqual(plan.calendar.workdays, [.mon, .tue, .wed, .thu, .fri])
        XCTAssertEqual(plan.calendar.holidays, [
            Holiday(name: "Spring break", from: CivilDate(iso: "2027-02-15")!, to: CivilDate(iso: "2027-02-19")!),
            Holiday(name: "Easter", from: CivilDate(iso: "2027-03-26")!, to: CivilDate(iso: "2027-03-29")!),
        ])
        XCTAssertEqual(plan.weather.badDayProbability, Quantity(0.06, kind: .probability))
        XCTAssertEqual(plan.weather.noShowMultiplier, Quantity(2, kind: .nonNegative))
    }

    func testBudgetAndPools() throws {
        XCTAssertEqual(plan.budget.approvalDays, Quantity(.exponential(mean: 5), kind: .duration))
        XCTAssertEqual(plan.budget.freezesPerYear, Quantity(0.8, kind: .nonNegative))
        let freeze = try XCTUnwrap(plan.budget.freezeDays)
        XCTAssertEqual(freeze.kind, .duration)
        guard case .lognormal(let mu, let sigma) = freeze.distribution else { return XCTFail("\(freeze)") }
        XCTAssertEqual(mu, log(21), accuracy: 1e-12)
        XCTAssertEqual(sigma, (log(60) - log(21)) / Distribution.z90, accuracy: 1e-12)
        XCTAssertEqual(plan.budget.cancelProbability, Quantity(0.15, kind: .probability))
        XCTAssertEqual(plan.recruiters, Pool(count: 2, hoursPerWeek: Quantity(30, kind: .nonNegative)))
        XCTAssertEqual(plan.interviewers, Pool(count: 5, hoursPerWeek: Quantity(6, kind: .nonNegative)))
        XCTAssertEqual(plan.costs.recruiterHourly.fixedValue, 48)
        XCTAssertEqual(plan.costs.interviewerHourly.fixedValue, 95)
        XCTAssertEqual(plan.costs.perHire.fixedValue, 1500)
    }

    func testRequisitions() throws {
        XCTAssertEqual(plan.requisitions.map(\.name), ["backend", "sales", "support"])
        let backend = try XCTUnwrap(plan.requisition(named: "backend"))
        XCTAssertEqual(backend.openings, Quantity(4, kind: .integer(minimum: 1)))
        XCTAssertEqual(backend.opensDay, 0)
        XCTAssertEqual(backend.deadline, CivilDate(iso: "2027-05-31"))
        XCTAssertEqual(backend.stages.map(\.name), ["screen", "phone", "onsite"])
        XCTAssertEqual(backend.stages.map(\.interview), [false, true, true])
        XCTAssertEqual(backend.sourcing.applicantsPerWeek, Quantity(.gamma(shape: 625.0 / 36, scale: 36.0 / 25), kind: .nonNegative))
        XCTAssertEqual(backend.sourcing.initialPool, Quantity(10, kind: .integer(minimum: 0)))
        XCTAssertEqual(backend.sourcing.maxApplicants, Quantity(2000, kind: .integer(minimum: 1)))
        XCTAssertEqual(backend.candidate.competingOffersPerWeek, Quantity(.uniform(min: 0.04, max: 0.12), kind: .nonNegative))
        XCTAssertEqual(backend.stages[1].noShow, Quantity(.beta(alpha: 32, beta: 184), kind: .probability))
        XCTAssertEqual(backend.stages[1].interviewerHours, Quantity(0.75, kind: .duration))
        XCTAssertEqual(backend.stages[2].pass, Quantity(0.35, kind: .probability))
        XCTAssertEqual(backend.decision.slateSize, Quantity(2, kind: .integer(minimum: 1)))
        XCTAssertEqual(backend.decision.maxWaitDays, Quantity(7, kind: .duration))
        XCTAssertEqual(backend.offer.hrWorkdays, Quantity(.triangular(min: 1, mode: 2, max: 5), kind: .duration))
        XCTAssertEqual(backend.offer.accept, Quantity(.beta(alpha: 59, beta: 43), kind: .probability))
        let check = try XCTUnwrap(backend.backgroundCheck)
        XCTAssertEqual(check.fail, Quantity(0.03, kind: .probability))
        XCTAssertEqual(check.cost, Quantity(55, kind: .nonNegative))
        guard case .empirical(let table) = backend.noticeDays.distribution else { return XCTFail("\(backend.noticeDays)") }
        XCTAssertEqual(table.values, [14, 14, 30, 30, 30, 60])
        XCTAssertEqual(backend.renege, Quantity(0.04, kind: .probability))

        let sales = try XCTUnwrap(plan.requisition(named: "sales"))
        XCTAssertEqual(sales.openings.integerValue, 6)
        XCTAssertEqual(sales.opensDay, 14)
        XCTAssertEqual(sales.stages.count, 2)
        XCTAssertNil(sales.decision.maxWaitDays)
        XCTAssertEqual(sales.sourcing.initialPool, Quantity(0, kind: .integer(minimum: 0)), "default")
        XCTAssertEqual(sales.stages[1].noShow, Quantity(.pert(min: 0.08, mode: 0.15, max: 0.3), kind: .probability))

        let support = try XCTUnwrap(plan.requisition(named: "support"))
        XCTAssertEqual(support.opensDay, 30)
        XCTAssertEqual(support.offer.accept, Quantity(.beta(alpha: 30, beta: 10), kind: .probability))
    }

    func testInterventions() {
        XCTAssertEqual(plan.interventions.map(\.name),
                       ["Written notice and day-before call", "Answer within a day", "Third recruiter"])
        XCTAssertEqual(plan.interventions[0].changes,
                       [ParameterChange(pattern: "requisitions.*.stages.*.no_show", operation: .multiply(0.6))])
        XCTAssertEqual(plan.interventions[1].changes,
                       [ParameterChange(pattern: "requisitions.*.stages.*.hr_workdays",
                                        operation: .replace(.lognormal(mu: log(0.7), sigma: (log(1.5) - log(0.7)) / Distribution.z90)))])
        XCTAssertEqual(plan.interventions[2].changes, [ParameterChange(pattern: "recruiters.count", operation: .replace(.constant(3)))])
    }

    /// Every field's kind follows MODEL.md section 2 and 15.
    func testKinds() {
        for p in plan.parameters {
            guard let q = p.value else { continue }
            let leaf = String(p.slot.path.split(separator: ".").last!)
            let expected: QuantityKind
            switch leaf {
            case "bad_day_probability", "cancel_probability", "contact_failure", "no_show", "pass", "accept",
                 "fail", "false_fail", "dispute", "renege":
                expected = .probability
            case "openings", "slate_size", "max_applicants": expected = .integer(minimum: 1)
            case "initial_pool", "count": expected = .integer(minimum: 0)
            case _ where leaf.hasSuffix("_days") || leaf.hasSuffix("_workdays") || leaf.hasSuffix("_hours") || leaf == "workdays":
                expected = .duration
            default: expected = .nonNegative
            }
            XCTAssertEqual(q.kind, expected, p.slot.path)
        }
    }

    func testUncertainParameters() {
        XCTAssertEqual(plan.uncertainParameters.map(\.id.path), [
            "requisitions.backend.sourcing.applicants_per_week",
            "requisitions.backend.candidate.competing_offers_per_week",
            "requisitions.backend.stages.screen.pass",
            "requisitions.backend.stages.phone.no_show",
            "requisitions.backend.offer.accept",
            "requisitions.sales.stages.interview.no_show",
            "requisitions.support.sourcing.applicants_per_week",
            "requisitions.support.offer.accept",
        ])
    }

    func testSummary() {
        let lines = plan.summaryLines
        XCTAssertEqual(lines.first, "Scenario: Reference plan - Q2 hiring, three teams")
        XCTAssertTrue(lines.contains("Start 2027-01-04, horizon 270 days (last day 2027-09-30)"), "\(lines)")
        XCTAssertTrue(lines.contains("Trials 10000, seed 20270104"), "\(lines)")
        XCTAssertTrue(lines.contains(
            "  sales: 6 openings, opens day 14 (2027-01-18), deadline 2027-04-30; stages screen > interview*"), "\(lines)")
        XCTAssertTrue(lines.contains("Capacity: recruiters 2 x 30 h/week (priority); interviewers 5 x 6 h/week (priority)"), "\(lines)")
        XCTAssertTrue(lines.contains("Uncertain parameters (8):"), "\(lines)")
        XCTAssertTrue(lines.contains("  requisitions.backend.sourcing.applicants_per_week: gamma, mean 25, sd 6"), "\(lines)")
    }
}
