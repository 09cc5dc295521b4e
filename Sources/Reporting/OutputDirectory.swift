import Forecast
import Foundation
import Simulation

/// The CSV outputs of `funnelcast run`, written into one directory, each
/// file atomically (temporary file, then rename).
public struct OutputDirectory {
    public let path: String
    public let delimiter: Character

    /// Creates the directory if needed and checks it is writable, before
    /// any work starts.
    public init(path: String, delimiter: Character = ",") throws(OutputError) {
        self.path = path
        self.delimiter = delimiter
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw OutputError(path: path, reason: "exists and is not a directory") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw OutputError(path: path, reason: "cannot create the directory")
            }
        }
        guard access(path, W_OK) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes summary.csv, timeline.csv and funnel.csv; returns their paths.
    @discardableResult
    public func writeForecast(_ f: Forecast) throws(OutputError) -> [String] {
        let tables = [("summary.csv", ForecastTables.summary(f)), ("timeline.csv", ForecastTables.timeline(f)),
                      ("funnel.csv", ForecastTables.funnel(f))]
        var written: [String] = []
        for (name, table) in tables { written.append(try write(table, as: name)) }
        return written
    }

    /// Writes one table as `name`; returns its path.
    @discardableResult
    public func write(_ table: CSVTable, as name: String) throws(OutputError) -> String {
        try AtomicFile.write(table.render(delimiter: delimiter), to: file(name))
        return file(name)
    }

    /// A stream for trials.csv, committed by the caller after the run.
    public func trialsStream(model: SimulationModel) throws(OutputError) -> CSVFileStream {
        try CSVFileStream(path: file("trials.csv"), header: ForecastTables.trialsHeader(model), delimiter: delimiter)
    }
}
