import Foundation
import Testing
@testable import GraphAlgorithms

@Suite("Co-membership projection")
struct CoMembershipTests {
    /// The groups of a bipartite graph: each vertex not in `members` is a group of its neighbours.
    static func groups(of g: CompressedGraph, members: [Int32]) -> (memberOf: [Int32: Int32], offsets: [Int], items: [Int32]) {
        let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, Int32($0)) })
        var offsets = [0], items: [Int32] = []
        for v in g.vertices where local[v] == nil {
            items.append(contentsOf: g.neighbours(of: v).map { local[$0]! })
            offsets.append(items.count)
        }
        return (local, offsets, items)
    }

    @Test("equals NetworkX weighted_projected_graph on the reference graphs", arguments: ["davis", "random_bipartite"])
    func networkXReference(name: String) throws {
        let f = try BipartiteFixture.load(name)
        let g = try CompressedGraph(vertexCount: f.vertexCount, edges: f.edges.map { ($0[0], $0[1]) })
        let reference = try #require(f.projections.first { $0.weighting == "sharedNeighbours" })
        let (_, offsets, items) = Self.groups(of: g, members: reference.vertices)
        let projection = try CoMembership(memberCount: reference.vertices.count, groupOffsets: offsets, groupMembers: items)
        let actual = projection.graph.edges.map { [Double(reference.vertices[Int($0.source)]), Double(reference.vertices[Int($0.target)]), $0.weight!] }
            .sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        #expect(actual == reference.edges.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
        #expect(projection.pairCount == reference.edges.count)
    }

    @Test("pairs, shared groups and counts against naive intersection", arguments: [UInt64(1), 2, 3, 4])
    func naive(seed: UInt64) throws {
        var rng = TestRandom(state: seed)
        let memberCount = 40
        // Groups of 0 to 7 distinct members; some members in no group.
        var offsets = [0], items: [Int32] = []
        var groupsOf = [Set<Int32>](repeating: [], count: memberCount)
        for group in 0..<70 {
            var chosen = Set<Int32>()
            for _ in 0..<rng.below(8) { chosen.insert(Int32(rng.below(memberCount - 5))) }
            var ordered = chosen.sorted()
            for index in ordered.indices.reversed() where index > 0 { ordered.swapAt(index, rng.below(index + 1)) }
            items.append(contentsOf: ordered)
            offsets.append(items.count)
            for member in ordered { groupsOf[Int(member)].insert(Int32(group)) }
        }
        let projection = try CoMembership(memberCount: memberCount, groupOffsets: offsets, groupMembers: items)
        var expected: [(Int32, Int32, [Int32])] = []
        for a in 0..<Int32(memberCount) {
            for b in (a + 1)..<Int32(memberCount) {
                let shared = groupsOf[Int(a)].intersection(groupsOf[Int(b)]).sorted()
                if !shared.isEmpty { expected.append((a, b, shared)) }
            }
        }
        #expect(projection.pairCount == expected.count)
        for (pair, entry) in expected.enumerated() {
            #expect(projection.pairFirst[pair] == entry.0 && projection.pairSecond[pair] == entry.1)
            #expect(Array(projection.groups(ofPair: pair)) == entry.2)
            #expect(projection.strength(ofPair: pair) == entry.2.count)
        }
        #expect(projection.groupCounts == groupsOf.map { Int32($0.count) })
        // The graph is the symmetric form of the pairs, rows sorted, as the Builder would make it.
        let built = try CompressedGraph(
            vertexCount: memberCount, sources: expected.map(\.0), targets: expected.map(\.1),
            weights: expected.map { Double($0.2.count) }, directed: false)
        #expect(projection.graph == built)
    }

    @Test("no groups, or groups of one, give an edgeless unweighted graph")
    func edgeless() throws {
        let empty = try CoMembership(memberCount: 3, groupOffsets: [0], groupMembers: [])
        #expect(empty.graph.edgeCount == 0 && !empty.graph.isWeighted && empty.graph.vertexCount == 3)
        let singles = try CoMembership(memberCount: 3, groupOffsets: [0, 1, 2], groupMembers: [2, 2])
        #expect(singles.pairCount == 0 && singles.groupCounts == [0, 0, 2])
    }

    @Test("malformed input is refused")
    func errors() {
        #expect(throws: GraphError.vertexOutOfRange(vertex: 5, vertexCount: 3)) {
            try CoMembership(memberCount: 3, groupOffsets: [0, 2], groupMembers: [0, 5])
        }
        #expect(throws: GraphError.self) { try CoMembership(memberCount: 3, groupOffsets: [0, 2], groupMembers: [1, 1]) }
        #expect(throws: GraphError.self) { try CoMembership(memberCount: 3, groupOffsets: [0, 3], groupMembers: [0, 1]) }
        #expect(throws: GraphError.self) { try CoMembership(memberCount: 3, groupOffsets: [], groupMembers: []) }
        #expect(throws: GraphError.self) { try CoMembership(memberCount: 3, groupOffsets: [0, 2, 1, 2], groupMembers: [0, 1]) }
    }
}
