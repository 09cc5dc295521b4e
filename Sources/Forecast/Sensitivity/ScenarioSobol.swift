import FunnelModel
import Sampling
import Simulation

/// Global sensitivity of a scenario (MODEL.md 12, 17.16): first-order and
/// total Sobol indices of one trial's metric with respect to the uncertain
/// parameters and to the trial's own randomness.
///
/// The inputs are the chosen uncertain parameters, each set from a design
/// point `u` to `adjust(quantile(u))` of its distribution, plus one more:
/// the trial's random streams. That input is a stream index, resampled like
/// any other: row `j` of A runs on streams `j`, row `j` of B on `n + j`,
/// and `AB_i` takes B's streams only for the randomness input. Uncertain
/// parameters left out by `--parameters` are drawn from the trial's
/// streams too (a uniform keyed by the stream index), so their share counts
/// as trial randomness.
///
/// Every design row is one trial, run through `ForecastRunner` (parallel,
/// bit-identical whatever the thread count).
public enum ScenarioSobol {
    public struct Result: Sendable, Equatable {
        /// The inputs: the chosen parameters' paths, then "trial randomness".
        public var inputs: [String]
        public var indices: SobolResult
        public var metric: MetricChoice
        /// Design rows (n) and trials simulated (n x (inputs + 2)).
        public var rows: Int, trials: Int
    }

    /// The name of the trial-randomness input.
    public static let randomness = "trial randomness"

    /// Trials `rows` rows need for `parameters` uncertain parameters.
    public static func trials(rows: Int, parameters: Int) -> Int { rows * (parameters + 3) }

    /// Runs the design and estimates the indices.
    /// - Parameters:
    ///   - selected: indices into `model.uncertainPaths` of the parameters
    ///     that are inputs (nil: all).
    ///   - rows: n, the rows of each design matrix.
    ///   - bootstrap: resamples for the intervals.
    public static func run(model: SimulationModel, selected: [Int]? = nil, metric: MetricChoice, rows: Int,
                           seed: UInt64, threads: Int, bootstrap: Int = 1000,
                           isCancelled: (@Sendable () -> Bool)? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(SensitivityError) -> Result {
        let study = try Study(model: model, selected: selected, metric: metric, rows: rows, seed: seed)
        let outputs = try study.evaluate(0..<study.design.evaluations, threads: threads, isCancelled: isCancelled,
                                         progress: progress)
        return study.result(outputs: outputs, bootstrap: bootstrap)
    }

    /// The design of one study and how each of its evaluations runs: what
    /// `run` does in three steps, so that contiguous ranges of the
    /// evaluations can run apart (shards, MODEL.md 20) and their outputs
    /// be estimated together.
    public struct Study: Sendable {
        public let model: SimulationModel
        public let metric: MetricChoice
        public let design: SaltelliDesign
        public let chosen: [Int]
        public let seed: UInt64
        let parameters: @Sendable (Int) -> [Double]
        let streamIndex: @Sendable (Int) -> Int

        /// Checks the choices and lays out the design (no trial runs yet).
        public init(model: SimulationModel, selected: [Int]? = nil, metric: MetricChoice, rows: Int,
                    seed: UInt64) throws(SensitivityError) {
            guard metric.statistic == .mean else {
                throw SensitivityError("--metric \(metric.metric.rawValue).\(metric.statistic.rawValue): Sobol indices split the variance "
                                       + "of one trial's value; give the metric without a statistic, such as \(metric.metric.rawValue)",
                                       badOption: true)
            }
            let chosen = selected ?? Array(model.uncertainPaths.indices)
            guard !chosen.isEmpty else {
                throw SensitivityError("the scenario has no uncertain parameters (distributions on probabilities, rates or costs); "
                                       + "Sobol indices need at least one")
            }
            guard rows >= 2 else { throw SensitivityError("Sobol needs at least 2 design rows (got \(rows))") }
            let d = chosen.count, k = d + 1
            let design = SaltelliDesign(inputs: k, rows: rows, seed: seed)
            let quantities = model.uncertainQuantities
            let isChosen = quantities.indices.map { chosen.contains($0) }

            // Parameter values of the rows of A and B: chosen parameters from
            // the design, the others from the row's streams.
            let others = RandomStream()
            let othersKey = StreamLayout.sobolOthersKey(seed: seed)
            func values(block: Int, row: Int) throws(SensitivityError) -> [Double] {
                let stream = UInt32(truncatingIfNeeded: block == 0 ? row : rows + row)
                var x = [Double](repeating: 0, count: quantities.count)
                for (p, q) in quantities.enumerated() {
                    let u: Double
                    if let i = chosen.firstIndex(of: p) {
                        u = design.value(block: block, row: row, input: i)
                    } else {
                        others.seek(othersKey, UInt32(p), stream, 0)
                        u = others.uniformPositive()
                    }
                    do { x[p] = q.adjust(try q.distribution.quantile(u)) } catch {
                        throw SensitivityError("\(model.uncertainPaths[p]): the quantile at \(u) failed: \(error)")
                    }
                }
                return x
            }
            var xA: [[Double]] = [], xB: [[Double]] = []
            for j in 0..<rows {
                xA.append(try values(block: 0, row: j))
                xB.append(try values(block: 1, row: j))
            }
            let a = xA, b = xB
            let parameters: @Sendable (Int) -> [Double] = { e in
                let (block, row) = design.place(e)
                if block <= 1 { return block == 0 ? a[row] : b[row] }
                let i = block - 2
                var x = a[row]
                if i < d {
                    x[chosen[i]] = b[row][chosen[i]]
                } else {
                    for p in x.indices where !isChosen[p] { x[p] = b[row][p] }
                }
                return x
            }
            let streamIndex: @Sendable (Int) -> Int = { e in
                let (block, row) = design.place(e)
                return block == 1 || block == 2 + d ? rows + row : row
            }
            self.model = model
            self.metric = metric
            self.design = design
            self.chosen = chosen
            self.seed = seed
            self.parameters = parameters
            self.streamIndex = streamIndex
        }

        /// The metric's value on evaluations `range` (a sub-range of
        /// `0 ..< design.evaluations`), in order.
        public func evaluate(_ range: Range<Int>, threads: Int, isCancelled: (@Sendable () -> Bool)? = nil,
                             progress: (@Sendable (Int) -> Void)? = nil) throws(SensitivityError) -> [Double] {
            var outputs: [Double] = []
            outputs.reserveCapacity(range.count)
            var scratch: [Double] = []
            var options = RunOptions(trials: range.count, seed: seed, threads: threads)
            options.firstTrial = range.lowerBound
            options.isCancelled = isCancelled
            let metric = metric
            ForecastRunner.run(model: model, options: options,
                               parameters: parameters, streamIndex: streamIndex, progress: progress) { chunk in
                for o in chunk.outcomes { outputs.append(metric.trialValue(o, row: &scratch)) }
            }
            guard outputs.count == range.count else { throw .interrupted }
            return outputs
        }

        /// The indices from the outputs of every evaluation, in design order.
        public func result(outputs: [Double], bootstrap: Int = 1000) -> Result {
            let indices = SobolEstimator.estimate(design: design, outputs: outputs, bootstrap: bootstrap, seed: seed)
            return Result(inputs: chosen.map { model.uncertainPaths[$0] } + [ScenarioSobol.randomness], indices: indices,
                          metric: metric, rows: design.rows, trials: design.evaluations)
        }
    }
}
