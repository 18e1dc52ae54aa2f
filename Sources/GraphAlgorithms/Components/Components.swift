/// A partition of the vertices into components.
public struct Components: Sendable, Hashable {
    /// `labels[v]` is the component of vertex `v`, in `0..<count`. Components are numbered in
    /// order of their smallest vertex, so labels are deterministic.
    public let labels: [Int32]
    /// The number of components.
    public let count: Int

    /// The vertices of each component, ascending, indexed by label.
    public var members: [[Int32]] {
        var result = [[Int32]](repeating: [], count: count)
        for (v, c) in labels.enumerated() { result[Int(c)].append(Int32(v)) }
        return result
    }

    /// The size of each component, indexed by label.
    public var sizes: [Int] {
        var result = [Int](repeating: 0, count: count)
        for c in labels { result[Int(c)] += 1 }
        return result
    }

    /// Labels already numbered in order of each component's smallest vertex.
    init(labels: [Int32], count: Int) {
        self.labels = labels
        self.count = count
    }

    /// Renumbers arbitrary labels in order of each component's smallest vertex.
    init(rawLabels: [Int32]) {
        var map = [Int32: Int32]()
        var labels = rawLabels
        for v in labels.indices {
            if let m = map[rawLabels[v]] {
                labels[v] = m
            } else {
                let m = Int32(map.count)
                map[rawLabels[v]] = m
                labels[v] = m
            }
        }
        self.labels = labels
        self.count = map.count
    }
}

extension CompressedGraph {
    /// Connected components of an undirected graph, or weakly connected components of a
    /// directed one (edge directions ignored), as `networkx.connected_components` /
    /// `weakly_connected_components`.
    /// - Complexity: O(n + m), iterative (no recursion).
    public func weaklyConnectedComponents() -> Components {
        let n = vertexCount
        // Union-find over the edge arrays: every root is the smallest vertex of its tree
        // (the larger root is linked below the smaller), with path halving. For an
        // undirected graph each edge is seen from its larger endpoint only (the sorted
        // prefix of its row); for a directed one every arc once.
        var parent = [Int32](unsafeUninitializedCapacity: n) { p, count in
            for v in 0..<n { p[v] = Int32(v) }
            count = n
        }
        var labels = [Int32](unsafeUninitializedCapacity: n) { _, count in count = n }
        var componentCount: Int32 = 0
        parent.withUnsafeMutableBufferPointer { parent in
            withViews { out, _ in
                @inline(__always) func find(_ x: Int32) -> Int32 {
                    var x = x
                    while true {
                        let p = parent[Int(x)]
                        if p == x { return x }
                        let gp = parent[Int(p)]
                        parent[Int(x)] = gp
                        x = gp
                    }
                }
                for u in 0..<n {
                    let start = out.offsets[u], end = out.offsets[u + 1]
                    var e = start
                    var ru = find(Int32(u)) // stays the root of u's tree
                    while e < end {
                        let v = out.neighbours[e]
                        if !isDirected && Int(v) >= u { break }
                        e += 1
                        let rv = find(v)
                        if rv == ru { continue }
                        if ru < rv {
                            parent[Int(rv)] = ru
                        } else {
                            parent[Int(ru)] = rv
                            ru = rv
                        }
                    }
                }
                // Roots are the smallest vertices of their components, so numbering roots in
                // vertex order numbers components by their smallest vertex.
                labels.withUnsafeMutableBufferPointer { labels in
                    for v in 0..<n {
                        let p = parent[v]
                        if Int(p) == v {
                            labels[v] = componentCount
                            componentCount += 1
                        } else {
                            // parent[v] < v and its label is final; its root's label equals it.
                            labels[v] = labels[Int(p)]
                        }
                    }
                }
            }
        }
        return Components(labels: labels, count: Int(componentCount))
    }

    /// Strongly connected components, as `networkx.strongly_connected_components`: maximal
    /// sets of mutually reachable vertices. For an undirected graph these are the connected
    /// components.
    /// - Complexity: O(n + m); Tarjan's algorithm with an explicit stack (no recursion), so
    ///   long paths cannot overflow the call stack.
    ///
    /// Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J.
    /// Computing 1 (1972).
    public func stronglyConnectedComponents() -> Components {
        guard isDirected else { return weaklyConnectedComponents() }
        let n = vertexCount
        var index = [Int32](repeating: -1, count: n)
        var lowLink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var labels = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        // Call stack of (vertex, next edge position).
        var frames: [(v: Int32, edge: Int)] = []
        var counter: Int32 = 0
        var componentCount: Int32 = 0
        for root in 0..<n where index[root] < 0 {
            frames.append((Int32(root), outOffsets[root]))
            index[root] = counter; lowLink[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            while let frame = frames.last {
                let v = Int(frame.v)
                var e = frame.edge
                var descended = false
                while e < outOffsets[v + 1] {
                    let w = Int(outTargets[e]); e += 1
                    if index[w] < 0 {
                        frames[frames.count - 1].edge = e
                        index[w] = counter; lowLink[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        frames.append((Int32(w), outOffsets[w]))
                        descended = true
                        break
                    } else if onStack[w] {
                        lowLink[v] = min(lowLink[v], index[w])
                    }
                }
                if descended { continue }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[Int(parent.v)] = min(lowLink[Int(parent.v)], lowLink[v])
                }
                if lowLink[v] == index[v] {
                    while true {
                        let w = Int(stack.removeLast())
                        onStack[w] = false
                        labels[w] = componentCount
                        if w == v { break }
                    }
                    componentCount += 1
                }
            }
        }
        return Components(rawLabels: labels)
    }
}
