import GraphAlgorithms

/// A vertex of an ``AnalysisGraph``: what a result row names.
public struct AnalysisVertex: Codable, Hashable, Sendable {
    /// The node id (`person/hun-sen`), or the integer id of an edge-list vertex.
    public var id: String
    /// The display name; the integer id again for edge lists.
    public var name: String
    /// The node's kind; `nil` for edge-list vertices.
    public var kind: NodeKind?
    /// `true` for an office standing in for a person the sources do not name.
    public var holderNotNamed: Bool

    /// Creates a vertex description.
    public init(id: String, name: String, kind: NodeKind? = nil, holderNotNamed: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.holderNotNamed = holderNotNamed
    }
}

/// A graph ready for the `GraphAlgorithms` measures: the CSR graph, what each vertex is, and where it came from.
///
/// Vertex `v` of ``graph`` is ``vertices``[v]. Edge weights, when stored, are tie **strengths** for dataset graphs
/// (shared meetings, or relationships joining a pair); for an edge list they are the file's third column, whose
/// meaning the caller states with ``WeightMeaning``.
public struct AnalysisGraph: Sendable {
    /// What kind of input a graph was built from.
    public enum Source: String, Codable, Hashable, Sendable {
        /// A dataset, through a ``GraphProjection``.
        case dataset
        /// A plain edge-list file.
        case edgelist
    }

    /// Where a graph came from, echoed in results.
    public struct Origin: Codable, Hashable, Sendable {
        /// A dataset or an edge list.
        public var source: Source
        /// The edge-list file, for `edgelist`.
        public var file: String?
        /// The projection, for `dataset`.
        public var projection: GraphProjection?
        /// The meeting window and statuses, for `dataset`.
        public var filter: FilterEcho?
        /// What a stored edge weight counts or holds, in words (`none` when unweighted).
        public var storedWeights: String
    }

    /// The compact graph the measures run on; vertex `v` is ``vertices``[v].
    public var graph: CompressedGraph
    /// What each vertex of ``graph`` is, by vertex id.
    public var vertices: [AnalysisVertex]
    /// Where the graph came from, echoed in results.
    public var origin: Origin

    /// Builds the graph of a dataset projection.
    ///
    /// - Parameters:
    ///   - dataset: the dataset.
    ///   - projection: a meeting projection (always undirected) or `full`.
    ///   - filter: the meetings that count (window, statuses); for `full`, relationships whose validity does not
    ///     overlap the window and meetings the filter rejects are left out.
    ///   - directed: only for `full`: keep relationship directions (`from → to`).
    /// - Throws: ``PartyGraphError/projectionIsUndirected(_:)`` for `directed` with a meeting projection.
    /// - Complexity: that of ``CoMeetingGraph`` for a projection; O(n + m) for `full`.
    public init(dataset: Dataset, projection: GraphProjection, filter: QueryFilter = .all, directed: Bool = false) throws(PartyGraphError) {
        if let level = projection.level {
            guard !directed else { throw .projectionIsUndirected(projection) }
            self = Self.meetingProjection(dataset: dataset, projection: projection, level: level, filter: filter)
        } else {
            self = Self.typedGraph(dataset: dataset, filter: filter, directed: directed)
        }
    }

    private init(graph: CompressedGraph, vertices: [AnalysisVertex], origin: Origin) {
        self.graph = graph
        self.vertices = vertices
        self.origin = origin
    }

    /// The who-meets-whom graph: vertices in ``CoMeetingGraph/actors`` order, weights = shared meetings.
    static func meetingProjection(dataset: Dataset, projection: GraphProjection, level: EncounterLevel, filter: QueryFilter) -> AnalysisGraph {
        meetingProjection(dataset.coMeetingGraph(level: level, filter: filter), projection: projection, filter: filter)
    }

    /// The analysis graph of a co-meeting graph already built (a trajectory keeps it for the certainty of its edges).
    static func meetingProjection(_ coMeeting: CoMeetingGraph, projection: GraphProjection, filter: QueryFilter) -> AnalysisGraph {
        let vertices = coMeeting.actors.map { AnalysisVertex(id: $0.id.rawValue, name: $0.name, kind: $0.kind, holderNotNamed: $0.holderNotNamed) }
        return AnalysisGraph(graph: coMeeting.graph, vertices: vertices, origin: Origin(
            source: .dataset, file: nil, projection: projection, filter: filter.echo,
            storedWeights: "the number of distinct meetings the pair shares"))
    }

    /// The typed graph: entities in dataset order (rejected meetings left out), relationships in the window.
    static func typedGraph(dataset: Dataset, filter: QueryFilter, directed: Bool) -> AnalysisGraph {
        var vertexOf = [Int32](repeating: -1, count: dataset.entities.count)
        var vertices: [AnalysisVertex] = []
        for (index, entity) in dataset.entities.enumerated() {
            if entity.meeting != nil, !filter.admits(entity) { continue }
            vertexOf[index] = Int32(vertices.count)
            vertices.append(AnalysisVertex(id: entity.id.rawValue, name: entity.name, kind: entity.kind))
        }
        var sources: [Int32] = [], targets: [Int32] = []
        let window = filter.window
        for index in dataset.relationships.indices where dataset.relationships[index].valid.overlaps(window) {
            let s = vertexOf[Int(dataset.fromIndices[index])], t = vertexOf[Int(dataset.toIndices[index])]
            if s >= 0 && t >= 0 { sources.append(s); targets.append(t) }
        }
        let graph = try! CompressedGraph(
            vertexCount: vertices.count, sources: sources, targets: targets, directed: directed,
            parallelEdges: .mergeCountingEdges)
        return AnalysisGraph(graph: graph, vertices: vertices, origin: Origin(
            source: .dataset, file: nil, projection: .full, filter: filter.echo,
            storedWeights: "the number of relationships joining the pair" + (directed ? " in that direction" : "")))
    }

