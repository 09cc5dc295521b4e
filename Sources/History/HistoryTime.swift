import FunnelModel

/// A time of the history (MODEL.md 18.3): days since 1970-01-01 00:00,
/// local time, and whether the export gave only the date.
///
/// A date-only time means "some instant of that day": `days` is then the
/// day's 00:00 and the true instant lies in [days, days + 1). Durations
/// between such times are intervals, never whole numbers of days.
public struct HistoryTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 00:00 (fractions are the time of day).
    public var days: Double
    /// True where only the date is known.
    public var dateOnly: Bool

    public init(days: Double, dateOnly: Bool = false) { self.days = days; self.dateOnly = dateOnly }

    /// 00:00 of `date`, as an exact instant.
    public init(date: CivilDate) { self.init(days: Double(date.dayNumber)) }

    /// The earliest instant this time can stand for.
    public var earliest: Double { days }
    /// The latest instant this time can stand for (exclusive for a date).
    public var latest: Double { dateOnly ? days + 1 : days }
    /// The middle of the possible instants.
    public var midpoint: Double { dateOnly ? days + 0.5 : days }

    /// The calendar date of this time.
    public var date: CivilDate { CivilDate(dayNumber: Int(days.rounded(.down))) }

    public static func < (a: HistoryTime, b: HistoryTime) -> Bool { a.days < b.days }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDThh:mm[:ss]` (a space for the `T`
    /// is accepted too, and spaces around); nil for anything else or a time
    /// that does not exist. Reads the UTF-8 bytes at fixed offsets: a
    /// history has a time on every row.
    public init?(parsing text: Substring) {
        var text = text
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private static func parse(_ all: UnsafeBufferPointer<UInt8>) -> HistoryTime? {
        var lo = 0, hi = all.count
        while lo < hi && (all[lo] == 32 || all[lo] == 9) { lo += 1 }
        while hi > lo && (all[hi - 1] == 32 || all[hi - 1] == 9) { hi -= 1 }
        let n = hi - lo
        guard n == 10 || n == 16 || n == 19 else { return nil }
        func digits(_ at: Int, _ count: Int) -> Int? {
            var v = 0
            for i in at..<(at + count) {
                let b = all[lo + i]
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard all[lo + 4] == 45, all[lo + 7] == 45, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
              let date = CivilDate(year: y, month: m, day: d) else { return nil }
        if n == 10 { return HistoryTime(days: Double(date.dayNumber), dateOnly: true) }
        let sep = all[lo + 10]
        guard sep == 84 || sep == 32, all[lo + 13] == 58, let h = digits(11, 2), let mi = digits(14, 2), h < 24, mi < 60 else { return nil }
        var sec = 0
        if n == 19 {
            guard all[lo + 16] == 58, let s = digits(17, 2), s < 60 else { return nil }
            sec = s
        }
        return HistoryTime(days: Double(date.dayNumber) + Double(h * 3600 + mi * 60 + sec) / 86_400)
    }

    /// `YYYY-MM-DD` for a date-only time, else `YYYY-MM-DDThh:mm:ss`
    /// (rounded to the second).
    public var description: String {
        if dateOnly { return date.description }
        var seconds = Int((days * 86_400).rounded())
        let day = Int((Double(seconds) / 86_400).rounded(.down))
        seconds -= day * 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(CivilDate(dayNumber: day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
