import Sampling
import Simulation

/// Saltelli's sampling design for the Sobol indices of a function of `k`
/// inputs (Saltelli et al. 2010, "Variance based sensitivity analysis of
/// model output", Comput. Phys. Commun. 181, 259-270).
///
/// Two independent `n x k` matrices `A` and `B` of points uniform on
/// (0, 1)^k, and for each input `i` the matrix `AB_i`: `A` with column `i`
/// taken from `B`. The function is evaluated on the `n (k + 2)` rows of
/// `A`, `B`, `AB_0`, ..., `AB_(k-1)`, in that order ("blocks" 0, 1, 2 + i).
///
/// The points are plain Monte Carlo draws (rows are independent, which the
/// bootstrap over rows needs), from Philox streams keyed by `seed`: row `j`
/// of `A` and of `B` each has its own substream, so the design depends on
/// `(seed, k, n)` alone (the key: `StreamLayout.saltelliKey(seed:)`).
public struct SaltelliDesign: Sendable {
    public let inputs: Int
    public let rows: Int
    /// Row-major `rows x inputs` uniform points.
    public let a: [Double], b: [Double]

    public init(inputs k: Int, rows n: Int, seed: UInt64) {
        precondition(k >= 1 && n >= 2, "a Saltelli design needs at least 1 input and 2 rows (got \(k) and \(n))")
        inputs = k
        rows = n
        let stream = RandomStream()
        let key = StreamLayout.saltelliKey(seed: seed)
        func matrix(_ which: UInt32) -> [Double] {
            var m: [Double] = []
            m.reserveCapacity(n * k)
            for j in 0..<n {
                stream.seek(key, which, UInt32(j), 0)
                for _ in 0..<k { m.append(stream.uniformPositive()) }
            }
            return m
        }
        a = matrix(0)
        b = matrix(1)
    }

    /// Evaluations of the design: `rows x (inputs + 2)`.
    public var evaluations: Int { rows * (inputs + 2) }

    /// The block (0 = A, 1 = B, 2 + i = AB_i) and row of evaluation `e`.
    @inlinable
    public func place(_ e: Int) -> (block: Int, row: Int) { (e / rows, e % rows) }

    /// Input `i` of row `row` of `block`.
    @inlinable
    public func value(block: Int, row: Int, input i: Int) -> Double {
        let fromB = block == 1 || block == 2 + i
        return fromB ? b[row * inputs + i] : a[row * inputs + i]
    }

    /// The point of row `row` of `block`.
    public func point(block: Int, row: Int) -> [Double] {
        (0..<inputs).map { value(block: block, row: row, input: $0) }
    }
}
