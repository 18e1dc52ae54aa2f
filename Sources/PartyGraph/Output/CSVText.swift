/// RFC 4180 CSV text: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
/// quotes doubled inside; the one CSV writer of the exports and the command line's `--format csv`.
public enum CSVText {
    /// The field as it stands in a CSV line: unchanged, or quoted with inner quotes doubled.
    ///
    /// The test reads bytes, so a field holding `"\r\n"` (one `Character`) is quoted too.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }

    /// A header line and one line per row, every line ending in CRLF.
    public static func table(header: [String], rows: [[String]]) -> String {
        var out = header.map(field).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return out
    }
}
