import Foundation
import PartyGraph

/// Writes text to standard output.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
    // Compare bytes: "\r\n" is one Character, so `hasSuffix("\n")` is false after a CSV line end.
    if text.utf8.last != UInt8(ascii: "\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
}

/// Encodes a value as stable JSON: sorted keys, pretty-printed, slashes unescaped.
func jsonText(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Lays out rows in aligned columns under a header, measuring width in characters.
func tableText(header: [String], rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows {
        for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
        }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "-", count: $0) }
    return ([line(header), line(rule)] + rows.map(line)).joined(separator: "\n")
}
