import ArgumentParser
import Reporting

/// The CSV options of every command that writes CSV files (`run`,
/// `compare`, `sensitivity`): the field delimiter and the decimal mark.
/// `--decimal-comma` writes numbers as a German or French spreadsheet reads
/// them (0,25) and implies `;` between fields.
struct CSVOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CSV field delimiter: ',' (default), ';', 'tab', '|' (';' with --decimal-comma).",
                               valueName: "char"))
    var delimiter: String?

    @Flag(name: .customLong("decimal-comma"),
          help: "Write decimals with ',' (0,25), as spreadsheets in comma-decimal locales read them; implies --delimiter ';'.")
    var decimalComma = false

    func validate() throws {
        if let delimiter, case .failure(let e) = CSVDelimiter.parse(delimiter) { throw ValidationError("\(e).") }
        if decimalComma, let delimiter, (try? CSVDelimiter.parse(delimiter).get()) == "," {
            throw ValidationError("--decimal-comma needs a delimiter other than ',' (it is the decimal mark); "
                                  + "leave out --delimiter for ';'.")
        }
    }

    /// The delimiter to write with (`validate` has checked it).
    var character: Character {
        guard let delimiter, let c = try? CSVDelimiter.parse(delimiter).get() else { return decimalComma ? ";" : "," }
        return c
    }
}
