/// Hubs and authorities (Kleinberg's HITS).
public struct HubsAndAuthorities: Sendable, Hashable {
    /// Hub score per vertex: high when pointing to good authorities.
    public let hubs: [Double]
    /// Authority score per vertex: high when pointed to by good hubs.
    public let authorities: [Double]
}

extension CompressedGraph {
    /// HITS hub and authority scores, as `networkx.hits`.
    ///
    /// Authorities are the principal right singular vector of A (a ∝ Aᵀh), hubs the
    /// principal left one (h ∝ Aa). Computed by power iteration from the uniform vector,
    /// scaling by the maximum each step, until Σ|h − h_prev| < tolerance (the update rule of
    /// NetworkX's `_hits_python`; NetworkX's default `hits` calls ARPACK, which gives the
    /// same vectors to its tolerance). A graph without edges returns uniform scores.
    ///
    /// - Parameters:
    ///   - strengths: `.unit` or `.weights` (NetworkX `hits` uses the `weight` attribute).
    ///   - maxIterations: default 1000.
    ///   - tolerance: default 1e-10.
    ///   - normalized: divide each vector by its sum (default `true`); otherwise each is
    ///     scaled so its maximum is 1.
    /// - Returns: ``HubsAndAuthorities``; empty arrays for an empty graph.
    /// - Throws: ``GraphError/notConverged(algorithm:iterations:tolerance:)``,
    ///   ``GraphError/missingWeights(algorithm:)``, ``GraphError/invalidStrength(source:target:value:)``.
    /// - Complexity: O(maxIterations · (n + m)). Converges at rate (σ₂/σ₁)².
    ///
    /// Reference: J. Kleinberg, "Authoritative sources in a hyperlinked environment",
    /// J. ACM 46 (1999).
    public func hits(
        strengths: EdgeStrengths = .unit, maxIterations: Int = 1000, tolerance: Double = 1e-10,
        normalized: Bool = true
    ) throws -> HubsAndAuthorities {
        let n = vertexCount
        guard n > 0 else { return HubsAndAuthorities(hubs: [], authorities: []) }
        let weighted = try validateStrengths(strengths, algorithm: "hits")
        guard outTargets.count > 0 else {
            let uniform = [Double](repeating: 1 / Double(n), count: n)
            return HubsAndAuthorities(hubs: uniform, authorities: uniform)
        }
        var h = [Double](repeating: 1 / Double(n), count: n)
        var a = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        var converged = false
        for _ in 0..<max(maxIterations, 0) {
            pullMultiply(h, into: &a, weighted: weighted)   // a = Aᵀh
            pushMultiply(a, into: &next, weighted: weighted) // h = Aa
            let hMax = next.max() ?? 1
            let aMax = a.max() ?? 1
            var change = 0.0
            for v in 0..<n {
                next[v] /= hMax
                a[v] /= aMax
                change += abs(next[v] - h[v])
            }
            swap(&h, &next)
            if change < tolerance { converged = true; break }
        }
        guard converged else {
            throw GraphError.notConverged(algorithm: "hits", iterations: maxIterations, tolerance: tolerance)
        }
        if normalized {
            let hs = h.reduce(0, +), as_ = a.reduce(0, +)
            for v in 0..<n { h[v] /= hs; a[v] /= as_ }
        }
        return HubsAndAuthorities(hubs: h, authorities: a)
    }
}
