import Foundation
import Testing
@testable import PartyGraph

@Suite("Meetings, matrix, windows and office resolution")
struct QueriesMeetingsTests {
    let dataset = QueriesFixture.bundled

    @Test func meetingsInvolvingCPPAndCPVAreTheBilateralAndTheTrilateral() throws {
        let report = try dataset.meetings(involving: [NodeID("party/cpp"), NodeID("party/cpv")])
        #expect(report.meetings.map(\.meeting.id) == ["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-trilateral-summit"])
        for listing in report.meetings {
            #expect(listing.partOf.map(\.id) == ["meeting/2026-02-cpp-summits"])
            #expect(listing.meeting.announced)
        }
        let bilateral = report.meetings[0]
        #expect(bilateral.participants.map(\.attendee.id) == ["organ/cpp-standing-committee", "person/hun-sen", "organ/cpv-politburo", "person/to-lam"])
        #expect(bilateral.conveners.map(\.how) == [.hosts, .host])
    }

    @Test func theSeriesIsListedOnlyThroughItsOwnRelationships() throws {
        let cpp = try dataset.meetings(involving: [NodeID("party/cpp")])
        let series = try #require(cpp.meetings.first { $0.meeting.id == "meeting/2026-02-cpp-summits" })
        #expect(series.participants.isEmpty)
        #expect(series.conveners.map(\.actor.id) == ["party/cpp"])
        #expect(series.parts.count == 3)
        #expect(series.parallelWith.count == 2)
        let cpv = try dataset.meetings(involving: [NodeID("party/cpv")])
        #expect(!cpv.meetings.contains { $0.meeting.id == "meeting/2026-02-cpp-summits" })
        #expect(cpv.meetings.map(\.meeting.id).contains("meeting/2026-02-06-to-lam-state-visit"))
    }

    @Test func allMeetingsAreChronological() throws {
        let all = try dataset.meetings()
        #expect(all.meetings.count == 6)
        let days = all.meetings.map { $0.meeting.start!.firstDay }
        #expect(days == days.sorted())
    }

    @Test(arguments: [
        (EncounterLevel.party, "party/cpp", "party/cpv", 2),
        (.party, "party/cpp", "party/lprp", 2),
        (.party, "party/cpv", "party/lprp", 1),
        (.party, "party/cpp", "party/cpp", 4),
        (.country, "country/cambodia", "country/vietnam", 3),
        (.country, "country/cambodia", "country/laos", 3),
        (.country, "country/vietnam", "country/laos", 1),
        (.person, "person/hun-sen", "person/to-lam", 2),
        (.person, "person/to-lam", "person/thongloun-sisoulith", 1),
        (.organ, "organ/cpp-standing-committee", "organ/cpv-politburo", 1),
        (.organ, "organ/cpp-standing-committee", "organ/lprp-politburo", 0),
    ])
    func coMeetingCounts(level: EncounterLevel, first: String, second: String, expected: Int) {
        let matrix = dataset.coMeetingMatrix(level: level)
        #expect(matrix.count(NodeID(first), NodeID(second)) == expected)
        #expect(matrix.count(NodeID(second), NodeID(first)) == expected)
    }

    @Test func partyMatrixIsExactlyTheThreeParties() {
        let matrix = dataset.coMeetingMatrix(level: .party)
        #expect(matrix.actors.map(\.id) == ["party/cpp", "party/cpv", "party/lprp"])
        #expect(matrix.counts == [[4, 2, 2], [2, 3, 1], [2, 1, 3]])
        #expect(matrix.pairs.map(\.count) == [2, 2, 1])
        #expect(matrix.pairs[2].meetings == ["meeting/2026-02-trilateral-summit"])
    }

    @Test(arguments: [
        ("2026", nil, 6),
        ("2026-02", "2026-02", 6),
        ("2026-02-07", nil, 5),
        (nil, "2026-02-06", 6),
        (nil, "2026-02-05", 0),
        ("2026-01", "2026-01", 0),
        ("2027", nil, 0),
    ] as [(String?, String?, Int)])
    func windowsWithPartialDates(from: String?, to: String?, expected: Int) throws {
        let filter = try QueryFilter(from: from.map { try PartialDate(parsing: $0) }, to: to.map { try PartialDate(parsing: $0) })
        #expect(try dataset.meetings(filter: filter).meetings.count == expected)
    }

    @Test func windowAfterTheSummitsLeavesNoEncounters() throws {
        let filter = try QueryFilter(from: PartialDate(parsing: "2026-03"))
        let report = try dataset.encounters(of: NodeID("person/hun-sen"), filter: filter)
        #expect(report.encounters.isEmpty)
        #expect(report.query.filter.from?.description == "2026-03")
    }

