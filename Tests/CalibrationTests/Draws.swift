import Calibration
import Sampling

/// Seeded draws for the tests: GSL through Sampling's streams, so every
/// sample is the same on every run.
struct Draws {
    let stream: RandomStream
    init(seed: UInt64) { stream = RandomStream(key: StreamKey(seed: seed, family: .plan)) }
    func uniform(_ a: Double = 0, _ b: Double = 1) -> Double { a + (b - a) * stream.uniform() }
    func exponential(mean: Double) -> Double { stream.exponential(mean: mean) }
    func lognormal(mu: Double, sigma: Double) -> Double { Distribution.lognormal(mu: mu, sigma: sigma).sample(stream) }
    func gamma(shape: Double, scale: Double) -> Double { Distribution.gamma(shape: shape, scale: scale).sample(stream) }
    func weibull(scale: Double, shape: Double) -> Double { Distribution.weibull(scale: scale, shape: shape).sample(stream) }
    func poisson(_ mean: Double) -> Int { Int(Distribution.poisson(mean: mean).sample(stream)) }
    func bernoulli(_ p: Double) -> Bool { stream.bernoulli(p) }
}

extension DurationFit {
    func family(_ f: DurationFamily) -> FamilyFit? { fits.first { $0.family == f } }
}
