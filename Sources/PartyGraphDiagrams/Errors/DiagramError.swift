/// Everything that can go wrong describing, rendering or writing a diagram.
public enum DiagramError: Swift.Error, Sendable, Hashable, CustomStringConvertible {
    /// The layout engine is not installed in this Graphviz (or misspelled).
    case unknownLayout(String, available: [String])
    /// The output format is not installed in this Graphviz (or misspelled).
    case unknownFormat(String, available: [String])
    /// The diagram is inconsistent (an edge or cluster names a missing node,
    /// a duplicate id, …); `reason` says which value is wrong.
    case invalidDiagram(reason: String)
    /// Graphviz could not lay out the graph; `message` is what Graphviz said.
    case layoutFailed(layout: String, message: String)
    /// Graphviz could not render the graph; `message` is what Graphviz said.
    case renderFailed(format: String, message: String)
    /// Graphviz reported an error while building, laying out or rendering the
    /// graph, even though it produced output.
    case graphvizError(message: String)
    /// The output file could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownLayout(let name, let available):
            "Unknown Graphviz layout \"\(name)\". Use one of: \(available.joined(separator: ", "))."
        case .unknownFormat(let name, let available):
            "Unknown Graphviz output format \"\(name)\". Use one of: \(available.joined(separator: ", "))."
        case .invalidDiagram(let reason):
            "Invalid diagram: \(reason)"
        case .layoutFailed(let layout, let message):
            "Graphviz layout \"\(layout)\" failed: \(message)"
        case .renderFailed(let format, let message):
            "Graphviz could not render \"\(format)\": \(message)"
        case .graphvizError(let message):
            "Graphviz reported an error: \(message)"
        case .writeFailed(let path, let reason):
            "Could not write \(path): \(reason)"
        }
    }
}
