import Foundation
import Testing
@testable import PartyGraph

@Suite("Paths and ego networks")
struct QueriesPathTests {
    let dataset = QueriesFixture.bundled

    @Test func shortestPathFromHunSenToToLam() throws {
        let path = try dataset.shortestPath(from: NodeID("person/hun-sen"), to: NodeID("person/to-lam"))
        #expect(path.found)
        #expect(path.steps.count == 4)
        #expect(path.text == "Hun Sen —holds→ CPP President —participant in→ CPP–CPV–LPRP trilateral summit ←participant in— CPV General Secretary ←holds— Tô Lâm")
        #expect(path.steps.map(\.forward) == [true, true, false, false])
        #expect(path.steps.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func delegationsOnlyGiveTheBilateralChain() throws {
        let path = try dataset.shortestPath(
            from: NodeID("person/hun-sen"), to: NodeID("person/to-lam"), relations: [.leads, .relation(.participantIn)])
        #expect(path.text == "Hun Sen —leads→ Standing Committee of the CPP Central Committee —participant in→ CPP–CPV bilateral summit ←participant in— Politburo of the Central Committee of the Communist Party of Việt Nam ←leads— Tô Lâm")
        #expect(path.links == [.relation(.participantIn), .leads])
    }

    @Test func noChainIsSaidPlainly() throws {
        let path = try dataset.shortestPath(from: NodeID("person/hun-sen"), to: NodeID("country/laos"), relations: [.relation(.holds)])
        #expect(!path.found)
        #expect(path.steps.isEmpty)
        #expect(path.text == "No chain of relations joins Hun Sen and Lao People’s Democratic Republic using only holds.")
    }

    @Test func aNodeToItselfIsAnEmptyChain() throws {
        let path = try dataset.shortestPath(from: NodeID("party/cpp"), to: NodeID("party/cpp"))
        #expect(path.found && path.steps.isEmpty && path.text == "Cambodian People’s Party")
    }

    @Test func pathLinkRoundTrips() throws {
        for link in PathLink.allCases { #expect(PathLink(rawValue: link.rawValue) == link) }
        let data = try JSONEncoder().encode([PathLink.leads, .relation(.basedIn)])
        #expect(String(decoding: data, as: UTF8.self) == #"["leads","based-in"]"#)
        #expect(try JSONDecoder().decode([PathLink].self, from: data) == [.leads, .relation(.basedIn)])
    }

    @Test func egoNetworkAtDepthOne() throws {
        let network = try dataset.neighborhood(of: NodeID("person/hun-sen"))
        #expect(Set(network.neighbors.map(\.actor.id)) == ["party/cpp", "organ/cpp-standing-committee", "office/cpp-president", "office/cambodia-senate-president"])
        #expect(network.neighbors.allSatisfy { $0.distance == 1 && $0.via.from.id == "person/hun-sen" })
        // leads CPP, leads the Standing Committee, two holds, and the CPP President's office-of the CPP.
        #expect(network.edges.count == 5)
    }

    @Test func egoNetworkListsOnlyTheKindsAsked() throws {
        let network = try dataset.neighborhood(of: NodeID("person/hun-sen"), depth: 4, kinds: [.person])
        #expect(network.neighbors.map(\.actor.id) == ["person/norodom-sihamoni", "person/thongloun-sisoulith", "person/to-lam"])
        #expect(network.neighbors.allSatisfy { $0.distance == 4 })
    }

    @Test func egoNetworkFollowsOnlyTheRelationsAsked() throws {
        let network = try dataset.neighborhood(of: NodeID("organ/cpp-standing-committee"), depth: 3, relations: [.relation(.partOf), .relation(.basedIn)])
        #expect(network.neighbors.map(\.actor.id) == ["organ/cpp-central-committee", "party/cpp", "country/cambodia"])
        #expect(network.neighbors.map(\.distance) == [1, 2, 3])
    }

    @Test func depthBelowOneIsRejected() {
        #expect(throws: PartyGraphError.self) { try dataset.neighborhood(of: NodeID("party/cpp"), depth: 0) }
    }
}

@Suite("The Research API snippet of docs/queries.md")
struct QueriesResearchAPITests {
    @Test func snippetRunsAndGivesTheDocumentedAnswers() throws {
        let dataset = QueriesFixture.bundled
        let hunSen = try NameResolver(dataset: dataset).resolve("hun sen").id

        let window = try QueryFilter(from: PartialDate(parsing: "2026-02"), to: PartialDate(parsing: "2026-02"))
        let report = try dataset.encounters(of: hunSen, filter: window, level: .party)
        #expect(report == (try dataset.encounters(EncounterQuery(actor: hunSen, with: nil, filter: window, level: .party))))
        #expect(report.counterparts.map(\.actor.id) == ["party/cpv", "party/lprp"])
        let listing = try dataset.meetings(involving: [NodeID("party/cpp"), NodeID("party/cpv")])
        #expect(listing.meetings.count == 2)
        let matrix = dataset.coMeetingMatrix(level: .party)
        #expect(matrix.count("party/cpp", "party/cpv") == 2)
        let path = try dataset.shortestPath(from: hunSen, to: NodeID("person/to-lam"), relations: [.leads, .relation(.participantIn)])
        #expect(path.steps.count == 4)
        let ego = try dataset.neighborhood(of: hunSen, depth: 2, kinds: [.person, .office])
        #expect(ego.neighbors.allSatisfy { $0.actor.kind == .office || $0.actor.kind == .person })
        let parties = try dataset.attendees(of: NodeID("meeting/2026-02-trilateral-summit"), level: .party)
        #expect(parties.map(\.id) == ["party/cpp", "party/cpv", "party/lprp"])
        #expect(dataset.levelActors(of: hunSen, level: .party).map(\.id) == ["party/cpp"])
        // JSON round trip of the answer types.
        let decoded = try JSONDecoder().decode(EncounterReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
    }
}
