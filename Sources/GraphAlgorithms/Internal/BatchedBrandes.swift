/// Unweighted Brandes for eight sources at once ("several sources per sweep").
///
/// Each vertex holds a 128-byte record: hop distances and path counts (later accumulation
/// coefficients) for eight sources as the lanes of two `SIMD8<Double>` (`Lanes`). The BFS is
/// level-synchronous: the list of level `L` holds every vertex that is at distance `L` from at
/// least one of the eight sources, so a vertex's adjacency is scanned once per *distinct* level
/// among the lanes instead of once per source. Sources that are close in the graph share most
/// levels, so callers batch sources in BFS order.
///
/// Per-lane arithmetic equals the single-source kernel's. Lanes are summed in a fixed order
/// before entering the fixed-point accumulator, and batches are fixed by the source list,
/// so results do not depend on the thread count.
final class BatchedBrandesScratch {
    typealias Lanes = SIMD8<Double>
    static let width = Lanes.scalarCount
    struct Record {
        var hops: Lanes
        var value: Lanes
    }

    let n: Int
    let records: UnsafeMutablePointer<Record>
    /// The level at which a vertex was last queued, to queue it once per level.
    let queuedAt: UnsafeMutablePointer<Int32>
    /// Level lists, concatenated; a vertex appears once per distinct level among its lanes.
    let order: UnsafeMutablePointer<Int32>
    var levelStarts: [Int] = []

    init(vertexCount n: Int) {
        self.n = n
        let c = max(n, 1)
        records = .allocate(capacity: c)
        records.initialize(repeating: Record(hops: Lanes(repeating: -1), value: .zero), count: c)
        queuedAt = .allocate(capacity: c)
        queuedAt.initialize(repeating: -1, count: c)
        order = .allocate(capacity: Lanes.scalarCount * c)
        order.initialize(repeating: 0, count: Lanes.scalarCount * c)
    }

    deinit { records.deallocate(); queuedAt.deallocate(); order.deallocate() }

