import Testing
@testable import GraphAlgorithms

/// Straightforward O(n³) implementations from the definitions, to check the fast kernels
/// on random graphs (integer weights keep floating-point path lengths exact).
struct NaiveMeasures {
    let n: Int
    /// `dist[s][t]`, +inf when unreachable.
    var dist: [[Double]]
    /// Number of shortest s–t paths.
    var sigma: [[Double]]
    let arcs: [(Int, Int, Double)]
    let directed: Bool

    init(_ g: CompressedGraph, weighted: Bool) {
        n = g.vertexCount
        directed = g.isDirected
        var arcs: [(Int, Int, Double)] = []
        for u in 0..<n {
            for e in g.outOffsets[u]..<g.outOffsets[u + 1] {
                arcs.append((u, Int(g.outTargets[e]), weighted ? g.outWeights![e] : 1))
            }
        }
        self.arcs = arcs
        // Floyd–Warshall distances.
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for v in 0..<n { d[v][v] = 0 }
        for (u, v, w) in arcs where u != v { d[u][v] = min(d[u][v], w) }
        for k in 0..<n { for i in 0..<n { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } } }
        dist = d
        // Path counts: process targets by increasing distance from s.
        var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for s in 0..<n {
            sigma[s][s] = 1
            let order = (0..<n).filter { d[s][$0].isFinite }.sorted { d[s][$0] < d[s][$1] }
            for t in order where t != s {
                for (u, v, w) in arcs where v == t && u != t && d[s][u] + w == d[s][t] { sigma[s][t] += sigma[s][u] }
            }
        }
        self.sigma = sigma
    }

    /// Unnormalised betweenness over ordered pairs, halved for undirected graphs.
    func betweenness() -> [Double] {
        var b = [Double](repeating: 0, count: n)
        for s in 0..<n { for t in 0..<n where s != t && dist[s][t].isFinite {
            for v in 0..<n where v != s && v != t && dist[s][v] + dist[v][t] == dist[s][t] {
                b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
            }
        } }
        return directed ? b : b.map { $0 / 2 }
    }

    /// Unnormalised edge betweenness for each arc (u → v), summed over both directions of an
    /// undirected edge and halved; keyed by (min, max) for undirected graphs.
    func edgeBetweenness() -> [[Int]: Double] {
        var result: [[Int]: Double] = [:]
        for (u, v, w) in arcs {
            var c = 0.0
            for s in 0..<n { for t in 0..<n where s != t && dist[s][t].isFinite {
                if dist[s][u] + w + dist[v][t] == dist[s][t] { c += sigma[s][u] * sigma[v][t] / sigma[s][t] }
            } }
            let key = directed ? [u, v] : [min(u, v), max(u, v)]
            result[key, default: 0] += directed ? c : c / 2
        }
        return result
    }

    func closeness(wfImproved: Bool) -> [Double] {
        (0..<n).map { u in
            let reach = (0..<n).filter { dist[$0][u].isFinite }
            let total = reach.reduce(0.0) { $0 + dist[$1][u] }
            guard total > 0, n > 1 else { return 0 }
            var c = Double(reach.count - 1) / total
            if wfImproved { c *= Double(reach.count - 1) / Double(n - 1) }
            return c
        }
    }

    func harmonic() -> [Double] {
        (0..<n).map { u in (0..<n).reduce(0.0) { $0 + (($1 != u && dist[$1][u].isFinite) ? 1 / dist[$1][u] : 0) } }
    }
}

@Suite("Fast kernels against naive definitions on random graphs")
struct NaiveReferenceTests {
    static let cases: [(seed: UInt64, directed: Bool, weighted: Bool)] = (1...4).flatMap { seed in
        [(UInt64(seed), false, false), (UInt64(seed), true, false), (UInt64(seed), false, true), (UInt64(seed), true, true)]
    }

