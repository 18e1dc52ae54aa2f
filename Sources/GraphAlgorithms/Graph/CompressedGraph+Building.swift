import Dispatch

/// What to do with several edges joining the same (ordered, for directed graphs) pair.
///
/// NetworkX's `Graph`/`DiGraph` keep one edge per pair and the weight added *last*;
/// ``mergeKeepingLastWeight`` reproduces that and is the default.
public enum ParallelEdgePolicy: Sendable, Hashable, CaseIterable {
    /// Keep every parallel edge (a multigraph). Path counts then count parallel edges as
    /// distinct shortest paths (as igraph does; NetworkX `MultiGraph` BFS does not).
    case keepMultiEdges
    /// Keep one edge whose weight is the one given last in the input (NetworkX default).
    case mergeKeepingLastWeight
    /// Keep one edge whose weight is the sum of the parallel weights. Unweighted input
    /// counts each edge as weight 1, so the result carries multiplicities as weights.
    case mergeSummingWeights
    /// Keep one edge whose weight is the number of parallel edges (input weights ignored).
    case mergeCountingEdges
}

/// What to do with edges from a vertex to itself.
public enum SelfLoopPolicy: Sendable, Hashable, CaseIterable {
    /// Keep self-loops (NetworkX default). They never lie on shortest paths; an undirected
    /// self-loop adds 2 to the degree, as in NetworkX.
    case keep
    /// Drop self-loops while building.
    case drop
}

extension CompressedGraph {
    /// Builds a graph from an edge list in two linear passes (counting sort).
    ///
    /// - Parameters:
    ///   - vertexCount: the number of vertices; `nil` means `max id + 1` (0 for no edges).
    ///     Give it to include isolated vertices with high ids.
    ///   - edges: `(source, target)` pairs of vertex ids.
    ///   - weights: one weight per edge, or `nil` for an unweighted graph.
    ///   - directed: whether edges have a direction.
    ///   - parallelEdges: see ``ParallelEdgePolicy``; default as NetworkX `Graph`.
    ///   - selfLoops: see ``SelfLoopPolicy``.
    /// - Throws: ``GraphError/vertexOutOfRange(vertex:vertexCount:)``,
    ///   ``GraphError/weightCountMismatch(edges:weights:)``,
    ///   ``GraphError/invalidParameter(name:value:reason:)`` for more than `Int32.max` vertices.
    /// - Complexity: O(n + m log d) time for `m` edges and maximum degree `d` (rows are
    ///   sorted; already-sorted rows cost O(d)), O(n + m) memory.
    public init(
        vertexCount: Int? = nil,
        edges: [(Int32, Int32)],
        weights: [Double]? = nil,
        directed: Bool = false,
        parallelEdges: ParallelEdgePolicy = .mergeKeepingLastWeight,
        selfLoops: SelfLoopPolicy = .keep
    ) throws {
        var sources = [Int32](); sources.reserveCapacity(edges.count)
        var targets = [Int32](); targets.reserveCapacity(edges.count)
        for (s, t) in edges { sources.append(s); targets.append(t) }
        try self.init(
            vertexCount: vertexCount, sources: sources, targets: targets, weights: weights,
            directed: directed, parallelEdges: parallelEdges, selfLoops: selfLoops)
    }

    /// Builds a graph from parallel arrays of edge sources and targets (see
    /// ``init(vertexCount:edges:weights:directed:parallelEdges:selfLoops:)``).
    public init(
        vertexCount: Int? = nil,
        sources: [Int32],
        targets: [Int32],
        weights: [Double]? = nil,
        directed: Bool = false,
        parallelEdges: ParallelEdgePolicy = .mergeKeepingLastWeight,
        selfLoops: SelfLoopPolicy = .keep
    ) throws {
        guard sources.count == targets.count else {
            throw GraphError.invalidParameter(
                name: "targets", value: "\(targets.count) entries",
                reason: "sources and targets must have the same length (\(sources.count))")
        }
        if let weights, weights.count != sources.count {
            throw GraphError.weightCountMismatch(edges: sources.count, weights: weights.count)
        }
        var n = vertexCount ?? 0
        for i in 0..<sources.count {
            let s = sources[i], t = targets[i]
            if s < 0 { throw GraphError.vertexOutOfRange(vertex: Int(s), vertexCount: n) }
            if t < 0 { throw GraphError.vertexOutOfRange(vertex: Int(t), vertexCount: n) }
            if let vertexCount {
                if Int(s) >= vertexCount { throw GraphError.vertexOutOfRange(vertex: Int(s), vertexCount: vertexCount) }
                if Int(t) >= vertexCount { throw GraphError.vertexOutOfRange(vertex: Int(t), vertexCount: vertexCount) }
            } else {
                n = max(n, Int(s) + 1, Int(t) + 1)
            }
        }
        if n < 0 || n > Int(Int32.max) {
            throw GraphError.invalidParameter(name: "vertexCount", value: "\(n)", reason: "must be in 0...\(Int32.max)")
        }
        var sources = sources, targets = targets, weights = weights
        self = CompressedGraph.build(
            vertexCount: n, sources: &sources, targets: &targets, weights: &weights,
            directed: directed, parallelEdges: parallelEdges, selfLoops: selfLoops)
    }

