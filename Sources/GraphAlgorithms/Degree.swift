/// Degrees, strengths and degree centrality.
extension CompressedGraph {
    /// The number of out-edges of `v` (for undirected graphs: incident edges, a self-loop
    /// counted once here but twice by ``degree(of:)``).
    /// - Precondition: `v` is a vertex.
    public func outDegree(of v: Int32) -> Int { outOffsets[Int(v) + 1] - outOffsets[Int(v)] }

    /// The number of in-edges of `v` (equal to ``outDegree(of:)`` for undirected graphs).
    public func inDegree(of v: Int32) -> Int { inOffsets[Int(v) + 1] - inOffsets[Int(v)] }

    /// The degree of `v`, as NetworkX `G.degree[v]`: in + out for directed graphs; for
    /// undirected graphs the number of incident edges with a self-loop counted twice.
    /// - Complexity: O(1) directed; O(deg v) undirected (to find self-loops).
    public func degree(of v: Int32) -> Int {
        if isDirected { return outDegree(of: v) + inDegree(of: v) }
        return outDegree(of: v) + neighbours(of: v).lazy.filter { $0 == v }.count
    }

    /// ``degree(of:)`` for every vertex.
    public func degrees() -> [Int] { vertices.map(degree(of:)) }
    /// ``inDegree(of:)`` for every vertex.
    public func inDegrees() -> [Int] { vertices.map(inDegree(of:)) }
    /// ``outDegree(of:)`` for every vertex.
    public func outDegrees() -> [Int] { vertices.map(outDegree(of:)) }

    /// Weighted degree (strength) of every vertex, as NetworkX `G.degree(weight="weight")`:
    /// the sum of incident edge weights (in + out for directed graphs; an undirected
    /// self-loop counted twice). Unweighted graphs give the degree.
    /// - Parameter direction: `.all` (default), `.incoming` or `.outgoing`.
    public func strengths(direction: EdgeDirection = .all) -> [Double] {
        let n = vertexCount
        var result = [Double](repeating: 0, count: n)
        func add(_ offsets: [Int], _ nbrs: [Int32], _ weights: [Double]?, countLoopsTwice: Bool) {
            for v in 0..<n {
                var s = 0.0
                for e in offsets[v]..<offsets[v + 1] {
                    let w = weights?[e] ?? 1
                    s += (countLoopsTwice && Int(nbrs[e]) == v) ? 2 * w : w
                }
                result[v] += s
            }
        }
        if !isDirected {
            add(outOffsets, outTargets, outWeights, countLoopsTwice: direction == .all)
            return result
        }
        if direction != .incoming { add(outOffsets, outTargets, outWeights, countLoopsTwice: false) }
        if direction != .outgoing { add(inOffsets, inSources, inWeights, countLoopsTwice: false) }
        return result
    }

    /// Degree centrality, as `networkx.degree_centrality`: degree / (n − 1). Self-loops
    /// count as in ``degree(of:)``, so values can exceed 1. A graph with one vertex gives
    /// `[1]`, an empty graph `[]` (as NetworkX).
    /// - Complexity: O(n + m).
    public func degreeCentrality() -> [Double] { centrality(degrees()) }

    /// In-degree centrality, as `networkx.in_degree_centrality`: in-degree / (n − 1).
    public func inDegreeCentrality() -> [Double] { centrality(inDegrees()) }

    /// Out-degree centrality, as `networkx.out_degree_centrality`: out-degree / (n − 1).
    public func outDegreeCentrality() -> [Double] { centrality(outDegrees()) }

    private func centrality(_ degrees: [Int]) -> [Double] {
        guard vertexCount > 1 else { return [Double](repeating: 1, count: vertexCount) }
        let s = 1.0 / Double(vertexCount - 1)
        return degrees.map { Double($0) * s }
    }
}

/// Which incident edges to count.
public enum EdgeDirection: Sendable, Hashable, CaseIterable {
    /// Out- and in-edges (all incident edges for undirected graphs).
    case all
    /// In-edges only.
    case incoming
    /// Out-edges only.
    case outgoing
}
