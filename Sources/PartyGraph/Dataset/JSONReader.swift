/// A JSON syntax error at a byte offset of the document.
struct JSONSyntaxError: Error, Sendable {
    var offset: Int
    var message: String
    var fix: String?
}

/// A strict pull reader over the bytes of a JSON document (RFC 8259), for decoding with exact error places.
///
/// Unlike Foundation's `JSONDecoder` on Linux it reports the byte offset of every error, rejects trailing
/// commas, comments, control characters and invalid UTF-8, bounds nesting depth, and creates no
/// intermediate tree: callers decode straight into their own types.
struct JSONReader {
    enum ValueKind: String { case object, array, string, number, bool, null }

    /// Nesting deeper than this is rejected instead of risking the stack.
    static let maximumDepth = 128

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0
    private var depth = 0
    /// The raw byte ranges (start, end) of the keys read so far in each open object, innermost last: a stack
    /// reused from object to object, so that finding a repeated key allocates nothing.
    private var keySpans: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func fail(_ message: String, at position: Int? = nil, fix: String? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: position ?? offset, message: message, fix: fix)
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The kind of the next value, without consuming it.
    mutating func peekKind() throws(JSONSyntaxError) -> ValueKind {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return .number
        case UInt8(ascii: "/"): throw fail("comments are not allowed in JSON", fix: "remove the comment")
        case UInt8(ascii: "'"): throw fail("strings use double quotes in JSON", fix: "replace ' with \"")
        case let byte: throw fail("expected a value but found \(describe(byte))")
        }
    }

    /// The offset at which the next value starts.
    mutating func valueOffset() -> Int {
        skipWhitespace()
        return offset
    }

    /// Consumes `byte`; `what` (for the error message) is built only on failure.
    private mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard current == byte else { throw fail("expected \(what()) but found \(describe(current))") }
        offset += 1
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONReader.maximumDepth {
            throw fail("nesting deeper than \(JSONReader.maximumDepth) levels", fix: "a dataset is never nested this deep; check the file")
        }
    }

    /// Reads an object, calling `member` with each key and its offset; `member` must consume the value.
    mutating func readObject(
        _ member: (inout JSONReader, String, Int) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "'{'")
        try enter()
        skipWhitespace()
        if current == UInt8(ascii: "}") { offset += 1; depth -= 1; return }
        let base = keySpans.count
        defer { keySpans.removeSubrange(base...) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") { throw fail("trailing comma before '}'", fix: "remove the last comma") }
                throw fail("expected a key in double quotes but found \(describe(current))")
            }
            let keyOffset = offset
            let key = try readString()
            try refuseRepeatedKey(key, start: keyOffset + 1, end: offset - 1, since: base)
            try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
            try member(&self, key, keyOffset)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; depth -= 1; return
            default: throw fail("expected ',' or '}' after the value of \"\(key)\" but found \(describe(current))", fix: "add the missing comma")
            }
        }
    }

    /// Refuses a key that the object being read already has (byte for byte), naming both places: the last one
    /// would otherwise silently replace the first. Records the key otherwise.
    private mutating func refuseRepeatedKey(_ key: String, start: Int, end: Int, since base: Int) throws(JSONSyntaxError) {
        var index = base
        while index < keySpans.count {
            let earlier = keySpans[index], earlierEnd = keySpans[index + 1]
            if earlierEnd - earlier == end - start
                && (0..<(end - start)).allSatisfy({ bytes[earlier + $0] == bytes[start + $0] }) {
                var lines = LineIndex(bytes: bytes)
                let first = lines.location(of: earlier - 1)
                throw fail("the field \"\(key)\" appears twice in this object (first at line \(first.line), column \(first.column))",
                           at: start - 1, fix: "keep one: a repeated field would silently replace the first")
            }
            index += 2
        }
        keySpans.append(start)
        keySpans.append(end)
    }

    /// Reads an array, calling `element` with each index; `element` must consume the value.
    mutating func readArray(_ element: (inout JSONReader, Int) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        guard try openArray() else { return }
        var index = 0
        repeat {
            try beginElement()
            try element(&self, index)
            index += 1
        } while try continueArray()
    }

    /// Consumes `[`; returns `false` when the array is empty (its `]` consumed too).
    ///
    /// With ``beginElement()`` and ``continueArray()`` this is ``readArray(_:)`` taken apart, for callers that
    /// need to act between elements (the decoder hands the second half of a large array to another core).
    mutating func openArray() throws(JSONSyntaxError) -> Bool {
        try expect(UInt8(ascii: "["), "'['")
        try enter()
        skipWhitespace()
        if current == UInt8(ascii: "]") { offset += 1; depth -= 1; return false }
        return true
    }

    /// Moves to the start of the next array element, rejecting a trailing comma.
    mutating func beginElement() throws(JSONSyntaxError) {
        skipWhitespace()
        if current == UInt8(ascii: "]") { throw fail("trailing comma before ']'", fix: "remove the last comma") }
    }

    /// After an element: consumes `,` and returns `true`, or consumes `]` and returns `false`.
    mutating func continueArray() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","): offset += 1; return true
        case UInt8(ascii: "]"): offset += 1; depth -= 1; return false
        default: throw fail("expected ',' or ']' after an array element but found \(describe(current))", fix: "add the missing comma")
        }
    }

    /// A reader positioned at `offset` inside `depth` open arrays or objects, to read part of an array elsewhere.
    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int, depth: Int) {
        self.bytes = bytes
        self.offset = offset
        self.depth = depth
    }

    /// The number of arrays and objects open at the current position.
    var nestingDepth: Int { depth }

    /// Continues from where `other` (over the same bytes) stopped.
    mutating func resume(from other: JSONReader) {
        offset = other.offset
        depth = other.depth
    }

    /// Reads a string, validating UTF-8 and escapes.
    mutating func readString() throws(JSONSyntaxError) -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = offset
        // Fast path: no escapes. ASCII text needs no UTF-8 check; other text is checked here once, so that
        // `String(decoding:)` (fast, non-generic) never has to repair anything.
        var highBits: UInt8 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                guard highBits < 0x80 || JSONReader.isValidUTF8(slice) else {
                    throw fail("the string is not valid UTF-8", at: start - 1, fix: "save the file as UTF-8")
                }
                offset += 1
                return String(decoding: slice, as: UTF8.self)
            }
            highBits |= byte
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("a control character (0x\(String(byte, radix: 16))) inside a string", fix: "write it escaped, e.g. \\n") }
            offset += 1
        }
        if offset >= bytes.count { throw fail("the string starting here is never closed", at: start - 1, fix: "add the closing '\"'") }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                let valid = buffer.withUnsafeBufferPointer { JSONReader.isValidUTF8($0) }
                guard valid else {
                    throw fail("the string is not valid UTF-8", at: start - 1, fix: "save the file as UTF-8")
                }
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard let escape = current else { break }
                offset += 1
                switch escape {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalarValue = try readHex4()
                    if (0xD800..<0xDC00).contains(scalarValue) {
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                            throw fail("a lone UTF-16 surrogate \\u\(String(scalarValue, radix: 16))", fix: "escape the pair, or write the character itself")
                        }
                        offset += 2
                        let low = try readHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("an invalid UTF-16 surrogate pair") }
                        scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else {
                        throw fail("\\u\(String(scalarValue, radix: 16)) is not a Unicode character")
                    }
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw fail("unknown escape '\\\(Character(UnicodeScalar(escape)))'", at: offset - 2, fix: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with four hex digits")
                }
            default:
                if byte < 0x20 { throw fail("a control character (0x\(String(byte, radix: 16))) inside a string", fix: "write it escaped, e.g. \\n") }
                buffer.append(byte)
                offset += 1
            }
        }
        throw fail("the string starting here is never closed", at: start - 1, fix: "add the closing '\"'")
    }

    /// Whether the bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int, lower: UInt8, upper: UInt8
            switch lead {
            case 0xC2...0xDF: length = 2; lower = 0x80; upper = 0xBF
            case 0xE0: length = 3; lower = 0xA0; upper = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; lower = 0x80; upper = 0xBF
            case 0xED: length = 3; lower = 0x80; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90; upper = 0xBF
            case 0xF1...0xF3: length = 4; lower = 0x80; upper = 0xBF
            case 0xF4: length = 4; lower = 0x80; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return false }
            for continuation in 2..<length where bytes[index + continuation] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("an incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("\\u needs four hex digits")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// Reads a number following the JSON grammar exactly (no leading zeros, no bare '.', no NaN).
    mutating func readNumber() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        let start = offset
        func digits() -> Int {
            let first = offset
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
            return offset - first
        }
        if current == UInt8(ascii: "-") { offset += 1 }
        if current == UInt8(ascii: "0") {
            offset += 1
            if let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { throw fail("numbers cannot have leading zeros", at: start) }
        } else if digits() == 0 {
            throw fail("expected a number but found \(describe(current))", at: start)
        }
        if current == UInt8(ascii: ".") {
            offset += 1
            if digits() == 0 { throw fail("a '.' in a number needs digits after it", at: start) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            if digits() == 0 { throw fail("an exponent needs digits", at: start) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw fail("the number \(text) is out of range", at: start) }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = offset
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw fail("expected \(word) but found \(describe(current))", at: start) }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] {
            throw fail("expected a value but found \(describe(bytes[start]))", at: start)
        }
        offset += count
    }

    mutating func readBool() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if current == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    mutating func readNull() throws(JSONSyntaxError) {
        skipWhitespace()
        try literal("null")
    }

    /// Consumes one value of any kind, checking its syntax.
    mutating func skipValue() throws(JSONSyntaxError) {
        switch try peekKind() {
        case .object: try readObject { reader, _, _ throws(JSONSyntaxError) in try reader.skipValue() }
        case .array: try readArray { reader, _ throws(JSONSyntaxError) in try reader.skipValue() }
        case .string: _ = try readString()
        case .number: _ = try readNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        }
    }

    /// Checks that nothing but white space follows the document.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        if offset < bytes.count { throw fail("unexpected \(describe(current)) after the end of the document", fix: "remove it, or wrap several values in an array") }
    }

    /// Moves to an offset previously recorded by this reader (used to find a field again for an error message).
    mutating func seek(to position: Int) {
        offset = position
        depth = 0
    }
}

/// Converts byte offsets to 1-based line and character column, indexing line starts on first use.
struct LineIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var lineStarts: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func location(of offset: Int) -> (line: Int, column: Int) {
        if lineStarts.isEmpty {
            lineStarts.append(0)
            for index in 0..<bytes.count where bytes[index] == 0x0A { lineStarts.append(index + 1) }
        }
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let clamped = min(offset, bytes.count)
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
