/// Eigenvector and Katz centrality by power iteration, replicating NetworkX's iterations
/// step for step so that results agree to rounding.
extension CompressedGraph {
    /// Eigenvector centrality, as `networkx.eigenvector_centrality`.
    ///
    /// Finds x with λx = Aᵀx (for directed graphs the *left* eigenvector: a vertex is central
    /// when central vertices point to it). Iterates x ← (A + I)ᵀ x / ‖(A + I)ᵀ x‖₂ from the
    /// uniform vector (the shift by I keeps bipartite graphs from oscillating) until
    /// Σ|x − x_prev| < n · tolerance.
    ///
    /// - Parameters:
    ///   - strengths: `.unit` or `.weights` (stored weights as tie strengths).
    ///   - maxIterations: NetworkX `max_iter` (default 100).
    ///   - tolerance: NetworkX `tol` (default 1e-6).
    ///   - threads: worker threads for graphs above 32,768 vertices (`nil`: all active
    ///     cores). Results are bitwise identical for every thread count.
    /// - Returns: one value per vertex, with Euclidean norm 1.
    /// - Throws: ``GraphError/emptyGraph(algorithm:)`` for `n == 0`,
    ///   ``GraphError/notConverged(algorithm:iterations:tolerance:)``,
    ///   ``GraphError/missingWeights(algorithm:)``, ``GraphError/invalidStrength(source:target:value:)``,
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for `threads < 1`.
    /// - Complexity: O(maxIterations · (n + m)).
    ///
    /// Reference: P. Bonacich, "Power and centrality: a family of measures", American J.
    /// Sociology 92 (1987); M. Newman, *Networks* (2010), §7.2.
    public func eigenvectorCentrality(
        strengths: EdgeStrengths = .unit, maxIterations: Int = 100, tolerance: Double = 1e-6,
        threads: Int? = nil
    ) throws -> [Double] {
        let n = vertexCount
        guard n > 0 else { throw GraphError.emptyGraph(algorithm: "eigenvectorCentrality") }
        let weighted = try validateStrengths(strengths, algorithm: "eigenvectorCentrality")
        let workers = try Parallel.resolve(threads: threads)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        let threshold = Double(n) * tolerance
        let chunks = VertexChunks(vertexCount: n, threads: workers)
        var squaresPerChunk = [Double](repeating: 0, count: chunks.count)
        var changePerChunk = [Double](repeating: 0, count: chunks.count)
        let converged: Bool = x.withUnsafeMutableBufferPointer { xBuffer in
            next.withUnsafeMutableBufferPointer { nextBuffer in
                squaresPerChunk.withUnsafeMutableBufferPointer { squaresPerChunk in
                    changePerChunk.withUnsafeMutableBufferPointer { changePerChunk in
                        withViews { _, inn in
                            var x = xBuffer.baseAddress!, next = nextBuffer.baseAddress!
                            let off = inn.offsets, nb = inn.neighbours
                            let squaresOut = squaresPerChunk.baseAddress!, changeOut = changePerChunk.baseAddress!
                            for _ in 0..<max(maxIterations, 0) {
                                // (A + I)ᵀx and the squares of its entries.
                                chunks.forEach { c in
                                    var squares = 0.0
                                    for v in chunks.vertices(c) {
                                        var sum = 0.0
                                        if weighted, let w = inn.weights {
                                            for e in off[v]..<off[v + 1] { sum += w[e] * x[Int(nb[e])] }
                                        } else {
                                            for e in off[v]..<off[v + 1] { sum += x[Int(nb[e])] }
                                        }
                                        sum += x[v]
                                        next[v] = sum
                                        squares += sum * sum
                                    }
                                    squaresOut[c] = squares
                                }
                                var squares = 0.0
                                for c in 0..<chunks.count { squares += squaresOut[c] }
                                var norm = squares.squareRoot()
                                if norm == 0 { norm = 1 }
                                chunks.forEach { c in
                                    var change = 0.0
                                    for v in chunks.vertices(c) {
                                        let value = next[v] / norm
                                        next[v] = value
                                        change += abs(value - x[v])
                                    }
                                    changeOut[c] = change
                                }
                                var change = 0.0
                                for c in 0..<chunks.count { change += changeOut[c] }
                                swap(&x, &next)
                                if change < threshold {
                                    // The result is in whichever buffer `x` points to now.
                                    if x != xBuffer.baseAddress! { xBuffer.baseAddress!.update(from: x, count: n) }
                                    return true
                                }
                            }
                            return false
                        }
                    }
                }
            }
        }
        if converged { return x }
        throw GraphError.notConverged(algorithm: "eigenvectorCentrality", iterations: maxIterations, tolerance: tolerance)
    }

