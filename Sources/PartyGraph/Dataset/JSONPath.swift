/// One step into a JSON document: an object key or an array index.
enum JSONPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

extension Array where Element == JSONPathComponent {
    /// `$.relations[3].to`, the form issues are reported in.
    var jsonPath: String {
        var text = "$"
        for component in self {
            switch component {
            case .key(let key): text += "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

/// A problem found by validation, placed by its JSON path; the loader turns the path into a line and column.
struct Finding: Sendable {
    var path: [JSONPathComponent]
    var message: String
    var fix: String?
    /// The byte offset in the file, when the decoder knows it directly.
    var offset: Int? = nil

    func issue(file: String?, line: Int?, column: Int?) -> DatasetIssue {
        DatasetIssue(file: file, line: line, column: column, path: path.jsonPath, message: message, fix: fix)
    }
}
