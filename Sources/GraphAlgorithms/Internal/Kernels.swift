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

/// Stand-in base address for empty arrays; never dereferenced (loops over empty ranges).
private var dummyInt: UnsafePointer<Int> { UnsafePointer(bitPattern: MemoryLayout<Int>.alignment)! }
private var dummyInt32: UnsafePointer<Int32> { UnsafePointer(bitPattern: MemoryLayout<Int32>.alignment)! }

private func withOptionalPointer<R>(_ a: [Double]?, _ body: (UnsafePointer<Double>?) throws -> R) rethrows -> R {
    guard let a else { return try body(nil) }
    return try a.withUnsafeBufferPointer { try body($0.baseAddress) }
}

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
    let heap: BinaryHeap

    init(vertexCount n: Int, heapCapacity: Int) {
        self.n = n
        let c = max(n, 1)
        hops = .allocate(capacity: c); hops.initialize(repeating: -1, count: c)
        distance = .allocate(capacity: c); distance.initialize(repeating: .infinity, count: c)
        position = .allocate(capacity: c); position.initialize(repeating: -1, count: c)
        sigma = .allocate(capacity: c); sigma.initialize(repeating: 0, count: c)
        coefficient = .allocate(capacity: c); coefficient.initialize(repeating: 0, count: c)
        order = .allocate(capacity: c); order.initialize(repeating: 0, count: c)
        slots = .allocate(capacity: c); slots.initialize(repeating: PathSlot(value: 0, hops: -1), count: c)
        heap = BinaryHeap(capacity: heapCapacity)
    }

    deinit {
        hops.deallocate(); distance.deallocate(); position.deallocate()
        sigma.deallocate(); coefficient.deallocate(); order.deallocate(); slots.deallocate()
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
        heap.removeAll()
        dist[Int(s)] = 0
        sigma[Int(s)] = 1
        heap.push(0, s)
        var settled = 0
        while let (d, v32) = heap.pop() {
            let v = Int(v32)
            if pos[v] >= 0 || d > dist[v] { continue }
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
                        heap.push(nd, Int32(truncatingIfNeeded: x))
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

/// A binary min-heap of `(key, vertex)` pairs ordered by key, then vertex.
final class BinaryHeap {
    private var keys: UnsafeMutablePointer<Double>
    private var items: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        keys = .allocate(capacity: self.capacity)
        items = .allocate(capacity: self.capacity)
    }

    deinit { keys.deallocate(); items.deallocate() }

    @inline(__always) func removeAll() { count = 0 }

    @inline(__always)
    private func less(_ ka: Double, _ ia: Int32, _ kb: Double, _ ib: Int32) -> Bool {
        ka < kb || (ka == kb && ia < ib)
    }

    @inline(__always)
    func push(_ key: Double, _ item: Int32) {
        if count == capacity { grow() }
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if !less(key, item, keys[parent], items[parent]) { break }
            keys[i] = keys[parent]; items[i] = items[parent]
            i = parent
        }
        keys[i] = key; items[i] = item
    }

    @inline(__always)
    func pop() -> (Double, Int32)? {
        guard count > 0 else { return nil }
        let top = (keys[0], items[0])
        count -= 1
        if count > 0 {
            let key = keys[count], item = items[count]
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= count { break }
                var c = l
                let r = l + 1
                if r < count && less(keys[r], items[r], keys[l], items[l]) { c = r }
                if !less(keys[c], items[c], key, item) { break }
                keys[i] = keys[c]; items[i] = items[c]
                i = c
            }
            keys[i] = key; items[i] = item
        }
        return top
    }

    private func grow() {
        let newCapacity = capacity * 2
        let nk = UnsafeMutablePointer<Double>.allocate(capacity: newCapacity)
        let ni = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        nk.moveInitialize(from: keys, count: count)
        ni.moveInitialize(from: items, count: count)
        keys.deallocate(); items.deallocate()
        keys = nk; items = ni; capacity = newCapacity
    }
}

/// Hop distance and a per-vertex value (path count, then accumulation coefficient).
struct PathSlot {
    var value: Double
    var hops: Int32
}

extension Double {
    /// `self` if `a == b`, else `+0.0`, computed with integer arithmetic so the compiler
    /// cannot turn it into an unpredictable branch.
    @inline(__always)
    func masked(ifEqual a: Int32, _ b: Int32) -> Double {
        let diff = Int64(a ^ b)
        let notEqual = (diff | (0 &- diff)) >> 63 // -1 if a != b, else 0
        return Double(bitPattern: bitPattern & ~UInt64(bitPattern: notEqual))
    }
}
