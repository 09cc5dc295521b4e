import FunnelModel

/// When a hire may start (MODEL.md 21.8): any instant (the notice's end),
/// only on some weekdays, or only on listed dates. A cohort start is at
/// 00:00 of the first allowed day whose beginning is at or after the
/// notice's end (a notice ending Monday 09:00 misses that Monday).
public enum CohortStarts: Sendable, Equatable {
    /// No cohorts: the start is the notice's end.
    case any
    /// Allowed days by their index modulo 7 counted from the plan's start
    /// (bit j: days d with d % 7 == j).
    case days(mask: UInt8)
    /// Allowed days (days since the plan's start), ascending.
    case dates([Double])

    /// The rule of `r` in a plan starting on `start`.
    public init(_ r: Requisition, start: CivilDate) {
        if !r.startDays.isEmpty {
            var mask: UInt8 = 0
            for j in 0..<7 where r.startDays.contains(start.adding(days: j).weekday) { mask |= 1 << UInt8(j) }
            self = .days(mask: mask)
        } else if !r.startDates.isEmpty {
            self = .dates(r.startDates.map { Double($0 - start) }.sorted())
        } else {
            self = .any
        }
    }

    /// The start for a notice ending at `end` (days since the plan's
    /// start, >= 0): `end` itself without cohorts; +infinity where no
    /// listed date is left (the hire never starts within the plan).
    @inline(__always)
    public func start(noticeEnds end: Double) -> Double {
        switch self {
        case .any:
            return end
        case .days(let mask):
            guard mask != 0 else { return .infinity }
            var d = end.rounded(.up)
            // At most six days ahead; the remainder of a whole day is exact.
            while mask & (1 << UInt8(Int(d.truncatingRemainder(dividingBy: 7)))) == 0 { d += 1 }
            return d
        case .dates(let days):
            // The first listed day at or after `end` (binary search).
            var lo = 0, hi = days.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if days[mid] < end { lo = mid + 1 } else { hi = mid }
            }
            return lo < days.count ? days[lo] : .infinity
        }
    }
}

/// The on-time thresholds of a requisition's openings (MODEL.md 21.9):
/// batch j is met when at least `cumulative[j]` starts happen before
/// `before[j]` (the end of its deadline day; +infinity: the horizon).
/// `openings` (possibly changed by an intervention) decides the total:
/// batches are cut at it from the end, and the last batch takes any
/// openings beyond the batches' sum.
public struct BatchThresholds: Sendable, Equatable {
    public let before: [Double]
    public let cumulative: [Int]

    public init(before: [Double], cumulative: [Int]) { self.before = before; self.cumulative = cumulative }

    public init(_ r: Requisition, openings: Int, start: CivilDate) {
        guard !r.batches.isEmpty else {
            before = [r.deadline.map { Double($0 - start + 1) } ?? .infinity]
            cumulative = [openings]
            return
        }
        var b: [Double] = [], c: [Int] = []
        var sum = 0
        for (j, batch) in r.batches.enumerated() {
            sum += batch.count
            let last = j == r.batches.count - 1
            b.append(Double(batch.deadline - start + 1))
            c.append(last ? openings : min(sum, openings))
            if sum >= openings { break }
        }
        before = b; cumulative = c
    }

    /// The batch the k-th opening (1-based) belongs to.
    public func batch(ofOpening k: Int) -> Int {
        cumulative.firstIndex { $0 >= k } ?? (cumulative.count - 1)
    }
}