    @Test func fromAfterToIsRejected() throws {
        let error = #expect(throws: PartyGraphError.self) {
            try QueryFilter(from: PartialDate(parsing: "2026-03"), to: PartialDate(parsing: "2026-02"))
        }
        guard case .windowEndsBeforeStart(let from, let to)? = error else {
            Issue.record("expected windowEndsBeforeStart, got \(String(describing: error))")
            return
        }
        #expect(from.description == "2026-03" && to.description == "2026-02")
        #expect(!(error?.description.contains("--") ?? true))
        // Overlapping partial dates are a valid window.
        _ = try QueryFilter(from: PartialDate(parsing: "2026-02"), to: PartialDate(parsing: "2026"))
        #expect(throws: PartyGraphError.self) { try QueryFilter(statuses: []) }
    }

    @Test func statusFilters() throws {
        let held = try QueryFilter(statuses: [.held])
        #expect(try dataset.encounters(of: NodeID("person/hun-sen"), filter: held).encounters.isEmpty)
        let announced = try QueryFilter(statuses: [.announced])
        #expect(try dataset.encounters(of: NodeID("person/hun-sen"), filter: announced).encounters.count
                == dataset.encounters(of: NodeID("person/hun-sen")).encounters.count)
        let bilateral = try QueryFilter(meetingKinds: [.bilateralSummit])
        #expect(try dataset.encounters(of: NodeID("person/hun-sen"), filter: bilateral).counterparts.map(\.actor.id).sorted()
                == ["person/thongloun-sisoulith", "person/to-lam"])
    }

    /// A small dataset where the prime ministership changes hands, to resolve an office on different days.
    static func handover() throws -> Dataset {
        let source = Source(id: "s", publisher: "P", title: "T", date: try PartialDate(parsing: "2026-03-01"))
        let cite = [Evidence(source: "s", quote: "q")]
        func span(_ text: String) throws -> DateSpan { try DateSpan(parsing: text) }
        return try Dataset(
            title: "handover", sources: [source],
            entities: [
                Entity(id: NodeID("country/x"), kind: .country, name: "X", evidence: cite),
                Entity(id: NodeID("office/x-pm"), kind: .office, name: "Prime Minister of X", evidence: cite),
                Entity(id: NodeID("person/old"), kind: .person, name: "Old PM", evidence: cite),
                Entity(id: NodeID("person/new"), kind: .person, name: "New PM", evidence: cite),
                Entity(id: NodeID("person/guest"), kind: .person, name: "Guest", evidence: cite),
                Entity(id: NodeID("meeting/talks"), kind: .meeting, name: "Talks",
                       meeting: MeetingDetails(kind: .talks, date: try span("2026-02-10"), status: .held), evidence: cite),
            ],
            relationships: [
                Relationship(.officeOf, from: NodeID("office/x-pm"), to: NodeID("country/x"), evidence: cite),
                Relationship(.holds, from: NodeID("person/old"), to: NodeID("office/x-pm"), valid: try span("2024-01/2025-06"), evidence: cite),
                Relationship(.holds, from: NodeID("person/new"), to: NodeID("office/x-pm"), valid: try span("2026-01-15/"), evidence: cite),
                Relationship(.participantIn, from: NodeID("office/x-pm"), to: NodeID("meeting/talks"), role: .host, evidence: cite),
                Relationship(.participantIn, from: NodeID("person/guest"), to: NodeID("meeting/talks"), role: .guest, evidence: cite),
            ])
    }

    @Test(arguments: [
        ("2025-03-01", "person/old", false),
        ("2025-09", "office/x-pm", true),
        ("2026-02", "person/new", false),
    ] as [(String, String, Bool)])
    func atAnswersTheOfficeHolderQuestionOfTheDay(at: String, holder: String, notNamed: Bool) throws {
        let dataset = try Self.handover()
        let actors = dataset.levelActors(of: NodeID("office/x-pm"), level: .person, on: try PartialDate(parsing: at))
        #expect(actors.map(\.id) == [NodeID(holder)])
        #expect(actors.first?.holderNotNamed == notNamed)
    }

    /// `--at` never moves a meeting's dates: the talks of 2026-02-10 are attended by that day's prime minister.
    @Test(arguments: [nil, "2025-03-01", "2025-09", "2026-02"] as [String?])
    func encountersAtAMeetingUseItsOwnDatesWhateverAt(at: String?) throws {
        let dataset = try Self.handover()
        let filter = try QueryFilter(at: at.map { try PartialDate(parsing: $0) })
        let report = try dataset.encounters(of: NodeID("person/guest"), filter: filter)
        #expect(report.counterparts.map(\.actor.id) == ["person/new"])
        let side = try #require(report.encounters.first?.counterpart.participations.first)
        #expect(side.derivation == .viaOffice)
        #expect(side.participant.id == "office/x-pm")
    }

    @Test func theOfficeItselfAsksAboutItsHolderOfTheDay() throws {
        let dataset = try Self.handover()
        let report = try dataset.encounters(of: NodeID("office/x-pm"))
        #expect(report.encounters.map(\.actor.actor.id) == ["person/new"])
        #expect(report.counterparts.map(\.actor.id) == ["person/guest"])
    }
}
