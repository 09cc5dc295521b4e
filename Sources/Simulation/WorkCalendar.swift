/// The work clock of one trial (MODEL.md sections 1 and 16.1-16.2): working
/// time is the union of working days (00:00 to 24:00) minus that trial's
/// freezes, continuous and not rounded to days.
///
/// Built once per trial from the plan's base working days and the trial's
/// freezes; every query is a binary search or a day-indexed lookup, so the
/// engine never walks day by day. Times are calendar days since the plan's
/// start; work is counted in working days.
public struct WorkCalendar: Sendable {
    /// One working interval [start, end), with the work done before it
    /// and by its end: a query reads one cache line, not three arrays.
    private struct Interval {
        var start: Double, end: Double
        var workBefore: Double, workEnd: Double
    }
    /// Working intervals, sorted and disjoint.
    private var intervals: [Interval] = []
    /// For each day d, the first interval whose end is after d.
    private var firstAfterDay: [Int32] = []
    /// For each whole amount of work k, the first interval whose cumulative
    /// end reaches k (a working day holds at most one unit of work, so the
    /// answer for any w in [k, k+1) is at most a few intervals further).
    private var firstReachingWork: [Int32] = []
    /// Freeze union, sorted and disjoint: [freezeStarts[i], freezeEnds[i]).
    public private(set) var freezeStarts: [Double] = []
    public private(set) var freezeEnds: [Double] = []
    /// Total work in the covered days.
    public private(set) var totalWork: Double = 0
    /// The freezes sorted by start, kept so that a rebuild allocates nothing.
    private var byStart: [(start: Double, end: Double)] = []

    public init() {}

    /// Rebuilds the clock for one trial, reusing storage.
    /// - Parameters:
    ///   - workingDays: for each day 0..<count, whether it is a working day
    ///     (a listed weekday, not a holiday). Work beyond the last covered
    ///     day does not exist: `addWork` returns +infinity there.
    ///   - freezes: [start, end) intervals in any order, possibly overlapping.
    public mutating func rebuild(workingDays: [Bool], freezes: [(start: Double, end: Double)]) {
        let dayCount = workingDays.count
        // Merge freezes into their union.
        freezeStarts.removeAll(keepingCapacity: true)
        freezeEnds.removeAll(keepingCapacity: true)
        byStart.removeAll(keepingCapacity: true)
        byStart.append(contentsOf: freezes)
        byStart.sort { $0.start < $1.start }   // stable, in place; the engine's come sorted
        for f in byStart where f.end > f.start {
            if let last = freezeEnds.last, f.start <= last {
                freezeEnds[freezeEnds.count - 1] = Swift.max(last, f.end)
            } else {
                freezeStarts.append(f.start)
                freezeEnds.append(f.end)
            }
        }
        intervals.removeAll(keepingCapacity: true)
        var work = 0.0
        var fi = 0
        func add(_ a: Double, _ b: Double) {
            // Subtract the freeze union from the run [a, b).
            var a = a
            while fi < freezeStarts.count && freezeEnds[fi] <= a { fi += 1 }
            var j = fi
            while a < b {
                if j < freezeStarts.count && freezeStarts[j] < b {
                    if freezeStarts[j] > a { append(a, freezeStarts[j]) }
                    a = Swift.max(a, freezeEnds[j])
                    j += 1
                } else {
                    append(a, b)
                    a = b
                }
            }
        }
        func append(_ a: Double, _ b: Double) {
            intervals.append(Interval(start: a, end: b, workBefore: work, workEnd: work + (b - a)))
            work += b - a
        }
        var d = 0
        while d < dayCount {
            if workingDays[d] {
                var e = d
                while e < dayCount && workingDays[e] { e += 1 }
                add(Double(d), Double(e))
                d = e
            } else {
                d += 1
            }
        }
        totalWork = work
        firstReachingWork.removeAll(keepingCapacity: true)
        var j = 0
        for k in 0...Int(work.rounded(.down)) {
            while j < intervals.count - 1 && intervals[j].workEnd < Double(k) { j += 1 }
            firstReachingWork.append(Int32(j))
        }
        firstAfterDay.removeAll(keepingCapacity: true)
        var i = 0
        for day in 0..<dayCount {
            while i < intervals.count && intervals[i].end <= Double(day) { i += 1 }
            firstAfterDay.append(Int32(i))
        }
    }

    /// Index of the first interval ending after `t` (intervals.count if none).
    @inline(__always)
    private func firstEndingAfter(_ t: Double) -> Int {
        guard t >= 0 else { return 0 }
        // Also catches +infinity: a time beyond every covered day.
        guard t < Double(firstAfterDay.count) else { return intervals.count }
        return intervals.withUnsafeBufferPointer { v in
            // firstAfterDay holds indices into `intervals`, built with it.
            var i = Int(firstAfterDay[Int(t)])
            while i < v.count && v[i].end <= t { i += 1 }
            return i
        }
    }

    /// Working time done in [0, t].
    @inlinable
    public func work(at t: Double) -> Double { workAt(t) }

    @usableFromInline
    func workAt(_ t: Double) -> Double {
        let i = firstEndingAfter(t)
        if i == intervals.count { return totalWork }
        let v = intervals[i]
        return t <= v.start ? v.workBefore : v.workBefore + (t - v.start)
    }

    /// The earliest time at which `w` working days have been done since 0;
    /// +infinity beyond the covered days. 0 for w <= 0.
    public func time(atWork w: Double) -> Double {
        if w <= 0 { return 0 }
        if w > totalWork { return .infinity }
        // First interval whose cumulative end reaches w: one exists, as
        // w <= totalWork, the last interval's workEnd.
        return intervals.withUnsafeBufferPointer { v in
            var i = Int(firstReachingWork[Int(w)])
            while v[i].workEnd < w { i += 1 }
            return v[i].start + (w - v[i].workBefore)
        }
    }

    /// addWork(t, w) of MODEL.md section 1: the earliest time t' >= t with
    /// `w` working days done between t and t'. addWork(t, 0) = t.
    public func addWork(_ t: Double, _ w: Double) -> Double {
        addWork(t, clock: w <= 0 ? 0 : workAt(t), w)
    }

    /// addWork(t, w) where the work clock at t, `clock` = work(at: t), is
    /// already known (a caller that also books a capacity pool at t).
    @inline(__always)
    public func addWork(_ t: Double, clock: Double, _ w: Double) -> Double {
        w <= 0 ? t : time(atWork: clock + w)
    }

    /// The first working instant at or after `t` (+infinity if none is covered).
    public func nextWorking(_ t: Double) -> Double {
        let i = firstEndingAfter(t)
        if i == intervals.count { return .infinity }
        return Swift.max(t, intervals[i].start)
    }

    /// True while a budget freeze is in force at `t`.
    public func isFrozen(_ t: Double) -> Bool {
        // Few freezes per trial: a linear scan beats a search.
        for i in freezeStarts.indices {
            if t < freezeStarts[i] { return false }
            if t < freezeEnds[i] { return true }
        }
        return false
    }
}
