import Foundation
import Testing
@testable import PartyGraph

private func day(_ text: String) -> PartialDate { try! PartialDate(parsing: text) }

/// A small dataset: two sources' worth of facts about one meeting, as one report tells them.
private func report(
    source: Source, status: MeetingStatus, quote: String, extraEntities: [Entity] = [], extraRelations: [Relationship] = [],
    hunSenName: String = "Hun Sen", meetingPlace: String? = nil
) throws -> Dataset {
    let evidence = Evidence(source: source.id, quote: quote)
    let meeting = Entity(id: "meeting/summit", kind: .meeting, name: "Summit",
                         meeting: MeetingDetails(kind: .talks, date: try DateSpan(start: day("2026-02-06"), end: day("2026-02-06")), place: meetingPlace,
                                                 claims: [StatusClaim(source: source.id, date: source.date, status: status, quote: quote)]),
                         evidence: [evidence])
    return try Dataset(title: source.id, sources: [source], entities: [
        Entity(id: "person/hun-sen", kind: .person, name: hunSenName, aliases: [source.id], evidence: [evidence]),
        Entity(id: "person/to-lam", kind: .person, name: "Tô Lâm", evidence: [evidence]),
        meeting,
    ] + extraEntities, relationships: [
        Relationship(.participantIn, from: "person/hun-sen", to: "meeting/summit", role: .host, evidence: [evidence]),
        Relationship(.participantIn, from: "person/to-lam", to: "meeting/summit", role: .guest, evidence: [evidence]),
    ] + extraRelations)
}

private let first = Source(id: "r1", publisher: "Paper", title: "Summit announced", date: day("2026-02-03"))
private let second = Source(id: "r2", publisher: "Other paper", title: "Summit held", date: day("2026-02-07"))

private func conflicts(_ body: () throws -> Void) -> [MergeConflict] {
    do { try body() } catch let error as PartyGraphError {
        if case .mergeConflicts(let found) = error { return found }
        Issue.record("unexpected error \(error)")
    } catch { Issue.record("unexpected error \(error)") }
    return []
}

@Suite struct DatasetMergeTests {
    @Test func theSameFactFromTwoSourcesIsOneFactWithBothEvidenceRecords() throws {
        let a = try report(source: first, status: .announced, quote: "will meet")
        let b = try report(source: second, status: .held, quote: "met")
        let merged = try DatasetMerge.merge(a, b, files: ("a.json", "b.json"))
        #expect(merged.relationships.count == 2)
        #expect(merged.relationships[0].evidence == [Evidence(source: "r1", quote: "will meet"), Evidence(source: "r2", quote: "met")])
        #expect(merged.entity("person/hun-sen")?.evidence.count == 2)
        #expect(merged.entity("person/hun-sen")?.aliases == ["r1", "r2"])
        #expect(merged.sources.map(\.id) == ["r1", "r2"])
        // A fact that differs in role is another fact.
        let other = try report(source: second, status: .held, quote: "met", extraRelations: [
            Relationship(.participantIn, from: "person/hun-sen", to: "meeting/summit", role: .coChair, evidence: [Evidence(source: "r2", quote: "co-chaired")]),
        ])
        #expect(try DatasetMerge.merge(a, other).relationships.count == 3)
    }

    @Test func differingStatusesBecomeClaimsEachWithItsSource() throws {
        let a = try report(source: first, status: .announced, quote: "will meet")
        let b = try report(source: second, status: .held, quote: "met")
        let meeting = try #require(try DatasetMerge.merge(a, b).entity("meeting/summit")?.meeting)
        #expect(meeting.claims.map(\.source) == ["r1", "r2"])
        #expect(meeting.claims.map(\.status) == [.announced, .held])
        #expect(meeting.status == .held)
    }

    @Test func aSingleStatusBecomesAClaimWhenItsSourceCanBeCited() throws {
        let a = try report(source: first, status: .announced, quote: "will meet")
        var entities = a.entities
        entities[2].meeting = MeetingDetails(kind: .talks, date: entities[2].meeting!.date, status: .announced)
        let single = try Dataset(title: "v1", sources: a.sources, entities: entities, relationships: a.relationships)
        let b = try report(source: second, status: .held, quote: "met")
        let meeting = try #require(try DatasetMerge.merge(single, b).entity("meeting/summit")?.meeting)
        #expect(meeting.claims.map(\.source) == ["r1", "r2"])
    }

    @Test func oneIdWithTwoNamesIsAConflictWithBothPlaces() throws {
        let a = try report(source: first, status: .announced, quote: "will meet")
        let b = try report(source: second, status: .held, quote: "met", hunSenName: "Hun Manet")
        let found = conflicts { _ = try DatasetMerge.merge(a, b, files: ("a.json", "b.json")) }
        #expect(found.count == 1)
        #expect(found.first?.first == MergePlace(file: "a.json", path: "$.nodes[0].name"))
        #expect(found.first?.second == MergePlace(file: "b.json", path: "$.nodes[0].name"))
        #expect(found.first?.message.contains("'Hun Sen' in one and 'Hun Manet' in the other") == true)
    }

    /// (One id with two kinds cannot reach a merge: an id starts with its kind, which validation checks.)
    @Test func aSourceIdWithTwoDifferentSourcesIsAConflict() throws {
        let a = try report(source: first, status: .announced, quote: "will meet")
        let renamed = Source(id: "r1", publisher: "Paper", title: "Another title", date: day("2026-02-03"))
        let b = try report(source: renamed, status: .announced, quote: "will meet")
        let found = conflicts { _ = try DatasetMerge.merge(a, b, files: ("a.json", "b.json")) }
        #expect(found.map(\.first) == [MergePlace(file: "a.json", path: "$.sources[0].title")])
        #expect(found.map(\.second) == [MergePlace(file: "b.json", path: "$.sources[0].title")])
        #expect(try DatasetMerge.merge(a, a).sources == [first])
    }