    /// Builds a graph from a parsed ``EdgeList``.
    public init(
        edgeList: EdgeList,
        directed: Bool = false,
        parallelEdges: ParallelEdgePolicy = .mergeKeepingLastWeight,
        selfLoops: SelfLoopPolicy = .keep
    ) throws {
        try self.init(
            vertexCount: edgeList.vertexCount, sources: edgeList.sources, targets: edgeList.targets,
            weights: edgeList.weights, directed: directed, parallelEdges: parallelEdges,
            selfLoops: selfLoops)
    }

    /// Collects edges one at a time and builds a ``CompressedGraph`` in one pass.
    ///
    /// ```swift
    /// var builder = CompressedGraph.Builder(directed: false)
    /// builder.addEdge(0, 1)
    /// builder.addEdge(1, 2)
    /// let graph = try builder.build()
    /// ```
    public struct Builder: Sendable {
        public var directed: Bool
        public var parallelEdges: ParallelEdgePolicy
        public var selfLoops: SelfLoopPolicy
        /// Minimum vertex count; grows with the largest id added.
        public var vertexCount: Int
        private var sources: [Int32] = []
        private var targets: [Int32] = []
        private var weights: [Double] = []
        private var weighted: Bool?

        public init(
            directed: Bool = false, vertexCount: Int = 0,
            parallelEdges: ParallelEdgePolicy = .mergeKeepingLastWeight,
            selfLoops: SelfLoopPolicy = .keep
        ) {
            self.directed = directed
            self.vertexCount = vertexCount
            self.parallelEdges = parallelEdges
            self.selfLoops = selfLoops
        }

        /// Adds an isolated vertex (or makes sure `v` exists).
        public mutating func addVertex(_ v: Int32) {
            vertexCount = max(vertexCount, Int(v) + 1)
        }

        /// Adds an edge. Either all edges carry a weight or none does.
        public mutating func addEdge(_ source: Int32, _ target: Int32, weight: Double? = nil) {
            sources.append(source)
            targets.append(target)
            if let weight { weights.append(weight) }
            if weighted == nil { weighted = weight != nil }
            vertexCount = max(vertexCount, Int(source) + 1, Int(target) + 1)
        }

        /// Builds the graph.
        /// - Throws: ``GraphError/weightCountMismatch(edges:weights:)`` if only some edges had
        ///   weights, ``GraphError/vertexOutOfRange(vertex:vertexCount:)`` for negative ids,
        ///   ``GraphError/invalidParameter(name:value:reason:)`` for a vertex count outside
        ///   `0...Int32.max`.
        public func build() throws -> CompressedGraph {
            try CompressedGraph(
                vertexCount: vertexCount, sources: sources, targets: targets,
                weights: weighted == true ? weights : (weights.isEmpty ? nil : weights),
                directed: directed, parallelEdges: parallelEdges, selfLoops: selfLoops)
        }
    }

    // MARK: - Counting-sort construction

