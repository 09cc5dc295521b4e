// Reading the CSV files the tool writes, in tests.
import Foundation

/// The CSV files Funnelcast writes end every record, the last one too,
/// with CRLF (RFC 4180).
public enum CSVText {
    /// The records of `text`: the lines between CRLFs, empty ones left out.
    public static func lines(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// The records of the file at `path` (see `lines(_:)`).
    public static func lines(ofFile path: String) throws -> [String] {
        lines(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Each record of `text` split at `delimiter`, empty fields kept (no
    /// quoting: for files whose fields hold no delimiter).
    public static func rows(_ text: String, delimiter: Character = ",") -> [[String]] {
        lines(text).map { $0.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init) }
    }
}
