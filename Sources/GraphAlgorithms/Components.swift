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
        var labels = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var next: Int32 = 0
        for root in 0..<n where labels[root] < 0 {
            labels[root] = next
            queue[0] = Int32(root)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(queue[head]); head += 1
                for e in outOffsets[v]..<outOffsets[v + 1] {
                    let w = Int(outTargets[e])
                    if labels[w] < 0 { labels[w] = next; queue[tail] = Int32(w); tail += 1 }
                }
                if isDirected {
                    for e in inOffsets[v]..<inOffsets[v + 1] {
                        let w = Int(inSources[e])
                        if labels[w] < 0 { labels[w] = next; queue[tail] = Int32(w); tail += 1 }
                    }
                }
            }
            next += 1
        }
        return Components(rawLabels: labels)
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