    @Test(arguments: cases)
    func randomGraph(seed: UInt64, directed: Bool, weighted: Bool) throws {
        // Sparse enough to leave several components on some seeds.
        let g = try GraphAlgorithmsTests.randomGraph(n: 28, m: 45, directed: directed, weighted: weighted, seed: seed)
        let naive = NaiveMeasures(g, weighted: weighted)
        let distances: EdgeDistances = weighted ? .weights : .unit
        let label = "seed \(seed) directed \(directed) weighted \(weighted)"
        expectClose(try g.betweennessCentrality(normalized: false, distances: distances), naive.betweenness(), "\(label) betweenness")
        for endpoints in [false, true] {
            // The single-source kernel (used above 500k vertices) against the batched one.
            expectClose(
                try g.betweennessCentrality(
                    normalized: true, endpoints: endpoints, distances: distances, k: nil, seed: 0, threads: 2, batched: false),
                try g.betweennessCentrality(normalized: true, endpoints: endpoints, distances: distances),
                "\(label) single-source kernel, endpoints \(endpoints)")
        }
        let edges = try g.edgeBetweennessCentrality(normalized: false, distances: distances)
        let expectedEdges = naive.edgeBetweenness()
        for (e, v) in zip(edges.edges, edges.values) {
            let key = directed ? [Int(e.source), Int(e.target)] : [Int(min(e.source, e.target)), Int(max(e.source, e.target))]
            expectClose([v], [expectedEdges[key]], "\(label) edge \(key)")
        }
        expectClose(try g.closenessCentrality(distances: distances), naive.closeness(wfImproved: true), "\(label) closeness")
        expectClose(try g.closenessCentrality(distances: distances, wfImproved: false), naive.closeness(wfImproved: false), "\(label) closeness raw")
        expectClose(try g.harmonicCentrality(distances: distances), naive.harmonic(), "\(label) harmonic")
        for s in g.vertices {
            let tree = try g.shortestPaths(from: s, distances: distances)
            #expect(tree.distances == naive.dist[Int(s)], "\(label) distances from \(s)")
        }
    }

    @Test("bipartite projection against naive pair counting", arguments: [UInt64(1), 2, 3])
    func bipartiteProjectionNaive(seed: UInt64) throws {
        // People are the odd ids (interleaved with the other side), given unsorted and with a
        // duplicate; meetings are the even ids, some of them isolated or attended once.
        var rng = TestRandom(state: seed)
        let n = 60
        var builder = CompressedGraph.Builder(directed: false, vertexCount: n)
        for _ in 0..<90 {
            builder.addEdge(Int32(2 * rng.below(n / 2) + 1), Int32(2 * rng.below(n / 2)))
        }
        let g = try builder.build()
        var people = (0..<Int32(n / 2)).map { 2 * $0 + 1 }.reversed().map { $0 }
        people.append(people[3])
        for weighting in ProjectionWeighting.allCases {
            let projection = try g.bipartiteProjection(onto: people, weighting: weighting)
            #expect(projection.vertices == (0..<Int32(n / 2)).map { 2 * $0 + 1 })
            var expected: [[Double]] = []
            for a in projection.vertices {
                for b in projection.vertices where b > a {
                    let shared = Set(g.neighbours(of: a)).intersection(g.neighbours(of: b)).sorted()
                    guard !shared.isEmpty else { continue }
                    let w: Double
                    switch weighting {
                    case .sharedNeighbours: w = Double(shared.count)
                    case .sharedNeighboursRatio: w = Double(shared.count) / Double(n / 2)
                    case .collaboration: w = shared.reduce(0) { $0 + 1 / Double(g.neighbours(of: $1).count - 1) }
                    }
                    expected.append([Double(a), Double(b), w])
                }
            }
            let actual = projection.originalEdges.map { [Double($0.source), Double($0.target), $0.weight] }
            #expect(actual.map { [$0[0], $0[1]] } == expected.map { [$0[0], $0[1]] }, "\(weighting) edges")
            for (x, y) in zip(actual, expected) { #expect(abs(x[2] - y[2]) <= 1e-12 * y[2], "\(weighting) weight") }
            // Rows are sorted and the graph is symmetric.
            for v in projection.graph.vertices {
                let row = Array(projection.graph.neighbours(of: v))
                #expect(row == row.sorted())
                for u in row { #expect(projection.graph.neighbours(of: u).contains(v)) }
            }
        }
    }

    @Test("components: union-find labels against a breadth-first search", arguments: [false, true])
    func componentsNaive(directed: Bool) throws {
        let g = try GraphAlgorithmsTests.randomGraph(n: 300, m: 220, directed: directed, weighted: false, seed: 9)
        let components = g.weaklyConnectedComponents()
        var expected = [Int32](repeating: -1, count: g.vertexCount)
        var next: Int32 = 0
        for root in 0..<g.vertexCount where expected[root] < 0 {
            var stack = [Int32(root)]
            expected[root] = next
            while let v = stack.popLast() {
                for w in Array(g.successors(of: v)) + Array(g.predecessors(of: v)) where expected[Int(w)] < 0 {
                    expected[Int(w)] = next
                    stack.append(w)
                }
            }
            next += 1
        }
        #expect(components.labels == expected)
        #expect(components.count == Int(next))
        #expect(components.count > 5)
    }

    @Test("PageRank against a dense reference iteration")
    func pageRankDense() throws {
        let g = try GraphAlgorithmsTests.randomGraph(n: 30, m: 80, directed: true, weighted: true, seed: 99)
        let n = g.vertexCount
        var a = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for u in 0..<n { for e in g.outOffsets[u]..<g.outOffsets[u + 1] { a[u][Int(g.outTargets[e])] += g.outWeights![e] } }
        var x = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<1000 {
            var next = [Double](repeating: 0, count: n)
            var dangling = 0.0
            for u in 0..<n {
                let s = a[u].reduce(0, +)
                if s == 0 { dangling += x[u]; continue }
                for v in 0..<n { next[v] += x[u] * a[u][v] / s }
            }
            x = next.map { 0.85 * ($0 + dangling / Double(n)) + 0.15 / Double(n) }
        }
        expectClose(try g.pageRank(strengths: .weights, tolerance: 1e-15, maxIterations: 1000), x, relative: 1e-9, "pagerank")
    }
}

@Suite("Thread-count determinism")
struct DeterminismTests {
    @Test("bitwise identical results for 1, 2, 3 and 8 threads", arguments: [false, true])
    func threads(weighted: Bool) throws {
        let g = try randomGraph(n: 180, m: 600, directed: false, weighted: weighted, seed: 5)
        let d: EdgeDistances = weighted ? .weights : .unit
        func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }
        let b1 = bits(try g.betweennessCentrality(distances: d, threads: 1))
        let e1 = bits(try g.edgeBetweennessCentrality(distances: d, threads: 1).values)
        let c1 = bits(try g.closenessCentrality(distances: d, threads: 1))
        let h1 = bits(try g.harmonicCentrality(distances: d, threads: 1))
        let s1 = bits(try g.betweennessCentrality(distances: d, k: 50, seed: 3, threads: 1))
        for t in [2, 3, 8] {
            #expect(bits(try g.betweennessCentrality(distances: d, threads: t)) == b1, "betweenness, \(t) threads")
            #expect(bits(try g.edgeBetweennessCentrality(distances: d, threads: t).values) == e1, "edge betweenness, \(t) threads")
            #expect(bits(try g.closenessCentrality(distances: d, threads: t)) == c1, "closeness, \(t) threads")
            #expect(bits(try g.harmonicCentrality(distances: d, threads: t)) == h1, "harmonic, \(t) threads")
            #expect(bits(try g.betweennessCentrality(distances: d, k: 50, seed: 3, threads: t)) == s1, "sampled, \(t) threads")
        }
    }

    @Test("eigenvector centrality: bitwise identical for 1, 2 and 3 threads above one chunk")
    func eigenvectorThreads() throws {
        // 70,000 vertices: three chunks of 32,768, so the parallel path really runs.
        let g = try randomGraph(n: 70_000, m: 210_000, directed: false, weighted: false, seed: 11)
        let one = try g.eigenvectorCentrality(maxIterations: 1000, tolerance: 1e-10, threads: 1)
        for t in [2, 3] {
            let many = try g.eigenvectorCentrality(maxIterations: 1000, tolerance: 1e-10, threads: t)
            #expect(many.map(\.bitPattern) == one.map(\.bitPattern), "\(t) threads")
        }
        let norm = one.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-12)
    }

