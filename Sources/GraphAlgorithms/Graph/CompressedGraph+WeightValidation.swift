extension CompressedGraph {
    /// Checks that stored weights are valid distances (finite, non-negative) when `mode`
    /// is `.weights`; returns whether weights are used.
    func validateDistances(_ mode: EdgeDistances, algorithm: String) throws -> Bool {
        guard mode == .weights else { return false }
        guard let w = outWeights else { throw GraphError.missingWeights(algorithm: algorithm) }
        for u in 0..<vertexCount {
            for e in outOffsets[u]..<outOffsets[u + 1] where !(w[e] >= 0 && w[e].isFinite) {
                throw GraphError.invalidDistance(source: Int32(u), target: outTargets[e], value: w[e])
            }
        }
        return true
    }

    /// Checks that stored weights are valid strengths when `mode` is `.weights`.
    func validateStrengths(_ mode: EdgeStrengths, algorithm: String) throws -> Bool {
        guard mode == .weights else { return false }
        guard let w = outWeights else { throw GraphError.missingWeights(algorithm: algorithm) }
        for u in 0..<vertexCount {
            for e in outOffsets[u]..<outOffsets[u + 1] where !(w[e] >= 0 && w[e].isFinite) {
                throw GraphError.invalidStrength(source: Int32(u), target: outTargets[e], value: w[e])
            }
        }
        return true
    }
}
