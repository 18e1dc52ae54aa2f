extension CompressedGraph {
    /// Checks that stored weights are valid distances (finite, non-negative) when `mode`
    /// is `.weights`; returns whether weights are used.
    func validateDistances(_ mode: EdgeDistances, algorithm: String) throws -> Bool {
        guard mode == .weights else { return false }
        try checkStoredWeights(algorithm: algorithm, invalid: GraphError.invalidDistance(source:target:value:))
        return true
    }

    /// Checks that stored weights are valid strengths (finite, non-negative) when `mode` is
    /// `.weights`; returns whether weights are used.
    func validateStrengths(_ mode: EdgeStrengths, algorithm: String) throws -> Bool {
        guard mode == .weights else { return false }
        try checkStoredWeights(algorithm: algorithm, invalid: GraphError.invalidStrength(source:target:value:))
        return true
    }

    /// Throws `missingWeights` without stored weights, else `invalid` for the first arc (in
    /// CSR order) whose weight is negative, NaN or infinite.
    private func checkStoredWeights(algorithm: String, invalid: (Int32, Int32, Double) -> GraphError) throws {
        guard let w = outWeights else { throw GraphError.missingWeights(algorithm: algorithm) }
        for u in 0..<vertexCount {
            for e in outOffsets[u]..<outOffsets[u + 1] where !(w[e] >= 0 && w[e].isFinite) {
                throw invalid(Int32(u), outTargets[e], w[e])
            }
        }
    }
}
