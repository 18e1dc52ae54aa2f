/// Closeness and harmonic centrality: distance sums per vertex, computed with one BFS or
/// Dijkstra per vertex over the *in*-adjacency (distances **to** the vertex), as NetworkX.
extension CompressedGraph {
    /// Closeness centrality of every vertex, as `networkx.closeness_centrality`.
    ///
    /// C(u) = (r − 1) / Σ_v d(v, u), where `r` counts the vertices that can reach `u`
    /// (including `u`). With `wfImproved` (Wasserman–Faust, NetworkX default) the value is
    /// multiplied by `(r − 1) / (n − 1)`, so vertices in small components score lower.
    /// A vertex that no other vertex reaches scores 0. For directed graphs distances are
    /// *incoming* (d(v, u)), matching NetworkX; use a reversed graph for outgoing closeness.
    ///
    /// - Parameters:
    ///   - distances: `.unit` (hops) or `.weights` (stored weights as lengths).
    ///   - wfImproved: apply the Wasserman–Faust scaling (default `true`).
    ///   - threads: worker threads (default all cores); each vertex is computed by one
    ///     worker, so results do not depend on the thread count.
    /// - Returns: one value per vertex.
    /// - Throws: ``GraphError/missingWeights(algorithm:)``,
    ///   ``GraphError/invalidDistance(source:target:value:)``,
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for `threads < 1`.
    /// - Complexity: O(n·m) unweighted, O(n·(m + n log n)) weighted; O(n) scratch per thread.
    ///
    /// References: L. C. Freeman, "Centrality in networks: I. Conceptual clarification",
    /// Social Networks 1 (1979); S. Wasserman and K. Faust, *Social Network Analysis* (1994).
    public func closenessCentrality(
        distances: EdgeDistances = .unit, wfImproved: Bool = true, threads: Int? = nil
    ) throws -> [Double] {
        let weighted = try validateDistances(distances, algorithm: "closenessCentrality")
        let threadCount = try Parallel.resolve(threads: threads)
        let n = vertexCount
        return distanceSums(weighted: weighted, threads: threadCount) { reached, total, _ in
            guard total > 0 && n > 1 else { return 0 }
            var c = Double(reached - 1) / total
            if wfImproved { c *= Double(reached - 1) / Double(n - 1) }
            return c
        }
    }

    /// Harmonic centrality of every vertex, as `networkx.harmonic_centrality`.
    ///
    /// H(u) = Σ_{v ≠ u} 1 / d(v, u), with 1/∞ = 0 (Boldi–Vigna). Not normalised; divide by
    /// `n − 1` for values in [0, 1]. For directed graphs distances are incoming, as in
    /// NetworkX. Vertices at distance 0 (through zero-length edges) are skipped, as in NetworkX.
    ///
    /// - Parameters: as ``closenessCentrality(distances:wfImproved:threads:)``.
    /// - Returns: one value per vertex.
    /// - Throws: as ``closenessCentrality(distances:wfImproved:threads:)``.
    /// - Complexity: as closeness.
    ///
    /// Reference: P. Boldi and S. Vigna, "Axioms for centrality", Internet Mathematics 10 (2014).
    public func harmonicCentrality(distances: EdgeDistances = .unit, threads: Int? = nil) throws -> [Double] {
        let weighted = try validateDistances(distances, algorithm: "harmonicCentrality")
        let threadCount = try Parallel.resolve(threads: threads)
        return distanceSums(weighted: weighted, threads: threadCount) { _, _, harmonic in harmonic }
    }

    /// For each vertex `u`, searches the in-adjacency from `u` and reports the number of
    /// vertices reached, the sum of distances and the sum of inverse (non-zero) distances.
    private func distanceSums(
        weighted: Bool, threads: Int,
        _ finish: (_ reached: Int, _ total: Double, _ harmonic: Double) -> Double
    ) -> [Double] {
        let n = vertexCount
        var result = [Double](repeating: 0, count: n)
        result.withUnsafeMutableBufferPointer { out in
            let out = out
            withViews { _, inn in
                if !weighted {
                    // 64 targets per bit-parallel sweep, in BFS order so that a batch's
                    // vertices are close and share BFS levels.
                    let order = breadthFirstVertexOrder()
                    order.withUnsafeBufferPointer { order in
                        Parallel.forEachBlock(
                            count: n, threads: threads, blockSize: 64,
                            makeWorker: { _ in MultiSourceBFSScratch(vertexCount: n) },
                            body: { scratch, range in
                                let batch = order[range]
                                let sums = scratch.run(inn, sources: batch)
                                for (b, u) in batch.enumerated() {
                                    out[Int(u)] = finish(sums.reached[b], Double(sums.total[b]), sums.harmonic[b])
                                }
                            })
                    }
                    return
                }
                Parallel.forEachBlock(
                    count: n, threads: threads,
                    makeWorker: { _ in SearchScratch(vertexCount: n, weighted: true) },
                    body: { scratch, range in
                        for u in range {
                            let reached = scratch.dijkstraCountingPaths(inn, from: Int32(u), countPaths: false)
                            var total = 0.0, harmonic = 0.0
                            for i in 0..<reached {
                                let d = scratch.distance[Int(scratch.order[i])]
                                total += d
                                if d != 0 { harmonic += 1 / d }
                            }
                            scratch.resetDijkstra(reached)
                            out[u] = finish(reached, total, harmonic)
                        }
                    })
            }
        }
        return result
    }
}
