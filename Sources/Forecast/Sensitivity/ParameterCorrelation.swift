import Simulation

/// Spearman rank correlation of every uncertain parameter with every
/// per-trial metric of every scope, from one run (MODEL.md 12, 17.8).
public enum ParameterCorrelation {
    public struct Row: Sendable, Equatable {
        public var parameter: String
        public var scope: String
        public var metric: Metric
        /// nil: fewer than 3 trials with a value, or a constant side.
        public var spearman: Double?
        /// Trials with a value of the metric (the pairs used).
        public var pairs: Int
    }

    /// The correlations in a finished run, parameter by parameter, then
    /// scope (plan first), then metric in `Metric.allCases` order. Trials
    /// where the metric has no value (NaN: no filled opening; infinite
    /// cost per hire: no hire) are left out of that pair of columns.
    ///
    /// - Parameters:
    ///   - parameters: indices into the model's uncertain parameters (nil: all).
    ///   - metrics: the metrics (nil: all); `scopes` likewise (0 = plan).
    public static func rows(_ builder: ForecastBuilder, parameters: [Int]? = nil, scopes: [Int]? = nil,
                            metrics: [Metric]? = nil) -> [Row] {
        let model = builder.model
        let names = ["plan"] + model.requisitions.map(\.name)
        var out: [Row] = []
        for p in parameters ?? Array(model.uncertainPaths.indices) {
            let x = builder.parameterColumns[p]
            for s in scopes ?? Array(names.indices) {
                for metric in metrics ?? Metric.allCases {
                    let y = builder.column(scope: s, metric: metric)
                    let kept = y.indices.filter { y[$0].isFinite }
                    let rho = Statistics.spearman(kept.map { x[$0] }, kept.map { y[$0] })
                    out.append(Row(parameter: model.uncertainPaths[p], scope: names[s], metric: metric,
                                   spearman: rho, pairs: kept.count))
                }
            }
        }
        return out
    }
}
