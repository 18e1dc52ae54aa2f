/// The projection of a bipartite graph onto one side.
public struct BipartiteProjection: Sendable, Hashable {
    /// The projected vertices, ascending; vertex `i` of ``graph`` is `vertices[i]` of the
    /// original graph.
    public let vertices: [Int32]
    /// The weighted, undirected projected graph on `0..<vertices.count`.
    public let graph: CompressedGraph

    /// The projected edges in original ids, `(u, v, weight)` with `u < v`.
    public var originalEdges: [(source: Int32, target: Int32, weight: Double)] {
        graph.edges.map { (vertices[Int($0.source)], vertices[Int($0.target)], $0.weight ?? 1) }
    }
}

/// How projected edges are weighted.
public enum ProjectionWeighting: Sendable, Hashable, CaseIterable {
    /// The number of shared neighbours (`networkx.bipartite.weighted_projected_graph`).
    case sharedNeighbours
    /// The number of shared neighbours divided by the size of the other side
    /// (`weighted_projected_graph(..., ratio=True)`).
    case sharedNeighboursRatio
    /// Newman's collaboration weight Σ_k 1/(d_k − 1) over shared neighbours `k` with
    /// degree d_k > 1 (`networkx.bipartite.collaboration_weighted_projected_graph`).
    case collaboration
}

extension CompressedGraph {
    /// Projects an undirected bipartite graph onto `vertices`: two of them are joined when
    /// they share a neighbour, weighted as chosen.
    ///
    /// - Parameters:
    ///   - vertices: one side of the bipartition (duplicates ignored).
    ///   - weighting: see ``ProjectionWeighting``.
    /// - Returns: the projection; vertices of the side without shared neighbours stay isolated.
    /// - Throws: ``GraphError/requiresUndirected(algorithm:)``,
    ///   ``GraphError/vertexOutOfRange(vertex:vertexCount:)``,
    ///   ``GraphError/notBipartite(source:target:)`` if an edge joins two given vertices,
    ///   ``GraphError/invalidParameter(name:value:reason:)`` if the other side is empty.
    /// - Complexity: O(Σ_{v on the other side} d_v²).
    ///
    /// Reference: M. E. J. Newman, "Scientific collaboration networks. II.", Phys. Rev. E 64
    /// (2001); P. Borgatti and M. Halgin, "Analyzing affiliation networks" (2011).
    public func bipartiteProjection(onto vertices: [Int32], weighting: ProjectionWeighting = .sharedNeighbours) throws -> BipartiteProjection {
        guard !isDirected else { throw GraphError.requiresUndirected(algorithm: "bipartiteProjection") }
        let n = vertexCount
        var localId = [Int32](repeating: -1, count: n)
        for v in vertices { try checkVertex(v) }
        let side = Array(Set(vertices)).sorted()
        for (i, v) in side.enumerated() { localId[Int(v)] = Int32(i) }
        let otherSide = n - side.count
        guard otherSide >= 1 else {
            throw GraphError.invalidParameter(name: "vertices", value: "all \(n) vertices", reason: "the other side of the bipartition is empty")
        }
        var builder = Builder(directed: false, vertexCount: side.count)
        var weight = [Double](repeating: 0, count: n)
        var touched: [Int32] = []
        for u in side {
            touched.removeAll(keepingCapacity: true)
            for k in neighbours(of: u) {
                if localId[Int(k)] >= 0 { throw GraphError.notBipartite(source: u, target: k) }
                let dk = outDegree(of: k)
                let contribution: Double
                switch weighting {
                case .sharedNeighbours, .sharedNeighboursRatio: contribution = 1
                case .collaboration: contribution = dk > 1 ? 1 / Double(dk - 1) : 0
                }
                for v in neighbours(of: k) where v != u && v != k {
                    if localId[Int(v)] < 0 { throw GraphError.notBipartite(source: k, target: v) }
                    // Contributions are positive here (d_k >= 2), so zero means untouched.
                    if weight[Int(v)] == 0 { touched.append(v) }
                    weight[Int(v)] += contribution
                }
            }
            for v in touched {
                var w = weight[Int(v)]
                weight[Int(v)] = 0
                if v < u { continue } // each pair once
                if weighting == .sharedNeighboursRatio { w /= Double(otherSide) }
                builder.addEdge(localId[Int(u)], localId[Int(v)], weight: w)
            }
        }
        return BipartiteProjection(vertices: side, graph: try builder.build())
    }
}