    /// Sorts and merges the rows `rows` whose entries end at `rowsEnd`, compacting them from
    /// the start of the first row. Rewrites `offsets[u]` for `u` in `rows` and returns the
    /// end of the compacted entries and the number of self-loops kept.
    private static func sortAndMergeRows(
        rows: Range<Int>, rowsEnd: Int, offsets off: UnsafeMutablePointer<Int>,
        adj: UnsafeMutablePointer<Int32>?, wts: UnsafeMutablePointer<Double>?, policy: ParallelEdgePolicy
    ) -> (end: Int, loops: Int) {
        guard !rows.isEmpty, let adj else { return (rows.isEmpty ? rowsEnd : off[rows.lowerBound], 0) }
        let weighted = wts != nil
        var keys: [UInt64] = []
        var tmpW: [Double] = []
        var out = off[rows.lowerBound]
        var start = out
        var selfLoops = 0
        for u in rows {
            let end = u + 1 < rows.upperBound ? off[u + 1] : rowsEnd
            let len = end - start
            off[u] = out
            var sorted = true
            var j = start + 1
            while j < end {
                if adj[j] < adj[j - 1] { sorted = false; break }
                j += 1
            }
            if !sorted && len <= 32 {
                // Stable insertion sort for short rows.
                for a in (start + 1)..<end {
                    let t = adj[a]
                    let w = wts?[a] ?? 0
                    var b = a
                    while b > start && adj[b - 1] > t {
                        adj[b] = adj[b - 1]
                        if let wts { wts[b] = wts[b - 1] }
                        b -= 1
                    }
                    adj[b] = t
                    if let wts { wts[b] = w }
                }
            } else if !sorted {
                keys.removeAll(keepingCapacity: true)
                for k in 0..<len {
                    keys.append(UInt64(UInt32(bitPattern: adj[start + k])) << 32 | UInt64(k))
                }
                keys.sort()
                if let wts {
                    tmpW.removeAll(keepingCapacity: true)
                    for k in 0..<len { tmpW.append(wts[start + k]) }
                }
                for k in 0..<len {
                    adj[start + k] = Int32(truncatingIfNeeded: keys[k] >> 32)
                    if let wts { wts[start + k] = tmpW[Int(keys[k] & 0xffff_ffff)] }
                }
            }
            // Merge runs of equal targets.
            var k = start
            while k < end {
                let t = adj[k]
                var r = k + 1
                if policy != .keepMultiEdges {
                    while r < end && adj[r] == t { r += 1 }
                }
                adj[out] = t
                if weighted, let wts {
                    switch policy {
                    case .keepMultiEdges: wts[out] = wts[k]
                    case .mergeKeepingLastWeight: wts[out] = wts[r - 1]
                    case .mergeSummingWeights:
                        var sum = 0.0
                        for q in k..<r { sum += wts[q] }
                        wts[out] = sum
                    case .mergeCountingEdges: wts[out] = Double(r - k)
                    }
                }
                if Int(t) == u { selfLoops += 1 }
                out += 1
                k = r
            }
            start = end
        }
        return (out, selfLoops)
    }

    /// Builds the CSR arrays; ids must already be validated to lie in `0..<vertexCount`.
    /// The input arrays are released (set to `[]`) as soon as they have been scattered, so
    /// a caller that hands over its only copy keeps peak memory low.
    internal static func build(
        vertexCount n: Int, sources: inout [Int32], targets: inout [Int32], weights inWeights: inout [Double]?,
        directed: Bool, parallelEdges policy: ParallelEdgePolicy, selfLoops: SelfLoopPolicy
    ) -> CompressedGraph {
        let m = sources.count
        let dropLoops = selfLoops == .drop
        let weighted = inWeights != nil || policy == .mergeSummingWeights || policy == .mergeCountingEdges

        // Pass 1: row lengths, then row ends (offsets[v + 1] = end of row v).
        var offsets = [Int](unsafeUninitializedCapacity: n + 1) { buffer, count in
            adviseHugePages(buffer.baseAddress, bytes: (n + 1) * MemoryLayout<Int>.stride)
            buffer.initialize(repeating: 0)
            count = n + 1
        }
        offsets.withUnsafeMutableBufferPointer { off in
            sources.withUnsafeBufferPointer { src in
                targets.withUnsafeBufferPointer { tgt in
                    for i in 0..<m {
                        let s = Int(src[i]), t = Int(tgt[i])
                        if s == t {
                            if !dropLoops { off[s + 1] += 1 }
                        } else {
                            off[s + 1] += 1
                            if !directed { off[t + 1] += 1 }
                        }
                    }
                }
            }
            for v in 0..<n { off[v + 1] += off[v] }
        }
        let total = offsets[n]

        // Pass 2: scatter from the back of each row, walking the input backwards, so each
        // row lists its edges in input order and offsets[v + 1] ends as the start of row v.
        var adj = [Int32](unsafeUninitializedCapacity: total) { buffer, count in
            adviseHugePages(buffer.baseAddress, bytes: total * MemoryLayout<Int32>.stride)
            count = total
        }
        var wts = [Double](unsafeUninitializedCapacity: weighted ? total : 0) { buffer, count in
            if weighted { adviseHugePages(buffer.baseAddress, bytes: total * MemoryLayout<Double>.stride) }
            count = weighted ? total : 0
        }
        adj.withUnsafeMutableBufferPointer { adj in
            wts.withUnsafeMutableBufferPointer { wts in
                offsets.withUnsafeMutableBufferPointer { off in
                    sources.withUnsafeBufferPointer { src in
                        targets.withUnsafeBufferPointer { tgt in
                            let inW = inWeights
                            var i = m - 1
                            while i >= 0 {
                                let s = Int(src[i]), t = Int(tgt[i])
                                if !(s == t && dropLoops) {
                                    let w = policy == .mergeCountingEdges ? 1.0 : (inW?[i] ?? 1.0)
                                    var p = off[s + 1] - 1; off[s + 1] = p
                                    adj[p] = Int32(truncatingIfNeeded: t)
                                    if weighted { wts[p] = w }
                                    if !directed && s != t {
                                        p = off[t + 1] - 1; off[t + 1] = p
                                        adj[p] = Int32(truncatingIfNeeded: s)
                                        if weighted { wts[p] = w }
                                    }
                                }
                                i -= 1
                            }
                        }
                    }
                    // Shift: offsets[v] = start of row v.
                    for v in 0..<n { off[v] = off[v + 1] }
                    off[n] = total
                }
            }
        }
        sources = []
        targets = []
        inWeights = nil

        // Pass 3: sort each row by target, stable (ties keep input order), and merge
        // parallel edges, compacting rows towards the front in place. Large graphs split
        // the rows into contiguous segments processed in parallel, then close the gaps.
        var written = 0
        var selfLoopCount = 0
        let segments = total >= 2_000_000 ? min(Parallel.defaultThreadCount, 8) : 1
        adj.withUnsafeMutableBufferPointer { adj in
            wts.withUnsafeMutableBufferPointer { wts in
                offsets.withUnsafeMutableBufferPointer { off in
                    let adjBase = adj.baseAddress, wtsBase = wts.baseAddress
                    let offBase = off.baseAddress!
                    // Segment t holds rows rowBounds[t]..<rowBounds[t + 1], with about
                    // total / segments entries each.
                    var rowBounds = [0]
                    for t in 1..<segments {
                        var lo = rowBounds[t - 1], hi = n
                        let goal = total * t / segments
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if off[mid] < goal { lo = mid + 1 } else { hi = mid }
                        }
                        rowBounds.append(lo)
                    }
                    rowBounds.append(n)
                    let segmentEnds = (0..<segments).map { off[rowBounds[$0 + 1]] }
                    var results = [(end: Int, loops: Int)](repeating: (0, 0), count: segments)
                    results.withUnsafeMutableBufferPointer { results in
                        let results = results
                        let work = { (t: Int) in
                            results[t] = CompressedGraph.sortAndMergeRows(
                                rows: rowBounds[t]..<rowBounds[t + 1], rowsEnd: segmentEnds[t],
                                offsets: offBase, adj: adjBase, wts: weighted ? wtsBase : nil, policy: policy)
                        }
                        if segments == 1 {
                            work(0)
                        } else {
                            // Segments touch disjoint rows and entries.
                            let shared = UncheckedSendable(work)
                            DispatchQueue.concurrentPerform(iterations: segments) { shared.value($0) }
                        }
                    }
                    // Close the gaps between compacted segments.
                    var out = results[0].end
                    selfLoopCount = results[0].loops
                    for t in 1..<segments {
                        let from = off[rowBounds[t]]
                        let length = results[t].end - from
                        if from != out {
                            (adjBase! + out).update(from: adjBase! + from, count: length)
                            if weighted { (wtsBase! + out).update(from: wtsBase! + from, count: length) }
                            for u in rowBounds[t]..<rowBounds[t + 1] { off[u] -= from - out }
                        }
                        out += length
                        selfLoopCount += results[t].loops
                    }
                    off[n] = out
                    written = out
                }
            }
        }
        if written < total {
            adj.removeLast(total - written)
            if weighted { wts.removeLast(total - written) }
        }
        let outWeights: [Double]? = weighted ? wts : nil

