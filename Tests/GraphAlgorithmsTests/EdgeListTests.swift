import Foundation
import Testing
@testable import GraphAlgorithms

@Suite("Edge-list reading and graph building")
struct EdgeListTests {
    @Test func parsesCommentsBlanksWeightsAndCRLF() throws {
        let text = "# header\n\n0 1 0.5\r\n1\t2   2e-1 # trailing comment\n  3 0 -1.25\n\n"
        let list = try EdgeListReader.parse(text)
        #expect(list.vertexCount == 4)
        #expect(list.sources == [0, 1, 3])
        #expect(list.targets == [1, 2, 0])
        #expect(list.weights == [0.5, 0.2, -1.25])
    }

    @Test func parsesLongDecimalsExactly() throws {
        let list = try EdgeListReader.parse("0 1 0.1000000000000000055511151231257827\n1 2 1e300\n2 3 123456789012345678\n")
        #expect(list.weights == [0.1, 1e300, 123456789012345678.0])
    }

    static let malformed: [(text: String, line: Int, offending: String)] = [
        ("0 1\n1 x\n", 2, "1 x"),
        ("0 1\n\n# c\n5\n", 4, "5"),
        ("0 1 2\n1 2\n", 2, "1 2"),
        ("0 1\n1 2 3\n", 2, "1 2 3"),
        ("0 1 2 3\n", 1, "0 1 2 3"),
        ("-1 2\n", 1, "-1 2"),
        ("0 1 abc\n", 1, "0 1 abc"),
        ("0 1\r\n2 3 4 5\r\n", 2, "2 3 4 5"),
        ("1 99999999999\n", 1, "1 99999999999"),
    ]

    @Test("malformed lines report file, line number and text", arguments: malformed)
    func malformedLine(text: String, line: Int, offending: String) {
        do {
            _ = try EdgeListReader.parse(text, sourceName: "edges.txt")
            Issue.record("expected an error")
        } catch let GraphError.malformedLine(file, l, t, _) {
            #expect(file == "edges.txt")
            #expect(l == line)
            #expect(t == offending)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func readsFilesAcrossChunkBoundaries() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ga-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "# big file\n"
        var expected: [(Int32, Int32)] = []
        for i in 0..<400_000 {
            let u = Int32(i % 1000), v = Int32((i * 7 + 3) % 1000)
            text += "\(u) \(v)\n"
            expected.append((u, v))
        }
        text += "999 0" // no final newline
        expected.append((999, 0))
        let path = dir.appendingPathComponent("edges.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let list = try EdgeListReader.read(contentsOf: path)
        #expect(list.sources == expected.map(\.0))
        #expect(list.targets == expected.map(\.1))
        #expect(list.vertexCount == 1000)

        try "0 1\n1 2\n2 q\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: GraphError.malformedLine(file: path, line: 3, text: "2 q", reason: "vertex id is not a non-negative integer")) {
            try EdgeListReader.read(contentsOf: path)
        }
        #expect(throws: GraphError.self) { try EdgeListReader.read(contentsOf: dir.appendingPathComponent("missing").path) }
    }

    @Test func relabelsArbitraryTokens() throws {
        let list = try EdgeListReader.parse("alice bob\nbob carol\ncarol alice\n", labeling: .relabel)
        #expect(list.labels == ["alice", "bob", "carol"])
        #expect(list.sources == [0, 1, 2])
        #expect(list.targets == [1, 2, 0])
        let g = try CompressedGraph(edgeList: list)
        #expect(g.vertexCount == 3 && g.edgeCount == 3)
    }

    @Test func parallelEdgePolicies() throws {
        let edges: [(Int32, Int32)] = [(0, 1), (1, 0), (0, 1), (1, 2)]
        let weights = [1.0, 2.0, 4.0, 8.0]
        let last = try CompressedGraph(edges: edges, weights: weights)
        #expect(last.edgeCount == 2)
        #expect(last.edges == [Edge(source: 0, target: 1, weight: 4), Edge(source: 1, target: 2, weight: 8)])
        let sum = try CompressedGraph(edges: edges, weights: weights, parallelEdges: .mergeSummingWeights)
        #expect(sum.edges.map(\.weight) == [7, 8])
        let count = try CompressedGraph(edges: edges, weights: weights, parallelEdges: .mergeCountingEdges)
        #expect(count.edges.map(\.weight) == [3, 1])
        let multi = try CompressedGraph(edges: edges, weights: weights, parallelEdges: .keepMultiEdges)
        #expect(multi.edgeCount == 4)
        #expect(multi.neighbours(of: 0) == [1, 1, 1])
        #expect(multi.neighbourWeights(of: 0).map(Array.init) == [1, 2, 4])
        let directed = try CompressedGraph(edges: edges, weights: weights, directed: true)
        #expect(directed.edges == [Edge(source: 0, target: 1, weight: 4), Edge(source: 1, target: 0, weight: 2), Edge(source: 1, target: 2, weight: 8)])
        #expect(directed.predecessors(of: 0) == [1])
        #expect(directed.predecessors(of: 1) == [0])
    }

    @Test func selfLoopPolicies() throws {
        let edges: [(Int32, Int32)] = [(0, 0), (0, 1)]
        let kept = try CompressedGraph(edges: edges)
        #expect(kept.edgeCount == 2)
        #expect(kept.degree(of: 0) == 3) // NetworkX counts a self-loop twice
        let dropped = try CompressedGraph(edges: edges, selfLoops: .drop)
        #expect(dropped.edgeCount == 1)
        #expect(dropped.degree(of: 0) == 1)
    }

    @Test func builderAndIsolatedVertices() throws {
        var b = CompressedGraph.Builder(directed: true)
        b.addEdge(0, 1)
        b.addVertex(5)
        let g = try b.build()
        #expect(g.vertexCount == 6)
        #expect(g.outDegrees() == [1, 0, 0, 0, 0, 0])
        #expect(g.inDegrees() == [0, 1, 0, 0, 0, 0])
        var mixed = CompressedGraph.Builder()
        mixed.addEdge(0, 1, weight: 1)
        mixed.addEdge(1, 2)
        #expect(throws: GraphError.weightCountMismatch(edges: 2, weights: 1)) { try mixed.build() }
    }

    @Test("large builds (parallel row segments) keep sorted rows and last weights")
    func largeBuild() throws {
        var rng = TestRandom(state: 77)
        let n = 20_000, m = 1_100_000 // > 2M adjacency entries: the segmented path
        var sources = [Int32](), targets = [Int32](), weights = [Double]()
        var last: [Int64: Double] = [:]
        for i in 0..<m {
            let u = Int32(rng.below(n)), v = Int32(rng.below(n))
            sources.append(u); targets.append(v); weights.append(Double(i))
            last[Int64(min(u, v)) << 32 | Int64(max(u, v))] = Double(i)
        }
        let g = try CompressedGraph(vertexCount: n, sources: sources, targets: targets, weights: weights)
        #expect(g.edgeCount == last.count)
        #expect(g.outOffsets.last == g.outTargets.count)
        var rowsSorted = true, weightsMatch = true
        for u in 0..<n {
            let lo = g.outOffsets[u], hi = g.outOffsets[u + 1]
            for e in lo..<hi {
                if e > lo && g.outTargets[e] <= g.outTargets[e - 1] { rowsSorted = false }
                let v = g.outTargets[e]
                let key = Int64(min(Int32(u), v)) << 32 | Int64(max(Int32(u), v))
                if last[key] != g.outWeights![e] { weightsMatch = false }
            }
        }
        #expect(rowsSorted)
        #expect(weightsMatch)
    }
}
