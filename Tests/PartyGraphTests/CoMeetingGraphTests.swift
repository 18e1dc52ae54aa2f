import GraphAlgorithms
import Testing
@testable import PartyGraph

/// The sparse co-meeting graph gives the answers of the meeting-by-meeting reference, and its reports stay sparse.
@Suite("Co-meeting graph")
struct CoMeetingGraphTests {
    @Test("pairs, strengths and shared meetings equal the attendance-by-attendance matrix", arguments: EncounterLevel.allCases)
    func agreesWithTheReference(level: EncounterLevel) throws {
        for (name, data) in try QueryFastPathTests.datasets() {
            let graph = data.coMeetingGraph(level: level)
            let reference = CoMeetingMatrix(attendancesOf: data, level: level, filter: .all)
            let grid = try #require(reference.counts)
            #expect(graph.actors == reference.actors, "\(name)")
            for vertex in graph.actors.indices {
                #expect(graph.meetingCount(of: Int32(vertex)) == grid[vertex][vertex])
                for other in graph.actors.indices where other != vertex {
                    #expect(graph.sharedMeetingCount(Int32(vertex), Int32(other)) == grid[vertex][other], "\(name) \(vertex) \(other)")
                }
            }
            let byPair = Dictionary(uniqueKeysWithValues: reference.pairs.map { ([$0.first.id, $0.second.id], $0.meetings) })
            #expect(graph.pairCount == reference.pairs.count)
            for index in 0..<graph.pairCount {
                let pair = graph.pair(index)
                #expect(pair.first < pair.second)
                let key = [graph.actors[Int(pair.first)].id, graph.actors[Int(pair.second)].id]
                #expect(graph.sharedMeetings(ofPair: index) == byPair[key], "\(name) \(key)")
            }
            // The CSR graph is what centrality sees: one weighted edge per pair.
            #expect(graph.graph.edgeCount == graph.pairCount && graph.graph.vertexCount == graph.actors.count)
        }
    }

    @Test func eachMeetingListsItsActors() throws {
        let graph = bundledDataset.coMeetingGraph(level: .party)
        let trilateral = try #require(graph.meetings.firstIndex(of: NodeID("meeting/2026-02-trilateral-summit")))
        #expect(graph.actors(atMeeting: trilateral).map { graph.actors[Int($0)].id }.sorted() == ["party/cpp", "party/cpv", "party/lprp"])
        let cpp = try #require(graph.vertex(of: NodeID("party/cpp"), in: bundledDataset))
        #expect(graph.actors[Int(cpp)].id == "party/cpp")
        #expect(graph.vertex(of: NodeID("meeting/2026-02-trilateral-summit"), in: bundledDataset) == nil)
    }

    @Test func aboveTheGridLimitTheMatrixKeepsOnlyThePairs() throws {
        let data = QueryFastPathTests.generated
        let full = data.coMeetingMatrix(level: .person, gridLimit: .max)
        let grid = try #require(full.counts)
        let long = data.coMeetingMatrix(level: .person, gridLimit: full.actors.count - 1)
        #expect(long.counts == nil)
        #expect(long.pairs == full.pairs && long.actors == full.actors)
        #expect(long.meetingCounts == grid.indices.map { grid[$0][$0] })
        #expect(full.meetingCounts == nil)
        for pair in full.pairs.prefix(50) {
            #expect(long.count(pair.first.id, pair.second.id) == pair.count)
            #expect(long.count(pair.second.id, pair.first.id) == pair.count)
        }
        let actor = full.actors[0].id
        #expect(long.count(actor, actor) == full.count(actor, actor))
    }

    @Test func pairsComeMostMeetingsFirst() {
        let graph = QueryFastPathTests.generated.coMeetingGraph(level: .person)
        let strengths = graph.pairsByStrength().map { graph.pair($0).meetings }
        #expect(strengths == strengths.sorted(by: >))
        #expect(Set(graph.pairsByStrength()).count == graph.pairCount)
    }

    @Test func theProjectionsShareOneVocabulary() throws {
        for projection in GraphProjection.allCases {
            guard let level = projection.level else { continue }
            let analysis = try AnalysisGraph(dataset: bundledDataset, projection: projection)
            let graph = bundledDataset.coMeetingGraph(level: level)
            #expect(analysis.graph == graph.graph)
            #expect(analysis.vertices.map(\.id) == graph.actors.map(\.id.rawValue))
            let exported = MeetingProjection.graph(bundledDataset, projection: projection, window: nil)
            #expect(exported.edges.count == graph.pairCount)
            #expect(Set(exported.nodes.map(\.id)) == Set(graph.actors.map(\.id.rawValue)))
        }
    }
}
