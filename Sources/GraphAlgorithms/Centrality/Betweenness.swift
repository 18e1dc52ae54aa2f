/// Betweenness centrality (Brandes 2001) for vertices and edges.
///
/// Both functions share the single-source kernels in `Internal/Kernels.swift`: BFS or
/// Dijkstra with shortest-path counts `sigma` and an order stack, then dependency
/// accumulation in reverse order. Predecessors are not stored: they are recognised from
/// distances during accumulation.
extension CompressedGraph {
    /// Betweenness centrality of every vertex, as `networkx.betweenness_centrality`.
    ///
    /// c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t), where σ(s, t) counts shortest s–t
    /// paths and σ(s, t | v) those through `v` (Brandes 2001). With `endpoints`, `v` also
    /// counts as lying on the paths it starts or ends.
    ///
    /// Normalisation (NetworkX rules; `N = n` with endpoints, else `n − 1`; nothing is
    /// rescaled when `N < 2`):
    /// - `normalized`: divide by `K·(N − 1)` where `K = N` (all sources) or `k`.
    /// - not normalized: multiply by `N / K` and halve for undirected graphs (each unordered
    ///   pair is found from both ends). Without sampling this is just the halving.
    /// - Sampling without endpoints: sampled sources use `K − 1` instead of `K` (they cannot
    ///   be their own intermediate); with `k == 1` their value is NaN, as in NetworkX.
    ///
    /// - Parameters:
    ///   - normalized: rescale as above (NetworkX default `true`).
    ///   - endpoints: include path endpoints in the counts (default `false`).
    ///   - distances: `.unit` for hop counts (BFS), `.weights` to use stored weights as edge
    ///     lengths (Dijkstra); paths tie when their floating-point lengths are equal.
    ///   - k: if given, use `k` sources sampled with `seed` and extrapolate. The sample comes
    ///     from a SplitMix64 generator, so values are reproducible but do **not** equal
    ///     NetworkX's for the same seed (its sample uses Python's `random`).
    ///   - seed: seed for the source sample.
    ///   - threads: worker threads (default: all active cores). Results are bit-identical for
    ///     every thread count: per-thread sums are kept in 128-bit fixed point and merged
    ///     exactly.
    /// - Returns: one value per vertex, indexed by vertex id.
    /// - Throws: ``GraphError/missingWeights(algorithm:)``,
    ///   ``GraphError/invalidDistance(source:target:value:)`` for negative/NaN/infinite lengths,
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for `k` outside `1...n` or
    ///   `threads < 1`.
    /// - Complexity: O(k·m) unweighted, O(k·(m + n log n)) weighted; O(n) scratch per thread.
    ///   `k = n` unless sampled.
    /// - Note: path counts are `Double`s, as in NetworkX. In graphs with more than ~10³⁰⁸
    ///   shortest paths between some pair (huge lattices) the counts overflow and the
    ///   affected values are NaN.
    ///
    /// References: U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
    /// Sociology 25 (2001); U. Brandes, "On variants of shortest-path betweenness centrality
    /// and their generic computation", Social Networks 30 (2008).
    public func betweennessCentrality(
        normalized: Bool = true,
        endpoints: Bool = false,
        distances: EdgeDistances = .unit,
        k: Int? = nil,
        seed: UInt64 = 0,
        threads: Int? = nil
    ) throws -> [Double] {
        try betweennessCentrality(
            normalized: normalized, endpoints: endpoints, distances: distances, k: k, seed: seed,
            threads: threads, batched: vertexCount <= batchedVertexLimit)
    }

    /// Vertex betweenness with an explicit kernel choice (tests compare both kernels).
    internal func betweennessCentrality(
        normalized: Bool, endpoints: Bool, distances: EdgeDistances, k: Int?, seed: UInt64,
        threads: Int?, batched: Bool
    ) throws -> [Double] {
        let weighted = try validateDistances(distances, algorithm: "betweennessCentrality")
        let threadCount = try Parallel.resolve(threads: threads)
        let sources = try betweennessSources(k: k, seed: seed)
        var values: [Double]
        if k == nil && !weighted {
            // Exact unweighted runs relabel vertices in BFS order: batched sources then share
            // BFS levels, and neighbouring vertices' records share cache lines.
            let order = breadthFirstVertexOrder()
            let local = permuted(by: order)
            let sums = local.accumulateDependencies(
                sources: Array(local.vertices), weighted: false, endpoints: endpoints, edges: false,
                batched: batched, threads: threadCount)
            values = [Double](repeating: 0, count: vertexCount)
            for (i, v) in order.enumerated() { values[Int(v)] = sums.vertex.value(i) }
        } else {
            let sums = accumulateDependencies(
                sources: sources, weighted: weighted, endpoints: endpoints, edges: false,
                batched: batched, threads: threadCount)
            values = sums.vertex.values()
        }
        rescaleBetweenness(
            &values, normalized: normalized, endpoints: endpoints,
            sampled: k == nil ? nil : sources)
        return values
    }

