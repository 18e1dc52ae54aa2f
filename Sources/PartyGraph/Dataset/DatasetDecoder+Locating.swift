/// Finding where a problem is in the document after decoding: the path of a syntax error, the offset of a path.
extension DatasetDecoder {
    /// The path of the value where the document's syntax breaks, found by walking it again while tracking the path.
    func syntaxErrorPath() -> [JSONPathComponent] {
        var path: [JSONPathComponent] = []
        func walk(_ reader: inout JSONReader) throws(JSONSyntaxError) {
            switch try reader.peekKind() {
            case .object:
                try reader.readObject { reader, key, _ throws(JSONSyntaxError) in
                    path.append(.key(key))
                    try walk(&reader)
                    path.removeLast()
                }
            case .array:
                try reader.readArray { reader, index throws(JSONSyntaxError) in
                    path.append(.index(index))
                    try walk(&reader)
                    path.removeLast()
                }
            default:
                try reader.skipValue()
            }
        }
        var scanner = reader
        scanner.seek(to: 0)
        try? walk(&scanner)
        return path
    }

    /// The byte offset of the value at `path` (or the nearest enclosing value found), for error messages.
    mutating func locate(path: [JSONPathComponent]) -> Int? {
        var position: Int
        var rest: ArraySlice<JSONPathComponent>
        if path.count >= 2, case .key(let section) = path[0], case .index(let index) = path[1],
           let offsets = elementOffsets[section], index < offsets.count {
            position = offsets[index]
            rest = path.dropFirst(2)
        } else if path.first == .key("vocabulary") {
            // Outside the indexed sections (the vocabulary): walked from the document's start.
            var scanner = reader
            scanner.seek(to: 0)
            position = scanner.valueOffset()
            rest = path[...]
        } else {
            return nil
        }
        var scanner = reader
        for component in rest {
            scanner.seek(to: position)
            var found: Int?
            switch component {
            case .key(let wanted):
                try? scanner.readObject { reader, key, _ throws(JSONSyntaxError) in
                    if key == wanted, found == nil { found = reader.valueOffset() }
                    try reader.skipValue()
                }
            case .index(let wanted):
                try? scanner.readArray { reader, index throws(JSONSyntaxError) in
                    if index == wanted { found = reader.valueOffset() }
                    try reader.skipValue()
                }
            }
            guard let found else { break }
            position = found
        }
        return position
    }
}
