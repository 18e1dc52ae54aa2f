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

/// Storage for a binary heap, allocated once per worker.
final class HeapStorage {
    let keys: UnsafeMutablePointer<Double>
    let items: UnsafeMutablePointer<Int32>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        keys = .allocate(capacity: self.capacity)
        items = .allocate(capacity: self.capacity)
    }

    deinit { keys.deallocate(); items.deallocate() }

    /// An empty heap over this storage. Keep it in a local variable: a struct in a local
    /// needs no dynamic exclusivity checks, unlike a class's stored `var`.
    func makeHeap() -> BinaryHeap { BinaryHeap(keys: keys, items: items, capacity: capacity) }
}

/// The order of both heaps: by key, then by vertex, so ties pop in a fixed order.
@inline(__always)
private func heapPrecedes(_ keyA: Double, _ itemA: Int32, _ keyB: Double, _ itemB: Int32) -> Bool {
    keyA < keyB || (keyA == keyB && itemA < itemB)
}

/// A binary min-heap of `(key, vertex)` pairs ordered by key, then vertex, over fixed
/// storage. Dijkstra pushes at most once per arc plus once for the source, so a capacity of
/// `arcs + 1` never overflows.
struct BinaryHeap {
    let keys: UnsafeMutablePointer<Double>
    let items: UnsafeMutablePointer<Int32>
    let capacity: Int
    var count = 0

    init(keys: UnsafeMutablePointer<Double>, items: UnsafeMutablePointer<Int32>, capacity: Int) {
        self.keys = keys
        self.items = items
        self.capacity = capacity
    }


    @inline(__always)
    mutating func push(_ key: Double, _ item: Int32) {
        precondition(count < capacity, "heap capacity exceeded")
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if !heapPrecedes(key, item, keys[parent], items[parent]) { break }
            keys[i] = keys[parent]; items[i] = items[parent]
            i = parent
        }
        keys[i] = key; items[i] = item
    }

    @inline(__always)
    mutating func pop() -> (Double, Int32)? {
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
                if r < count && heapPrecedes(keys[r], items[r], keys[l], items[l]) { c = r }
                if !heapPrecedes(keys[c], items[c], key, item) { break }
                keys[i] = keys[c]; items[i] = items[c]
                i = c
            }
            keys[i] = key; items[i] = item
        }
        return top
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

/// An indexed 4-ary min-heap of vertices keyed by tentative distance, ordered by key then
/// vertex id, with decrease-key: each vertex is in the heap at most once, so the heap never
/// holds more than `n` entries and no stale entries are popped.
struct IndexedHeap {
    let keys: UnsafeMutablePointer<Double>
    let items: UnsafeMutablePointer<Int32>
    /// Slot of each vertex in the heap, -1 if absent; every vertex is absent again once
    /// the heap is empty.
    let index: UnsafeMutablePointer<Int32>
    var count = 0

    init(keys: UnsafeMutablePointer<Double>, items: UnsafeMutablePointer<Int32>, index: UnsafeMutablePointer<Int32>) {
        self.keys = keys
        self.items = items
        self.index = index
    }


    @inline(__always)
    mutating func insertOrDecrease(_ item: Int32, _ key: Double) {
        var i = Int(index[Int(item)])
        if i < 0 { i = count; count += 1 }
        while i > 0 {
            let parent = (i - 1) >> 2
            if !heapPrecedes(key, item, keys[parent], items[parent]) { break }
            keys[i] = keys[parent]; items[i] = items[parent]
            index[Int(items[i])] = Int32(truncatingIfNeeded: i)
            i = parent
        }
        keys[i] = key; items[i] = item
        index[Int(item)] = Int32(truncatingIfNeeded: i)
    }

    @inline(__always)
    mutating func popMin() -> (Double, Int32) {
        let top = (keys[0], items[0])
        index[Int(top.1)] = -1
        count -= 1
        if count > 0 {
            let key = keys[count], item = items[count]
            var i = 0
            while true {
                let first = 4 * i + 1
                if first >= count { break }
                var c = first
                var ck = keys[first], ci = items[first]
                let last = min(first + 4, count)
                var j = first + 1
                while j < last {
                    if heapPrecedes(keys[j], items[j], ck, ci) { c = j; ck = keys[j]; ci = items[j] }
                    j += 1
                }
                if !heapPrecedes(ck, ci, key, item) { break }
                keys[i] = ck; items[i] = ci
                index[Int(ci)] = Int32(truncatingIfNeeded: i)
                i = c
            }
            keys[i] = key; items[i] = item
            index[Int(item)] = Int32(truncatingIfNeeded: i)
        }
        return top
    }
}
