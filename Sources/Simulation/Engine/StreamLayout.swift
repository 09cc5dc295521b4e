import Sampling

// The random-stream layout: which Philox stream (key and three counter
// words) every draw of the engine and of the sensitivity designs comes
// from, and every salt those keys are mixed with. It is the determinism
// contract of MODEL.md 14 and 16/17.17 written down in one place: a
// trial's result depends on (seed, trial index) alone, and each purpose
// has its own substream so that changing one parameter moves the rest of
// the trial as little as possible (common random numbers). Every number
// here is pinned by the golden-output test; changing one changes every
// forecast the tool prints.

/// The layout of random streams: keys, counter words and salts.
///
/// A stream is a key (`StreamKey`: the seed mixed with a
/// `StreamKey.Family`, itself `mix(mix(seed) ^ family * 0x9E37_79B9_7F4A_7C15)`,
/// see Sampling's `RandomStream.swift`) plus three counter words
/// (c1, c2, c3); `seek` positions a generator at their start. The trial's
/// stream index `i` (the trial index, or the design row's stream in Sobol)
/// is always c3, so trials never share a substream.
///
/// | Family (key)                 | c1                        | c2                  | c3 |
/// |------------------------------|---------------------------|---------------------|----|
/// | `parameters` (seed)          | `parameterStreams[p]`     | 0                   | i  |
/// | `freezes` (seed)             | `freezeGap` / `freezeLength` | freeze n         | i  |
/// | `weather` (seed)             | 0                         | 0                   | i  |
/// | `approval` (seed)            | requisition r             | 0                   | i  |
/// | `cancellation` (seed)        | freeze f (window w: 2^31 + w) | requisition r   | i  |
/// | `arrivals` (requisition r)   | 0                         | 0                   | i  |
/// | `candidates` (requisition r) | `Purpose`                 | candidate's index   | i  |
///
/// Families marked "(requisition r)" are keyed from
/// `requisitionSeed(seed, r)`, so every requisition has its own arrival
/// and candidate streams. `parameterStreams[p]` is the uncertain
/// parameter's index, or its index in a baseline scenario for a changed
/// one (`SimulationModel.aligningParameterStreams(with:)`: tornado and
/// interventions keep the draws of what they did not change). Weather
/// draws day after day from one substream; arrivals draw gap after gap.
///
/// The sensitivity designs key their own streams from salted seeds, apart
/// from every key above:
///
/// | Stream                          | Key                                        | c1, c2, c3           |
/// |---------------------------------|--------------------------------------------|----------------------|
/// | Saltelli matrices A, B          | `saltelliKey(seed)` (family `plan`)        | matrix (0 A, 1 B), row, 0 |
/// | Sobol: parameters not chosen    | `sobolOthersKey(seed)` (family `parameters`) | parameter, stream index, 0 |
/// | Sobol bootstrap resamples       | `sobolBootstrapKey(seed)` (family `plan`)  | resample, 0, 0       |
package enum StreamLayout {
    /// The salt of a requisition's seed: requisition r keys its
    /// `arrivals` and `candidates` families from
    /// `seed ^ mix(r + requisitionSalt)`.
    static let requisitionSalt: UInt64 = 0x51ED_270B

    /// The seed requisition `r`'s own families are keyed from.
    static func requisitionSeed(_ seed: UInt64, _ r: Int) -> UInt64 {
        seed ^ StreamKey.mix(UInt64(r) &+ requisitionSalt)
    }

    /// c1 of the `freezes` family: the gap before freeze n, and its length.
    static let freezeGap: UInt32 = 0, freezeLength: UInt32 = 1

    /// c1 of the `cancellation` family for freeze window w (MODEL.md 21.7):
    /// `windowCancellationBase + w`, apart from the random freezes' (their
    /// index in the trial, far below), so a window's draws do not move when
    /// the number of random freezes does.
    static let windowCancellationBase: UInt32 = 0x8000_0000

    /// c1 of the `cancellation` family for the trial's freeze `f`: its index
    /// for a random freeze (f < randomFreezes), else its window's.
    @inline(__always)
    static func cancellationStream(freeze f: Int, randomFreezes: Int) -> UInt32 {
        f < randomFreezes ? UInt32(f) : windowCancellationBase + UInt32(f - randomFreezes)
    }

    /// The salt that mixes the Saltelli design's seed apart from the
    /// seeds the simulation keys its own streams with.
    static let saltelliSalt: UInt64 = 0x5A17_E111_50B0_1000
    /// The salt, on top of the design's seed, of the stream that draws the
    /// uncertain parameters a Sobol run leaves out of its inputs.
    static let sobolOthersSalt: UInt64 = 0x07E5
    /// The salt of the Sobol bootstrap's resampling stream.
    static let sobolBootstrapSalt: UInt64 = 0xB007_5724_9000_0001

    /// The seed of a Saltelli design's streams, from the run's seed.
    package static func saltelliSeed(_ seed: UInt64) -> UInt64 { StreamKey.mix(seed ^ saltelliSalt) }

    /// The key of the Saltelli design's matrices: c1 the matrix (0 for A,
    /// 1 for B), c2 the row; a row's k uniforms are drawn in turn.
    package static func saltelliKey(seed: UInt64) -> StreamKey {
        StreamKey(seed: saltelliSeed(seed), family: .plan)
    }

    /// The key a Sobol run draws the uncertain parameters it does not
    /// vary from: c1 the parameter, c2 the row's stream index (rows of A
    /// on j, rows of B on n + j), so those parameters count as the trial's
    /// own randomness.
    package static func sobolOthersKey(seed: UInt64) -> StreamKey {
        StreamKey(seed: StreamKey.mix(saltelliSeed(seed) ^ sobolOthersSalt), family: .parameters)
    }

    /// The key of the Sobol bootstrap: c1 the resample, whose n uniforms
    /// pick n rows with replacement.
    package static func sobolBootstrapKey(seed: UInt64) -> StreamKey {
        StreamKey(seed: StreamKey.mix(seed ^ sobolBootstrapSalt), family: .plan)
    }

    /// Candidate purposes: c1 of the `candidates` family, a substream each,
    /// so a change to one draw leaves the others where they were. Draws
    /// made at the same instant share one (a bundle): decisions by
    /// uniforms first, each always drawn, then at most one draw of
    /// variable length, so every draw of a bundle keeps its random numbers
    /// whatever the parameters. Numbers left out (1, 9-11, 14, 15) are free.
    enum Purpose {
        /// Bundle: competing-offer time, quality.
        static let arrival: UInt32 = 0
        static let maxWait: UInt32 = 2
        static let offerWork: UInt32 = 3, offerHours: UInt32 = 4, response: UInt32 = 5, accept: UInt32 = 6
        static let checkWork: UInt32 = 7
        /// Bundle: fail, false fail, dispute, then dispute days.
        static let checkResult: UInt32 = 8
        static let notice: UInt32 = 12, renege: UInt32 = 13
        /// Stage s uses 16 + 8 s + one of these.
        static let hr: UInt32 = 0, hours: UInt32 = 1
        /// Bundle: contact failure, then reply days.
        static let contactReply: UInt32 = 2
        static let interviewerHours: UInt32 = 4
        /// Bundle: no-show, then pass.
        static let showPass: UInt32 = 5
        static let pass: UInt32 = 6
        static func stage(_ s: Int, _ k: UInt32) -> UInt32 { 16 + 8 * UInt32(s) + k }
    }
}

/// The keys of one run's stream families (the table of `StreamLayout`),
/// worked out once when an engine is made.
struct TrialStreamKeys {
    let parameters, freezes, weather, approval, cancellation: StreamKey
    /// Per requisition.
    let arrivals: [StreamKey], candidates: [StreamKey]

    init(seed: UInt64, requisitions n: Int) {
        func family(_ f: StreamKey.Family, _ r: Int) -> StreamKey {
            StreamKey(seed: StreamLayout.requisitionSeed(seed, r), family: f)
        }
        parameters = StreamKey(seed: seed, family: .parameters)
        freezes = StreamKey(seed: seed, family: .freezes)
        weather = StreamKey(seed: seed, family: .weather)
        approval = StreamKey(seed: seed, family: .approval)
        cancellation = StreamKey(seed: seed, family: .cancellation)
        arrivals = (0..<n).map { family(.arrivals, $0) }
        candidates = (0..<n).map { family(.candidates, $0) }
    }
}
