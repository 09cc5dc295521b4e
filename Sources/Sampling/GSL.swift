import CFunnelcast
import CGSL

/// An error GSL reported, as a Swift value: the GSL function that failed,
/// GSL's error code and its reason.
public struct GSLError: Error, Equatable, CustomStringConvertible {
    public var function: String
    public var code: Int32
    public var reason: String

    public var description: String {
        let name = String(cString: gsl_strerror(code))
        return "\(function) failed: \(reason) (\(name))"
    }
}

/// The one place Funnelcast configures GSL. Package access: only Sampling
/// calls into GSL (and the tests check its handler).
package enum GSL {
    /// Replaces GSL's aborting error handler with one that records errors.
    /// Called before any GSL use by every type of this module; idempotent.
    /// (CFunnelcast also installs it when the program is loaded, before any
    /// code runs, so no path into GSL can reach the default handler.)
    package static func configure() { _ = installed }

    /// True where GSL's error handler is the recording one.
    package static var handlerInstalled: Bool { fc_gsl_handler_is_installed() == 1 }

    private static let installed: Bool = {
        fc_gsl_install_error_handler()
        return true
    }()

    /// Runs `body`, a call into GSL named `function`, and throws what GSL
    /// recorded on this thread during the call.
    @inline(__always)
    package static func checked<T>(_ function: String, _ body: () -> T) throws(GSLError) -> T {
        configure()
        _ = fc_gsl_take_error(nil, nil, nil)
        let value = body()
        var reason: UnsafePointer<CChar>? = nil
        let code = fc_gsl_take_error(&reason, nil, nil)
        if code != 0 {
            throw GSLError(function: function, code: code,
                           reason: reason.map { String(cString: $0) } ?? "unknown")
        }
        return value
    }
}

/// Quantiles that interval formulas need, over GSL's CDF inverses.
public enum Quantiles {
    /// The 97.5% point of Student's t with `df` degrees of freedom (>= 1):
    /// the half-width factor of a two-sided 95% interval from `df + 1`
    /// batch values (`gsl_cdf_tdist_Pinv`).
    public static func studentT975(degreesOfFreedom df: Int) -> Double {
        GSL.configure()
        return gsl_cdf_tdist_Pinv(0.975, Double(max(1, df)))
    }
}
