import Foundation
import Testing
@testable import GraphAlgorithms

/// Agreement with NetworkX 3.6.1 on the reference graphs (see Fixtures/make_fixtures.py).
@Suite("NetworkX reference values")
struct ReferenceTests {
    @Test("degree and degree centrality", arguments: Fixture.graphNames)
    func degree(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        #expect(g.degrees() == f.results.degree)
        expectClose(g.degreeCentrality(), f.results.degreeCentrality, "\(name) degree centrality")
        if let inDC = f.results.inDegreeCentrality, let outDC = f.results.outDegreeCentrality {
            expectClose(g.inDegreeCentrality(), inDC, "\(name) in-degree centrality")
            expectClose(g.outDegreeCentrality(), outDC, "\(name) out-degree centrality")
        }
        if let strength = f.results.strength {
            expectClose(g.strengths(), strength, "\(name) strength")
        }
    }

    @Test("betweenness: normalized × endpoints × weighted × sampled(k = n)", arguments: Fixture.graphNames)
    func betweenness(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        for c in f.results.betweenness {
            let values = try g.betweennessCentrality(
                normalized: c.normalized, endpoints: c.endpoints,
                distances: c.weighted ? .weights : .unit, k: c.k, seed: 7, threads: 2)
            expectClose(values, c.values, "\(name) betweenness \(c)")
        }
    }

    @Test("edge betweenness", arguments: Fixture.graphNames)
    func edgeBetweenness(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        for c in f.results.edgeBetweenness {
            let result = try g.edgeBetweennessCentrality(
                normalized: c.normalized, distances: c.weighted ? .weights : .unit, threads: 2)
            var actual: [[Double]] = []
            for (e, v) in zip(result.edges, result.values) {
                actual.append([Double(e.source), Double(e.target), v])
            }
            actual.sort { ($0[0], $0[1]) < ($1[0], $1[1]) }
            #expect(actual.map { [$0[0], $0[1]] } == c.edges.map { [$0[0], $0[1]] }, "\(name) edge set")
            expectClose(actual.map { $0[2] }, c.edges.map { $0[2] }, "\(name) edge betweenness \(c.normalized) \(c.weighted)")
        }
    }

    @Test("closeness and harmonic", arguments: Fixture.graphNames)
    func closeness(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        for c in f.results.closeness {
            let values = try g.closenessCentrality(distances: c.weighted ? .weights : .unit, wfImproved: c.wfImproved!)
            expectClose(values, c.values, "\(name) closeness weighted=\(c.weighted) wf=\(c.wfImproved!)")
        }
        for c in f.results.harmonic {
            let values = try g.harmonicCentrality(distances: c.weighted ? .weights : .unit)
            expectClose(values, c.values, "\(name) harmonic weighted=\(c.weighted)")
        }
    }

    @Test("eigenvector and Katz", arguments: Fixture.graphNames)
    func eigenvectorAndKatz(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        for c in f.results.eigenvector {
            let run = { try g.eigenvectorCentrality(strengths: c.weighted ? .weights : .unit) }
            if let expected = c.values {
                expectClose(try run(), expected, "\(name) eigenvector weighted=\(c.weighted)")
            } else {
                #expect(throws: GraphError.self) { try run() }
            }
        }
        for c in f.results.katz {
            let run = {
                try g.katzCentrality(
                    alpha: c.alpha!, beta: c.beta!, strengths: c.weighted ? .weights : .unit,
                    normalized: c.normalized!)
            }
            if let expected = c.values {
                expectClose(try run(), expected, "\(name) katz alpha=\(c.alpha!) normalized=\(c.normalized!) weighted=\(c.weighted)")
            } else {
                #expect(throws: GraphError.notConverged(algorithm: "katzCentrality", iterations: 1000, tolerance: 1e-6)) { try run() }
            }
        }
    }

    @Test("PageRank incl. personalization and dangling", arguments: Fixture.graphNames)
    func pageRank(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        for c in f.results.pagerank {
            let run = {
                try g.pageRank(
                    damping: c.alpha!, personalization: c.personalization, dangling: c.dangling,
                    strengths: c.weighted ? .weights : .unit)
            }
            let label = "\(name) pagerank alpha=\(c.alpha!) weighted=\(c.weighted) p=\(c.personalization != nil) d=\(c.dangling != nil)"
            if let expected = c.values {
                expectClose(try run(), expected, label)
            } else {
                #expect(throws: GraphError.notConverged(algorithm: "pageRank", iterations: 100, tolerance: 1e-6), "\(label)") { try run() }
            }
        }
    }

