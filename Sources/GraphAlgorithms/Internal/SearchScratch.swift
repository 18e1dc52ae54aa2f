/// Per-thread scratch for single-source shortest-path searches, allocated once and reused.
///
/// Invariant between searches: `hops[v] == -1`, `distance[v] == +inf`, `position[v] == -1`
/// for every vertex; each search resets exactly the vertices it reached.
final class SearchScratch {
    let n: Int
    /// Hop distance (BFS), -1 when unreached.
    let hops: UnsafeMutablePointer<Int32>
    /// Weighted distance (Dijkstra), +inf when unreached.
    let distance: UnsafeMutablePointer<Double>
    /// Position in settle order (Dijkstra), -1 when unsettled.
    let position: UnsafeMutablePointer<Int32>
    /// Number of shortest paths from the source.
    let sigma: UnsafeMutablePointer<Double>
    /// `(1 + delta[v]) / sigma[v]` during dependency accumulation.
    let coefficient: UnsafeMutablePointer<Double>
    /// Vertices in the order they were reached (BFS queue / Dijkstra settle order).
    let order: UnsafeMutablePointer<Int32>
    /// Hop distance and path count (later the accumulation coefficient) side by side, so the
    /// unweighted Brandes kernels touch one cache line per neighbour.
    let slots: UnsafeMutablePointer<PathSlot>
    /// Indexed 4-ary heap for Dijkstra: keys, vertices, and each vertex's slot (-1 if absent);
    /// one entry each unless the scratch was made for weighted searches.
    let heapKeys: UnsafeMutablePointer<Double>
    let heapItems: UnsafeMutablePointer<Int32>
    let heapIndex: UnsafeMutablePointer<Int32>

    /// - Parameter weighted: whether Dijkstra searches run on this scratch (they need a heap of
    ///   `n` entries; BFS needs none).
    init(vertexCount n: Int, weighted: Bool) {
        self.n = n
        let c = max(n, 1)
        hops = .allocate(capacity: c); hops.initialize(repeating: -1, count: c)
        distance = .allocate(capacity: c); distance.initialize(repeating: .infinity, count: c)
        position = .allocate(capacity: c); position.initialize(repeating: -1, count: c)
        sigma = .allocate(capacity: c); sigma.initialize(repeating: 0, count: c)
        coefficient = .allocate(capacity: c); coefficient.initialize(repeating: 0, count: c)
        order = .allocate(capacity: c); order.initialize(repeating: 0, count: c)
        slots = .allocate(capacity: c); slots.initialize(repeating: PathSlot(value: 0, hops: -1), count: c)
        let h = weighted ? c : 1
        heapKeys = .allocate(capacity: h); heapKeys.initialize(repeating: 0, count: h)
        heapItems = .allocate(capacity: h); heapItems.initialize(repeating: 0, count: h)
        heapIndex = .allocate(capacity: h); heapIndex.initialize(repeating: -1, count: h)
    }

    deinit {
        hops.deallocate(); distance.deallocate(); position.deallocate()
        sigma.deallocate(); coefficient.deallocate(); order.deallocate(); slots.deallocate()
        heapKeys.deallocate(); heapItems.deallocate(); heapIndex.deallocate()
    }

    /// BFS from `s` counting shortest paths in `slots` (`hops`, `value` = sigma); fills
    /// `order`. Returns the number of vertices reached (including `s`).
    @inline(__always)
    func bfsCountingPaths(_ g: AdjacencyView, from s: Int32) -> Int {
        let slots = self.slots, order = self.order
        let off = g.offsets, adj = g.neighbours
        slots[Int(s)] = PathSlot(value: 1, hops: 0)
        order[0] = s
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head]); head += 1
            let next = slots[v].hops &+ 1
            let sv = slots[v].value
            var e = off[v]
            let end = off[v + 1]
            while e < end {
                let w = Int(adj[e])
                if slots[w].hops < 0 {
                    slots[w] = PathSlot(value: 0, hops: next)
                    order[tail] = Int32(truncatingIfNeeded: w); tail += 1
                }
                // Branch-free path count: the comparison is data dependent and unpredictable.
                slots[w].value += sv.masked(ifEqual: slots[w].hops, next)
                e += 1
            }
        }
        return tail
    }

    /// Resets `slots` for the first `reached` vertices of `order`.
    @inline(__always)
    func resetSlots(_ reached: Int) {
        for i in 0..<reached { slots[Int(order[i])].hops = -1 }
    }

    /// Plain BFS from `s`; fills `order` and `hops`. Returns the number reached.
    @inline(__always)
    func bfs(_ g: AdjacencyView, from s: Int32) -> Int {
        let hops = self.hops, order = self.order
        let off = g.offsets, adj = g.neighbours
        hops[Int(s)] = 0
        order[0] = s
        var head = 0, tail = 1
        while head < tail {
            let v = Int(order[head]); head += 1
            let next = hops[v] &+ 1
            var e = off[v]
            let end = off[v + 1]
            while e < end {
                let w = Int(adj[e])
                if hops[w] < 0 {
                    hops[w] = next
                    order[tail] = Int32(truncatingIfNeeded: w); tail += 1
                }
                e += 1
            }
        }
        return tail
    }

    /// Resets `hops` for the first `reached` vertices of `order`.
    @inline(__always)
    func resetHops(_ reached: Int) {
        for i in 0..<reached { hops[Int(order[i])] = -1 }
    }

    /// Dijkstra from `s` with lengths `g.weights`, counting shortest paths (two paths tie
    /// when their floating-point lengths are equal, as in NetworkX). Fills `order`,
    /// `distance`, `position`, `sigma`; returns the number of vertices settled.
    ///
    /// `sigma[x]` sums `sigma[v]` over vertices `v` settled before `x` with
    /// `distance[v] + w(v, x) == distance[x]`; accumulation uses the same predicate.
    @inline(__always)
    func dijkstraCountingPaths(_ g: AdjacencyView, from s: Int32, countPaths: Bool) -> Int {
        let dist = distance, pos = position, sigma = self.sigma, order = self.order
        let off = g.offsets, adj = g.neighbours, wts = g.weights!
        var heap = IndexedHeap(keys: heapKeys, items: heapItems, index: heapIndex)
        dist[Int(s)] = 0
        sigma[Int(s)] = 1
        heap.insertOrDecrease(s, 0)
        var settled = 0
        while heap.count > 0 {
            let (d, v32) = heap.popMin()
            let v = Int(v32)
            pos[v] = Int32(truncatingIfNeeded: settled)
            order[settled] = v32
            settled += 1
            let sv = sigma[v]
            var e = off[v]
            let end = off[v + 1]
            while e < end {
                let x = Int(adj[e])
                if pos[x] < 0 {
                    let nd = d + wts[e]
                    let dx = dist[x]
                    if nd < dx {
                        dist[x] = nd
                        if countPaths { sigma[x] = sv }
                        heap.insertOrDecrease(Int32(truncatingIfNeeded: x), nd)
                    } else if countPaths && nd == dx {
                        sigma[x] += sv
                    }
                }
                e += 1
            }
        }
        return settled
    }

    /// Resets `distance` and `position` for the first `reached` vertices of `order`.
    @inline(__always)
    func resetDijkstra(_ reached: Int) {
        for i in 0..<reached {
            let v = Int(order[i])
            distance[v] = .infinity
            position[v] = -1
        }
    }
}
