/// Bit-parallel breadth-first search from 64 sources at once (MS-BFS, Then et al., "The
/// More the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2014).
///
/// Bit `b` of `seen[v]` says source `b` has reached `v`. Each level ORs the frontier bits
/// of a vertex into its neighbours, so a vertex's adjacency is scanned once per distinct
/// level among the 64 sources rather than once per source. Used for closeness and harmonic
/// centrality, which need only per-source distance sums.
final class MultiSourceBFSScratch {
    let n: Int
    let seen: UnsafeMutablePointer<UInt64>
    let frontier: UnsafeMutablePointer<UInt64>
    let next: UnsafeMutablePointer<UInt64>
    var current: [Int32] = []
    var candidates: [Int32] = []
    var touched: [Int32] = []

    init(vertexCount n: Int) {
        self.n = n
        let c = max(n, 1)
        seen = .allocate(capacity: c); seen.initialize(repeating: 0, count: c)
        frontier = .allocate(capacity: c); frontier.initialize(repeating: 0, count: c)
        next = .allocate(capacity: c); next.initialize(repeating: 0, count: c)
    }

    deinit { seen.deallocate(); frontier.deallocate(); next.deallocate() }

    /// Runs BFS from up to 64 `sources` over `g`. For lane `b` returns the number of vertices
    /// reached (including the source), the sum of distances and Σ 1/d (summed per level
    /// as `count / level`, in increasing level order, exactly as the single-source path).
    func run(_ g: AdjacencyView, sources: some Collection<Int32>)
        -> (reached: [Int], total: [Int], harmonic: [Double])
    {
        let lanes = sources.count
        var reached = [Int](repeating: 1, count: lanes)
        var total = [Int](repeating: 0, count: lanes)
        var harmonic = [Double](repeating: 0, count: lanes)
        var levelCount = [Int](repeating: 0, count: lanes)
        let seen = self.seen, frontier = self.frontier, next = self.next
        let off = g.offsets, adj = g.neighbours
        // Work on local arrays (no dynamic exclusivity checks in the loops), then hand the
        // buffers back for reuse.
        var current: [Int32] = [], candidates: [Int32] = [], touched: [Int32] = []
        swap(&current, &self.current)
        swap(&candidates, &self.candidates)
        swap(&touched, &self.touched)
        defer {
            swap(&current, &self.current)
            swap(&candidates, &self.candidates)
            swap(&touched, &self.touched)
        }
        current.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        for (b, s) in sources.enumerated() {
            let si = Int(s)
            if seen[si] == 0 { current.append(s); touched.append(s) }
            seen[si] |= 1 << UInt64(b)
            frontier[si] |= 1 << UInt64(b)
        }
        var level = 0
        while !current.isEmpty {
            level += 1
            candidates.removeAll(keepingCapacity: true)
            for v32 in current {
                let v = Int(v32)
                let bits = frontier[v]
                var e = off[v]
                let end = off[v + 1]
                while e < end {
                    let w = Int(adj[e])
                    if next[w] == 0 { candidates.append(Int32(truncatingIfNeeded: w)) }
                    next[w] |= bits
                    e += 1
                }
            }
            for v32 in current { frontier[Int(v32)] = 0 }
            current.removeAll(keepingCapacity: true)
            var anyNew = false
            for w32 in candidates {
                let w = Int(w32)
                let fresh = next[w] & ~seen[w]
                next[w] = 0
                guard fresh != 0 else { continue }
                if seen[w] == 0 { touched.append(w32) }
                seen[w] |= fresh
                frontier[w] = fresh
                current.append(w32)
                anyNew = true
                var bits = fresh
                while bits != 0 {
                    let b = bits.trailingZeroBitCount
                    levelCount[b] += 1
                    bits &= bits &- 1
                }
            }
            if anyNew {
                for b in 0..<lanes where levelCount[b] > 0 {
                    reached[b] += levelCount[b]
                    total[b] += levelCount[b] * level
                    harmonic[b] += Double(levelCount[b]) / Double(level)
                    levelCount[b] = 0
                }
            }
        }
        for v in touched { seen[Int(v)] = 0 }
        return (reached, total, harmonic)
    }
}