    @Test("PageRank: bitwise identical for 1, 2 and 3 threads above one chunk", arguments: [false, true])
    func pageRankThreads(directed: Bool) throws {
        // 70,000 vertices (three chunks); the directed graph has dangling vertices.
        let g = try randomGraph(n: 70_000, m: 140_000, directed: directed, weighted: false, seed: 12)
        let one = try g.pageRank(tolerance: 1e-12, maxIterations: 1000, threads: 1)
        for t in [2, 3] {
            let many = try g.pageRank(tolerance: 1e-12, maxIterations: 1000, threads: t)
            #expect(many.map(\.bitPattern) == one.map(\.bitPattern), "\(t) threads")
        }
        #expect(abs(one.reduce(0, +) - 1) < 1e-9)
    }

    @Test("sampling is reproducible and seed-dependent")
    func sampling() throws {
        let g = try randomGraph(n: 200, m: 600, directed: false, weighted: false, seed: 8)
        #expect(try g.betweennessSources(k: 20, seed: 1) == g.betweennessSources(k: 20, seed: 1))
        #expect(try g.betweennessSources(k: 20, seed: 1) != g.betweennessSources(k: 20, seed: 2))
        #expect(Set(try g.betweennessSources(k: 200, seed: 4)).count == 200)
        // k = n samples every vertex, so only the rescaling differs from exact values.
        let exact = try g.betweennessCentrality(endpoints: true)
        expectClose(try g.betweennessCentrality(endpoints: true, k: 200, seed: 9), exact, "k = n with endpoints")
    }
}
