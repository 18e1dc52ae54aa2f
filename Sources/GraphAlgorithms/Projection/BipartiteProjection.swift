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
        for v in vertices { try checkVertex(v) }
        var ascending = true
        for i in vertices.indices.dropFirst() where vertices[i] <= vertices[i - 1] { ascending = false; break }
        let side = ascending ? vertices : Array(Set(vertices)).sorted()
        var localId = [Int32](repeating: -1, count: n)
        for (i, v) in side.enumerated() { localId[Int(v)] = Int32(i) }
        let otherSide = n - side.count
        guard otherSide >= 1 else {
            throw GraphError.invalidParameter(name: "vertices", value: "all \(n) vertices", reason: "the other side of the bipartition is empty")
        }
        let graph = try localId.withUnsafeBufferPointer { local in
            try side.withUnsafeBufferPointer { side in
                try withViews { g, _ in
                    // Shared-neighbour counts are integers: a 4-byte accumulator halves its footprint.
                    weighting == .collaboration
                        ? try projectRows(g, side: side, local: local, weighting: weighting, otherSide: otherSide, accumulator: Double.self)
                        : try projectRows(g, side: side, local: local, weighting: weighting, otherSide: otherSide, accumulator: UInt32.self)
                }
            }
        }
        return BipartiteProjection(vertices: side, graph: graph)
    }

    /// Sparse product B·Bᵀ row by row (Gustavson's algorithm). Each row accumulates its
    /// weights in a dense array indexed by vertex and marks the touched vertices in a
    /// two-level bitmap; reading the bitmap in order emits the row already sorted, so the
    /// CSR arrays are written once, front to back, with no sorting or transposing.
    private func projectRows<Accumulator: ProjectionAccumulator>(
        _ g: AdjacencyView, side: UnsafeBufferPointer<Int32>, local: UnsafeBufferPointer<Int32>,
        weighting: ProjectionWeighting, otherSide: Int, accumulator: Accumulator.Type
    ) throws -> CompressedGraph {
        let n = vertexCount, s = side.count
        let off = g.offsets, adj = g.neighbours
        // Capacity: row u has at most min(Σ_{k ~ u} (d_k − 1), s − 1) entries.
        var bound = 0
        for u in side {
            var r = 0
            for e in off[Int(u)]..<off[Int(u) + 1] {
                let k = Int(adj[e])
                r += off[k + 1] - off[k] - 1
            }
            bound += min(max(r, 0), s - 1)
        }
        var offsets = [Int](repeating: 0, count: s + 1)
        var weights: [Double] = []
        var total = 0
        let words = (n + 63) >> 6
        var bits = [UInt64](repeating: 0, count: words)
        var summary = [UInt64](repeating: 0, count: (words + 63) >> 6)
        var accumulated = [Accumulator](repeating: .zero, count: n)
        var firstForeign = [Int32](repeating: -2, count: n) // -2 unknown, -1 none, else a vertex on the other side
        let divide = weighting == .sharedNeighboursRatio
        let otherSize = Double(otherSide)
        var targets = try [Int32](unsafeUninitializedCapacity: bound) { tgt, targetCount in
          adviseHugePages(tgt.baseAddress, bytes: bound * MemoryLayout<Int32>.stride)
          weights = try [Double](unsafeUninitializedCapacity: bound) { wts, weightCount in
            adviseHugePages(wts.baseAddress, bytes: bound * MemoryLayout<Double>.stride)
            try bits.withUnsafeMutableBufferPointer { bits in
            try summary.withUnsafeMutableBufferPointer { summary in
                try accumulated.withUnsafeMutableBufferPointer { acc in
                    try firstForeign.withUnsafeMutableBufferPointer { foreign in
                        try offsets.withUnsafeMutableBufferPointer { offsets in
                            for i in 0..<s {
                                let u = side[i]
                                for e in off[Int(u)]..<off[Int(u) + 1] {
                                    let k = adj[e]
                                    if local[Int(k)] >= 0 { throw GraphError.notBipartite(source: u, target: k) }
                                    let ks = off[Int(k)], ke = off[Int(k) + 1]
                                    if foreign[Int(k)] == -2 {
                                        foreign[Int(k)] = -1
                                        for q in ks..<ke where adj[q] != k && local[Int(adj[q])] < 0 {
                                            foreign[Int(k)] = adj[q]; break
                                        }
                                    }
                                    if foreign[Int(k)] >= 0 { throw GraphError.notBipartite(source: k, target: foreign[Int(k)]) }
                                    let dk = ke - ks
                                    let contribution: Accumulator
                                    switch weighting {
                                    case .sharedNeighbours, .sharedNeighboursRatio: contribution = .one
                                    case .collaboration: contribution = Accumulator(dk > 1 ? 1 / Double(dk - 1) : 0)
                                    }
                                    for q in ks..<ke {
                                        let v = adj[q]
                                        if v == u || v == k { continue }
                                        // A vertex reached here gets a positive contribution
                                        // (d_k ≥ 2), so zero means not yet in this row.
                                        let a = acc[Int(v)]
                                        if a == .zero {
                                            let w = Int(v) >> 6
                                            bits[w] |= UInt64(1) << UInt64(v & 63)
                                            summary[w >> 6] |= UInt64(1) << UInt64(w & 63)
                                        }
                                        acc[Int(v)] = a + contribution
                                    }
                                }
                                // Emit the row in vertex order and clear the marks.
                                for sw in 0..<summary.count where summary[sw] != 0 {
                                    var sm = summary[sw]
                                    summary[sw] = 0
                                    while sm != 0 {
                                        let w = sw << 6 | sm.trailingZeroBitCount
                                        sm &= sm - 1
                                        var word = bits[w]
                                        bits[w] = 0
                                        while word != 0 {
                                            let v = w << 6 | word.trailingZeroBitCount
                                            word &= word - 1
                                            tgt[total] = local[v]
                                            let a = acc[v].doubleValue
                                            wts[total] = divide ? a / otherSize : a
                                            acc[v] = .zero
                                            total += 1
                                        }
                                    }
                                }
                                offsets[i + 1] = total
                            }
                        }
                    }
                }
            }
        }
            weightCount = total
          }
          targetCount = total
        }
        guard total > 0 else {
            // No shared neighbours: an unweighted edgeless graph, as the Builder gives.
            let empty = [Int](repeating: 0, count: s + 1)
            return CompressedGraph(
                isDirected: false, vertexCount: s, edgeCount: 0, outOffsets: empty, outTargets: [], outWeights: nil,
                inOffsets: empty, inSources: [], inWeights: nil)
        }
        if targets.capacity > total + total / 2 {
            // Repeated shared neighbours made the bound loose: give the slack back.
            targets = Array(targets)
            weights = Array(weights)
        }
        return CompressedGraph(
            isDirected: false, vertexCount: s, edgeCount: total / 2,
            outOffsets: offsets, outTargets: targets, outWeights: weights,
            inOffsets: offsets, inSources: targets, inWeights: weights)
    }
}

/// A per-vertex sum in the projection kernel: exact integer counts or `Double` weights.
private protocol ProjectionAccumulator: AdditiveArithmetic {
    static var one: Self { get }
    init(_ value: Double)
    var doubleValue: Double { get }
}

extension UInt32: ProjectionAccumulator {
    static var one: UInt32 { 1 }
    var doubleValue: Double { Double(self) }
}

extension Double: ProjectionAccumulator {
    static var one: Double { 1 }
    var doubleValue: Double { self }
}
