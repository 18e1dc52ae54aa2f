/// Single-source shortest paths with path reconstruction.
public struct ShortestPathTree: Sendable, Hashable {
    /// The source vertex.
    public let source: Int32
    /// `distances[v]`: length of a shortest path from `source` to `v` (hops for unit
    /// distances); `+infinity` when `v` is unreachable.
    public let distances: [Double]
    /// `predecessors[v]`: the vertex before `v` on the recorded shortest path; -1 for the
    /// source and for unreachable vertices.
    public let predecessors: [Int32]

    /// Whether `v` is reachable from the source.
    public func isReachable(_ v: Int32) -> Bool { distances[Int(v)].isFinite }

    /// The vertices of a shortest path from `source` to `target`, both included; `nil` if
    /// `target` is unreachable. Among equally short paths, the one whose last hop was found
    /// first is recorded (ties may differ from NetworkX, lengths never do).
    public func path(to target: Int32) -> [Int32]? {
        guard target >= 0, Int(target) < distances.count, distances[Int(target)].isFinite else { return nil }
        var path = [target]
        var v = target
        while v != source {
            v = predecessors[Int(v)]
            path.append(v)
        }
        return path.reversed()
    }
}

extension CompressedGraph {
    /// Hop distances from `source` along out-edges, as
    /// `networkx.single_source_shortest_path_length`.
    /// - Returns: one entry per vertex; -1 for unreachable vertices.
    /// - Throws: ``GraphError/vertexOutOfRange(vertex:vertexCount:)``.
    /// - Complexity: O(n + m).
    public func breadthFirstDistances(from source: Int32) throws -> [Int32] {
        try checkVertex(source)
        let scratch = SearchScratch(vertexCount: vertexCount, weighted: false)
        return withViews { out, _ in
            _ = scratch.bfs(out, from: source)
            return Array(UnsafeBufferPointer(start: scratch.hops, count: vertexCount))
        }
    }

    /// Shortest paths from `source`, as `networkx.single_source_dijkstra` (or BFS for unit
    /// distances).
    ///
    /// - Parameters:
    ///   - source: the start vertex.
    ///   - distances: `.unit` (hops, BFS) or `.weights` (stored weights as lengths, Dijkstra
    ///     with a binary heap).
    /// - Returns: distances and a predecessor tree; use ``ShortestPathTree/path(to:)``.
    /// - Throws: ``GraphError/vertexOutOfRange(vertex:vertexCount:)``,
    ///   ``GraphError/missingWeights(algorithm:)``, ``GraphError/invalidDistance(source:target:value:)``.
    /// - Complexity: O(n + m) for unit distances, O((n + m) log n) weighted.
    ///
    /// Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs",
    /// Numerische Mathematik 1 (1959).
    public func shortestPaths(from source: Int32, distances: EdgeDistances = .unit) throws -> ShortestPathTree {
        try checkVertex(source)
        let weighted = try validateDistances(distances, algorithm: "shortestPaths")
        let n = vertexCount
        var dist = [Double](repeating: .infinity, count: n)
        var pred = [Int32](repeating: -1, count: n)
        dist[Int(source)] = 0
        if !weighted {
            var queue = [source]
            var head = 0
            while head < queue.count {
                let v = Int(queue[head]); head += 1
                for e in outOffsets[v]..<outOffsets[v + 1] {
                    let w = Int(outTargets[e])
                    if dist[w] == .infinity {
                        dist[w] = dist[v] + 1
                        pred[w] = Int32(v)
                        queue.append(Int32(w))
                    }
                }
            }
        } else {
            let w = outWeights!
            let storage = HeapStorage(capacity: outTargets.count + 1)
            var heap = storage.makeHeap()
            var done = [Bool](repeating: false, count: n)
            heap.push(0, source)
            while let (d, v32) = heap.pop() {
                let v = Int(v32)
                if done[v] || d > dist[v] { continue }
                done[v] = true
                for e in outOffsets[v]..<outOffsets[v + 1] {
                    let x = Int(outTargets[e])
                    let nd = d + w[e]
                    if !done[x] && nd < dist[x] {
                        dist[x] = nd
                        pred[x] = v32
                        heap.push(nd, Int32(x))
                    }
                }
            }
        }
        return ShortestPathTree(source: source, distances: dist, predecessors: pred)
    }

    /// A shortest path from `source` to `target`, or `nil` if there is none.
    /// - Throws: as ``shortestPaths(from:distances:)``, and for an out-of-range `target`.
    public func shortestPath(from source: Int32, to target: Int32, distances: EdgeDistances = .unit) throws -> [Int32]? {
        try checkVertex(target)
        return try shortestPaths(from: source, distances: distances).path(to: target)
    }
}
