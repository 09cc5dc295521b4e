import FunnelModel
import Simulation

/// Per sourcing channel (MODEL.md 21.5): its funnel, applicants, hires and
/// cost over the trials, for the "channels" table, `channels.csv` and the
/// funnel's per-channel rows. Whole-number counts are summed as doubles
/// (exact below 2^53); the cost, which has hours in it, as an `ExactSum`,
/// so shards merge bit for bit (MODEL.md 20).
public struct ChannelTally: Sendable {
    /// funnel[i]: channel i's stages then decision, offer, background_check
    /// and start, as sums over trials.
    var funnel: [[FunnelStep]]
    var applicants: [Double], hires: [Double], hiresSquares: [Double]
    var cost: [ExactSum]

    public init(model: SimulationModel) {
        funnel = model.channelSources.map { k in
            ForecastBuilder.funnelTail(model.requisitions[model.sources[k].requisition].stages.map(\.name))
        }
        let n = model.channelSources.count
        applicants = Array(repeating: 0, count: n)
        hires = applicants
        hiresSquares = applicants
        cost = Array(repeating: ExactSum(), count: n)
    }

    /// Counts one trial.
    mutating func add(_ outcome: TrialOutcome) {
        for (i, o) in outcome.channels.enumerated() {
            ForecastBuilder.addFunnel(o, stageRows: Array(o.stageEntered.indices), into: &funnel[i])
            applicants[i] += o[.applicants]
            hires[i] += o[.filled]
            hiresSquares[i] += o[.filled] * o[.filled]
            cost[i].add(o[.cost])
        }
    }

    /// Adds the trials `other` counted (the same model).
    mutating func merge(_ other: ChannelTally) {
        for i in funnel.indices {
            ForecastBuilder.mergeFunnel(other.funnel[i], into: &funnel[i])
            applicants[i] += other.applicants[i]
            hires[i] += other.hires[i]
            hiresSquares[i] += other.hiresSquares[i]
            cost[i].merge(other.cost[i])
        }
    }

    /// Appends the state to `w` (`BuilderCoding`).
    func encode(into w: inout ByteWriter) {
        w.int(funnel.count)
        for i in funnel.indices {
            ForecastBuilder.encodeFunnel(funnel[i], into: &w)
            w.double(applicants[i]); w.double(hires[i]); w.double(hiresSquares[i])
            cost[i].encode(into: &w)
        }
    }

    /// Reads back what `encode(into:)` wrote, into a tally of the same model.
    mutating func decode(_ r: inout ByteReader) throws(ByteReader.Failure) {
        guard try r.int() == funnel.count else { throw .invalid("sourcing channels that do not fit the scenario") }
        for i in funnel.indices {
            try ForecastBuilder.decodeFunnel(&r, into: &funnel[i])
            applicants[i] = try r.double(); hires[i] = try r.double(); hiresSquares[i] = try r.double()
            cost[i] = try ExactSum(decoding: &r)
        }
    }

    /// The summary per channel, over `trials` trials.
    func build(model: SimulationModel, trials: Int) -> [ChannelSummary] {
        let n = Double(max(1, trials))
        return model.channelSources.enumerated().map { i, k in
            let source = model.sources[k]
            let meanHires = hires[i] / n
            let variance = trials > 1 ? max(0, (hiresSquares[i] - hires[i] * hires[i] / n) / (n - 1)) : 0
            return ChannelSummary(
                requisition: model.requisitions[source.requisition].name, channel: source.name,
                funnel: ForecastBuilder.meanFunnel(funnel[i], trials: trials),
                applicants: applicants[i] / n, hires: meanHires, hiresSE: (variance / n).squareRoot(),
                cost: cost[i].value / n,
                costPerHire: hires[i] > 0 ? cost[i].value / hires[i] : nil)
        }
    }
}

/// One sourcing channel of a requisition across trials (MODEL.md 21.5).
public struct ChannelSummary: Sendable, Equatable {
    public var requisition: String, channel: String
    /// Mean counts per trial: the channel's stages, then decision, offer,
    /// background_check, start (adds up as a requisition's does).
    public var funnel: [FunnelStep]
    /// Mean applicants and hires (starts within the horizon) per trial, and
    /// the standard error of the mean hires.
    public var applicants: Double, hires: Double, hiresSE: Double
    /// Mean cost per trial of the channel (its applicants at its cost per
    /// applicant, its candidates' recruiter and interviewer hours, checks
    /// and per-hire costs).
    public var cost: Double
    /// The channel's cost over all trials divided by its hires over all
    /// trials (a ratio of totals, so trials without a hire still count
    /// their cost); nil: no hire in any trial.
    public var costPerHire: Double?
}
