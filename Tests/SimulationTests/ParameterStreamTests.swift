import XCTest
import FunnelModel
import Sampling
import Simulation

/// `SimulationModel.aligningParameterStreams(with:)`: a changed scenario
/// keeps the draws of the uncertain parameters it did not change.
final class ParameterStreamTests: XCTestCase {
    func testAlignedModelKeepsUnchangedDraws() throws {
        let base = Fixture.plan(stages: [Fixture.stage("screen", pass: 1)]) { s in
            s.requisitions[0].stages[0].pass = Fixture.q(.beta(alpha: 2, beta: 2), .probability)
            s.requisitions[0].offer.accept = Fixture.q(.uniform(min: 0.5, max: 0.9), .probability)
        }
        var changed = base
        changed.requisitions[0].stages[0].pass = Fixture.q(0.5, .probability)
        let baseModel = SimulationModel(base)
        let plain = SimulationModel(changed)
        let aligned = plain.aligningParameterStreams(with: baseModel)
        XCTAssertEqual(baseModel.parameterStreams, [0, 1])
        XCTAssertEqual(plain.parameterStreams, [0], "accept moved to index 0")
        XCTAssertEqual(aligned.parameterStreams, [1], "accept keeps its substream")

        let accept = Fixture.run(base, trials: 20).map { $0.parameters[1] }
        func draws(_ model: SimulationModel) -> [Double] {
            let sim = TrialSimulator(model: model, seed: 11)
            var out = TrialOutcome(model: model)
            return (0..<20).map { i in sim.run(trial: i, into: &out); return out.parameters[0] }
        }
        XCTAssertEqual(draws(aligned), accept)
        XCTAssertNotEqual(draws(plain), accept)

        // A parameter the base lacks draws after all of the base's.
        var added = base
        added.weather.noShowMultiplier = Fixture.q(.gamma(shape: 4, scale: 0.5), .nonNegative)
        XCTAssertEqual(SimulationModel(added).aligningParameterStreams(with: baseModel).parameterStreams, [2, 0, 1])
    }
}
