import PartyGraph

/// Everything that can go wrong describing, rendering or writing a diagram.
///
/// Cases carry the offending value and say what is accepted, in the library's terms; they name no command-line
/// option (the `partygraph` CLI phrases them with its flags).
public enum DiagramError: Swift.Error, Sendable, Hashable, CustomStringConvertible {
    /// A view was asked about a node the dataset does not hold.
    case unknownNode(NodeID)
    /// The trilateral view found no trilateral summit in the window.
    case noTrilateralSummit(window: DateSpan)
    /// The meeting view was asked about a node that is not a meeting.
    case notAMeeting(NodeID, name: String, kind: NodeKind)
    /// A view's centre lies outside the window; `dates` are the meeting's, when it is one.
    case outsideWindow(NodeID, name: String, dates: DateSpan?, window: DateSpan)
    /// The ego view was asked for a negative number of steps.
    case negativeDepth(Int)
    /// The who-meets-whom view has more actors in the window than it draws.
    case tooManyActors(count: Int, limit: Int, level: EncounterLevel)
    /// A diagram has more nodes than can be laid out in reasonable time.
    case tooLargeToDraw(nodes: Int, limit: Int)
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
        case .unknownNode(let id):
            "No node has the id \"\(id)\"."
        case .noTrilateralSummit(let window):
            "No trilateral summit in the window \(DateText.text(window)); widen the window or draw another view."
        case .notAMeeting(_, let name, let kind):
            "\(name) is a \(kind.rawValue), not a meeting; draw its ego view instead."
        case .outsideWindow(_, let name, let dates, let window):
            "\(name)\(dates.map { " (\(DateText.text($0)))" } ?? "") is outside the window \(DateText.text(window))."
        case .tooManyActors(let count, let limit, let level):
            "\(count) actors take part in meetings of the window at \(level.rawValue) level, more than the \(limit) a drawing can show; narrow the window, choose a higher level, or raise the limit."
        case .tooLargeToDraw(let nodes, let limit):
            "The diagram has \(nodes) nodes, more than the \(limit) Graphviz lays out in reasonable time; draw a narrower view (a smaller depth, a shorter window) or raise the limit."
        case .negativeDepth(let depth):
            "The depth must be 0 or more, not \(depth)."
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
