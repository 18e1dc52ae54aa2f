import Foundation
import PartyGraphTestSupport
import Testing

/// The built executables, run from the checkout.
enum QueriesCLI {
    static let packageRoot = BuiltProducts.checkoutRoot

    typealias Run = ProductRun

    static func run(_ product: String, _ arguments: [String]) throws -> Run {
        try BuiltProducts.run(product, arguments)
    }

    static func partygraph(_ arguments: String...) throws -> Run { try run("partygraph", arguments) }

    static func json(_ run: Run) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }
}

@Suite("partygraph who-met, meetings, matrix, path, neighbors (the built binary)", .serialized)
struct QueriesCLITests {
    @Test func whoMetHunSenTable() throws {
        let run = try QueriesCLI.partygraph("who-met", "Hun Sen")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Who met Hun Sen — person level, announced or held meetings\n"))
        let rows = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("CPP–CPV bilateral summit") && $0.contains("Tô Lâm") && $0.contains("via-delegation") && $0.contains("guest, for Communist Party of Việt Nam") })
        #expect(rows.contains { $0.contains("CPP–CPV–LPRP trilateral summit") && $0.contains("Thongloun Sisoulith") && $0.contains("via-office (General Secretary of the LPRP Central Committee)") })
        #expect(rows.contains { $0.contains("Prime Minister of Việt Nam — holder not named") })
        #expect(run.standardOutput.contains("announced: the meeting is announced, not yet reported as held"))
        #expect(run.standardOutput.contains("“The second will take place between the leadership of the CPP, led by Hun Sen"))
    }

    @Test func whoMetJSONShape() throws {
        let run = try QueriesCLI.partygraph("who-met", "to lam", "--with", "hun sen", "--format", "json")
        #expect(run.status == 0, "\(run.standardError)")
        let object = try QueriesCLI.json(run)
        #expect(Set(object.keys) == ["query", "encounters", "counterparts", "manifest"])
        let query = try #require(object["query"] as? [String: Any])
        #expect((query["actor"] as? [String: Any])?["id"] as? String == "person/to-lam")
        #expect((query["with"] as? [String: Any])?["id"] as? String == "person/hun-sen")
        #expect(query["level"] as? String == "person")
        #expect((query["filter"] as? [String: Any])?["statuses"] as? [String] == ["announced", "held"])
        let encounters = try #require(object["encounters"] as? [[String: Any]])
        #expect(encounters.count == 2)
        let meetings = encounters.compactMap { ($0["meeting"] as? [String: Any])?["id"] as? String }
        #expect(meetings == ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-trilateral-summit"])
        for encounter in encounters {
            #expect(Set(encounter.keys) == ["meeting", "actor", "counterpart", "evidence"])
            let meeting = try #require(encounter["meeting"] as? [String: Any])
            #expect(meeting["announced"] as? Bool == true)
            #expect(meeting["start"] as? String == "2026-02-06")
            #expect(meeting["end"] as? String == "2026-02-07")
            let counterpart = try #require(encounter["counterpart"] as? [String: Any])
            #expect((counterpart["actor"] as? [String: Any])?["id"] as? String == "person/hun-sen")
            let participations = try #require(counterpart["participations"] as? [[String: Any]])
            #expect(Set(participations[0].keys).isSuperset(of: ["derivation", "attendee", "participant", "role", "basis"]))
            let evidence = try #require(encounter["evidence"] as? [[String: Any]])
            #expect(evidence.allSatisfy { $0["source"] as? String == "ppp-2026-02-03" && !(($0["quote"] as? String) ?? "").isEmpty })
        }
        let derivations = encounters.compactMap { (($0["counterpart"] as? [String: Any])?["participations"] as? [[String: Any]])?.first?["derivation"] as? String }
        #expect(derivations == ["via-delegation", "via-office"])
        let counterparts = try #require(object["counterparts"] as? [[String: Any]])
        #expect(counterparts.first?["meetings"] as? Int == 2)
    }

    @Test func whoMetAtPartyAndCountryLevel() throws {
        let party = try QueriesCLI.partygraph("who-met", "hun sen", "--level", "party", "--format", "csv")
        #expect(party.status == 0)
        let partyRows = party.standardOutput.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(Set(partyRows.map { String($0[9]) }) == ["party/cpv", "party/lprp"])
        let country = try QueriesCLI.partygraph("who-met", "hun sen", "--level", "country", "--format", "json")
        let counterparts = try #require(try QueriesCLI.json(country)["counterparts"] as? [[String: Any]])
        #expect(Set(counterparts.compactMap { ($0["actor"] as? [String: Any])?["name"] as? String }) == ["Việt Nam", "Lao People’s Democratic Republic"])
    }

    @Test func meetingsInvolvingCPPAndCPV() throws {
        let run = try QueriesCLI.partygraph("meetings", "--involving", "CPP", "--involving", "CPV", "--format", "csv")
        #expect(run.status == 0)
        let ids = Set(run.standardOutput.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        #expect(ids == ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-trilateral-summit"])
        let table = try QueriesCLI.partygraph("meetings", "--involving", "CPP", "--kind", "summit-series")
        #expect(table.standardOutput.contains("CPP-hosted summits with the CPV and the LPRP, February 2026"))
        #expect(table.standardOutput.contains("no participants of its own"))
    }

    @Test func csvQuotesFieldsWithCommasQuotesAndLineBreaks() throws {
        let run = try QueriesCLI.partygraph("meetings", "--dataset", datasetFixture("interchange/tricky.json"), "--format", "csv")
        #expect(run.status == 0)
        #expect(run.standardOutput.contains(",person/someone,\"Ông \"\"X\"\", Jr.\",person,"), "\(run.standardOutput)")
        // A name holding CRLF (one Character in Swift) is quoted, so the row stays one record.
        #expect(run.standardOutput.contains("meeting/2026-02-talks,\"Talks\r\nwith CRLF\",talks,"), "\(run.standardOutput)")
        #expect(!run.standardOutput.contains(",Talks\r\n"))
    }

    @Test func partyMatrixCSVIsAHeatMapGrid() throws {
        let run = try QueriesCLI.partygraph("matrix", "--level", "party", "--format", "csv")
        #expect(run.status == 0)
        #expect(run.standardOutput == """
            actor,Cambodian People’s Party,Communist Party of Việt Nam,Lao People’s Revolutionary Party\r
            Cambodian People’s Party,4,2,2\r
            Communist Party of Việt Nam,2,3,1\r
            Lao People’s Revolutionary Party,2,1,3\r\n
            """)
    }

    @Test func windowsAndPartialDates() throws {
        let february = try QueriesCLI.partygraph("meetings", "--from", "2026-02", "--to", "2026-02", "--format", "json")
        #expect(try (QueriesCLI.json(february)["meetings"] as? [Any])?.count == 6)
        let seventh = try QueriesCLI.partygraph("meetings", "--from", "2026-02-07", "--format", "json")
        #expect(try (QueriesCLI.json(seventh)["meetings"] as? [Any])?.count == 5)
    }

    @Test func emptyAnswersSaySo() throws {
        let table = try QueriesCLI.partygraph("who-met", "CPP", "--from", "2027")
        #expect(table.status == 0)
        #expect(table.standardOutput == "Who met Cambodian People’s Party — party level, announced or held meetings, from 2027\nNo encounters found.\n")
        let json = try QueriesCLI.json(try QueriesCLI.partygraph("who-met", "CPP", "--status", "held", "--format", "json"))
        #expect((json["encounters"] as? [Any])?.isEmpty == true)
        #expect(((json["query"] as? [String: Any])?["filter"] as? [String: Any])?["statuses"] as? [String] == ["held"])
        let meetings = try QueriesCLI.partygraph("meetings", "--status", "cancelled")
        #expect(meetings.standardOutput.hasSuffix("No meetings found.\n"))
    }

    @Test func anActorThatStandsForNothingAtTheLevelIsToldWhy() throws {
        let king = try QueriesCLI.partygraph("who-met", "sihamoni", "--level", "party")
        #expect(king.status == 0)
        #expect(king.standardOutput.contains("No encounters found.\nNorodom Sihamoni stands for no party in this dataset: "))
        #expect(king.standardOutput.contains("Add such a relation, or ask at another --level."))
        // An actor that does stand for a party, with no meeting in the window, is not told that.
        let cpp = try QueriesCLI.partygraph("who-met", "hun sen", "--level", "party", "--from", "2027")
        #expect(!cpp.standardOutput.contains("stands for no"))
    }

    @Test func officeResolvedWithAt() throws {
        let run = try QueriesCLI.partygraph("who-met", "CPV General Secretary", "--at", "2026-02-06", "--format", "json")
        #expect(run.status == 0)
        let query = try #require(try QueriesCLI.json(run)["query"] as? [String: Any])
        #expect((query["actorAtLevel"] as? [[String: Any]])?.first?["id"] as? String == "person/to-lam")
        #expect((query["filter"] as? [String: Any])?["at"] as? String == "2026-02-06")
    }

    @Test func pathInWords() throws {
        let run = try QueriesCLI.partygraph("path", "Hun Sen", "To Lam", "--relation", "leads", "--relation", "participant-in")
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("Hun Sen —leads→ Standing Committee of the CPP Central Committee —participant in→ CPP–CPV bilateral summit ←participant in— Politburo of the Central Committee of the Communist Party of Việt Nam ←leads— Tô Lâm\n"))
    }

    @Test func neighborsTable() throws {
        let run = try QueriesCLI.partygraph("neighbors", "Hun Sen", "--depth", "4", "--kind", "person", "--format", "csv")
        #expect(run.status == 0)
        let names = run.standardOutput.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[1]) }
        #expect(names == ["Norodom Sihamoni", "Thongloun Sisoulith", "Tô Lâm"])
    }

    @Test(arguments: [
        (["who-met", "Hun Sem"], "did you mean: person/hun-sen (Hun Sen)"),
        (["who-met", "national assembly"], "names several nodes; use one of these ids: organ/cambodia-national-assembly"),
        (["meetings", "--involving", "Nobody At All"], "no node is called 'Nobody At All'"),
        (["who-met", "CPP", "--from", "2026-03", "--to", "2026-02"], "--from 2026-03 is after --to 2026-02"),
        (["who-met", "CPP", "--from", "Feb 2026"], "--from takes YYYY, YYYY-MM or YYYY-MM-DD"),
        (["matrix", "--to", "2026-02-30"], "day 30 does not exist in 2026-02"),
        (["who-met", "CPP", "--level", "village"], "use one of: person, organ, party, country"),
        (["meetings", "--kind", "picnic"], "use one of: bilateral-summit, trilateral-summit"),
        (["meetings", "--status", "rumoured"], "use one of: announced, held, postponed, cancelled"),
        (["path", "CPP", "CPV", "--relation", "likes"], "use one of: part-of, office-of"),
        (["neighbors", "CPP", "--depth", "0"], "--depth must be 1 or more"),
        (["who-met", "trilateral summit"], "is a meeting; a meeting meets no one"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let run = try QueriesCLI.run("partygraph", arguments)
        #expect(run.status == 64)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func conveningPowerExample() throws {
        let run = try QueriesCLI.run("convening-power", [])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("Cambodian People’s Party | host, hosts | 4 | 2 | Communist Party of Việt Nam; Lao People’s Revolutionary Party"))
        #expect(lines.contains("Most distinct parties convened: Cambodian People’s Party (2 parties, 4 meetings)"))
        #expect(Array(lines.suffix(3)) == [
            "Cambodian People’s Party – Communist Party of Việt Nam: 2",
            "Cambodian People’s Party – Lao People’s Revolutionary Party: 2",
            "Communist Party of Việt Nam – Lao People’s Revolutionary Party: 1",
        ])
        let missing = try QueriesCLI.run("convening-power", ["no-such-dataset.json"])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("cannot read no-such-dataset.json"))
    }
}
