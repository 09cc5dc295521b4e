import Sampling
import Simulation

/// One Sobol index with its bootstrap 95% interval.
public struct SobolIndex: Sendable, Equatable {
    /// The point estimate.
    public var estimate: Double
    /// The 2.5th and 97.5th percentiles of the bootstrap estimates.
    public var low: Double, high: Double
    /// The standard deviation of the bootstrap estimates.
    public var standardError: Double
}

/// First-order and total Sobol indices of every input of a function.
public struct SobolResult: Sendable, Equatable {
    /// `firstOrder[i]`: the share of the output's variance that input `i`
    /// explains alone.
    public var firstOrder: [SobolIndex]
    /// `total[i]`: the share it explains alone or with other inputs.
    public var total: [SobolIndex]
    /// The output's variance over the rows of A and B.
    public var variance: Double
    /// Rows used: the design's rows less those with a non-finite output.
    public var rows: Int
    /// Design rows left out because one of their outputs was not finite.
    public var droppedRows: Int
}

/// Sobol indices from the outputs of a `SaltelliDesign`.
///
/// With `f_A`, `f_B`, `f_ABi` the outputs on the rows of A, B, AB_i and
/// `V` the variance of the outputs on A and B together (n denominator):
///
/// - first order (Saltelli et al. 2010, table 2 (b)):
///   `S_i = mean_j f_B[j] (f_ABi[j] - f_A[j]) / V`
/// - total effect (Jansen 1999, in Saltelli et al. 2010, table 2 (f)):
///   `ST_i = mean_j (f_A[j] - f_ABi[j])^2 / (2 V)`
///
/// Outputs are centred on their mean over A and B first: it leaves both
/// estimators' expectations unchanged and takes the mean's noise out of
/// `S_i` (which is not shift-invariant term by term).
///
/// Intervals: `bootstrap` resamples of the rows with replacement (the same
/// row indices for every matrix), from a Philox stream keyed by `seed`; the
/// 95% interval is the 2.5th to 97.5th percentile (type 7) of the resampled
/// estimates, the standard error their standard deviation.
///
/// Rows where any output is NaN or infinite are left out (and counted).
public enum SobolEstimator {
    /// Indices from the outputs: `fA[j]`, `fB[j]`, `fAB[i][j]`.
    /// - Complexity: O(bootstrap x rows x inputs).
    public static func estimate(fA: [Double], fB: [Double], fAB: [[Double]],
                                bootstrap: Int = 1000, seed: UInt64) -> SobolResult {
        let k = fAB.count
        precondition(fB.count == fA.count && fAB.allSatisfy { $0.count == fA.count }, "Sobol outputs of unequal lengths")
        let keep = fA.indices.filter { j in fA[j].isFinite && fB[j].isFinite && fAB.allSatisfy { $0[j].isFinite } }
        let n = keep.count
        guard n >= 2 else {
            let none = SobolIndex(estimate: .nan, low: .nan, high: .nan, standardError: .nan)
            return SobolResult(firstOrder: Array(repeating: none, count: k), total: Array(repeating: none, count: k),
                               variance: .nan, rows: n, droppedRows: fA.count - n)
        }
        // Centre, and lay the kept rows out contiguously: a[j], b[j], ab[i * n + j].
        var center = 0.0
        for j in keep { center += fA[j] + fB[j] }
        center /= Double(2 * n)
        let a = keep.map { fA[$0] - center }, b = keep.map { fB[$0] - center }
        var ab = [Double](repeating: 0, count: k * n)
        for i in 0..<k { for (jj, j) in keep.enumerated() { ab[i * n + jj] = fAB[i][j] - center } }

        let rows = Array(0..<n)
        let point = indices(a, b, ab, k: k, rows: rows)

        let stream = RandomStream()
        let key = StreamLayout.sobolBootstrapKey(seed: seed)
        var firstSamples = Array(repeating: [Double](), count: k), totalSamples = firstSamples
        var resample = [Int](repeating: 0, count: n)
        for r in 0..<max(0, bootstrap) {
            stream.seek(key, UInt32(truncatingIfNeeded: r), 0, 0)
            for t in 0..<n { resample[t] = Int(stream.uniform() * Double(n)) }
            let s = indices(a, b, ab, k: k, rows: resample)
            for i in 0..<k {
                firstSamples[i].append(s.first[i])
                totalSamples[i].append(s.total[i])
            }
        }
        func index(_ estimate: Double, _ samples: [Double]) -> SobolIndex {
            let finite = samples.filter(\.isFinite).sorted()
            guard finite.count >= 2, let sd = Statistics.summarize(finite).sd else {
                return SobolIndex(estimate: estimate, low: .nan, high: .nan, standardError: .nan)
            }
            return SobolIndex(estimate: estimate, low: Statistics.quantile(sorted: finite, 0.025)!,
                              high: Statistics.quantile(sorted: finite, 0.975)!, standardError: sd)
        }
        return SobolResult(firstOrder: (0..<k).map { index(point.first[$0], firstSamples[$0]) },
                           total: (0..<k).map { index(point.total[$0], totalSamples[$0]) },
                           variance: point.variance, rows: n, droppedRows: fA.count - n)
    }

    /// Both estimators over the rows `rows` (indices into the kept rows,
    /// repeated for a bootstrap resample).
    private static func indices(_ a: [Double], _ b: [Double], _ ab: [Double], k: Int,
                                rows: [Int]) -> (first: [Double], total: [Double], variance: Double) {
        let n = a.count, m = Double(rows.count)
        var sum = 0.0, squares = 0.0
        for j in rows { sum += a[j] + b[j]; squares += a[j] * a[j] + b[j] * b[j] }
        let mean = sum / (2 * m)
        let variance = squares / (2 * m) - mean * mean
        var first = [Double](repeating: 0, count: k), total = first
        for i in 0..<k {
            var s = 0.0, t = 0.0
            let base = i * n
            for j in rows {
                let d = ab[base + j] - a[j]
                s += b[j] * d
                t += d * d
            }
            first[i] = s / m / variance
            total[i] = t / (2 * m) / variance
        }
        return (first, total, variance)
    }

    /// Designs, evaluates and estimates in one go, for a function of `k`
    /// inputs uniform on (0, 1) (map them to other ranges inside `f`).
    /// Evaluates `f` `rows x (k + 2)` times, in design order.
    public static func analyze(inputs k: Int, rows n: Int, seed: UInt64, bootstrap: Int = 1000,
                               _ f: ([Double]) -> Double) -> SobolResult {
        let design = SaltelliDesign(inputs: k, rows: n, seed: seed)
        var outputs = [Double](repeating: 0, count: design.evaluations)
        for e in outputs.indices {
            let (block, row) = design.place(e)
            outputs[e] = f(design.point(block: block, row: row))
        }
        return estimate(design: design, outputs: outputs, bootstrap: bootstrap, seed: seed)
    }

    /// Indices from the outputs of every evaluation of `design`, in design order.
    public static func estimate(design: SaltelliDesign, outputs: [Double], bootstrap: Int = 1000,
                                seed: UInt64) -> SobolResult {
        precondition(outputs.count == design.evaluations, "\(outputs.count) outputs for \(design.evaluations) evaluations")
        let n = design.rows
        func block(_ b: Int) -> [Double] { Array(outputs[(b * n)..<((b + 1) * n)]) }
        return estimate(fA: block(0), fB: block(1), fAB: (0..<design.inputs).map { block(2 + $0) },
                        bootstrap: bootstrap, seed: seed)
    }
}
