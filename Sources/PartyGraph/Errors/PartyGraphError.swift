/// One problem found in a dataset or an imported file, with where it is and how to fix it.
public struct DatasetIssue: Hashable, Sendable, CustomStringConvertible {
    /// The file, as the user named it; `nil` for a dataset built in memory.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column in characters, when known.
    public var column: Int?
    /// Where in the document: a JSON path such as `$.relations[3].to`, or a CSV `row 4, column "kind"`.
    public var path: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String?

    /// Creates an issue; the location fields are optional.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.fix = fix
    }

    /// `file:line:column: path: message (fix)`, the shape compilers and editors understand.
    public var description: String {
        var place = file ?? "<dataset>"
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        var text = "\(place): \(path): \(message)"
        if let fix { text += " — \(fix)" }
        return text
    }
}

/// Everything that can go wrong in the PartyGraph library, each case carrying what a person needs to act.
public enum PartyGraphError: Error, Sendable, CustomStringConvertible {
    /// The dataset or imported file has problems; all of them are listed.
    case invalidData(file: String?, issues: [DatasetIssue])
    /// A file could not be read at all.
    case unreadable(file: String, reason: String)
    /// A file could not be written.
    case unwritable(file: String, reason: String)
    /// No node matches the name; the nearest names are suggested.
    case unknownName(String, suggestions: [String])
    /// Several nodes match the name equally well.
    case ambiguousName(String, candidates: [String])
    /// A date given as an argument is not valid.
    case invalidDate(String, reason: String)
    /// An argument outside what is accepted.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .invalidData(let file, let issues):
            let header = "\(file ?? "dataset"): \(issues.count) problem\(issues.count == 1 ? "" : "s")"
            return ([header] + issues.map { "  " + $0.description }).joined(separator: "\n")
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .unwritable(let file, let reason):
            return "cannot write \(file): \(reason)"
        case .unknownName(let name, let suggestions):
            if suggestions.isEmpty { return "no node is called '\(name)'" }
            return "no node is called '\(name)'; did you mean: " + suggestions.joined(separator: ", ") + "?"
        case .ambiguousName(let name, let candidates):
            return "'\(name)' names several nodes; use one of these ids: " + candidates.joined(separator: ", ")
        case .invalidDate(let text, let reason):
            return "invalid date '\(text)': \(reason)"
        case .invalidArgument(let text):
            return text
        }
    }

    /// Whether the problem is in the data given (exit 65) rather than in how the tool was called (exit 64).
    public var isDataError: Bool {
        switch self {
        case .invalidData, .unreadable: return true
        default: return false
        }
    }
}
