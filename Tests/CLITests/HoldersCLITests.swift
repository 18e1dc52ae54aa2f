import Foundation
import Testing

/// `partygraph holders` on the tenure fixture: the table of answers of the tenure rule, as a user sees it.
@Suite("partygraph holders (the built binary)", .serialized)
struct HoldersCLITests {
    static let fixture = QueriesCLI.packageRoot.appendingPathComponent("Tests/PartyGraphTests/Fixtures/valid/tenure-attested.json").path

    @Test(arguments: [
        ("2021-09-26", "  Hun Sen, stated"),
        ("2025-01-01", "  Hun Manet, stated"),
        ("2026-02-06", "  Hun Manet, inferred — no later holder known after 2025-02-22"),
        ("2022-06-01", "  holder unknown: Hun Sen or Hun Manet, succession between 2021-09-26 and 2024-10-09"),
    ])
    func holderOnADay(day: String, line: String) throws {
        let run = try QueriesCLI.partygraph("holders", "prime minister of cambodia", "--at", day, "--dataset", Self.fixture)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == "Prime Minister of Cambodia on \(day)\n\(line)\n")
    }

    @Test func jsonCarriesTheWindowAndTheCandidates() throws {
        let run = try QueriesCLI.partygraph("holders", "Prime Minister of Cambodia", "--at", "2022-06-01", "--dataset", Self.fixture, "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let unknown = try #require(try QueriesCLI.json(run)["unknown"] as? [String: Any])
        #expect(unknown["level"] as? String == "unknown")
        #expect(unknown["after"] as? String == "2021-09-26")
        #expect(unknown["before"] as? String == "2024-10-09")
        #expect((unknown["candidates"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["person/hun-sen", "person/hun-manet"])
    }

    @Test func theSuccessionListsEveryHoldingAndWindow() throws {
        let run = try QueriesCLI.partygraph("holders", "Prime Minister of Cambodia", "--dataset", Self.fixture, "--format", "csv")
        #expect(run.status == 0, "\(run.standardError)")
        let rows = run.standardOutput.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "office_id,holder_id,holder,known_from,known_to,start_stated,end_stated,attested,continues_after")
        #expect(rows.contains("office/prime-minister-of-cambodia,person/hun-manet,Hun Manet,2024-10-09,2025-02-22,false,false,2024-10-09 2025-02-22,2025-02-22"))
    }

    @Test func aNodeThatIsNotAnOfficeIsAUsageError() throws {
        let run = try QueriesCLI.partygraph("holders", "Hun Sen", "--dataset", Self.fixture)
        #expect(run.status == 64)
        #expect(run.standardError.contains("'Hun Sen' is a person, not an office"))
    }
}