    /// Reads a plain edge list (`u v` or `u v w` per line, `#` comments) with GraphAlgorithms' reader.
    ///
    /// Vertices are the integer ids `0...max id`; an id in that range that no line names is an isolated vertex.
    /// Parallel lines keep the weight given last and self-loops are kept (NetworkX `Graph`/`DiGraph` behaviour).
    /// - Parameters:
    ///   - path: the edge-list file.
    ///   - directed: read each line `u v` as the edge u → v.
    ///   - weighted: read the third column as the edge weight; without it a third column is ignored.
    /// - Throws: ``PartyGraphError/unreadable(file:reason:)``; ``PartyGraphError/invalidData(file:issues:)`` naming the
    ///   file and line of a malformed line; ``PartyGraphError/edgeListHasNoWeights(file:)`` when `weighted` is asked
    ///   of a file without weights.
    public init(edgeListAt path: String, directed: Bool = false, weighted: Bool = false) throws(PartyGraphError) {
        // Refused at once: a FIFO would block the read, a device such as /dev/zero never ends.
        if let kind = FileKind.nonRegular(at: path) { throw .unreadable(file: path, reason: "it is \(kind), not an edge-list file") }
        var list: EdgeList
        do {
            list = try EdgeListReader.read(contentsOf: path)
        } catch let error as GraphError {
            throw PartyGraphError(error, file: path)
        } catch {
            throw .unreadable(file: path, reason: "\(error)")
        }
        if list.vertexCount > Self.maximumEdgeListVertexCount {
            throw Self.tooManyVertices(in: path, largestID: list.vertexCount - 1)
        }
        if weighted && list.weights == nil && !list.sources.isEmpty {
            throw .edgeListHasNoWeights(file: path)
        }
        if !weighted { list.weights = nil }
        let graph: CompressedGraph
        do {
            graph = try CompressedGraph(edgeList: list, directed: directed)
        } catch let error as GraphError {
            throw PartyGraphError(error, file: path)
        } catch {
            preconditionFailure("GraphAlgorithms threw a non-GraphError: \(error)")
        }
        let vertices = (0..<graph.vertexCount).map { AnalysisVertex(id: String($0), name: String($0)) }
        self.init(graph: graph, vertices: vertices, origin: Origin(
            source: .edgelist, file: path, projection: nil, filter: nil,
            storedWeights: weighted ? "the third column of each line" : "none"))
    }
}

extension AnalysisGraph {
    /// The most vertices an edge list may make: every id from 0 to the largest is a vertex, so one line naming
    /// id 2,000,000,000 would make two billion vertices (16 GB before any work). Refused, with the line, above this.
    public static let maximumEdgeListVertexCount = 10_000_000

    /// The error for an edge list whose largest id makes more than ``maximumEdgeListVertexCount`` vertices, located
    /// at the first line naming that id (found by reading the file again: this is the rare path).
    static func tooManyVertices(in path: String, largestID: Int) -> PartyGraphError {
        var lineNumber: Int?
        var lineText = ""
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let fields = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                if fields.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).prefix(2).contains(where: { Int($0) == largestID }) {
                    lineNumber = index + 1
                    lineText = String(line.prefix(80))
                    break
                }
            }
        }
        let line = lineNumber ?? 1
        return .invalidData(file: path, issues: [DatasetIssue(
            file: path, line: line, path: "line \(line)",
            message: "vertex id \(largestID) makes \(largestID + 1) vertices (every id up to the largest is a vertex), more than the \(maximumEdgeListVertexCount) an edge list may have: \"\(lineText)\"",
            fix: "number the vertices from 0 without large gaps")])
    }
}

extension PartyGraphError {
    /// Translates a `GraphAlgorithms` error into the library's terms: problems in the input file are data errors,
    /// an algorithm's parameter becomes the ``CentralityParameter`` it was given as (`k` is ``CentralityParameter/samples``).
    init(_ error: GraphError, file: String?) {
        switch error {
        case let .malformedLine(name, line, text, reason):
            self = .invalidData(file: name, issues: [DatasetIssue(
                file: name, line: line, path: "line \(line)", message: "\(reason): \"\(text)\"",
                fix: "write one edge per line as 'u v' or 'u v w' (non-negative integer ids, numeric weight; # starts a comment)")])
        case let .unreadableFile(path, reason):
            self = .unreadable(file: path, reason: reason)
        case let .invalidDistance(s, t, value), let .invalidStrength(s, t, value):
            self = .unusableWeight(file: file, source: s, target: t, value: value)
        case let .notConverged(algorithm, iterations, tolerance):
            self = .notConverged(algorithm: algorithm, iterations: iterations, tolerance: tolerance)
        case let .invalidParameter(name, value, reason):
            let parameters: [String: CentralityParameter] = ["k": .samples, "threads": .threads, "damping": .damping, "alpha": .alpha]
            if let parameter = parameters[name] {
                self = .parameterOutOfRange(parameter, value: value, accepted: reason)
            } else {
                self = .graph(error)
            }
        default:
            self = .graph(error)
        }
    }
}
