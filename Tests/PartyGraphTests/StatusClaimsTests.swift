import Foundation
import Testing
@testable import PartyGraph

/// Status claims per source, `known(at:)`, contradictions and disputes, and migration (issue 10, items 2 and 8).
@Suite struct StatusClaimsTests {
    static func load(_ name: String) throws(PartyGraphError) -> Dataset { try DatasetLoader.load(path: fixturePath("claims/" + name)) }
    static func day(_ text: String) -> PartialDate { try! PartialDate(parsing: text) }

    @Test func theCurrentStatusIsTheLatestClaim() throws {
        let meeting = try #require(try Self.load("timeline.json").entity("meeting/summit")?.meeting)
        #expect(meeting.claims.map(\.status) == [.announced, .held])
        // The first claim gives no date: it takes its source's publication date.
        #expect(meeting.claims[0].date == Self.day("2026-02-03"))
        #expect(meeting.status == .held)
        #expect(meeting.statusAsOf == Self.day("2026-02-07"))
        #expect(!meeting.isContested)
    }

    @Test func knownAtAnswersAsTheSourcesStood() throws {
        let dataset = try Self.load("timeline.json")
        let early = dataset.known(at: Self.day("2026-02-05"))
        let meeting = try #require(early.entity("meeting/summit")?.meeting)
        #expect(meeting.status == .announced)
        #expect(meeting.claims.map(\.source) == ["r1"])
        // Carla Costa's participation rests on the report of 2026-02-07 only: not known yet.
        let participants = early.relationships(to: "meeting/summit").map(\.from.rawValue)
        #expect(participants == ["person/ana-alves", "person/bo-berg"])
        // Bo Berg's participation stays, citing only what was published: the dispute of 2026-02-08 is not known yet.
        #expect(early.relationships(to: "meeting/summit")[1].evidence.map(\.source) == ["r1"])
        #expect(dataset.relationships(to: "meeting/summit").count == 3)

        let before = dataset.known(at: Self.day("2026-02-01"))
        #expect(before.entity("meeting/summit") == nil)
        #expect(before.relationships.isEmpty)
        #expect(try before.meetings(filter: .all).meetings.isEmpty)
        #expect(try dataset.meetings(filter: .all).meetings.map(\.meeting.status) == [.held])
        #expect(try early.meetings(filter: .all).meetings.map(\.meeting.status) == [.announced])
    }

    @Test func aVersion1MeetingIsKnownFromItsEarliestSource() throws {
        let dataset = try Self.load("version1.json")
        #expect(dataset.known(at: Self.day("2026-02-05")).entity("meeting/summit")?.meeting?.status == .held)
        #expect(dataset.known(at: Self.day("2026-02-01")).entity("meeting/summit") == nil)
    }

    @Test func contradictionsAreWarningsAndMarkTheMeeting() throws {
        let dataset = try Self.load("contested.json")
        let summit = try #require(dataset.entity("meeting/summit")?.meeting)
        // A claim that disputes never becomes current, but contests the meeting.
        #expect(summit.status == .held)
        #expect(summit.isContested)
        let talks = try #require(dataset.entity("meeting/talks")?.meeting)
        #expect(StatusClaim.contradictions(in: talks.claims) == [[0, 1]])
        // A tie on the date goes to the last claim in file order.
        #expect(talks.status == .cancelled)
        #expect(dataset.warnings.map(\.path) == ["$.nodes[5].status_claims[2]", "$.nodes[6].status_claims[0]", "$.relations[1].evidence[1]"])
        #expect(dataset.warnings[0].line == 72)
        #expect(dataset.warnings[1].message.contains("'r2' says held, 'r2' says cancelled"))
        let listing = try #require(try dataset.meetings(filter: try QueryFilter(statuses: Set(MeetingStatus.allCases))).meetings.first)
        #expect(listing.meeting.contested)
        #expect(listing.meeting.claims.map(\.stance) == [.supports, .supports, .disputes])
        #expect(listing.meeting.claims.map(\.current) == [false, true, false])
        #expect(try Self.load("timeline.json").warnings.count == 1)
    }

