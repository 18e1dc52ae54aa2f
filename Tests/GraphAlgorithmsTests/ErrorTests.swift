import Testing
@testable import GraphAlgorithms

@Suite("Bad input: typed errors and documented results")
struct ErrorTests {
    @Test func invalidDistancesAreRejected() throws {
        for bad in [-1.0, .nan, .infinity] {
            let g = try CompressedGraph(edges: [(0, 1), (1, 2)], weights: [1, bad])
            #expect(throws: GraphError.self) { try g.betweennessCentrality(distances: .weights) }
            #expect(throws: GraphError.self) { try g.closenessCentrality(distances: .weights) }
            #expect(throws: GraphError.self) { try g.shortestPaths(from: 0, distances: .weights) }
            #expect(throws: GraphError.self) { try g.pageRank(strengths: .weights) }
            // Unit distances ignore the stored weights.
            #expect(try g.betweennessCentrality(distances: .unit).count == 3)
        }
        let g = try CompressedGraph(edges: [(0, 1)], weights: [-2])
        #expect(throws: GraphError.invalidDistance(source: 0, target: 1, value: -2)) { try g.harmonicCentrality(distances: .weights) }
    }

    @Test func missingWeights() throws {
        let g = try CompressedGraph(edges: [(0, 1)])
        #expect(throws: GraphError.missingWeights(algorithm: "betweennessCentrality")) { try g.betweennessCentrality(distances: .weights) }
        #expect(throws: GraphError.missingWeights(algorithm: "pageRank")) { try g.pageRank(strengths: .weights) }
    }

    @Test func vertexOutOfRange() throws {
        let g = try CompressedGraph(edges: [(0, 1)])
        #expect(throws: GraphError.vertexOutOfRange(vertex: 2, vertexCount: 2)) { try g.shortestPaths(from: 2) }
        #expect(throws: GraphError.vertexOutOfRange(vertex: -1, vertexCount: 2)) { try g.breadthFirstDistances(from: -1) }
        #expect(throws: GraphError.vertexOutOfRange(vertex: 5, vertexCount: 3)) { try CompressedGraph(vertexCount: 3, edges: [(0, 5)]) }
        #expect(throws: GraphError.vertexOutOfRange(vertex: -3, vertexCount: 0)) { try CompressedGraph(edges: [(-3, 1)]) }
        #expect(throws: GraphError.weightCountMismatch(edges: 1, weights: 2)) { try CompressedGraph(edges: [(0, 1)], weights: [1, 2]) }
    }

    @Test func invalidParameters() throws {
        let g = try CompressedGraph(edges: [(0, 1), (1, 2)])
        #expect(throws: GraphError.self) { try g.betweennessCentrality(k: 0) }
        #expect(throws: GraphError.self) { try g.betweennessCentrality(k: 4) }
        #expect(throws: GraphError.self) { try g.betweennessCentrality(threads: 0) }
        #expect(throws: GraphError.self) { try g.pageRank(damping: 1.5) }
        #expect(throws: GraphError.self) { try g.pageRank(personalization: [1, 2]) }
        #expect(throws: GraphError.self) { try g.pageRank(personalization: [0, 0, 0]) }
        #expect(throws: GraphError.self) { try g.pageRank(dangling: [1, -1, 1]) }
        #expect(throws: GraphError.self) { try g.katzCentrality(betaPerVertex: [1]) }
    }

    @Test func nonConvergence() throws {
        let g = try CompressedGraph(edges: [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)])
        #expect(throws: GraphError.notConverged(algorithm: "pageRank", iterations: 2, tolerance: 1e-6)) { try g.pageRank(maxIterations: 2) }
        #expect(throws: GraphError.notConverged(algorithm: "eigenvectorCentrality", iterations: 1, tolerance: 1e-6)) { try g.eigenvectorCentrality(maxIterations: 1) }
        #expect(throws: GraphError.self) { try g.katzCentrality(alpha: 1.0) } // alpha above 1/λ_max diverges
        #expect(throws: GraphError.self) { try g.hits(maxIterations: 1, tolerance: 0) }
    }

    @Test func emptyGraph() throws {
        let g = try CompressedGraph(edges: [])
        #expect(g.vertexCount == 0 && g.edgeCount == 0)
        #expect(try g.betweennessCentrality() == [])
        #expect(try g.edgeBetweennessCentrality().values == [])
        #expect(try g.closenessCentrality() == [])
        #expect(try g.harmonicCentrality() == [])
        #expect(try g.pageRank() == [])
        #expect(try g.katzCentrality() == [])
        #expect(try g.hits().hubs == [])
        #expect(g.degreeCentrality() == [])
        #expect(g.weaklyConnectedComponents().count == 0)
        #expect(throws: GraphError.emptyGraph(algorithm: "eigenvectorCentrality")) { try g.eigenvectorCentrality() }
    }

    @Test func oneVertexAndIsolatedVertices() throws {
        let one = try CompressedGraph(vertexCount: 1, edges: [])
        #expect(try one.betweennessCentrality() == [0])
        #expect(try one.closenessCentrality() == [0])
        #expect(one.degreeCentrality() == [1])
        #expect(try one.pageRank() == [1])
        #expect(try one.hits().hubs == [1])
        let isolated = try CompressedGraph(vertexCount: 5, edges: [(0, 1), (1, 2)])
        #expect(try isolated.betweennessCentrality(normalized: false) == [0, 1, 0, 0, 0])
        #expect(try isolated.closenessCentrality()[3] == 0)
        #expect(try isolated.harmonicCentrality()[4] == 0)
        #expect(isolated.weaklyConnectedComponents().sizes == [3, 1, 1])
        #expect(try isolated.shortestPaths(from: 0).path(to: 4) == nil)
        #expect(try isolated.shortestPath(from: 0, to: 2) == [0, 1, 2])
        let pr = try isolated.pageRank()
        #expect(abs(pr.reduce(0, +) - 1) < 1e-12)
    }

    @Test func notBipartite() throws {
        let g = try CompressedGraph(edges: [(0, 2), (1, 2), (0, 1)])
        #expect(throws: GraphError.notBipartite(source: 0, target: 1)) { try g.bipartiteProjection(onto: [0, 1]) }
        let d = try CompressedGraph(edges: [(0, 1)], directed: true)
        #expect(throws: GraphError.requiresUndirected(algorithm: "bipartiteProjection")) { try d.bipartiteProjection(onto: [0]) }
    }

    @Test func stronglyConnectedOnLongPathHasNoRecursion() throws {
        // 200k-vertex directed cycle plus a tail: a recursive Tarjan would overflow the stack.
        let n: Int32 = 200_000
        var edges = (0..<n - 1).map { ($0, $0 + 1) }
        edges.append((n - 2, 0))
        let g = try CompressedGraph(edges: edges, directed: true)
        let scc = g.stronglyConnectedComponents()
        #expect(scc.count == 2)
        #expect(scc.sizes == [Int(n) - 1, 1])
    }

    @Test func errorsDescribeThemselves() {
        let e = GraphError.malformedLine(file: "a.txt", line: 3, text: "1 x", reason: "vertex id is not a non-negative integer")
        #expect(e.description == "a.txt:3: vertex id is not a non-negative integer: \"1 x\"")
    }
}
