import Testing
@testable import PartyGraph

/// An explicit capacity wins over the lift rules: a prime minister at a state visit, in his state office, stands
/// for no party at party level even though he is a member of one; a body taking part for its party is still
/// itself at organ level (a capacity above the level says nothing finer).
@Suite struct CapacityTests {
    static func dataset() throws -> Dataset {
        let source = Source(id: "s", publisher: "P", title: "T", date: try PartialDate(parsing: "2026-03-01"))
        let cite = [Evidence(source: "s", quote: "q")]
        func node(_ id: String, _ kind: NodeKind, _ name: String) -> Entity { Entity(id: NodeID(id), kind: kind, name: name, evidence: cite) }
        return try Dataset(
            title: "capacity", sources: [source],
            entities: [
                node("country/k", .country, "K"), node("country/v", .country, "V"),
                node("party/kpp", .party, "KPP"), node("party/vcp", .party, "VCP"),
                node("organ/kpp-sc", .organ, "KPP Standing Committee"), node("organ/k-government", .organ, "Government of K"),
                node("office/k-pm", .office, "Prime Minister of K"),
                node("person/pm", .person, "The PM"), node("person/guest", .person, "The Guest"),
                Entity(id: NodeID("meeting/visit"), kind: .meeting, name: "State visit",
                       meeting: MeetingDetails(kind: .stateVisit, date: try DateSpan(parsing: "2026-02-06"), status: .held), evidence: cite),
                Entity(id: NodeID("meeting/summit"), kind: .meeting, name: "Party summit",
                       meeting: MeetingDetails(kind: .bilateralSummit, date: try DateSpan(parsing: "2026-02-07"), status: .held), evidence: cite),
            ],
            relationships: [
                Relationship(.basedIn, from: NodeID("party/kpp"), to: NodeID("country/k"), evidence: cite),
                Relationship(.basedIn, from: NodeID("party/vcp"), to: NodeID("country/v"), evidence: cite),
                Relationship(.partOf, from: NodeID("organ/kpp-sc"), to: NodeID("party/kpp"), evidence: cite),
                Relationship(.partOf, from: NodeID("organ/k-government"), to: NodeID("country/k"), evidence: cite),
                Relationship(.officeOf, from: NodeID("office/k-pm"), to: NodeID("organ/k-government"), evidence: cite),
                Relationship(.holds, from: NodeID("person/pm"), to: NodeID("office/k-pm"), evidence: cite),
                Relationship(.memberOf, from: NodeID("person/pm"), to: NodeID("party/kpp"), evidence: cite),
                Relationship(.memberOf, from: NodeID("person/guest"), to: NodeID("party/vcp"), evidence: cite),
                // At the state visit the PM takes part as prime minister; the guest without a capacity.
                Relationship(.participantIn, from: NodeID("person/pm"), to: NodeID("meeting/visit"), role: .host,
                             capacity: NodeID("office/k-pm"), evidence: cite),
                Relationship(.participantIn, from: NodeID("person/guest"), to: NodeID("meeting/visit"), role: .guest, evidence: cite),
                // At the party summit the Standing Committee takes part for the KPP.
                Relationship(.participantIn, from: NodeID("organ/kpp-sc"), to: NodeID("meeting/summit"), role: .host,
                             capacity: NodeID("party/kpp"), ledBy: NodeID("person/pm"), evidence: cite),
                Relationship(.participantIn, from: NodeID("person/guest"), to: NodeID("meeting/summit"), role: .guest, evidence: cite),
            ])
    }

    @Test func aStateCapacityStandsForNoPartyAtPartyLevel() throws {
        let dataset = try Self.dataset()
        let report = try dataset.encounters(of: NodeID("party/vcp"), level: .party)
        // Only the party summit is a party encounter; the state visit, in the PM's state office, is not.
        #expect(report.encounters.map(\.meeting.id) == ["meeting/summit"])
        #expect(report.encounters.map(\.counterpart.actor.id) == ["party/kpp"])
        // The co-meeting matrix follows the same rule.
        #expect(dataset.coMeetingMatrix(level: .party).count(NodeID("party/kpp"), NodeID("party/vcp")) == 1)
        // At country level the capacity lifts (office → government → K): both meetings count.
        #expect(dataset.coMeetingMatrix(level: .country).count(NodeID("country/k"), NodeID("country/v")) == 2)
    }

    @Test func aCapacityAboveTheLevelLeavesTheParticipant() throws {
        let dataset = try Self.dataset()
        let report = try dataset.encounters(of: NodeID("organ/kpp-sc"), level: .organ)
        #expect(report.query.actorAtLevel.map(\.id) == ["organ/kpp-sc"])
        #expect(try dataset.attendees(of: NodeID("meeting/summit"), level: .organ).map(\.id) == ["organ/kpp-sc"])
        // The state visit at organ level: the PM is the Government of K, by his capacity.
        #expect(try dataset.attendees(of: NodeID("meeting/visit"), level: .organ).map(\.id) == ["organ/k-government"])
    }
}

extension CapacityTests {
    @Test func anAnswerSaysWhichParticipationsItLeftOutForTheirCapacity() throws {
        let dataset = try Self.dataset()
        let report = try dataset.encounters(of: NodeID("person/pm"), level: .party)
        // The PM is the KPP at party level: the summit counts (he leads the Standing Committee), the visit does not.
        #expect(report.encounters.map(\.meeting.id) == ["meeting/summit"])
        #expect(report.notAtLevel?.map(\.meeting) == ["meeting/visit"])
        #expect(report.notAtLevel?.first?.capacity == "office/k-pm")
        #expect(try dataset.encounters(of: NodeID("person/pm"), level: .person).notAtLevel == nil)
    }
}
