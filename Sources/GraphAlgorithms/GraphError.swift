/// The single error type of the `GraphAlgorithms` module.
///
/// Every case carries what a caller needs to locate and fix the problem:
/// the offending vertex, edge, value, file and line.
public enum GraphError: Swift.Error, Sendable, Hashable, CustomStringConvertible {
    /// A vertex id is negative or not below `vertexCount`.
    case vertexOutOfRange(vertex: Int, vertexCount: Int)
    /// The number of weights does not match the number of edges.
    case weightCountMismatch(edges: Int, weights: Int)
    /// A weighted measure was requested on a graph that stores no edge weights.
    case missingWeights(algorithm: String)
    /// An edge weight used as a *distance* is negative, NaN or infinite.
    case invalidDistance(source: Int32, target: Int32, value: Double)
    /// An edge weight used as a *strength* is negative, NaN or infinite.
    case invalidStrength(source: Int32, target: Int32, value: Double)
    /// A parameter is outside its domain; `reason` says what is allowed.
    case invalidParameter(name: String, value: String, reason: String)
    /// The measure is undefined for a graph with no vertices.
    case emptyGraph(algorithm: String)
    /// An iterative method did not reach `tolerance` within `iterations` steps.
    case notConverged(algorithm: String, iterations: Int, tolerance: Double)
    /// An edge joins two vertices of the side being projected, so the graph is not bipartite
    /// with respect to the given vertex set.
    case notBipartite(source: Int32, target: Int32)
    /// The operation is defined for undirected graphs only.
    case requiresUndirected(algorithm: String)
    /// A file could not be opened or read.
    case unreadableFile(path: String, reason: String)
    /// A line of an edge-list file could not be parsed.
    case malformedLine(file: String, line: Int, text: String, reason: String)

    public var description: String {
        switch self {
        case let .vertexOutOfRange(vertex, count):
            return "vertex \(vertex) is out of range: valid ids are 0..<\(count)"
        case let .weightCountMismatch(edges, weights):
            return "\(weights) weights were given for \(edges) edges; give one weight per edge"
        case let .missingWeights(algorithm):
            return "\(algorithm): the graph has no edge weights; build it with weights or use unit weights"
        case let .invalidDistance(s, t, value):
            return "edge \(s) -> \(t) has distance \(value); distances must be finite and non-negative"
        case let .invalidStrength(s, t, value):
            return "edge \(s) -> \(t) has strength \(value); strengths must be finite and non-negative"
        case let .invalidParameter(name, value, reason):
            return "invalid \(name) = \(value): \(reason)"
        case let .emptyGraph(algorithm):
            return "\(algorithm) is undefined for a graph without vertices"
        case let .notConverged(algorithm, iterations, tolerance):
            return "\(algorithm) did not converge to tolerance \(tolerance) in \(iterations) iterations; raise maxIterations or the tolerance"
        case let .notBipartite(s, t):
            return "edge \(s) - \(t) joins two vertices of the projected side; the graph is not bipartite for this vertex set"
        case let .requiresUndirected(algorithm):
            return "\(algorithm) requires an undirected graph"
        case let .unreadableFile(path, reason):
            return "cannot read \(path): \(reason)"
        case let .malformedLine(file, line, text, reason):
            return "\(file):\(line): \(reason): \"\(text)\""
        }
    }
}