    /// Edge betweenness centrality, as `networkx.edge_betweenness_centrality`.
    ///
    /// c_B(e) = Σ_{s ≠ t} σ(s, t | e) / σ(s, t) over ordered pairs, with the NetworkX
    /// rescaling: `normalized` divides by `n·(n − 1)` (by `k·(n − 1)` when sampling);
    /// otherwise undirected values are halved (and multiplied by `n / k` when sampling).
    /// Nothing is rescaled for `n < 2`.
    ///
    /// - Parameters: as ``betweennessCentrality(normalized:endpoints:distances:k:seed:threads:)``.
    /// - Returns: values aligned with ``edges``: for an undirected graph each edge `{u, v}`
    ///   once (`u <= v`) with the sum over both directions. Parallel edges kept as a
    ///   multigraph each count as separate shortest paths.
    /// - Throws: as ``betweennessCentrality(normalized:endpoints:distances:k:seed:threads:)``.
    /// - Complexity: as vertex betweenness, plus O(m) memory per thread.
    public func edgeBetweennessCentrality(
        normalized: Bool = true,
        distances: EdgeDistances = .unit,
        k: Int? = nil,
        seed: UInt64 = 0,
        threads: Int? = nil
    ) throws -> EdgeValues {
        let weighted = try validateDistances(distances, algorithm: "edgeBetweennessCentrality")
        let threadCount = try Parallel.resolve(threads: threads)
        let sources = try betweennessSources(k: k, seed: seed)
        // Exact unweighted runs take sources in BFS order so batched sources share levels.
        let sums = accumulateDependencies(
            sources: k == nil && !weighted ? breadthFirstVertexOrder() : sources,
            weighted: weighted, endpoints: false, edges: true,
            batched: vertexCount <= batchedVertexLimit, threads: threadCount)
        let slot = sums.edge!
        var values: [Double] = []
        values.reserveCapacity(edgeCount)
        for u in 0..<vertexCount {
            let start = outOffsets[u], end = outOffsets[u + 1]
            var duplicate = 0
            for e in start..<end {
                let v = Int(outTargets[e])
                duplicate = (e > start && outTargets[e - 1] == outTargets[e]) ? duplicate + 1 : 0
                if isDirected || v == u {
                    values.append(slot.value(e))
                } else if v > u {
                    // The same edge seen from v: the matching copy among v's entries for u.
                    let reverse = lowerBound(Int32(u), in: v) + duplicate
                    values.append(slot.value(e) + slot.value(reverse))
                }
            }
        }
        rescaleBetweenness(
            &values, normalized: normalized, endpoints: true,
            sampled: k == nil ? nil : sources)
        return EdgeValues(edges: edges, values: values)
    }

    /// The sources used for betweenness with `k` samples (all vertices for `k == nil`).
    /// Exposed so that sampled results can be interpreted.
    public func betweennessSources(k: Int?, seed: UInt64 = 0) throws -> [Int32] {
        guard let k else { return Array(vertices) }
        guard k >= 1 && k <= vertexCount else {
            throw GraphError.invalidParameter(name: "k", value: "\(k)", reason: "must be in 1...\(vertexCount) (the vertex count)")
        }
        return Parallel.sample(k, of: vertexCount, seed: seed)
    }