        guard directed else {
            let edgeCount = selfLoopCount + (written - selfLoopCount) / 2
            return CompressedGraph(
                isDirected: false, vertexCount: n, edgeCount: edgeCount,
                outOffsets: offsets, outTargets: adj, outWeights: outWeights,
                inOffsets: offsets, inSources: adj, inWeights: outWeights)
        }

        // Transpose for the in-adjacency; scanning sources in order keeps rows sorted.
        var inOff = [Int](repeating: 0, count: n + 1)
        var inSrc = [Int32](repeating: 0, count: written)
        var inW = [Double](repeating: 0, count: weighted ? written : 0)
        inOff.withUnsafeMutableBufferPointer { inOff in
            adj.withUnsafeBufferPointer { adj in
                for e in 0..<written { inOff[Int(adj[e]) + 1] += 1 }
                for v in 0..<n { inOff[v + 1] += inOff[v] }
                var cur = Array(inOff[0..<n])
                offsets.withUnsafeBufferPointer { off in
                    inSrc.withUnsafeMutableBufferPointer { inSrc in
                        inW.withUnsafeMutableBufferPointer { inW in
                            wts.withUnsafeBufferPointer { wts in
                                for u in 0..<n {
                                    for e in off[u]..<off[u + 1] {
                                        let t = Int(adj[e])
                                        let p = cur[t]; cur[t] = p + 1
                                        inSrc[p] = Int32(u)
                                        if weighted { inW[p] = wts[e] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return CompressedGraph(
            isDirected: true, vertexCount: n, edgeCount: written,
            outOffsets: offsets, outTargets: adj, outWeights: outWeights,
            inOffsets: inOff, inSources: inSrc, inWeights: weighted ? inW : nil)
    }
}
