/// Escaping of user text for Graphviz string attributes.
enum GraphvizText {
    /// Escapes user text so that Graphviz shows it exactly as written.
    ///
    /// Labels and tooltips are Graphviz *escString*s: a backslash starts an
    /// escape (`\N` is the node name, `\n` a centred line break, `\l`/`\r`
    /// left/right-justified breaks). So:
    /// - `\` becomes `\\`;
    /// - a line break (`\n`, `\r\n` or `\r`) becomes `\n`, a centred line break;
    /// - a tab becomes a space; other control characters (U+0000–U+001F,
    ///   U+007F) and the non-characters U+FFFE and U+FFFF, which XML 1.0
    ///   cannot hold (they would make the SVG ill-formed), are drawn as
    ///   U+FFFD, the replacement character, so the picture shows that
    ///   something is there (docs/interchange.md).
    /// - `&` becomes `&amp;`: Graphviz decodes HTML entities in labels and
    ///   tooltips (`&nbsp;` would become a no-break space, `&amp;` a lone
    ///   `&`), so this makes `&nbsp;` show as written; the SVG then holds
    ///   `&amp;nbsp;`.
    ///
    /// `"` `<` `>` need nothing: the graph is built with the cgraph API, never
    /// parsed from DOT, and the SVG renderer escapes them itself.
    static func escape(_ text: String) -> String {
        escape(text, backslash: "\\\\")
    }

    /// Escapes a tooltip. Graphviz 2.42 expands escapes in tooltips twice
    /// (once when it reads the attribute, once when it emits the link), so
    /// a backslash must be doubled twice: `\` becomes `\\\\`.
    static func escapeTooltip(_ text: String) -> String {
        escape(text, backslash: "\\\\\\\\")
    }

    private static func escape(_ text: String, backslash: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": result += backslash
            case "&": result += "&amp;"
            case "\r": result += "\\n"
            case "\n": if !previousWasCarriageReturn { result += "\\n" }
            case "\t": result += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes the label of a `record` or `Mrecord` node: the record parser
    /// reads `{ } | < >` as field syntax, so they get a backslash, after the
    /// escString escaping of ``escape(_:)``.
    static func escapeRecordLabel(_ text: String) -> String {
        var result = ""
        for character in escape(text) {
            if "{}|<>".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Escapes a link target: `"`, `<`, `>` and whitespace are
    /// percent-encoded (Graphviz 2.42 copies `"` into the SVG `xlink:href`
    /// unescaped, which breaks the XML), then the result is escaped as text.
    static func escapeURL(_ url: String) -> String {
        var encoded = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "\"", "<", ">", " ", "\t", "\n", "\r":
                encoded += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            default:
                encoded.unicodeScalars.append(scalar)
            }
        }
        return escape(encoded)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