    @Test("HITS (exact reference from a dense SVD)", arguments: Fixture.graphNames)
    func hits(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        for c in f.results.hits {
            let r = try g.hits(strengths: c.weighted ? .weights : .unit, maxIterations: 100_000, tolerance: 1e-14)
            expectClose(r.hubs, c.hubs, relative: 1e-8, "\(name) hubs weighted=\(c.weighted)")
            expectClose(r.authorities, c.authorities, relative: 1e-8, "\(name) authorities weighted=\(c.weighted)")
        }
    }

    @Test("components, BFS and Dijkstra", arguments: Fixture.graphNames)
    func components(name: String) throws {
        let f = try Fixture.load(name)
        let g = try f.graph()
        #expect(g.weaklyConnectedComponents().members.sorted { $0.lexicographicallyPrecedes($1) } == f.results.weakComponents)
        if let strong = f.results.strongComponents {
            #expect(g.stronglyConnectedComponents().members.sorted { $0.lexicographicallyPrecedes($1) } == strong)
        }
        if let bfs = f.results.bfs {
            #expect(try g.breadthFirstDistances(from: bfs.source) == bfs.distances)
            let tree = try g.shortestPaths(from: bfs.source)
            for v in g.vertices {
                let expected = bfs.distances[Int(v)]
                #expect(tree.distances[Int(v)] == (expected < 0 ? .infinity : Double(expected)))
                if let path = tree.path(to: v) { #expect(path.count == Int(expected) + 1) }
            }
        }
        if let dijkstra = f.results.dijkstra {
            let tree = try g.shortestPaths(from: dijkstra.source, distances: .weights)
            expectClose(tree.distances.map { $0.isFinite ? $0 : -1 }, dijkstra.distances.map { $0 ?? -1 }, "\(name) dijkstra")
            // Every reconstructed path is a real path of the reported length.
            for v in g.vertices {
                guard let path = tree.path(to: v) else { continue }
                #expect(path.first == dijkstra.source && path.last == v)
                var length = 0.0
                for (a, b) in zip(path, path.dropFirst()) {
                    let nbrs = g.neighbours(of: a)
                    let i = try #require(nbrs.firstIndex(of: b))
                    length += g.outWeights![i]
                }
                #expect(abs(length - tree.distances[Int(v)]) <= 1e-9 * max(1, length))
            }
        }
    }

    @Test("bipartite projections", arguments: ["davis", "random_bipartite"])
    func bipartite(name: String) throws {
        let f = try BipartiteFixture.load(name)
        let g = try CompressedGraph(vertexCount: f.vertexCount, edges: f.edges.map { ($0[0], $0[1]) })
        for p in f.projections {
            let weighting = try #require(ProjectionWeighting.allCases.first { "\($0)" == p.weighting })
            let projection = try g.bipartiteProjection(onto: p.vertices, weighting: weighting)
            #expect(projection.vertices == p.vertices)
            let actual = projection.originalEdges.map { [Double($0.source), Double($0.target), $0.weight] }
                .sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
            #expect(actual.map { [$0[0], $0[1]] } == p.edges.map { [$0[0], $0[1]] }, "\(name) \(p.weighting) edges")
            expectClose(actual.map { $0[2] }, p.edges.map { $0[2] }, "\(name) \(p.weighting) weights")
        }
    }

    @Test("rankings keep NetworkX's order and ties")
    func rankingOrder() throws {
        let f = try Fixture.load("karate")
        let g = try f.graph()
        let expected = try #require(f.results.betweenness.first { !$0.weighted && $0.normalized && !$0.endpoints && $0.k == nil })
        let actual = try g.betweennessCentrality()
        let e = expected.values.map { $0! }
        for i in e.indices {
            for j in e.indices where i != j {
                if e[i] > e[j] * (1 + 1e-9) + 1e-12 { #expect(actual[i] > actual[j], "\(i) should outrank \(j)") }
                if e[i] == e[j] { #expect(abs(actual[i] - actual[j]) <= 1e-12 * max(1, e[i]), "\(i) ties \(j)") }
            }
        }
        let order = actual.indices.sorted { (actual[$0], -$0) > (actual[$1], -$1) }
        #expect(Array(order.prefix(4)) == [0, 33, 32, 2])
    }
}
