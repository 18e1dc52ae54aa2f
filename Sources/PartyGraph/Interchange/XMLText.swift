/// Text in XML 1.0 documents (GraphML, GEXF): entities for markup, character references for whitespace that
/// attribute values would lose, and a reversible escape for the characters XML 1.0 cannot hold at all.
///
/// XML 1.0 allows tab, line feed, carriage return and U+0020 onwards except U+FFFE and U+FFFF (and surrogates, which
/// a Swift string never holds). Every other C0 control character (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) and
/// U+FFFE and U+FFFF is written as `\uXXXX` (four upper-case hex digits): U+0001 as `\u0001`. So that the escape
/// reads back unambiguously, a run of backslashes that the original text has right before such a character or
/// before a literal `uXXXX` (upper-case hex) is doubled; every other backslash is written as it is
/// (`C:\path\n` stays `C:\path\n`). ``unescapedCharacters(_:)`` reverses it; docs/interchange.md gives the rule
/// for other readers.
enum XMLText {
    /// Whether XML 1.0 can hold the character (escaped as an entity or not).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Escapes text for an attribute value (or, with `content: true`, for element content).
    ///
    /// `&`, `<` and `>` always become entities; in attributes `"` and `'` too, and tab and line feed become character
    /// references so attribute values keep them (XML parsers normalise literal ones to spaces). Carriage return is
    /// always a reference (parsers drop a literal one). Characters XML 1.0 cannot hold are escaped as ``XMLText``
    /// says.
    static func escaped(_ text: String, content: Bool = false) -> String {
        // Most values need nothing (0xEF leads U+FFFE and U+FFFF in UTF-8): return them whole.
        let special: Set<UInt8> = [0x26, 0x3C, 0x3E, 0x22, 0x27, 0x5C, 0xEF]
        if !text.utf8.contains(where: { $0 < 0x20 || special.contains($0) }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                var end = index
                while end < scalars.count, scalars[end] == "\\" { end += 1 }
                let run = end - index
                let escapeFollows = end < scalars.count && (!isAllowed(scalars[end]) || looksLikeEscape(scalars, at: end))
                result += String(repeating: "\\", count: escapeFollows ? 2 * run : run)
                index = end
                continue
            }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where !content: result += "&quot;"
            case "'" where !content: result += "&apos;"
            case "\t" where !content: result += "&#9;"
            case "\n" where !content: result += "&#10;"
            case "\t", "\n", "\"", "'": result.unicodeScalars.append(scalar)
            case "\r": result += "&#13;"
            case let other where !isAllowed(other): result += "\\u" + hex(other)
            default: result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return result
    }

    /// The four upper-case hex digits of a character below U+10000.
    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Whether `u` and four upper-case hex digits start at `index`.
    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 5 <= scalars.count, scalars[index] == "u" else { return false }
        return scalars[(index + 1)..<(index + 5)].allSatisfy { ("0"..."9").contains($0) || ("A"..."F").contains($0) }
    }

    /// The text an attribute value or element content stands for, after the XML parser has read it: `\uXXXX` after
    /// an odd run of backslashes is the character, and such a run is halved (see ``XMLText``).
    static func unescapedCharacters(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\\" else { result.append(scalars[index]); index += 1; continue }
            var end = index
            while end < scalars.count, scalars[end] == "\\" { end += 1 }
            let run = end - index
            guard looksLikeEscape(scalars, at: end) else {
                result.append(contentsOf: String(repeating: "\\", count: run).unicodeScalars)
                index = end
                continue
            }
            result.append(contentsOf: String(repeating: "\\", count: run / 2).unicodeScalars)
            if run % 2 == 1 {
                let value = scalars[(end + 1)..<(end + 5)].reduce(0) { $0 * 16 + UInt32(String($1), radix: 16)! }
                result.append(Unicode.Scalar(value)!)
                index = end + 5
            } else {
                index = end
            }
        }
        return String(result)
    }

    /// What an XML parser makes of escaped text: the five predefined entities and numeric character references
    /// decoded, then ``unescapedCharacters(_:)`` applied — so `decoded(escaped(text))` is `text` for element content
    /// and attribute values alike. An unknown entity is left as written.
    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return unescapedCharacters(text) }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let name = rest[rest.index(after: ampersand)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let character = named[String(name)] {
                result += character
            } else if name.hasPrefix("#"), let value = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
                      let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[ampersand...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        result += rest
        return unescapedCharacters(result)
    }
}
