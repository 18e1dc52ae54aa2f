/// Raw view of one adjacency direction, valid inside ``CompressedGraph/withViews(_:)``.
struct AdjacencyView {
    let vertexCount: Int
    let offsets: UnsafePointer<Int>
    let neighbours: UnsafePointer<Int32>
    /// Weights parallel to `neighbours`, or `nil`.
    let weights: UnsafePointer<Double>?
}

extension CompressedGraph {
    /// Runs `body(out, in)` with raw views of the out- and in-adjacency.
    func withViews<R>(_ body: (AdjacencyView, AdjacencyView) throws -> R) rethrows -> R {
        try outOffsets.withUnsafeBufferPointer { oo in
            try outTargets.withUnsafeBufferPointer { ot in
                try inOffsets.withUnsafeBufferPointer { io in
                    try inSources.withUnsafeBufferPointer { isrc in
                        try withOptionalPointer(outWeights) { ow in
                            try withOptionalPointer(inWeights) { iw in
                                let out = AdjacencyView(
                                    vertexCount: vertexCount, offsets: oo.baseAddress ?? dummyInt,
                                    neighbours: ot.baseAddress ?? dummyInt32, weights: ow)
                                let inn = AdjacencyView(
                                    vertexCount: vertexCount, offsets: io.baseAddress ?? dummyInt,
                                    neighbours: isrc.baseAddress ?? dummyInt32, weights: iw)
                                return try body(out, inn)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Stand-in base address for empty arrays; never dereferenced (loops over empty ranges).
private var dummyInt: UnsafePointer<Int> { UnsafePointer(bitPattern: MemoryLayout<Int>.alignment)! }
private var dummyInt32: UnsafePointer<Int32> { UnsafePointer(bitPattern: MemoryLayout<Int32>.alignment)! }

private func withOptionalPointer<R>(_ a: [Double]?, _ body: (UnsafePointer<Double>?) throws -> R) rethrows -> R {
    guard let a else { return try body(nil) }
    return try a.withUnsafeBufferPointer { try body($0.baseAddress) }
}
