import FunnelModel
import History
import Simulation

/// The work clock of the history (MODEL.md 1 and 16.1): the template's
/// working days with the log's freezes taken out, over the log's dates.
///
/// An adapter over the engine's `WorkCalendar` (used read-only, through its
/// public `rebuild` and `work(at:)`): the calendar counts days from an
/// origin, here a week before the log's first event, in the log's own
/// coordinates (days since 1970).
struct WorkClock {
    private var calendar = WorkCalendar()
    private let origin: Double

    /// `spec` gives the working weekdays and holidays; freezes still
    /// running at the end of the observation run to `end`.
    init(spec: CalendarSpec, from start: Double, to end: Double, freezes: [FreezeRecord]) {
        let first = CivilDate(dayNumber: Int(start.rounded(.down)) - 7)
        origin = Double(first.dayNumber)
        let days = max(1, Int((end - origin).rounded(.up)) + 9)
        let weekdays = Set(spec.workdays)
        var working = (0..<days).map { weekdays.contains(first.adding(days: $0).weekday) }
        for h in spec.holidays {
            let a = max(0, h.from - first), b = min(days - 1, h.to - first)
            if a <= b { for d in a...b { working[d] = false } }
        }
        // A date-only freeze start or end: the day's 00:00 (a freeze is
        // known to the day; the error is under a day of work per freeze).
        let intervals = freezes.map { (start: $0.started.days - origin, end: ($0.ended?.days ?? end) - origin) }
        calendar.rebuild(workingDays: working, freezes: intervals)
    }

    /// Working days done between the instants a and b (days since 1970).
    func work(from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        return calendar.work(at: b - origin) - calendar.work(at: a - origin)
    }

    /// Working days done from the clock's origin to the instant t: a
    /// position on the work clock (differences are work done).
    func position(_ t: Double) -> Double { calendar.work(at: t - origin) }

    /// Whether a freeze holds at t.
    func isFrozen(_ t: Double) -> Bool { calendar.isFrozen(t - origin) }

    /// The freeze union as [start, end) in log coordinates.
    var freezeUnion: [(Double, Double)] {
        zip(calendar.freezeStarts, calendar.freezeEnds).map { ($0 + origin, $1 + origin) }
    }
}
