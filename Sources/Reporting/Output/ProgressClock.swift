/// The clock a `ProgressBar` reads: monotonic seconds from any origin. The
/// real one is `continuous`; tests pass one they move by hand, so that what
/// the bar draws does not depend on how fast the machine is.
public struct ProgressClock: Sendable {
    /// Seconds since an arbitrary, fixed origin; never decreasing.
    public let seconds: @Sendable () -> Double

    public init(seconds: @escaping @Sendable () -> Double) { self.seconds = seconds }

    /// `ContinuousClock`: keeps counting while the machine sleeps.
    public static var continuous: ProgressClock {
        let origin = ContinuousClock.now
        return ProgressClock {
            let (s, attoseconds) = (ContinuousClock.now - origin).components
            return Double(s) + Double(attoseconds) * 1e-18
        }
    }
}
