/// A capacity pool of MODEL.md section 9: one first-come-first-served
/// server on the work clock, `speed` hours per working day.
///
/// A request of `h` hours at time t starts at s = max(work(t), free) and
/// holds the pool until s + h / speed (in work time); `free` moves there.
public struct CapacityPool: Sendable {
    /// Hours of work the pool does per working day.
    public var speed: Double
    /// Work time at which the pool is next free.
    public private(set) var free: Double = 0

    public init(speed: Double) { self.speed = speed }

    public mutating func reset() { free = 0 }

    /// Books `hours` requested at `t`; returns (start, end) in work time.
    public mutating func request(at t: Double, hours: Double, calendar: WorkCalendar) -> (start: Double, end: Double) {
        request(atWork: calendar.work(at: t), hours: hours)
    }

    /// Books `hours` requested when `work` working days have been done
    /// (the work clock at the request: callers that know it save a lookup).
    @inline(__always)
    public mutating func request(atWork work: Double, hours: Double) -> (start: Double, end: Double) {
        let s = Swift.max(work, free)
        let e = s + hours / speed
        free = e
        return (s, e)
    }
}
