import Testing
@testable import PartyGraph

@Suite struct NameResolutionTests {
    let resolver = NameResolver(dataset: bundledDataset)

    @Test(arguments: [
        ("to lam", "person/to-lam"), ("TÔ LÂM", "person/to-lam"), ("Tô Lâm", "person/to-lam"), ("tolam", "person/to-lam"),
        ("Viet Nam", "country/vietnam"), ("Việt Nam", "country/vietnam"), ("vietnam", "country/vietnam"),
        ("cpv", "party/cpv"), ("CPP", "party/cpp"), ("Communist Party of Viet Nam", "party/cpv"),
        ("thongloun", "person/thongloun-sisoulith"), ("Thongloun Sisoulith", "person/thongloun-sisoulith"),
        ("Lao People's Revolutionary Party", "party/lprp"), ("laos", "country/laos"), ("Lao PDR", "country/laos"),
        ("hun sen", "person/hun-sen"), ("Samdech Hun Sen", "person/hun-sen"), ("person/hun-sen", "person/hun-sen"),
        ("sihamoni", "person/norodom-sihamoni"), ("CPP Standing Committee", "organ/cpp-standing-committee"),
    ])
    func namesResolveIgnoringCaseDiacriticsAndSpacing(name: String, id: String) throws {
        #expect(try resolver.resolve(name).id == NodeID(id))
    }

    @Test func anAmbiguousNameListsTheCandidates() {
        do {
            _ = try resolver.resolve("politburo")
            Issue.record("expected ambiguity")
        } catch {
            guard case .ambiguousName(_, let candidates) = error else { Issue.record("\(error)"); return }
            #expect(candidates.contains { $0.hasPrefix("organ/cpv-politburo") })
            #expect(candidates.contains { $0.hasPrefix("organ/lprp-politburo") })
            #expect(!error.isDataError)
        }
    }

    @Test func anUnknownNameSuggestsTheNearest() {
        do {
            _ = try resolver.resolve("Tonglon Sisulit")
            Issue.record("expected unknown name")
        } catch {
            guard case .unknownName(_, let suggestions) = error else { Issue.record("\(error)"); return }
            #expect(suggestions.first?.hasPrefix("person/thongloun-sisoulith") == true, "\(suggestions)")
        }
        #expect(throws: PartyGraphError.self) { try resolver.resolve("   ") }
    }
}

/// Ranking: an actor named by a run of whole words, or containing the text, beats a meeting whose name mentions it.
@Suite struct NameRankingTests {
    static func dataset() throws -> Dataset {
        let evidence = [Evidence(source: "s1", quote: "x")]
        let meeting = MeetingDetails(kind: .meeting, date: try DateSpan(parsing: "2025-02-22"), status: .held)
        return try Dataset(
            title: "ranking", sources: [Source(id: "s1", publisher: "P", title: "T", date: try PartialDate(parsing: "2025"))],
            entities: [
                Entity(id: "person/thongloun", kind: .person, name: "Thongloun Sisoulith", evidence: evidence),
                Entity(id: "person/chinh", kind: .person, name: "Phạm Minh Chính", evidence: evidence),
                Entity(id: "person/manet", kind: .person, name: "Hun Manet", evidence: evidence),
                Entity(id: "meeting/call", kind: .meeting, name: "Courtesy call on Thongloun Sisoulith", meeting: meeting, evidence: evidence),
                Entity(id: "meeting/talks", kind: .meeting, name: "Talks of Phạm Minh Chính and Hun Manet", meeting: meeting, evidence: evidence),
                Entity(id: "organ/assembly-a", kind: .organ, name: "National Assembly of A", evidence: evidence),
                Entity(id: "organ/assembly-b", kind: .organ, name: "National Assembly of B", evidence: evidence),
            ],
            relationships: [])
    }

    @Test(arguments: [
        ("thongloun", "person/thongloun"), ("sisoulith", "person/thongloun"), ("chinh", "person/chinh"),
        ("minh chinh", "person/chinh"), ("manet", "person/manet"), ("thonglo", "person/thongloun"),
        ("courtesy call", "meeting/call"), ("talks", "meeting/talks"),
    ])
    func actorsBeatMeetingsThatMentionThem(name: String, id: String) throws {
        #expect(try NameResolver(dataset: try Self.dataset()).resolve(name).id == NodeID(id))
    }

    @Test func trueTiesStillListTheCandidates() throws {
        let resolver = NameResolver(dataset: try Self.dataset())
        do {
            _ = try resolver.resolve("national assembly")
            Issue.record("expected ambiguity")
        } catch {
            guard case .ambiguousName(_, let candidates) = error else { Issue.record("\(error)"); return }
            #expect(candidates == ["organ/assembly-a (National Assembly of A)", "organ/assembly-b (National Assembly of B)"])
        }
    }
}
