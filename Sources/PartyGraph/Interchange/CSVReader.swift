import Foundation

/// A CSV file read strictly by RFC 4180 (CRLF or LF line ends), every record placed by row and line.
///
/// Row numbers count the header as row 1, as spreadsheets show them. A UTF-8 byte-order mark is skipped; UTF-16
/// files, invalid UTF-8, unterminated quotes, stray quotes and rows with the wrong number of fields are reported.
struct CSVTable {
    struct Record {
        /// 1-based, the header being row 1.
        var row: Int
        /// The line the record starts on.
        var line: Int
        var fields: [String]
    }

    var file: String
    var header: [String]
    var records: [Record]

    /// Reads a table; problems are appended to `issues` and `nil` is returned when nothing trustworthy was read.
    /// - Parameter delimiter: the byte between fields: `,` (CSV, the default) or a tab (TSV).
    static func read(data: Data, file: String, delimiter: UInt8 = UInt8(ascii: ","), issues: inout [DatasetIssue]) -> CSVTable? {
        let bytes = [UInt8](data)
        func issue(row: Int, line: Int, column: String? = nil, _ message: String, fix: String? = nil) {
            let path = "row \(row)" + (column.map { ", column \"\($0)\"" } ?? "")
            issues.append(DatasetIssue(file: file, line: line, path: path, message: message, fix: fix))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            issue(row: 1, line: 1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
                  fix: "save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8")
            return nil
        }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes.count == index {
            issue(row: 1, line: 1, "the file is empty", fix: "write a header row first")
            return nil
        }
        var rawRecords: [(line: Int, fields: [[UInt8]])] = []
        var line = 1
        var fields: [[UInt8]] = [], field: [UInt8] = [], recordLine = 1
        var quoted = false, afterQuote = false, recordStarted = false
        func endField() { fields.append(field); field = []; quoted = false; afterQuote = false }
        func endRecord() { endField(); rawRecords.append((recordLine, fields)); fields = []; recordStarted = false }
        let quote = UInt8(ascii: "\""), comma = delimiter, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        while index < bytes.count {
            let byte = bytes[index]
            recordStarted = true
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote { field.append(quote); index += 2; continue }
                    quoted = false; afterQuote = true; index += 1; continue
                }
                if byte == lf { line += 1 }
                field.append(byte); index += 1; continue
            }
            switch byte {
            case comma:
                endField()
                index += 1
            case cr, lf:
                if byte == cr, index + 1 < bytes.count, bytes[index + 1] == lf { index += 1 }
                index += 1
                endRecord()
                line += 1
                recordLine = line
            case quote:
                if !field.isEmpty || afterQuote {
                    issue(row: rawRecords.count + 1, line: line, "a stray quote inside a field",
                          fix: "quote the whole field and double the quotes inside: \"say \"\"yes\"\"\"")
                    return nil
                }
                quoted = true
                index += 1
            default:
                if afterQuote {
                    issue(row: rawRecords.count + 1, line: line, "text after the closing quote of a field",
                          fix: "quote the whole field and double the quotes inside")
                    return nil
                }
                field.append(byte)
                index += 1
            }
        }
        if quoted {
            issue(row: rawRecords.count + 1, line: recordLine, "a quoted field is never closed", fix: "add the closing quote")
            return nil
        }
        if recordStarted { endRecord() }

        var decoded: [Record] = []
        var header: [String] = []
        var broken = false
        for (offset, raw) in rawRecords.enumerated() {
            let row = offset + 1
            var texts: [String] = []
            for (position, bytes) in raw.fields.enumerated() {
                if let text = String(bytes: bytes, encoding: .utf8) {
                    texts.append(text.nfc)
                } else {
                    let column = row == 1 ? "\(position + 1)" : (position < header.count ? header[position] : "\(position + 1)")
                    issue(row: row, line: raw.line, column: column, "the text is not valid UTF-8",
                          fix: "save the file as UTF-8 (it may be Latin-1 or Windows-1252)")
                    broken = true
                    texts.append("")
                }
            }
            if row == 1 { header = texts; continue }
            if texts == [""] { continue }
            if texts.count != header.count {
                issue(row: row, line: raw.line, "the row has \(texts.count) field\(texts.count == 1 ? "" : "s") but the header has \(header.count)",
                      fix: "quote fields that contain commas, and give every column a value (empty is allowed)")
                broken = true
                continue
            }
            decoded.append(Record(row: row, line: raw.line, fields: texts))
        }
        if broken { return nil }
        return CSVTable(file: file, header: header, records: decoded)
    }
}
