import Foundation
import PartyGraph
import PartyGraphTestSupport
import Testing
@testable import PartyGraphDiagrams

/// The who-meets-whom view draws the co-meeting graph: every actor that meets another, one line per pair, the count
/// on the line.
@Suite struct CoMeetingViewTests {
    @Test(arguments: EncounterLevel.allCases)
    func oneNodePerActorAndOneLinePerPair(level: EncounterLevel) throws {
        let diagram = try DiagramViews.coMeeting(dataset: bundledDataset, level: level)
        let graph = bundledDataset.coMeetingGraph(level: level)
        let actors = diagram.nodes.filter { !$0.id.hasPrefix("legend:") }
        // Actors that share no meeting with another are left out: no node without a line.
        let meetingOthers = graph.actors.enumerated().filter { !graph.graph.neighbours(of: Int32($0.offset)).isEmpty }
        #expect(actors.map(\.id) == meetingOthers.map(\.element.id.rawValue))
        let lines = diagram.edges.filter { !$0.from.hasPrefix("legend:") }
        #expect(lines.count == graph.pairCount)
        for index in 0..<graph.pairCount {
            let pair = graph.pair(index)
            let line = lines[index]
            #expect(line.from == graph.actors[Int(pair.first)].id.rawValue && line.to == graph.actors[Int(pair.second)].id.rawValue)
            #expect(line.label == String(pair.meetings))
        }
        let linked = Set(lines.flatMap { [$0.from, $0.to] })
        for actor in actors { #expect(linked.contains(actor.id), "\(actor.id)") }
        if meetingOthers.count < graph.actors.count {
            #expect(diagram.title?.contains("\(graph.actors.count - meetingOthers.count) meeting no other, not drawn") == true)
        }
        #expect(!diagram.directed)
    }

    @Test func partyLevelOnTheBundledDataset() throws {
        let diagram = try DiagramViews.coMeeting(dataset: bundledDataset, level: .party)
        let cppCPV = try #require(diagram.edges.first { $0.from == "party/cpp" && $0.to == "party/cpv" })
        #expect(cppCPV.label == "2")
        let tooltip = try #require(cppCPV.tooltip)
        #expect(tooltip.contains("CPP–CPV bilateral summit") && tooltip.contains("CPP–CPV–LPRP trilateral summit"))
        #expect(diagram.title?.contains("Who meets whom at party level: 3 actors, 3 pairs") == true)
        let svg = try renderSVG(diagram, layout: .fdp)
        let labels = try svg.groups("node").map(\.label)
        #expect(labels.contains("Communist Party of Việt Nam\n3 meetings"))
    }

    @Test func aWindowWithoutMeetingsDrawsNoActor() throws {
        let diagram = try DiagramViews.coMeeting(dataset: bundledDataset, level: .person, window: try DateSpan(parsing: "2027"))
        #expect(diagram.nodes.allSatisfy { $0.id.hasPrefix("legend:") })
    }

    @Test func tooManyActorsIsRefusedWithTheNumbers() {
        #expect(throws: DiagramError.tooManyActors(count: 9, limit: 5, level: .person)) {
            try DiagramViews.coMeeting(dataset: bundledDataset, level: .person, maxActors: 5)
        }
    }

    @Test func theCommandWritesTheViewAndRefusesTooManyActors() throws {
        let folder = try BuiltProducts.temporaryFolder("partygraph-who-meets-whom")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try BundledDataset.locate().get()
        let run = try BuiltProducts.run("partygraph", ["render", "who-meets-whom", "--level", "person", "--dataset", dataset], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "wrote output/who-meets-whom-person.svg\n")
        let svg = try String(contentsOf: folder.appendingPathComponent("output/who-meets-whom-person.svg"), encoding: .utf8)
        #expect(svg.contains("Tô Lâm"))
        let refused = try BuiltProducts.run("partygraph", ["render", "who-meets-whom", "--level", "person", "--max-actors", "3", "--dataset", dataset], in: folder)
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("9 actors take part in meetings of the window at --level person, more than the 3"))
    }
}

/// A drawing is bounded: a diagram above the node limit is refused before any layout, with the numbers.
@Suite struct DrawingLimitTests {
    @Test func aDiagramAboveTheLimitIsRefused() throws {
        let diagram = DiagramViews.all(dataset: bundledDataset)
        #expect(throws: DiagramError.tooLargeToDraw(nodes: diagram.nodes.count, limit: 10)) { try diagram.checkDrawable(maxNodes: 10) }
        try diagram.checkDrawable()
        #expect(ExplorerPage.defaultMaxDiagramNodes == Diagram.defaultMaxNodes)
    }

    @Test func renderRefusesWithTheNumbersAndExits64() throws {
        let folder = try BuiltProducts.temporaryFolder("partygraph-max-nodes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try BundledDataset.locate().get()
        let run = try BuiltProducts.run("partygraph", ["render", "all", "--max-nodes", "10", "--dataset", dataset], in: folder)
        #expect(run.status == 64)
        #expect(run.standardError.contains("more than the 10 Graphviz lays out in reasonable time"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/all.svg").path))
    }
}