    @Test func aDisputedFactCountsAndIsMarkedWithBothSides() throws {
        let dataset = try Self.load("timeline.json")
        let report = try dataset.encounters(of: "person/ana-alves", filter: .all)
        let withBo = try #require(report.encounters.first { $0.counterpart.actor.id == "person/bo-berg" })
        #expect(withBo.evidence.map(\.stance).contains(.disputes))
        #expect(withBo.evidence.map(\.stance).contains(.supports))
        let used = withBo.counterpart.participations[0].basis[0]
        #expect(used.disputed)
        let node = NodeReport(entity: try #require(dataset.entity("person/bo-berg")), in: dataset)
        #expect(node.facts.map(\.disputed) == [true])
        let carla = NodeReport(entity: try #require(dataset.entity("person/carla-costa")), in: dataset)
        #expect(carla.facts.map(\.disputed) == [false])
    }

    /// A fixture of `Fixtures/claims/` and its one located error.
    static func claim(file: String, line: Int, column: Int, path: String, message: String) -> LocatedErrorCase {
        LocatedErrorCase(file: "claims/" + file, line: line, column: column, path: path, message: message)
    }

    static let badCases: [LocatedErrorCase] = [
        claim(file: "bad-claim-without-source.json", line: 66, column: 9, path: "$.nodes[5].status_claims[1]", message: "a status claim needs \"source\""),
        claim(file: "bad-claim-unknown-source.json", line: 67, column: 21, path: "$.nodes[5].status_claims[1].source", message: "unknown source 'r9'"),
        claim(file: "bad-claim-bad-date.json", line: 68, column: 19, path: "$.nodes[5].status_claims[1].date", message: "day 30 does not exist in 2026-02"),
        claim(file: "bad-claim-unknown-status.json", line: 69, column: 21, path: "$.nodes[5].status_claims[1].status", message: "unknown status 'hled'"),
        claim(file: "bad-claim-null-status.json", line: 69, column: 21, path: "$.nodes[5].status_claims[1].status", message: "\"status\" is null"),
        claim(file: "bad-claim-after-source.json", line: 68, column: 19, path: "$.nodes[5].status_claims[1].date", message: "after its source 'r2' was published (2026-02-07)"),
        claim(file: "bad-claim-quote-not-in-source.json", line: 70, column: 20, path: "$.nodes[5].status_claims[1].quote", message: "the quote is not in the text of source 'r2'"),
        claim(file: "bad-claim-unknown-field.json", line: 71, column: 11, path: "$.nodes[5].status_claims[1].sorce", message: "unknown field \"sorce\""),
        claim(file: "bad-status-and-claims.json", line: 79, column: 7, path: "$.nodes[5].status", message: "either \"status\" or \"status_claims\", not both"),
        claim(file: "bad-claims-empty.json", line: 60, column: 24, path: "$.nodes[5].status_claims", message: "\"status_claims\" is empty"),
        claim(file: "bad-claims-only-dispute.json", line: 60, column: 24, path: "$.nodes[5].status_claims", message: "every status claim disputes"),
        claim(file: "bad-claims-in-version1.json", line: 71, column: 7, path: "$.nodes[5].status_claims", message: "is a field of format version 2"),
    ]

    @Test(arguments: badCases)
    func eachBadClaimIsReportedOnceWithItsPlace(_ expected: LocatedErrorCase) throws {
        try expected.check()
    }

    @Test func theUnknownStatusSuggestsTheNearest() throws {
        do throws(PartyGraphError) { _ = try Self.load("bad-claim-unknown-status.json") } catch {
            guard case .invalidData(_, let issues) = error else { throw error }
            #expect(issues[0].fix?.hasPrefix("did you mean 'held'?") == true)
        }
    }

    @Test func claimsRoundTripThroughTheWriter() throws {
        let dataset = try Self.load("contested.json")
        let text = DatasetWriter.text(of: dataset)
        let again = try DatasetLoader.decode(data: Data(text.utf8), file: "again.json")
        #expect(again.entities == dataset.entities)
        #expect(DatasetWriter.text(of: again) == text)
    }

    @Test(arguments: [ExportFormat.csv, .json])
    func claimsSurviveExportAndImport(format: ExportFormat) throws {
        let dataset = try Self.load("contested.json")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(UUID().uuidString)").path
        let path = folder + (format == .json ? "/export.json" : "/export")
        try Exporter.write(dataset, format: format, to: path)
        let imported = try Importer.load(format: format == .csv ? .csv : .json, paths: [path])
        #expect(imported.entities == dataset.entities)
        #expect(imported.warnings.map(\.message) == dataset.warnings.map(\.message))
    }

    @Test func migrationCitesASourceOnlyWhenItCan() throws {
        let version1 = try Self.load("version1.json")
        let (migrated, changes) = DatasetMigration.migrate(version1)
        #expect(changes == [.init(meeting: "meeting/summit", outcome: .claimFrom(source: "r2"))])
        let claims = try #require(migrated.entity("meeting/summit")?.meeting?.claims)
        #expect(claims == [StatusClaim(source: "r2", date: Self.day("2026-02-07"), status: .held,
                                       quote: "The summit between the Alpha Party and the Beta Party was held on February 6.")])
        // The same answers, and migrating again changes nothing.
        #expect(try migrated.meetings(filter: .all) == version1.meetings(filter: .all).withClaims(from: migrated))
        let twice = DatasetMigration.migrate(migrated)
        #expect(twice.changes.isEmpty)
        #expect(DatasetWriter.text(of: twice.dataset) == DatasetWriter.text(of: migrated))

        // A status as of a day no cited source has: kept, never given an invented source.
        var entities = version1.entities
        entities[5].meeting?.statusAsOf = Self.day("2026-02-10")
        let undated = try Dataset(title: "t", sources: version1.sources, entities: entities, relationships: version1.relationships)
        let kept = DatasetMigration.migrate(undated)
        #expect(kept.dataset.entity("meeting/summit")?.meeting?.claims.isEmpty == true)
        #expect(kept.dataset.entity("meeting/summit")?.meeting?.status == .held)
        guard case .statusKept = kept.changes.first?.outcome else { Issue.record("\(kept.changes)"); return }
    }

    @Test func theBundledDatasetsStatusesAreClaimsOfTheAnnouncement() throws {
        for meeting in bundledDataset.meetings {
            let claims = try #require(meeting.meeting?.claims)
            #expect(claims.count == 1)
            #expect(claims.first?.source == "ppp-2026-02-03")
            #expect(claims.first?.status == .announced)
            #expect(claims.first?.date == Self.day("2026-02-03"))
        }
        #expect(bundledDataset.warnings.isEmpty)
        #expect(bundledDataset.known(at: Self.day("2026-02-02")).meetings.isEmpty)
    }
}

extension MeetingsReport {
    /// The report with each meeting's claims as `dataset` gives them (a migrated file gains claims, nothing else).
    func withClaims(from dataset: Dataset) -> MeetingsReport {
        var copy = self
        for index in copy.meetings.indices {
            let id = copy.meetings[index].meeting.id
            if let details = dataset.entity(id)?.meeting { copy.meetings[index].meeting.claims = dataset.claimCitations(details) }
        }
        return copy
    }
}
