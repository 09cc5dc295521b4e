import CGSL

/// The values and weights of an `empirical` distribution, with GSL's
/// preprocessed lookup table (gsl_ran_discrete_preproc) for O(1) draws.
///
/// A `final class` because it owns the C table; immutable after `init`, so
/// it is shared across threads (gsl_ran_discrete only reads it).
public final class EmpiricalTable: @unchecked Sendable, Equatable {
    public let values: [Double]
    /// Weights normalized to sum to 1.
    public let probabilities: [Double]
    private let table: OpaquePointer

    /// Builds the table. Weights default to equal; they must be non-negative
    /// with a positive sum, one per value (checked by the caller).
    public init(values: [Double], weights: [Double]? = nil) throws(GSLError) {
        precondition(!values.isEmpty)
        let w = weights ?? Array(repeating: 1.0, count: values.count)
        let total = w.reduce(0, +)
        // GSL accepts all-zero weights and would then draw from a table of NaNs.
        guard total > 0, total.isFinite else {
            throw GSLError(function: "gsl_ran_discrete_preproc", code: Int32(GSL_EINVAL),
                           reason: "the weights must have a positive, finite sum")
        }
        self.values = values
        self.probabilities = w.map { $0 / total }
        let table = try GSL.checked("gsl_ran_discrete_preproc") {
            w.withUnsafeBufferPointer { gsl_ran_discrete_preproc(w.count, $0.baseAddress) }
        }
        guard let table else {
            throw GSLError(function: "gsl_ran_discrete_preproc", code: Int32(GSL_EINVAL), reason: "invalid weights")
        }
        self.table = OpaquePointer(table)
    }

    deinit { gsl_ran_discrete_free(UnsafeMutablePointer<gsl_ran_discrete_t>(table)) }

    @usableFromInline
    func sample(_ r: UnsafeMutablePointer<gsl_rng>) -> Double {
        values[gsl_ran_discrete(r, UnsafePointer<gsl_ran_discrete_t>(table))]
    }

    public var mean: Double { zip(values, probabilities).reduce(0) { $0 + $1.0 * $1.1 } }

    public var variance: Double {
        let m = mean
        return zip(values, probabilities).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) }
    }

    /// Smallest value whose cumulative probability reaches `p`.
    public func quantile(_ p: Double) -> Double {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var cumulative = 0.0
        for i in order {
            cumulative += probabilities[i]
            if cumulative >= p - 1e-12 { return values[i] }
        }
        return values[order.last!]
    }

    public static func == (a: EmpiricalTable, b: EmpiricalTable) -> Bool {
        a.values == b.values && a.probabilities == b.probabilities
    }
}
