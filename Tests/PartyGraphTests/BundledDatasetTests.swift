import Testing
@testable import PartyGraph

/// The bundled dataset encodes the Phnom Penh Post report of 2026-02-03, every fact with a verbatim quote.
@Suite struct BundledDatasetTests {
    let dataset = bundledDataset

    @Test func loadsAndValidatesWithQuotesCheckedAgainstTheSourceText() throws {
        #expect(dataset.sources.map(\.id) == ["ppp-2026-02-03"])
        #expect(dataset.sources[0].textFile != nil)
        #expect(dataset.entities.count == 38)
        #expect(dataset.relationships.count == 62)
        #expect(dataset.relationships.allSatisfy { !$0.evidence.isEmpty })
        #expect(dataset.entities.filter { $0.kind == .meeting }.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test(arguments: [
        ("person/hun-sen", "office/cpp-president"), ("person/hun-sen", "office/cambodia-senate-president"),
        ("person/to-lam", "office/cpv-general-secretary"), ("person/thongloun-sisoulith", "office/lprp-general-secretary"),
        ("person/thongloun-sisoulith", "office/laos-president"), ("person/norodom-sihamoni", "office/cambodia-king"),
    ])
    func leadersHoldTheirOffices(person: String, office: String) {
        #expect(dataset.relationships(from: NodeID(person)).contains { $0.relation == .holds && $0.to == NodeID(office) })
    }

    @Test func organsFormTheirHierarchies() {
        func parent(_ id: NodeID) -> NodeID? { dataset.relationships(from: id).first { $0.relation == .partOf }?.to }
        #expect(parent("organ/cpp-standing-committee") == "organ/cpp-central-committee")
        #expect(parent("organ/cpp-central-committee") == "party/cpp")
        #expect(parent("organ/cpv-politburo") == "organ/cpv-central-committee")
        #expect(parent("organ/lprp-politburo") == "organ/lprp-central-committee")
    }

    @Test func theSummitsAreAnnouncedForSixAndSevenFebruary() throws {
        let window = try DateSpan(parsing: "2026-02-06/2026-02-07")
        for id in ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-cpp-lprp-summit", "meeting/2026-02-trilateral-summit"] {
            let meeting = try #require(dataset.entity(NodeID(id))?.meeting)
            #expect(meeting.date == window)
            #expect(meeting.status == .announced)
            #expect(meeting.statusAsOf?.description == "2026-02-03")
            #expect(dataset.relationships(to: NodeID(id)).contains { $0.relation == .hosts && $0.from == "party/cpp" })
        }
        #expect(dataset.entity("meeting/2026-02-06-to-lam-state-visit")?.meeting?.date.description == "2026-02-06")
        #expect(dataset.entity("meeting/2026-02-thongloun-state-visit")?.meeting?.date.description == "2026-02-06/2026-02-07")
    }

    @Test func theBilateralSummitsAreBetweenBodiesLedByTheirLeaders() {
        let first = dataset.relationships(to: "meeting/2026-02-cpp-cpv-summit").filter { $0.relation == .participantIn }
        #expect(Set(first.map(\.from)) == ["organ/cpp-standing-committee", "organ/cpv-politburo"])
        #expect(first.first { $0.from == "organ/cpp-standing-committee" }?.ledBy == "person/hun-sen")
        #expect(first.first { $0.from == "organ/cpv-politburo" }?.ledBy == "person/to-lam")
        let second = dataset.relationships(to: "meeting/2026-02-cpp-lprp-summit").filter { $0.relation == .participantIn }
        #expect(Set(second.map(\.from)) == ["party/cpp", "organ/lprp-politburo"])
        #expect(second.first { $0.from == "organ/lprp-politburo" }?.ledBy == "person/thongloun-sisoulith")
    }

    @Test func theTrilateralSummitIncludesOfficesWhoseHoldersAreNotNamed() {
        let participants = Set(dataset.relationships(to: "meeting/2026-02-trilateral-summit").filter { $0.relation == .participantIn }.map(\.from))
        for country in ["cambodia", "vietnam", "laos"] {
            #expect(participants.contains(NodeID("office/\(country)-prime-minister")))
            #expect(participants.contains(NodeID("office/\(country)-national-assembly-leader")))
            #expect(!dataset.relationships.contains { $0.relation == .holds && $0.to == NodeID("office/\(country)-prime-minister") })
        }
        #expect(participants.isSuperset(of: ["party/cpp", "party/cpv", "party/lprp"]))
    }

    @Test func theStateVisitsAreByRoyalInvitationInParallelWithTheSummits() {
        for visit in ["meeting/2026-02-06-to-lam-state-visit", "meeting/2026-02-thongloun-state-visit"] {
            let incoming = dataset.relationships(to: NodeID(visit))
            #expect(incoming.contains { $0.relation == .invites && $0.from == "person/norodom-sihamoni" })
            #expect(incoming.contains { $0.relation == .parallelWith && $0.from == "meeting/2026-02-cpp-summits" })
            #expect(incoming.contains { $0.relation == .hosts && $0.from == "country/cambodia" })
        }
    }

    @Test func namesAreStoredInNFCWithDiacritics() {
        #expect(dataset.entity("person/to-lam")?.name == "Tô Lâm")
        #expect(dataset.entity("country/vietnam")?.name == "Việt Nam")
        #expect(dataset.entities.allSatisfy { $0.name == $0.name.nfc })
    }
}