    /// First index of `target` in the (sorted) out-row of `row`.
    private func lowerBound(_ target: Int32, in row: Int) -> Int {
        var lo = outOffsets[row], hi = outOffsets[row + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if outTargets[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// NetworkX's `_rescale` (`networkx/algorithms/centrality/betweenness.py`).
    private func rescaleBetweenness(
        _ values: inout [Double], normalized: Bool, endpoints: Bool, sampled: [Int32]?
    ) {
        let n = vertexCount
        let bigN = endpoints ? n : n - 1
        if bigN < 2 { return }
        let kSources = sampled?.count ?? bigN
        let correction = isDirected ? 1 : 2
        if sampled == nil || endpoints {
            let scale = normalized
                ? 1.0 / Double(kSources * (bigN - 1))
                : Double(bigN) / Double(kSources * correction)
            if scale != 1 { for i in values.indices { values[i] *= scale } }
            return
        }
        // Vertex betweenness, sampled sources, no endpoints.
        let scaleSource: Double
        let scaleOther: Double
        if normalized {
            scaleSource = kSources > 1 ? 1.0 / Double((kSources - 1) * (bigN - 1)) : .nan
            scaleOther = 1.0 / Double(kSources * (bigN - 1))
        } else {
            scaleSource = kSources > 1 ? Double(bigN) / Double((kSources - 1) * correction) : .nan
            scaleOther = Double(bigN) / Double(kSources * correction)
        }
        var isSource = [Bool](repeating: false, count: n)
        for s in sampled! { isSource[Int(s)] = true }
        for i in values.indices { values[i] *= isSource[i] ? scaleSource : scaleOther }
    }

    /// Sums of dependencies over `sources` for vertices and, with `edges`, for adjacency slots.
    private func accumulateDependencies(
        sources: [Int32], weighted: Bool, endpoints: Bool, edges: Bool, batched: Bool, threads: Int
    ) -> (vertex: FixedPointAccumulator, edge: FixedPointAccumulator?) {
        let n = vertexCount
        let slots = outTargets.count
        let workers = Parallel.workerCount(count: sources.count, threads: threads)
        let vertexSums = (0..<workers).map { _ in FixedPointAccumulator(count: n) }
        let edgeSums = edges ? (0..<workers).map { _ in FixedPointAccumulator(count: slots) } : []
        withViews { out, _ in
            sources.withUnsafeBufferPointer { src in
                Parallel.forEachBlock(
                    count: src.count, threads: threads,
                    makeWorker: { t in
                        (SearchScratch(vertexCount: n, weighted: weighted),
                         vertexSums[t], edges ? edgeSums[t] : nil,
                         batched && !weighted ? BatchedBrandesScratch(vertexCount: n) : nil)
                    },
                    body: { worker, range in
                        let (scratch, sums, edgeSum, batched) = worker
                        if let batched {
                            // A block (`Parallel.blockSize`, 16 sources) holds whole batches of
                            // `BatchedBrandesScratch.width` (eight), so batches do not depend on
                            // the thread count.
                            var start = range.lowerBound
                            while start < range.upperBound {
                                let end = min(start + BatchedBrandesScratch.width, range.upperBound)
                                batched.run(
                                    out, sources: src[start..<end], sums: sums, edgeSums: edgeSum,
                                    endpoints: endpoints)
                                start = end
                            }
                            return
                        }
                        for i in range {
                            let s = src[i]
                            switch (weighted, edgeSum) {
                            case (false, nil):
                                brandesUnweighted(out, s, scratch, sums, endpoints: endpoints)
                            case (true, nil):
                                brandesWeighted(out, s, scratch, sums, nil, endpoints: endpoints)
                            case (false, let edgeSum?):
                                brandesUnweightedEdges(out, s, scratch, sums, edgeSum)
                            case (true, let edgeSum?):
                                brandesWeighted(out, s, scratch, sums, edgeSum, endpoints: false)
                            }
                        }
                    })
            }
        }
        for t in 1..<max(workers, 1) where workers > 1 {
            vertexSums[0].merge(vertexSums[t])
            if edges { edgeSums[0].merge(edgeSums[t]) }
        }
        return (vertexSums[0], edges ? edgeSums[0] : nil)
    }
}

/// Above this many vertices the batched scratch (164 bytes per vertex: the 128-byte record,
/// the level mark and eight level-list slots) would cost too much
/// memory per thread, and betweenness uses the single-source kernel.
private let batchedVertexLimit = 500_000

/// Values attached to the edges of a graph, aligned with ``CompressedGraph/edges``.
public struct EdgeValues: Sendable, Hashable {
    /// The edges, in ``CompressedGraph/edges`` order.
    public let edges: [Edge]
    /// One value per edge.
    public let values: [Double]

    /// The value of the edge `source → target` (either orientation for undirected graphs), or
    /// `nil` if there is no such edge. O(m).
    public func value(source: Int32, target: Int32) -> Double? {
        for (i, e) in edges.enumerated()
        where (e.source == source && e.target == target) || (e.source == target && e.target == source) {
            return values[i]
        }
        return nil
    }
}

// MARK: - Per-source kernels

/// One source of unweighted vertex betweenness: BFS, then pull-style accumulation
/// `delta[w] = sigma[w] · Σ_{x succ w} (1 + delta[x]) / sigma[x]`. Once `w` is done its
/// slot's value switches from `sigma[w]` to the coefficient `(1 + delta[w]) / sigma[w]`.
@inline(__always)
private func brandesUnweighted(
    _ g: AdjacencyView, _ s: Int32, _ sc: SearchScratch, _ sums: FixedPointAccumulator, endpoints: Bool
) {
    let reached = sc.bfsCountingPaths(g, from: s)
    let slots = sc.slots, order = sc.order
    let off = g.offsets, adj = g.neighbours
    var i = reached - 1
    while i >= 0 {
        let w = Int(order[i])
        let next = slots[w].hops &+ 1
        var sum = 0.0
        var e = off[w]
        let end = off[w + 1]
        while e < end {
            let x = Int(adj[e])
            let slot = slots[x]
            sum += slot.value.masked(ifEqual: slot.hops, next)
            e += 1
        }
        let sw = slots[w].value
        let delta = sw * sum
        slots[w].value = (1 + delta) / sw
        if w != Int(s) {
            if endpoints { sums.add(w, delta + 1) } else if delta != 0 { sums.add(w, delta) }
        }
        i -= 1
    }
    if endpoints { sums.add(Int(s), Double(reached - 1)) }
    sc.resetSlots(reached)
}

/// One source of unweighted edge betweenness; each adjacency slot `w → x` on a shortest
/// path receives `sigma[w] · (1 + delta[x]) / sigma[x]`.
@inline(__always)
private func brandesUnweightedEdges(
    _ g: AdjacencyView, _ s: Int32, _ sc: SearchScratch, _ sums: FixedPointAccumulator,
    _ edgeSums: FixedPointAccumulator
) {
    let reached = sc.bfsCountingPaths(g, from: s)
    let slots = sc.slots, order = sc.order
    let off = g.offsets, adj = g.neighbours
    var i = reached - 1
    while i >= 0 {
        let w = Int(order[i])
        let next = slots[w].hops &+ 1
        let sw = slots[w].value
        var delta = 0.0
        for e in off[w]..<off[w + 1] {
            let x = Int(adj[e])
            if slots[x].hops == next {
                let c = sw * slots[x].value
                edgeSums.add(e, c)
                delta += c
            }
        }
        slots[w].value = (1 + delta) / sw
        if w != Int(s) && delta != 0 { sums.add(w, delta) }
        i -= 1
    }
    sc.resetSlots(reached)
}

/// One source of weighted (vertex and optionally edge) betweenness. Successors of `w` are
/// the out-neighbours `x` settled after `w` with `distance[w] + len(w, x) == distance[x]`.
@inline(__always)
private func brandesWeighted(
    _ g: AdjacencyView, _ s: Int32, _ sc: SearchScratch, _ sums: FixedPointAccumulator,
    _ edgeSums: FixedPointAccumulator?, endpoints: Bool
) {
    let reached = sc.dijkstraCountingPaths(g, from: s, countPaths: true)
    let dist = sc.distance, pos = sc.position, sigma = sc.sigma, coef = sc.coefficient, order = sc.order
    let off = g.offsets, adj = g.neighbours, wts = g.weights!
    var i = reached - 1
    while i >= 0 {
        let w = Int(order[i])
        let dw = dist[w]
        let pw = pos[w]
        let sw = sigma[w]
        var sum = 0.0
        for e in off[w]..<off[w + 1] {
            let x = Int(adj[e])
            if pos[x] > pw && dw + wts[e] == dist[x] {
                if let edgeSums {
                    let c = sw * coef[x]
                    edgeSums.add(e, c)
                    sum += c
                } else {
                    sum += coef[x]
                }
            }
        }
        let delta = edgeSums == nil ? sw * sum : sum
        coef[w] = (1 + delta) / sw
        if w != Int(s) {
            if endpoints { sums.add(w, delta + 1) } else if delta != 0 { sums.add(w, delta) }
        }
        i -= 1
    }
    if endpoints { sums.add(Int(s), Double(reached - 1)) }
    sc.resetDijkstra(reached)
}
