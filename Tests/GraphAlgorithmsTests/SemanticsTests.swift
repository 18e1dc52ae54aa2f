import Testing
@testable import GraphAlgorithms

/// Documented behaviour that NetworkX fixtures do not cover.
@Suite("Documented semantics")
struct SemanticsTests {
    @Test func multiEdgesCountAsSeparatePaths() throws {
        // The 4-cycle 0 - 1 - 2 - 3 - 0 with the edge 0 - 1 doubled.
        let edges: [(Int32, Int32)] = [(0, 1), (0, 1), (1, 2), (0, 3), (3, 2)]
        let multi = try CompressedGraph(edges: edges, parallelEdges: .keepMultiEdges)
        let merged = try CompressedGraph(edges: edges)
        // Merged: each opposite pair has two shortest paths, one through each other vertex.
        #expect(try merged.betweennessCentrality(normalized: false) == [0.5, 0.5, 0.5, 0.5])
        // Multigraph: paths over the doubled edge count twice (2 of 3 paths for both the
        // pair 0–2, through 1, and the pair 1–3, through 0).
        let b = try multi.betweennessCentrality(normalized: false)
        expectClose(b, [2.0 / 3, 2.0 / 3, 1.0 / 3, 1.0 / 3], "multigraph betweenness")
        let e = try multi.edgeBetweennessCentrality(normalized: false)
        #expect(e.edges.count == 5)
        #expect(e.value(source: 3, target: 2) != nil)
        #expect(e.value(source: 1, target: 3) == nil)
    }

    @Test func directedClosenessUsesIncomingDistances() throws {
        // 0 -> 1 -> 2: vertex 2 is reached by everyone, vertex 0 by no one.
        let g = try CompressedGraph(edges: [(0, 1), (1, 2)], directed: true)
        let c = try g.closenessCentrality()
        #expect(c[0] == 0)
        expectClose([c[2]], [2.0 / 3], "closeness of the sink") // (2/3) · (2/2)
        expectClose(try g.harmonicCentrality(), [0, 1, 1.5], "harmonic")
        #expect(try g.breadthFirstDistances(from: 0) == [0, 1, 2])
        #expect(try g.breadthFirstDistances(from: 2) == [-1, -1, 0])
    }

    @Test func samplingOneSourceGivesNaNForTheSource() throws {
        let g = try CompressedGraph(edges: [(0, 1), (1, 2), (2, 3)])
        let sources = try g.betweennessSources(k: 1, seed: 4)
        let b = try g.betweennessCentrality(k: 1, seed: 4)
        #expect(b[Int(sources[0])].isNaN) // NetworkX's 0/0 for the lone sampled source
        #expect(b.enumerated().allSatisfy { $0.offset == Int(sources[0]) || !$0.element.isNaN })
    }

    @Test func weightedAndUnweightedBatchesAgreeOnUnitWeights() throws {
        let g = try randomGraph(n: 120, m: 400, directed: true, weighted: true, seed: 12)
        let unit = try CompressedGraph(
            vertexCount: g.vertexCount, sources: g.edges.map(\.source), targets: g.edges.map(\.target),
            weights: g.edges.map { _ in 1.0 }, directed: true)
        for endpoints in [false, true] {
            expectClose(
                try unit.betweennessCentrality(endpoints: endpoints, distances: .weights),
                try unit.betweennessCentrality(endpoints: endpoints, distances: .unit), "unit weights, endpoints \(endpoints)")
        }
        expectClose(try unit.closenessCentrality(distances: .weights), try unit.closenessCentrality(), "closeness")
        expectClose(try unit.harmonicCentrality(distances: .weights), try unit.harmonicCentrality(), "harmonic")
    }

    @Test func strengthsAndDegrees() throws {
        let g = try CompressedGraph(edges: [(0, 1), (1, 2), (2, 2)], weights: [2, 3, 5])
        #expect(g.strengths() == [2, 5, 13]) // self-loop counted twice, as NetworkX
        #expect(g.degrees() == [1, 2, 3])
        let d = try CompressedGraph(edges: [(0, 1), (1, 2), (2, 0), (0, 2)], weights: [1, 2, 3, 4], directed: true)
        #expect(d.strengths(direction: .outgoing) == [5, 2, 3])
        #expect(d.strengths(direction: .incoming) == [3, 1, 6])
        #expect(d.strengths() == [8, 3, 9])
    }

    @Test func overflowingPathCountsGiveNaNNotACrash() throws {
        // A chain of 2200 "diamonds": every vertex is more than 1024 diamonds from one end, and
        // each diamond doubles the number of shortest paths, so counts exceed 10^308.
        var edges: [(Int32, Int32)] = []
        var top: Int32 = 0
        var next: Int32 = 1
        for _ in 0..<2200 {
            let a = next, b = next + 1, bottom = next + 2
            edges += [(top, a), (top, b), (a, bottom), (b, bottom)]
            top = bottom
            next += 3
        }
        let g = try CompressedGraph(edges: edges)
        let b = try g.betweennessCentrality(k: 3, seed: 0)
        #expect(b.count == g.vertexCount)
        #expect(b.contains { $0.isNaN })
    }
}
