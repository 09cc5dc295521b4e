#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Forecast
import Foundation
import Simulation

/// The CSV outputs of `funnelcast run`, written into one directory, each
/// file atomically (temporary file, then rename).
public struct OutputDirectory {
    public let path: String
    public let delimiter: Character
    /// Numbers with ',' as the decimal mark (`CSVTable.render`).
    public let decimalComma: Bool

    /// Creates the directory if needed and checks it is writable, before
    /// any work starts.
    public init(path: String, delimiter: Character = ",", decimalComma: Bool = false) throws(OutputError) {
        self.path = path
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        switch Syscall.isDirectory(path) {
        case true?: break
        case false?: throw OutputError(path: path, problem: .notADirectory)
        case nil: try OutputPath.makeDirectories(path, for: path)
        }
        // Create and remove a file rather than ask access(2): it answers yes
        // to root even on a read-only file system.
        let probe = file(".funnelcast-probe-\(getpid())")
        do {
            let fd = try Syscall.openFile(probe, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
            _ = try? Syscall.closeFile(fd)
            Syscall.removeFile(probe)
        } catch {
            throw OutputError(path: path, problem: .failed(.createFiles, error))
        }
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// The files `writeForecast` writes.
    public static let forecastFiles = ["summary.csv", "timeline.csv", "funnel.csv", "starts.csv", "channels.csv",
                                       "capacity.csv", "capacity-waits.csv"]

    /// Writes summary.csv, timeline.csv, funnel.csv, starts.csv, channels.csv
    /// (header only without channels), capacity.csv and capacity-waits.csv
    /// (header only without pools); returns their paths.
    @discardableResult
    public func writeForecast(_ f: Forecast) throws(OutputError) -> [String] {
        let pending = try prepareForecast(f)
        // One commit at a time through `commitAll`: written inline, the loop
        // crashes the Swift 6 optimizer in a release build ("consuming
        // post-dominance failure" on the AtomicFile).
        try OutputDirectory.commitAll(pending)
        return pending.map(\.path)
    }

    @inline(never)
    static func commitAll(_ files: [AtomicFile]) throws(OutputError) {
        var i = 0
        while i < files.count {
            try files[i].commit()
            i += 1
        }
    }

    /// The forecast files (`forecastFiles`) written in full to temporary
    /// files, to be committed together; none is left behind on failure.
    public func prepareForecast(_ f: Forecast) throws(OutputError) -> [AtomicFile] {
        let tables = [ForecastTables.summary(f), ForecastTables.timeline(f), ForecastTables.funnel(f), ForecastTables.starts(f),
                      ForecastTables.channels(f), CapacityReport.utilisation(f), CapacityReport.waits(f)]
        var pending: [AtomicFile] = []
        for (name, table) in zip(OutputDirectory.forecastFiles, tables) {
            do {
                pending.append(try AtomicFile.prepare(table.render(delimiter: delimiter, decimalComma: decimalComma), for: file(name)))
            } catch {
                for p in pending { p.abandon() }
                throw error
            }
        }
        return pending
    }

    /// Writes one table as `name`; returns its path.
    @discardableResult
    public func write(_ table: CSVTable, as name: String) throws(OutputError) -> String {
        try AtomicFile.write(table.render(delimiter: delimiter, decimalComma: decimalComma), to: file(name))
        return file(name)
    }

    /// A stream for trials.csv, committed by the caller after the run.
    public func trialsStream(model: SimulationModel) throws(OutputError) -> CSVFileStream {
        try CSVFileStream(path: file("trials.csv"), header: ForecastTables.trialsHeader(model), delimiter: delimiter,
                          decimalComma: decimalComma)
    }
}
