import CGSL
import Sampling

/// GSL's Nelder-Mead simplex (`gsl_multimin_fminimizer_nmsimplex2`) behind
/// a Swift function: the one place Calibration calls the minimizer, with
/// the C state owned and freed here.
enum Minimizer {
    /// The objective, boxed so the C callback can reach it.
    private final class Objective {
        let f: ([Double]) -> Double
        init(_ f: @escaping ([Double]) -> Double) { self.f = f }
    }

    /// The minimum of `f` near `start`: the simplex starts with `step` on
    /// each axis and stops when its size is below `tolerance` or after
    /// `maxIterations`; it is then restarted once from the point found (a
    /// simplex can stall on a ridge). Non-finite values of `f` count as a
    /// very large value, so the simplex backs away from them.
    static func minimize(_ f: @escaping ([Double]) -> Double, start: [Double], step: Double = 0.5,
                         tolerance: Double = 1e-7, maxIterations: Int = 5000) -> (x: [Double], value: Double) {
        GSL.configure()
        var x = start
        var value = f(x)
        for round in 0..<2 {
            let r = run(f, start: x, step: round == 0 ? step : step / 5, tolerance: tolerance, maxIterations: maxIterations)
            if r.value <= value { x = r.x; value = r.value }
        }
        return (x, value)
    }

    private static func run(_ f: @escaping ([Double]) -> Double, start: [Double], step: Double,
                            tolerance: Double, maxIterations: Int) -> (x: [Double], value: Double) {
        let n = start.count
        let objective = Objective(f)
        let callback: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?) -> Double = { v, params in
            let box = Unmanaged<Objective>.fromOpaque(params!).takeUnretainedValue()
            let n = Int(v!.pointee.size)
            var x = [Double](repeating: 0, count: n)
            for i in 0..<n { x[i] = gsl_vector_get(v, i) }
            let y = box.f(x)
            return y.isFinite ? y : 1e300
        }
        let s = gsl_multimin_fminimizer_alloc(fc_fit_nmsimplex2(), n)!
        let x0 = gsl_vector_alloc(n)!, steps = gsl_vector_alloc(n)!
        defer { gsl_multimin_fminimizer_free(s); gsl_vector_free(x0); gsl_vector_free(steps) }
        for i in 0..<n { gsl_vector_set(x0, i, start[i]); gsl_vector_set(steps, i, step) }
        return withExtendedLifetime(objective) {
            var function = gsl_multimin_function(f: callback, n: n, params: Unmanaged.passUnretained(objective).toOpaque())
            gsl_multimin_fminimizer_set(s, &function, x0, steps)
            for _ in 0..<maxIterations {
                if gsl_multimin_fminimizer_iterate(s) != 0 { break }
                if gsl_multimin_test_size(gsl_multimin_fminimizer_size(s), tolerance) != GSL_CONTINUE { break }
            }
            let best = gsl_multimin_fminimizer_x(s)!
            return ((0..<n).map { gsl_vector_get(best, $0) }, gsl_multimin_fminimizer_minimum(s))
        }
    }
}
