/// A JSON value with ordered object members, written deterministically.
///
/// Interchange builds documents from these so the same dataset always gives the same bytes: object keys keep the
/// order they were added in, numbers are integers, and non-ASCII text is written as UTF-8, not `\u` escapes.
enum JSONValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([Member])

    /// One `"key": value` pair of an object.
    struct Member: Hashable, Sendable {
        var key: String
        var value: JSONValue
        init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value on one line, with no spaces (`{"source":"a","quote":"b"}`), for a cell of a flat format.
    var compactText: String {
        var text = ""
        writeCompact(into: &text)
        return text
    }

    /// The value indented by two spaces per level, arrays and objects one element per line, no trailing newline.
    var prettyText: String {
        var text = ""
        writePretty(into: &text, indent: 0)
        return text
    }

    private func writeCompact(into text: inout String) {
        switch self {
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.writeCompact(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                JSONValue.quote(member.key, into: &text)
                text += ":"
                member.value.writeCompact(into: &text)
            }
            text += "}"
        default:
            writeScalar(into: &text)
        }
    }

    private func writePretty(into text: inout String, indent: Int) {
        let inner = String(repeating: " ", count: indent + 2), outer = String(repeating: " ", count: indent)
        switch self {
        case .array(let items):
            if items.isEmpty { text += "[]"; return }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                item.writePretty(into: &text, indent: indent + 2)
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += outer + "]"
        case .object(let members):
            if members.isEmpty { text += "{}"; return }
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += inner
                JSONValue.quote(member.key, into: &text)
                text += ": "
                member.value.writePretty(into: &text, indent: indent + 2)
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += outer + "}"
        default:
            writeScalar(into: &text)
        }
    }

    private func writeScalar(into text: inout String) {
        switch self {
        case .string(let value): JSONValue.quote(value, into: &text)
        case .integer(let value): text += String(value)
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array, .object: break
        }
    }

    /// Appends a JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`.
    static func quote(_ value: String, into text: inout String) {
        text += "\""
        // Most values need no escape: copy them whole instead of scalar by scalar.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// The members of an object (empty for other values).
    var members: [Member] {
        if case .object(let members) = self { return members }
        return []
    }

    /// The value of a member of an object.
    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }
}

/// A parsed JSON value that remembers where each part of it starts in the file, for located import errors.
struct LocatedJSON {
    enum Shape {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([LocatedJSON])
        case object([(key: String, value: LocatedJSON)])
    }

    var shape: Shape
    /// The byte offset of the value in the document.
    var offset: Int

    /// Reads one complete document.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> LocatedJSON {
        var reader = JSONReader(bytes: bytes)
        let value = try read(&reader)
        try reader.expectEnd()
        return value
    }

    private static func read(_ reader: inout JSONReader) throws(JSONSyntaxError) -> LocatedJSON {
        let offset = reader.valueOffset()
        switch try reader.peekKind() {
        case .string: return LocatedJSON(shape: .string(try reader.readString()), offset: offset)
        case .number: return LocatedJSON(shape: .number(try reader.readNumber()), offset: offset)
        case .bool: return LocatedJSON(shape: .bool(try reader.readBool()), offset: offset)
        case .null:
            try reader.readNull()
            return LocatedJSON(shape: .null, offset: offset)
        case .array:
            var items: [LocatedJSON] = []
            try reader.readArray { reader, _ throws(JSONSyntaxError) in items.append(try read(&reader)) }
            return LocatedJSON(shape: .array(items), offset: offset)
        case .object:
            var members: [(key: String, value: LocatedJSON)] = []
            try reader.readObject { reader, key, _ throws(JSONSyntaxError) in members.append((key, try read(&reader))) }
            return LocatedJSON(shape: .object(members), offset: offset)
        }
    }

    subscript(key: String) -> LocatedJSON? {
        if case .object(let members) = shape { return members.first { $0.key == key }?.value }
        return nil
    }

    /// The value as plain JSON (numbers that are whole become integers).
    var plain: JSONValue {
        switch shape {
        case .string(let text): return .string(text)
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return .integer(Int(number)) }
            return .string(String(number))
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .array(let items): return .array(items.map(\.plain))
        case .object(let members): return .object(members.map { JSONValue.Member($0.key, $0.value.plain) })
        }
    }
}
