import CFunnelcast
import CGSL

/// One reproducible stream of random numbers: a GSL generator over
/// Random123's Philox4x32-10, positioned by a key and three counter words.
///
/// Funnelcast never uses a global generator. Every trial, requisition,
/// candidate and purpose gets its own stream by `seek`, which costs a few
/// stores, so per-event streams are cheap and results do not depend on the
/// order in which threads run trials.
///
/// A `final class` only because it owns the C generator (allocated in `init`,
/// freed in `deinit`); it is not thread-safe: one per worker.
public final class RandomStream {
    /// The GSL generator, for distribution calls inside this module.
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

    /// Creates a stream positioned at (key, 0, 0, 0).
    public init(key: StreamKey = StreamKey(seed: 0, family: .plan)) {
        GSL.configure()
        guard let rng = gsl_rng_alloc(fc_philox_type()) else {
            fatalError("gsl_rng_alloc: out of memory")
        }
        self.rng = rng
        fc_philox_seek(rng, key.value, 0, 0, 0)
    }

    deinit { gsl_rng_free(rng) }

    /// This stream's generator as a plain value (see `RandomGenerator`):
    /// a raw handle, for the package's engine only.
    @inlinable
    package var generator: RandomGenerator { RandomGenerator(rng: rng) }

    /// Positions the stream at the start of substream (c1, c2, c3) of `key`.
    @inlinable
    public func seek(_ key: StreamKey, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32) { generator.seek(key, c1, c2, c3) }

    /// A uniform double in [0, 1) with 53 random bits (gsl_rng_uniform).
    @inlinable
    public func uniform() -> Double { generator.uniform() }

    /// A uniform double in (0, 1) (gsl_rng_uniform_pos).
    @inlinable
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// True with probability `p` (a uniform draw below `p`).
    @inlinable
    public func bernoulli(_ p: Double) -> Bool { generator.bernoulli(p) }

    /// An exponential waiting time with the given mean (gsl_ran_exponential).
    @inlinable
    public func exponential(mean: Double) -> Double { generator.exponential(mean: mean) }
}

/// A `RandomStream`'s generator as a plain value, for the simulator's
/// inner loop: copying or passing it costs no reference counting, where a
/// class reference costs an atomic retain and release each time. Valid only
/// while the `RandomStream` it came from is alive: whoever holds one also
/// keeps that stream. Package access: a raw handle that outlives nothing,
/// for the engine's inner loop, not for callers of the package.
@usableFromInline
package struct RandomGenerator {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

    @usableFromInline init(rng: UnsafeMutablePointer<gsl_rng>) { self.rng = rng }

    /// Positions the stream at the start of substream (c1, c2, c3) of `key`.
    @inlinable
    package func seek(_ key: StreamKey, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32) {
        fc_philox_seek(rng, key.value, c1, c2, c3)
    }

    /// A uniform double in [0, 1) with 53 random bits (gsl_rng_uniform).
    @inlinable
    package func uniform() -> Double { gsl_rng_uniform(rng) }

    /// True with probability `p` (a uniform draw below `p`).
    @inlinable
    package func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(rng) < p }

    /// An exponential waiting time with the given mean (gsl_ran_exponential).
    @inlinable
    package func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }
}

/// The key of a family of streams: the master seed mixed with what the
/// streams are for, so families never share random numbers.
public struct StreamKey: Hashable, Sendable {
    public let value: UInt64

    /// What a family of streams is used for (MODEL.md section 17).
    public enum Family: UInt64, Sendable {
        case plan = 1, parameters, freezes, weather, approval, cancellation, arrivals, candidates
    }

    public init(seed: UInt64, family: Family) {
        value = StreamKey.mix(StreamKey.mix(seed) ^ (family.rawValue &* 0x9E37_79B9_7F4A_7C15))
    }

    /// SplitMix64's finalizer: a bijective mixer of 64-bit words.
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
