/// RFC 4180 CSV text: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
/// quotes doubled inside; the one CSV writer of the exports and of every CSV table a caller prints.
public enum CSVText {
    /// The field as it stands in a CSV line: unchanged, or quoted with inner quotes doubled.
    ///
    /// The test reads bytes, so a field holding `"\r\n"` (one `Character`) is quoted too.
    public static func field(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A header line and one line per row, every line ending in CRLF.
    ///
    /// Rows are read once, in order, so a lazy sequence of millions of rows is never held whole; the bytes are
    /// gathered in one buffer (growing a `String` cell by cell costs several times more).
    public static func table(header: [String], rows: some Sequence<[String]>) -> String {
        var bytes: [UInt8] = []
        func line(_ cells: [String]) {
            for (index, cell) in cells.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(cell, to: &bytes)
            }
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        line(header)
        for row in rows { line(row) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one field as ``field(_:)`` writes it.
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