    @Test func twoHoldersOfASingleSeatOfficeOnTheSameDayAreAConflict() throws {
        let office = Entity(id: "office/pm", kind: .office, name: "Prime Minister")
        func holding(_ person: NodeID, _ source: Source, on date: String) -> Relationship {
            Relationship(.holds, from: person, to: "office/pm", evidence: [Evidence(source: source.id, quote: "PM")],
                         attestations: [Attestation(date: day(date), evidence: Evidence(source: source.id, quote: "PM"))])
        }
        let a = try report(source: first, status: .announced, quote: "will meet", extraEntities: [office],
                           extraRelations: [holding("person/hun-sen", first, on: "2026-02-03")])
        let b = try report(source: second, status: .held, quote: "met", extraEntities: [office],
                           extraRelations: [holding("person/to-lam", second, on: "2026-02-03")])
        let found = conflicts { _ = try DatasetMerge.merge(a, b, files: ("a.json", "b.json")) }
        #expect(found.count == 1)
        #expect(found.first?.first == MergePlace(file: "a.json", path: "$.relations[2]"))
        #expect(found.first?.second == MergePlace(file: "b.json", path: "$.relations[2]"))
        #expect(found.first?.message.contains("on 2026-02-03") == true)
        // On different days it is a succession, not a conflict; with several seats, never one.
        let later = try report(source: second, status: .held, quote: "met", extraEntities: [office],
                               extraRelations: [holding("person/to-lam", second, on: "2026-02-07")])
        #expect(try DatasetMerge.merge(a, later).relationships.filter { $0.relation == .holds }.count == 2)
        var seats = office
        seats.seats = .multiple
        let multipleA = try report(source: first, status: .announced, quote: "will meet", extraEntities: [seats],
                                   extraRelations: [holding("person/hun-sen", first, on: "2026-02-03")])
        let multipleB = try report(source: second, status: .held, quote: "met", extraEntities: [seats],
                                   extraRelations: [holding("person/to-lam", second, on: "2026-02-03")])
        #expect(try DatasetMerge.merge(multipleA, multipleB).relationships.count == 4)
    }

    @Test func aPlaceOneSideLeavesOutIsTakenAndTwoPlacesConflict() throws {
        let a = try report(source: first, status: .announced, quote: "will meet")
        let b = try report(source: second, status: .held, quote: "met", meetingPlace: "Phnom Penh")
        #expect(try DatasetMerge.merge(a, b).entity("meeting/summit")?.meeting?.place == "Phnom Penh")
        let c = try report(source: second, status: .held, quote: "met", meetingPlace: "Hanoi")
        #expect(conflicts { _ = try DatasetMerge.merge(b, c) }.map(\.first.path) == ["$.nodes[2].place"])
    }

    @Test func theOutputIsDeterministicAndMergingADatasetWithItselfGivesItBack() throws {
        let a = try report(source: first, status: .announced, quote: "will meet")
        let b = try report(source: second, status: .held, quote: "met",
                           extraEntities: [Entity(id: "person/thongloun", kind: .person, name: "Thongloun", evidence: [Evidence(source: "r2", quote: "met")])],
                           extraRelations: [Relationship(.participantIn, from: "person/thongloun", to: "meeting/summit", role: .guest,
                                                         evidence: [Evidence(source: "r2", quote: "met")])])
        let once = DatasetWriter.text(of: try DatasetMerge.merge(a, b))
        #expect(once == DatasetWriter.text(of: try DatasetMerge.merge(a, b)))
        let merged = try DatasetMerge.merge(a, b)
        #expect(merged.entities.map(\.id) == ["person/hun-sen", "person/to-lam", "meeting/summit", "person/thongloun"])
        #expect(merged.relationships.last?.from == "person/thongloun")
        #expect(DatasetWriter.text(of: try DatasetMerge.merge(a, a)) == DatasetWriter.text(of: a))
        #expect(DatasetWriter.text(of: try DatasetMerge.merge(bundledDataset, bundledDataset)) == DatasetWriter.text(of: bundledDataset))
        // Merging again what was merged changes nothing.
        #expect(DatasetWriter.text(of: try DatasetMerge.merge(merged, b)) == once)
    }

    @Test func declaredVocabularyIsKeptAndTheSecondsRolesRenumbered() throws {
        let places = try DatasetLoader.load(path: fixturePath("places/places-and-vocabulary.json"))
        #expect(!places.vocabulary.isEmpty)
        #expect(DatasetWriter.text(of: try DatasetMerge.merge(places, places)) == DatasetWriter.text(of: places))
        #expect(DatasetMigration.migrate(places).dataset.vocabulary == places.vocabulary)
        let merged = try DatasetMerge.merge(bundledDataset, places)
        #expect(merged.vocabulary == places.vocabulary)
        // Each declared role of the second dataset still names the same term after the merge.
        let declared = { (dataset: Dataset) in
            dataset.relationships.compactMap { relationship in relationship.refinedRole.map { "\(relationship.from) \(dataset.vocabulary.role($0)?.id ?? "?")" } }
        }
        #expect(!declared(places).isEmpty)
        #expect(declared(merged) == declared(places))
    }
}
