/// A compact, immutable graph in compressed sparse row (CSR) form.
///
/// Vertices are the dense integers `0..<vertexCount` (`Int32`). The neighbours of
/// vertex `v` are `outTargets[outOffsets[v]..<outOffsets[v + 1]]`, sorted by id.
///
/// - Directed graphs keep both the out-adjacency (`outOffsets`, `outTargets`) and the
///   in-adjacency (`inOffsets`, `inSources`).
/// - Undirected graphs store each edge `{u, v}` in both rows `u` and `v`; a self-loop
///   `{v, v}` is stored once in row `v` (as in a NetworkX adjacency dict). The in-arrays
///   share storage with the out-arrays.
/// - Optional `Double` weights run parallel to the target arrays. What a weight means
///   is chosen per call: ``EdgeDistances`` for path measures, ``EdgeStrengths`` for
///   spectral measures.
///
/// Build a graph with ``init(vertexCount:edges:weights:directed:parallelEdges:selfLoops:)``,
/// ``init(edgeList:directed:parallelEdges:selfLoops:)`` or a ``Builder``.
public struct CompressedGraph: Sendable, Hashable {
    /// Whether edges have a direction.
    public let isDirected: Bool
    /// The number of vertices; vertex ids are `0..<vertexCount`.
    public let vertexCount: Int
    /// The number of edges: arcs for a directed graph, unordered pairs (each self-loop
    /// once) for an undirected one, after applying the parallel-edge and self-loop policies.
    public let edgeCount: Int
    /// Row offsets of the out-adjacency, `vertexCount + 1` entries.
    public let outOffsets: [Int]
    /// Out-neighbours, grouped by source and sorted by target within a row.
    public let outTargets: [Int32]
    /// Weights parallel to `outTargets`, or `nil` for an unweighted graph.
    public let outWeights: [Double]?
    /// Row offsets of the in-adjacency (same as `outOffsets` for an undirected graph).
    public let inOffsets: [Int]
    /// In-neighbours, grouped by target and sorted by source within a row.
    public let inSources: [Int32]
    /// Weights parallel to `inSources`, or `nil`.
    public let inWeights: [Double]?

    /// Whether the graph stores edge weights.
    public var isWeighted: Bool { outWeights != nil }

    /// The vertex ids `0..<vertexCount`.
    public var vertices: Range<Int32> { 0..<Int32(vertexCount) }

    internal init(
        isDirected: Bool, vertexCount: Int, edgeCount: Int,
        outOffsets: [Int], outTargets: [Int32], outWeights: [Double]?,
        inOffsets: [Int], inSources: [Int32], inWeights: [Double]?
    ) {
        self.isDirected = isDirected
        self.vertexCount = vertexCount
        self.edgeCount = edgeCount
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.outWeights = outWeights
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights
    }

    /// Throws ``GraphError/vertexOutOfRange(vertex:vertexCount:)`` unless `v` is a vertex.
    @inlinable
    public func checkVertex(_ v: Int32) throws {
        guard v >= 0, Int(v) < vertexCount else {
            throw GraphError.vertexOutOfRange(vertex: Int(v), vertexCount: vertexCount)
        }
    }

    /// The out-neighbours of `v` (all neighbours for an undirected graph), sorted by id.
    /// Parallel edges kept with ``ParallelEdgePolicy/keepMultiEdges`` appear repeatedly.
    /// - Precondition: `v` is a vertex.
    public func neighbours(of v: Int32) -> ArraySlice<Int32> {
        outTargets[outOffsets[Int(v)]..<outOffsets[Int(v) + 1]]
    }

    /// The out-neighbours of `v`; the same as ``neighbours(of:)``.
    public func successors(of v: Int32) -> ArraySlice<Int32> { neighbours(of: v) }

    /// The in-neighbours of `v` (all neighbours for an undirected graph), sorted by id.
    public func predecessors(of v: Int32) -> ArraySlice<Int32> {
        inSources[inOffsets[Int(v)]..<inOffsets[Int(v) + 1]]
    }

    /// The weights of the out-edges of `v`, parallel to ``neighbours(of:)``; `nil` if unweighted.
    public func neighbourWeights(of v: Int32) -> ArraySlice<Double>? {
        outWeights.map { $0[outOffsets[Int(v)]..<outOffsets[Int(v) + 1]] }
    }

    /// All edges, each once: for an undirected graph as `(u, v)` with `u <= v`, in row order.
    public var edges: [Edge] {
        var result: [Edge] = []
        result.reserveCapacity(edgeCount)
        for u in 0..<vertexCount {
            for e in outOffsets[u]..<outOffsets[u + 1] {
                let v = outTargets[e]
                if isDirected || Int(v) >= u {
                    result.append(Edge(source: Int32(u), target: v, weight: outWeights?[e]))
                }
            }
        }
        return result
    }
}

/// One edge of a ``CompressedGraph``.
public struct Edge: Sendable, Hashable {
    public var source: Int32
    public var target: Int32
    /// The stored weight, or `nil` for an unweighted graph.
    public var weight: Double?

    public init(source: Int32, target: Int32, weight: Double? = nil) {
        self.source = source
        self.target = target
        self.weight = weight
    }
}

/// How a graph's stored edge weights are read by a *path* measure (shortest paths,
/// betweenness, closeness, harmonic).
///
/// Weights are **lengths**: a larger weight makes an edge *longer* and less likely to
/// lie on a shortest path. Distances must be finite and non-negative.
public enum EdgeDistances: Sendable, Hashable, CaseIterable {
    /// Every edge has length 1 (hop count); stored weights are ignored.
    case unit
    /// The stored edge weights are the lengths (NetworkX `weight="weight"` for path measures).
    case weights
}

/// How a graph's stored edge weights are read by a *spectral* measure (PageRank,
/// eigenvector, Katz, HITS) or by ``CompressedGraph/strengths(direction:)``.
///
/// Weights are **strengths**: a larger weight means a *stronger* tie that carries more
/// influence. Strengths must be finite and non-negative.
public enum EdgeStrengths: Sendable, Hashable, CaseIterable {
    /// Every edge has strength 1; stored weights are ignored.
    case unit
    /// The stored edge weights are the strengths (NetworkX `weight="weight"` for spectral measures).
    case weights
}
