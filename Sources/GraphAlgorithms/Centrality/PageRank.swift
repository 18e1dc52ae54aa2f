/// PageRank by power iteration, replicating `networkx.pagerank` (its SciPy kernel).
extension CompressedGraph {
    /// PageRank of every vertex, as `networkx.pagerank`.
    ///
    /// x ← d · (x P + (Σ_{dangling} x) · δ) + (1 − d) · p, where P is the adjacency matrix
    /// with rows divided by out-strength, `p` the personalization vector, `δ` the dangling
    /// distribution (default `p`), `d` the damping factor. Starts from the uniform vector and
    /// stops when Σ|x − x_prev| < n · tolerance. Undirected graphs count each edge in both
    /// directions. Edge weights are **strengths** (a heavier edge passes on more rank).
    ///
    /// - Parameters:
    ///   - damping: the damping factor (NetworkX `alpha`, default 0.85), in [0, 1].
    ///   - personalization: non-negative teleport weights, one per vertex, normalised to sum
    ///     1 (NetworkX dict with missing keys as 0); default uniform.
    ///   - dangling: where rank of vertices without out-edges goes, one weight per vertex,
    ///     normalised; default `personalization`.
    ///   - strengths: `.unit` or `.weights`.
    ///   - tolerance: NetworkX `tol` (default 1e-6).
    ///   - maxIterations: NetworkX `max_iter` (100).
    ///   - threads: worker threads for graphs above 32,768 vertices (`nil`: all active
    ///     cores). Results are bitwise identical for every thread count.
    /// - Returns: one value per vertex, summing to 1; empty for an empty graph.
    /// - Throws: ``GraphError/notConverged(algorithm:iterations:tolerance:)``,
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for a bad damping factor or
    ///   vectors of the wrong length, negative entries or zero sum, or `threads < 1`,
    ///   ``GraphError/missingWeights(algorithm:)``, ``GraphError/invalidStrength(source:target:value:)``.
    /// - Complexity: O(maxIterations · (n + m)).
    ///
    /// Reference: L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation
    /// ranking: bringing order to the web", Stanford InfoLab (1999).
    public func pageRank(
        damping: Double = 0.85,
        personalization: [Double]? = nil,
        dangling: [Double]? = nil,
        strengths: EdgeStrengths = .unit,
        tolerance: Double = 1e-6,
        maxIterations: Int = 100,
        threads: Int? = nil
    ) throws -> [Double] {
        let n = vertexCount
        guard n > 0 else { return [] }
        guard damping >= 0 && damping <= 1 else {
            throw GraphError.invalidParameter(name: "damping", value: "\(damping)", reason: "must be in [0, 1]")
        }
        let weighted = try validateStrengths(strengths, algorithm: "pageRank")
        let p = try distribution(personalization, name: "personalization") ?? [Double](repeating: 1 / Double(n), count: n)
        let danglingWeights = try distribution(dangling, name: "dangling") ?? p

        // Out-strength of each vertex (row sums of A).
        var outStrength = [Double](repeating: 0, count: n)
        for u in 0..<n {
            if weighted, let w = outWeights {
                var s = 0.0
                for e in outOffsets[u]..<outOffsets[u + 1] { s += w[e] }
                outStrength[u] = s
            } else {
                outStrength[u] = Double(outOffsets[u + 1] - outOffsets[u])
            }
        }
        // One fused pass per iteration over raw buffers: pull the scaled ranks, apply the
        // update, measure the change, and prepare the next iteration's scaled ranks and
        // dangling sum. Same operations in the same order as the textbook three loops.
        var inverse = [Double](repeating: 0, count: n)
        for u in 0..<n where outStrength[u] != 0 { inverse[u] = 1 / outStrength[u] }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var scaled = [Double](repeating: 0, count: n)
        var nextScaled = [Double](repeating: 0, count: n)
        var danglingSum = 0.0
        for u in 0..<n {
            if outStrength[u] == 0 { danglingSum += x[u] } else { scaled[u] = x[u] * inverse[u] }
        }
        let threshold = Double(n) * tolerance
        let hasDangling = outStrength.contains(0)
        let uniformTeleport: Double? = personalization == nil ? (1 - damping) * p[0] : nil
        // Partial sums per fixed chunk of vertices, added in chunk order: bitwise the same for every thread count.
        let chunks = VertexChunks(vertexCount: n, threads: try Parallel.resolve(threads: threads))
        var changePerChunk = [Double](repeating: 0, count: chunks.count)
        var danglingPerChunk = [Double](repeating: 0, count: chunks.count)
        let converged: Bool = x.withUnsafeMutableBufferPointer { x in
            scaled.withUnsafeMutableBufferPointer { scaledBuffer in
                nextScaled.withUnsafeMutableBufferPointer { nextBuffer in
                    p.withUnsafeBufferPointer { p in
                        danglingWeights.withUnsafeBufferPointer { dw in
                            outStrength.withUnsafeBufferPointer { outStrength in
                                inverse.withUnsafeBufferPointer { inverse in
                                    changePerChunk.withUnsafeMutableBufferPointer { changeOut in
                                        danglingPerChunk.withUnsafeMutableBufferPointer { danglingOut in
                                            withViews { _, inn in
                                                var cur = scaledBuffer.baseAddress!, nxt = nextBuffer.baseAddress!
                                                let off = inn.offsets, nb = inn.neighbours
                                                let xs = x.baseAddress!
                                                let changeSlots = changeOut.baseAddress!, danglingSlots = danglingOut.baseAddress!
                                                for _ in 0..<max(maxIterations, 0) {
                                                    let source = cur, target = nxt, incoming = danglingSum
                                                    // Chunk c writes x, target and its own slots only.
                                                    let pass = { (c: Int) in
                                                        var change = 0.0
                                                        var nextDangling = 0.0
                                                        for v in chunks.vertices(c) {
                                                            var sum = 0.0
                                                            if weighted, let w = inn.weights {
                                                                for e in off[v]..<off[v + 1] { sum += w[e] * source[Int(nb[e])] }
                                                            } else {
                                                                for e in off[v]..<off[v + 1] { sum += source[Int(nb[e])] }
                                                            }
                                                            // Without dangling vertices the dangling term is
                                                            // exactly zero and a uniform p is one constant.
                                                            let value = hasDangling
                                                                ? damping * (sum + incoming * dw[v]) + (1 - damping) * p[v]
                                                                : damping * sum + (uniformTeleport ?? (1 - damping) * p[v])
                                                            change += abs(value - xs[v])
                                                            xs[v] = value
                                                            if outStrength[v] == 0 {
                                                                nextDangling += value
                                                                target[v] = 0
                                                            } else {
                                                                target[v] = value * inverse[v]
                                                            }
                                                        }
                                                        changeSlots[c] = change
                                                        danglingSlots[c] = nextDangling
                                                    }
                                                    chunks.forEach(pass)
                                                    var change = 0.0
                                                    var nextDangling = 0.0
                                                    for c in 0..<chunks.count {
                                                        change += changeOut[c]
                                                        nextDangling += danglingOut[c]
                                                    }
                                                    swap(&cur, &nxt)
                                                    danglingSum = nextDangling
                                                    if change < threshold { return true }
                                                }
                                                return false
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if converged { return x }
        throw GraphError.notConverged(algorithm: "pageRank", iterations: maxIterations, tolerance: tolerance)
    }

    /// Validates and normalises an optional per-vertex weight vector.
    func distribution(_ values: [Double]?, name: String) throws -> [Double]? {
        guard let values else { return nil }
        guard values.count == vertexCount else {
            throw GraphError.invalidParameter(name: name, value: "\(values.count) values", reason: "give one value per vertex (\(vertexCount))")
        }
        var sum = 0.0
        for (i, v) in values.enumerated() {
            guard v >= 0 && v.isFinite else {
                throw GraphError.invalidParameter(name: name, value: "\(v) at vertex \(i)", reason: "entries must be finite and non-negative")
            }
            sum += v
        }
        guard sum > 0 else {
            throw GraphError.invalidParameter(name: name, value: "all zero", reason: "at least one entry must be positive")
        }
        return values.map { $0 / sum }
    }
}
