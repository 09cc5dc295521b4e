import Forecast

/// The HTML page written to a file, through `AtomicFile` (the rendering
/// itself is `HTMLReport.render`, pure).
extension HTMLReport {
    /// Writes the page to `path` atomically.
    public static func write(_ f: Forecast, to path: String, info: ReportInfo = ReportInfo(),
                             extras: ReportExtras = ReportExtras()) throws(OutputError) {
        try AtomicFile.write(render(f, info: info, extras: extras), to: path)
    }

    /// Writes the page beside `path`, to be renamed into place by `commit()`.
    public static func prepare(_ f: Forecast, for path: String, info: ReportInfo = ReportInfo(),
                               extras: ReportExtras = ReportExtras()) throws(OutputError) -> AtomicFile {
        try AtomicFile.prepare(render(f, info: info, extras: extras), for: path)
    }
}
