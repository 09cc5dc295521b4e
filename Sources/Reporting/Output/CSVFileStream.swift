/// A CSV file written row by row (trials.csv): memory stays flat however
/// many rows, and since the rows go to an `AtomicFile`, an interrupted run
/// leaves the previous file intact, never a partial one.
///
/// A `final class` because it owns its `AtomicFile`.
public final class CSVFileStream {
    private let file: AtomicFile
    private let delimiter: Character
    private let decimalComma: Bool

    public var path: String { file.path }

    /// Creates the temporary file and writes the header.
    public init(path: String, header: [String], delimiter: Character = ",", decimalComma: Bool = false) throws(OutputError) {
        file = try AtomicFile(path: path)
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        try file.append(CSVTable(header: header).render(delimiter: delimiter))
    }

    public func append(_ row: [String]) throws(OutputError) {
        try file.append(CSVTable(header: decimalComma ? row.map(CSVNumber.withDecimalComma) : row).render(delimiter: delimiter))
    }

    /// Flushes, syncs and closes the temporary file: `commit()` only renames it.
    public func finish() throws(OutputError) { try file.finish() }

    /// Finishes the file if needed and renames it over `path`.
    public func commit() throws(OutputError) { try file.commit() }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() { file.abandon() }
}
