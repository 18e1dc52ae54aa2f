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
