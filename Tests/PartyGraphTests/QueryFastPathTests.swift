import Foundation
import Testing
@testable import PartyGraph

/// The fast paths of who-met at every level and of the co-meeting matrix give exactly the answers of the
/// straightforward paths (every meeting read; attendances built and mapped one by one).
@Suite("Query fast paths")
struct QueryFastPathTests {
    /// A small dataset made by `Benchmarks/generate_dataset.py --persons 120 --parties 6 --countries 3 --meetings 100
    /// --participations 500 --sources 4`: parties with organs and offices, dated memberships, capacities, `led_by`, hosts.
    static let generated: Dataset = {
        do { return try DatasetLoader.load(path: fixturePath("generated/small-scale.json")) } catch { fatalError("\(error)") }
    }()

    static func datasets() throws -> [(name: String, dataset: Dataset)] {
        [("bundled", bundledDataset), ("generated", generated), ("candidates", try EncounterCandidateTests.dataset()),
         ("capacities", try capacities())]
    }

    /// Participations whose capacity is another party than the participant's (non-members for a party, organs
    /// of one party for another), dated memberships, an office and its holder, hosts, two countries.
    static func capacities() throws -> Dataset {
        var document = SyntheticDocument()
        document.nodeCount = 80
        document.meetingCount = 20
        document.relationCount = 220
        let evidence = #""evidence":[{"source":"s1","quote":"x"}]"#
        var nodes: [String] = []
        var lines: [String] = []
        for party in 0..<3 {
            nodes.append(#"{"id":"party/q\#(party)","kind":"party","name":"Party \#(party)",\#(evidence)}"#)
            nodes.append(#"{"id":"organ/g\#(party)","kind":"organ","name":"Organ \#(party)",\#(evidence)}"#)
            lines.append(#"{"relation":"part-of","from":"organ/g\#(party)","to":"party/q\#(party)",\#(evidence)}"#)
            lines.append(#"{"relation":"based-in","from":"party/q\#(party)","to":"country/c\#(party % 2)",\#(evidence)}"#)
        }
        for country in 0..<2 { nodes.append(#"{"id":"country/c\#(country)","kind":"country","name":"Country \#(country)",\#(evidence)}"#) }
        nodes.append(#"{"id":"office/o0","kind":"office","name":"Office 0",\#(evidence)}"#)
        lines.append(#"{"relation":"office-of","from":"office/o0","to":"party/q0",\#(evidence)}"#)
        lines.append(#"{"relation":"holds","from":"person/p25","to":"office/o0","start":"2026-01",\#(evidence)}"#)
        for member in 0..<30 {
            let dates = member % 4 == 0 ? #","start":"2026-03""# : ""
            lines.append(#"{"relation":"member-of","from":"person/p\#(20 + member)","to":"party/q\#(member % 3)"\#(dates),\#(evidence)}"#)
        }
        for k in 0..<20 {
            lines.append(#"{"relation":"participant-in","from":"person/p\#(50 + k)","to":"meeting/m\#(k)","capacity":"party/q\#(k % 3)",\#(evidence)}"#)
            lines.append(#"{"relation":"participant-in","from":"organ/g\#(k % 3)","to":"meeting/m\#((k * 7) % 20)","capacity":"party/q\#((k + 1) % 3)","led_by":"person/p\#(60 + k % 5)",\#(evidence)}"#)
            if k % 3 == 0 { lines.append(#"{"relation":"participant-in","from":"office/o0","to":"meeting/m\#(k)",\#(evidence)}"#) }
            if k % 2 == 0 { lines.append(#"{"relation":"hosts","from":"party/q\#(k % 3)","to":"meeting/m\#(k)",\#(evidence)}"#) }
        }
        document.extraNodes = nodes
        for (offset, line) in lines.enumerated() { document.relationOverride[offset] = line }
        var bytes = Array(document.text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(PartyGraphError) in
            try DatasetLoader.decode(bytes: UnsafeBufferPointer(buffer), file: "capacities.json", sourceDirectory: nil)
        }
    }

    @Test func capacityOfAnotherPartyMakesAMeetingACandidate() throws {
        let data = try QueryFastPathTests.capacities()
        let party = try #require(data.index(of: "party/q0"))
        let meeting = try #require(data.index(of: "meeting/m3"))  // person/p53, no member, takes part for party/q0
        #expect(data.candidateMeetings(of: party, level: .party).contains(meeting))
        let report = try data.encounters(of: "party/q0", level: .party)
        #expect(report.encounters.contains { $0.meeting.id == "meeting/m3" })
    }

    static let levels: [EncounterLevel?] = [nil] + EncounterLevel.allCases.map { $0 }

    @Test func whoMetAtEveryLevelMatchesReadingEveryMeeting() throws {
        var compared = 0, nonEmpty = 0, nonEmptyAbovePerson = 0
        for (name, data) in try QueryFastPathTests.datasets() {
            for actor in data.entities where actor.kind != .meeting {
                for level in QueryFastPathTests.levels {
                    let query = EncounterQuery(actor: actor.id, level: level)
                    let fast = try data.encounters(query, readEveryMeeting: false)
                    let full = try data.encounters(query, readEveryMeeting: true)
                    #expect(fast == full, "\(name): \(actor.id) at \(level?.rawValue ?? "own level")")
                    compared += 1
                    if !full.encounters.isEmpty {
                        nonEmpty += 1
                        if let level, level != .person { nonEmptyAbovePerson += 1 }
                    }
                }
            }
        }
        #expect(compared > 1400)
        #expect(nonEmpty > 900)
        #expect(nonEmptyAbovePerson > 400)
    }

    @Test func whoMetWithFiltersAndCounterpartMatchesReadingEveryMeeting() throws {
        let data = QueryFastPathTests.generated
        let filters = [
            try QueryFilter(at: try PartialDate(parsing: "2012-06-01")),
            try QueryFilter(from: try PartialDate(parsing: "2010"), to: try PartialDate(parsing: "2018")),
            try QueryFilter(statuses: Set(MeetingStatus.allCases)),
        ]
        let actors = data.entities.filter { $0.kind != .meeting && $0.kind != .person } + data.entities.filter { $0.kind == .person }.prefix(20)
        let with = data.entities.first { $0.kind == .party }!.id
        var nonEmpty = 0
        for filter in filters {
            for actor in actors {
                for level in QueryFastPathTests.levels {
                    for other in [nil, with] where other != actor.id {
                        let query = EncounterQuery(actor: actor.id, with: other, filter: filter, level: level)
                        let fast = try data.encounters(query, readEveryMeeting: false)
                        #expect(fast == (try data.encounters(query, readEveryMeeting: true)), "\(actor.id) at \(level?.rawValue ?? "own level")")
                        if !fast.encounters.isEmpty { nonEmpty += 1 }
                    }
                }
            }
        }
        #expect(nonEmpty > 300)
    }

    @Test func candidatesAreFewerThanAllMeetingsAboveTheirOwnLevel() throws {
        let data = QueryFastPathTests.generated
        let party = try #require(data.index(of: "party/p000"))
        let candidates = data.candidateMeetings(of: party, level: .party)
        #expect(!candidates.isEmpty)
        #expect(candidates.count < data.meetings.count)
        // In meeting order, each once.
        #expect(candidates == candidates.sorted { data.meetingRank[$0] < data.meetingRank[$1] })
        #expect(Set(candidates).count == candidates.count)
        // Every meeting where the party has a side is among them.
        let report = try data.encounters(of: "party/p000", level: .party)
        let ids = Set(candidates.map { data.entities[$0].id })
        #expect(!report.encounters.isEmpty)
        #expect(report.encounters.allSatisfy { ids.contains($0.meeting.id) })
    }

    @Test func matrixMatchesTheAttendanceByAttendanceMatrix() throws {
        var nonTrivial = 0
        for (name, data) in try QueryFastPathTests.datasets() {
            let filters = [QueryFilter.all, try QueryFilter(at: try PartialDate(parsing: "2026-02-06")),
                           try QueryFilter(from: try PartialDate(parsing: "2005"), to: try PartialDate(parsing: "2015")),
                           try QueryFilter(statuses: Set(MeetingStatus.allCases))]
            for level in EncounterLevel.allCases {
                for filter in filters {
                    let fast = data.coMeetingMatrix(level: level, filter: filter, gridLimit: .max)
                    let reference = CoMeetingMatrix(attendancesOf: data, level: level, filter: filter)
                    #expect(fast == reference, "\(name) at \(level.rawValue)")
                    if fast.pairs.count > 3 { nonTrivial += 1 }
                }
            }
        }
        #expect(nonTrivial >= 12)
    }

    @Test func matrixValuesOnTheBundledDataset() throws {
        let matrix = bundledDataset.coMeetingMatrix(level: .party)
        #expect(matrix.count("party/cpp", "party/cpv") > 0)
        let counts = try #require(matrix.counts)
        #expect(counts.indices.allSatisfy { row in counts.indices.allSatisfy { counts[row][$0] == counts[$0][row] } })
        for pair in matrix.pairs {
            #expect(pair.count == pair.meetings.count)
            #expect(matrix.count(pair.first.id, pair.second.id) == pair.count)
        }
    }
}
