/// RFC 4180 CSV text: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
/// quotes doubled inside; the one CSV writer of the exports and of every CSV table a caller prints.
///
/// Text cells that a spreadsheet would run as a formula are neutralised as OWASP recommends for CSV injection: a
/// text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return — after any run of leading `'` — is
/// written with one more `'` in front (`=1+1` → `'=1+1`, `'=1+1` → `''=1+1`). ``readCell(_:)`` takes exactly that
/// `'` off again, so an import of our own export is lossless, and a cell that starts with `'` for another reason
/// (`'Ndrangheta`) is written and read as it is. Numeric cells (counts, scores) are never changed.
public enum CSVText {
    /// How text cells that a spreadsheet would run as a formula are written.
    public enum Formulas: Sendable, Hashable {
        /// Prefixed with `'`, as OWASP recommends, so spreadsheets show them as text (the default).
        case neutralised
        /// Written as they are, for programs that read the cells verbatim.
        case raw
    }

    /// The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection): `=`, `+`, `-`,
    /// `@`, tab and carriage return.
    public static let formulaStarts: [Character] = ["=", "+", "-", "@", "\t", "\r"]

    /// The byte values of ``formulaStarts``, all ASCII.
    private static let formulaStartBytes: [UInt8] = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// Whether a text cell is written with a `'` in front: after its leading `'`s (none or more) comes one of
    /// ``formulaStarts``.
    public static func needsFormulaPrefix(_ text: String) -> Bool {
        for byte in text.utf8 where byte != UInt8(ascii: "'") { return formulaStartBytes.contains(byte) }
        return false
    }

    /// The text of a cell as written with ``Formulas/neutralised``, before CSV quoting: `'` in front when
    /// ``needsFormulaPrefix(_:)``.
    public static func neutralised(_ text: String) -> String {
        needsFormulaPrefix(text) ? "'" + text : text
    }

    /// The text a cell read from a file written with ``Formulas/neutralised`` stands for: one leading `'` taken off
    /// when what follows still needs the prefix (`''=x` → `'=x`, `'=x` → `=x`); any other cell as it is.
    public static func readCell(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'") else { return cell }
        let rest = String(cell.dropFirst())
        return needsFormulaPrefix(rest) ? rest : cell
    }

    /// The field as it stands in a CSV line: unchanged, or quoted with inner quotes doubled; a text field that a
    /// spreadsheet would run is neutralised first (see ``CSVText``).
    ///
    /// The test reads bytes, so a field holding `"\r\n"` (one `Character`) is quoted too.
    public static func field(_ text: String, formulas: Formulas = .neutralised) -> String {
        var bytes: [UInt8] = []
        append(text, numeric: false, formulas: formulas, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A header line and one line per row, every line ending in CRLF.
    ///
    /// Header cells and every cell outside `numericColumns` are text and neutralised by `formulas`; a cell of a
    /// numeric column that reads as a number (`-0.5`, `12`, `1e-05`) is written as it is, any other is treated as
    /// text. Rows are read once, in order, so a lazy sequence of millions of rows is never held whole; the bytes are
    /// gathered in one buffer (growing a `String` cell by cell costs several times more).
    public static func table(
        header: [String], rows: some Sequence<[String]>, numericColumns: Set<Int> = [], formulas: Formulas = .neutralised
    ) -> String {
        var bytes: [UInt8] = []
        func line(_ cells: [String], numeric: Set<Int>) {
            for (index, cell) in cells.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(cell, numeric: numeric.contains(index), formulas: formulas, to: &bytes)
            }
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        line(header, numeric: [])
        for row in rows { line(row, numeric: numericColumns) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one field as ``field(_:formulas:)`` writes it (a numeric cell that reads as a number unchanged).
    private static func append(_ text: String, numeric: Bool, formulas: Formulas, to bytes: inout [UInt8]) {
        let prefix = formulas == .neutralised && needsFormulaPrefix(text) && !(numeric && Double(text) != nil)
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            if prefix { bytes.append(UInt8(ascii: "'")) }
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        if prefix { bytes.append(UInt8(ascii: "'")) }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