    /// Katz centrality, as `networkx.katz_centrality`.
    ///
    /// x = α Aᵀ x + β, iterated from x = 0 until Σ|x − x_prev| < n · tolerance; converges
    /// when α < 1/λ_max. With `normalized` the result is divided by its Euclidean norm.
    ///
    /// - Parameters:
    ///   - alpha: attenuation factor α (default 0.1).
    ///   - beta: the constant term β for every vertex (default 1), or see `betaPerVertex`.
    ///   - betaPerVertex: per-vertex β (length `n`), overriding `beta`.
    ///   - strengths: `.unit` or `.weights`.
    ///   - maxIterations: default 1000.
    ///   - tolerance: default 1e-6.
    ///   - normalized: divide by the Euclidean norm (default `true`).
    /// - Returns: one value per vertex (empty for an empty graph, as NetworkX).
    /// - Throws: ``GraphError/notConverged(algorithm:iterations:tolerance:)``,
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for a wrong `betaPerVertex` length,
    ///   ``GraphError/missingWeights(algorithm:)``, ``GraphError/invalidStrength(source:target:value:)``.
    /// - Complexity: O(maxIterations · (n + m)).
    ///
    /// Reference: L. Katz, "A new status index derived from sociometric analysis",
    /// Psychometrika 18 (1953).
    public func katzCentrality(
        alpha: Double = 0.1, beta: Double = 1.0, betaPerVertex: [Double]? = nil,
        strengths: EdgeStrengths = .unit, maxIterations: Int = 1000, tolerance: Double = 1e-6,
        normalized: Bool = true
    ) throws -> [Double] {
        let n = vertexCount
        guard n > 0 else { return [] }
        let weighted = try validateStrengths(strengths, algorithm: "katzCentrality")
        if let betaPerVertex, betaPerVertex.count != n {
            throw GraphError.invalidParameter(
                name: "betaPerVertex", value: "\(betaPerVertex.count) values", reason: "give one value per vertex (\(n))")
        }
        let b = betaPerVertex ?? [Double](repeating: beta, count: n)
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<max(maxIterations, 0) {
            pullMultiply(x, into: &next, weighted: weighted)
            var change = 0.0
            for v in 0..<n {
                next[v] = alpha * next[v] + b[v]
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance {
                if normalized {
                    var squares = 0.0
                    for v in 0..<n { squares += x[v] * x[v] }
                    let s = squares == 0 ? 1 : 1 / squares.squareRoot()
                    for v in 0..<n { x[v] *= s }
                }
                return x
            }
        }
        throw GraphError.notConverged(algorithm: "katzCentrality", iterations: maxIterations, tolerance: tolerance)
    }

    /// `y[v] = Σ_{u → v} w(u, v) · x[u]` over the in-adjacency (y = Aᵀx).
    func pullMultiply(_ x: [Double], into y: inout [Double], weighted: Bool) {
        withViews { _, incoming in multiply(x, into: &y, along: incoming, weighted: weighted) }
    }

    /// `y[u] = Σ_{u → v} w(u, v) · x[v]` over the out-adjacency (y = Ax).
    func pushMultiply(_ x: [Double], into y: inout [Double], weighted: Bool) {
        withViews { outgoing, _ in multiply(x, into: &y, along: outgoing, weighted: weighted) }
    }

    /// `y[v] = Σ_e w(e) · x[neighbour(e)]` over the arcs of `v` in one adjacency.
    private func multiply(_ x: [Double], into y: inout [Double], along adjacency: AdjacencyView, weighted: Bool) {
        let n = vertexCount
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                for v in 0..<n {
                    var sum = 0.0
                    if weighted, let w = adjacency.weights {
                        for e in adjacency.offsets[v]..<adjacency.offsets[v + 1] { sum += w[e] * x[Int(adjacency.neighbours[e])] }
                    } else {
                        for e in adjacency.offsets[v]..<adjacency.offsets[v + 1] { sum += x[Int(adjacency.neighbours[e])] }
                    }
                    y[v] = sum
                }
            }
        }
    }
}
