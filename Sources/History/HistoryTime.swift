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
    /// is accepted too); nil for anything else or a time that does not exist.
    public init?(parsing text: Substring) {
        let text = text.trimmingSpaces
        if let date = CivilDate(iso: String(text)) { self.init(days: Double(date.dayNumber), dateOnly: true); return }
        guard text.count >= 16 else { return nil }
        let dateEnd = text.index(text.startIndex, offsetBy: 10)
        let separator = text[dateEnd]
        guard separator == "T" || separator == " ", let date = CivilDate(iso: String(text[..<dateEnd])) else { return nil }
        let clock = text[text.index(after: dateEnd)...].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3,
              clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(clock[0]), let m = Int(clock[1]), h < 24, m < 60 else { return nil }
        let s = clock.count == 3 ? Int(clock[2]) ?? 99 : 0
        guard s < 60 else { return nil }
        self.init(days: Double(date.dayNumber) + Double(h * 3600 + m * 60 + s) / 86_400)
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
