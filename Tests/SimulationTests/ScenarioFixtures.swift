import FunnelModel
import Sampling
import Simulation

/// Small scenarios that isolate one mechanism each, built in code so the
/// engine's tests do not depend on the YAML loader.
enum Fixture {
    static let monday = CivilDate(year: 2027, month: 1, day: 4)!

    static func q(_ v: Double, _ kind: QuantityKind) -> Quantity { Quantity(v, kind: kind) }
    static func q(_ d: Distribution, _ kind: QuantityKind) -> Quantity { Quantity(d, kind: kind) }

    /// One requisition, no delays, nobody lost, every day a working day:
    /// tests switch on the one mechanism they study.
    static func plan(horizon: Double = 365, openings: Int = 1, initialPool: Int = 1, rate: Double = 0,
                     stages: [Stage] = [Stage(name: "screen", pass: q(1, .probability))],
                     accept: Double = 1, sevenDayWeek: Bool = true,
                     configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var sourcing = Sourcing(applicantsPerWeek: q(rate, .nonNegative))
        sourcing.initialPool = q(Double(initialPool), .integer(minimum: 0))
        var r = Requisition(name: "role", sourcing: sourcing, stages: stages, offer: Offer(accept: q(accept, .probability)))
        r.openings = q(Double(openings), .integer(minimum: 1))
        var s = Scenario(name: "fixture", start: monday, horizonDays: horizon, trials: 1000, seed: 7, requisitions: [r])
        if sevenDayWeek { s.calendar.workdays = Weekday.allCases }
        configure(&s)
        return s
    }

    static func stage(_ name: String, pass: Double, interview: Bool = false, hr: Double = 0) -> Stage {
        var s = Stage(name: name, interview: interview, pass: q(pass, .probability))
        s.hrWorkdays = q(hr, .duration)
        return s
    }

    /// Runs `trials` trials and returns their outcomes.
    static func run(_ scenario: Scenario, trials: Int, seed: UInt64 = 11) -> [TrialOutcome] {
        let model = SimulationModel(scenario)
        let sim = TrialSimulator(model: model, seed: seed)
        var out = TrialOutcome(model: model)
        return (0..<trials).map { i in sim.run(trial: i, into: &out); return out }
    }
}
