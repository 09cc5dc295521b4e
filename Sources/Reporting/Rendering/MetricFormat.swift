import Forecast
import Foundation

/// A metric's values and changes as the terminal shows them, by its
/// `MetricUnit`: shares as percentages (changes in percentage points),
/// times in days, cost as money, hours in hours, counts with two decimals.
public enum MetricFormat {
    /// How a value of `metric` (with `statistic`) reads.
    public static func value(_ v: Double?, _ metric: Metric, _ statistic: MetricChoice.Statistic = .mean) -> String {
        guard let v, v.isFinite else { return Format.missing }
        switch statistic == .beyondHorizon ? .share : metric.unit {
        case .share: return Format.percent(v)
        case .days: return Format.days(v)
        case .money: return Format.money(v)
        case .hours: return Format.hours(v)
        case .count: return Format.count(v)
        }
    }

    /// A change of `metric`, signed: "+2.1 pp", "-3.4 d", "+1,200", "+0.07".
    public static func change(_ d: Double?, _ metric: Metric) -> String {
        guard let d, d.isFinite else { return Format.missing }
        let text = metric.unit == .share ? Format.fixed(d * 100, digits: 1) + " pp" : value(d, metric)
        // A "+" only where the shown digits are not all 0 ("-" comes with them).
        let shownNonZero = text.contains { ("1"..."9").contains($0) }
        return d > 0 && shownNonZero ? "+" + text : text
    }

    /// A parameter's value with four significant digits: 0.1433, 2000, 12.5.
    public static func parameter(_ v: Double) -> String {
        guard v.isFinite, v != 0 else { return CSVNumber.format(v) }
        let scale = pow(10, 3 - floor(log10(abs(v))))
        return CSVNumber.format((v * scale).rounded() / scale)
    }
}
