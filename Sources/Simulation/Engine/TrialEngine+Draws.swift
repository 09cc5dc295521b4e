import FunnelModel
import Sampling

// How the engine draws a candidate's random numbers: it positions the
// candidate stream at (requisition, candidate, purpose), the substream
// `StreamLayout` assigns, and draws from it, skipping draws that a
// constant or a probability of 0 or 1 does not need. Gathered here so
// every event handler draws the same way, and the draw counting of the
// benchmark happens in one place.

extension TrialEngine {
    /// Positions the candidate stream at (requisition, candidate, purpose)
    /// for a bundle of draws.
    @inline(__always)
    mutating func bundle(_ r: Int, _ c: Int, _ purpose: UInt32) -> RandomGenerator {
        candidateStream.seek(keys.candidates[r], purpose, candidates[c].streamIndex, trial)
        tally(nil, seek: true)
        return candidateStream
    }

    /// A uniform decision from a bundle: true with probability p.
    @inline(__always)
    mutating func decide(_ stream: RandomGenerator, _ p: Double) -> Bool {
        tally(.uniform)
        return stream.uniform() < p
    }

    /// A draw of `q` from a bundle (no draw for a constant).
    @inline(__always)
    mutating func value(_ stream: RandomGenerator, _ q: Quantity) -> Double {
        if case .constant(let v) = q.distribution { return q.adjust(v) }
        tally(q.distribution.drawKind)
        return q.draw(stream)
    }

    /// True when a probability needs a random draw to decide.
    @inline(__always)
    static func random(_ p: Double) -> Bool { p > 0 && p < 1 }

    /// `body`'s draw from the candidate's substream `purpose`.
    @inline(__always)
    mutating func draw(_ r: Int, _ c: Int, _ purpose: UInt32, _ body: (RandomGenerator) -> Double) -> Double {
        candidateStream.seek(keys.candidates[r], purpose, candidates[c].streamIndex, trial)
        tally(nil, seek: true)
        return body(candidateStream)
    }

    /// A draw of `q` from the candidate's substream `purpose` (no draw,
    /// nor seek, for a constant).
    @inline(__always)
    mutating func draw(_ r: Int, _ c: Int, _ purpose: UInt32, _ q: Quantity) -> Double {
        if case .constant(let v) = q.distribution { return q.adjust(v) }
        tally(q.distribution.drawKind)
        return draw(r, c, purpose) { q.draw($0) }
    }

    /// True with probability `p`, from the candidate's substream `purpose`
    /// (no draw for 0 or 1).
    @inline(__always)
    mutating func chance(_ r: Int, _ c: Int, _ purpose: UInt32, _ p: Double) -> Bool {
        if p <= 0 { return false }
        if p >= 1 { return true }
        tally(.uniform)
        return draw(r, c, purpose) { $0.uniform() } < p
    }
}