    /// Adds the dependencies of up to ``width`` (eight) `sources` to `sums`.
    /// With `edgeSums`, each adjacency slot `w → x` on a shortest path also receives
    /// `sigma[w] · (1 + delta[x]) / sigma[x]`, summed over the lanes (edge betweenness).
    func run(
        _ g: AdjacencyView, sources: Slice<UnsafeBufferPointer<Int32>>, sums: FixedPointAccumulator,
        edgeSums: FixedPointAccumulator? = nil, endpoints: Bool
    ) {
        let records = self.records, queuedAt = self.queuedAt, order = self.order
        let off = g.offsets, adj = g.neighbours
        var levelStarts: [Int] = []
        swap(&levelStarts, &self.levelStarts)
        defer { swap(&levelStarts, &self.levelStarts) }
        var laneSource = SIMD8<Int32>(repeating: -1)
        var count = 0
        levelStarts.removeAll(keepingCapacity: true)
        levelStarts.append(0)
        for (lane, s) in sources.enumerated() {
            laneSource[lane] = s
            let si = Int(s)
            records[si].hops[lane] = 0
            records[si].value[lane] = 1
            if queuedAt[si] != 0 {
                queuedAt[si] = 0
                order[count] = s; count += 1
            }
        }
        var reached = Lanes(repeating: 0)
        for lane in 0..<sources.count { reached[lane] = 1 }
        levelStarts.append(count)

        // Level-synchronous BFS counting shortest paths per lane.
        var level = 0
        while levelStarts[level + 1] > levelStarts[level] {
            let current = Lanes(repeating: Double(level))
            let next = Lanes(repeating: Double(level + 1))
            let nextLevel = Int32(level + 1)
            for i in levelStarts[level]..<levelStarts[level + 1] {
                let v = Int(order[i])
                let rv = records[v]
                let inFrontier = rv.hops .== current
                let sv = Lanes.zero.replacing(with: rv.value, where: inFrontier)
                var e = off[v]
                let end = off[v + 1]
                while e < end {
                    let w = Int(adj[e])
                    var h = records[w].hops
                    let discovered = (h .< 0) .& inFrontier
                    if any(discovered) {
                        h.replace(with: next, where: discovered)
                        records[w].hops = h
                        reached.replace(with: reached + 1, where: discovered)
                        if queuedAt[w] != nextLevel {
                            queuedAt[w] = nextLevel
                            order[count] = Int32(truncatingIfNeeded: w); count += 1
                        }
                    }
                    records[w].value += Lanes.zero.replacing(with: sv, where: h .== next)
                    e += 1
                }
            }
            levelStarts.append(count)
            level += 1
        }

        // Accumulation from the deepest level up to level 1 (level 0, the sources, only
        // matters for the arcs leaving them in edge betweenness).
        var l = level - 1
        let lowest = edgeSums == nil ? 1 : 0
        while l >= lowest {
            let current = Lanes(repeating: Double(l))
            let next = Lanes(repeating: Double(l + 1))
            for i in levelStarts[l]..<levelStarts[l + 1] {
                let w = Int(order[i])
                let rw = records[w]
                let here = rw.hops .== current
                var sum = Lanes.zero
                var e = off[w]
                let end = off[w + 1]
                if let edgeSums {
                    let sw = Lanes.zero.replacing(with: rw.value, where: here)
                    while e < end {
                        let x = records[Int(adj[e])]
                        let c = Lanes.zero.replacing(with: sw * x.value, where: x.hops .== next)
                        let total = c.sum()
                        if total != 0 { edgeSums.add(e, total) }
                        sum += c
                        e += 1
                    }
                } else {
                    while e < end {
                        let x = records[Int(adj[e])]
                        sum += Lanes.zero.replacing(with: x.value, where: x.hops .== next)
                        e += 1
                    }
                }
                // Vertex form: delta = sigma[w] · Σ coef[x]; edge form: delta = Σ c.
                let delta = edgeSums == nil ? rw.value * sum : sum
                records[w].value = rw.value.replacing(with: (1 + delta) / rw.value, where: here)
                // One addition per (vertex, level): the lanes' dependencies are summed in fixed
                // lane order, so the result depends only on the batch, not on threads.
                let contribution = Lanes.zero.replacing(with: endpoints ? delta + 1 : delta, where: here).sum()
                if contribution != 0 && l > 0 { sums.add(w, contribution) }
            }
            l -= 1
        }
        if endpoints {
            for lane in 0..<sources.count { sums.add(Int(laneSource[lane]), reached[lane] - 1) }
        }

        // Reset every touched vertex.
        for i in 0..<count {
            let v = Int(order[i])
            records[v] = Record(hops: Lanes(repeating: -1), value: .zero)
            queuedAt[v] = -1
        }
    }
}

extension CompressedGraph {
    /// All vertices in BFS order (restarting at the smallest unvisited id), so that
    /// consecutive sources are close in the graph.
    func breadthFirstVertexOrder() -> [Int32] {
        let n = vertexCount
        var seen = [Bool](repeating: false, count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        for root in 0..<n where !seen[root] {
            seen[root] = true
            var head = order.count
            order.append(Int32(root))
            while head < order.count {
                let v = Int(order[head]); head += 1
                for e in outOffsets[v]..<outOffsets[v + 1] where !seen[Int(outTargets[e])] {
                    seen[Int(outTargets[e])] = true
                    order.append(outTargets[e])
                }
            }
        }
        return order
    }
}

extension CompressedGraph {
    /// The same graph with vertex `order[i]` renamed `i` (`order` must be a permutation).
    /// Parallel edges and self-loops are kept as they are.
    func permuted(by order: [Int32]) -> CompressedGraph {
        var newId = [Int32](repeating: 0, count: vertexCount)
        for (i, v) in order.enumerated() { newId[Int(v)] = Int32(i) }
        let all = edges
        var sources = all.map { newId[Int($0.source)] }
        var targets = all.map { newId[Int($0.target)] }
        var weights: [Double]? = isWeighted ? all.map { $0.weight! } : nil
        return CompressedGraph.build(
            vertexCount: vertexCount, sources: &sources, targets: &targets, weights: &weights,
            directed: isDirected, parallelEdges: .keepMultiEdges, selfLoops: .keep)
    }
}
