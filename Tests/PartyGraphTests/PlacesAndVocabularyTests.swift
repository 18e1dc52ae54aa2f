import Foundation
import Testing
@testable import PartyGraph

/// The fixture of these tests: three places (a venue in a city in Việt Nam, a city in Cambodia), four meetings of
/// core and declared kinds, core and declared roles; the vocabulary is declared after the records that use it.
/// Made by `Fixtures/places/make_fixtures.py`.
let placesFixture: Dataset = {
    do { return try DatasetLoader.load(path: fixturePath("places/places-and-vocabulary.json")) } catch { fatalError("\(error)") }
}()

@Suite struct PlacesTests {
    let dataset = placesFixture

    func meetingIDs(_ filter: QueryFilter) throws -> [String] {
        try dataset.meetings(filter: filter).meetings.map(\.meeting.id.rawValue)
    }

    func held(in name: String) throws -> [String] {
        let place = try NameResolver(dataset: dataset).resolve(name).id
        return try meetingIDs(try dataset.restricting(.all, toPlace: place))
    }

    @Test func aPlaceAdmitsMeetingsHeldThereOrAtAPlaceLocatedInIt() throws {
        // The palace lies in the city: a meeting at the palace is in the city, and the city's own meeting too.
        #expect(try held(in: "Hồ Chí Minh City") == ["meeting/courtesy-call-palace", "meeting/talks-saigon"])
        #expect(try held(in: "Saigon") == ["meeting/courtesy-call-palace", "meeting/talks-saigon"])
        #expect(try held(in: "independence palace") == ["meeting/courtesy-call-palace"])
        #expect(try held(in: "Phnom Penh") == ["meeting/long-call-phnom-penh"])
    }

    @Test func aCountryAdmitsMeetingsAtThePlacesLocatedInItAtAnyDepth() throws {
        #expect(try held(in: "Viet Nam") == ["meeting/courtesy-call-palace", "meeting/talks-saigon"])
        #expect(try held(in: "Cambodia") == ["meeting/long-call-phnom-penh"])
        // The audience has only the source's free-text place: it is held nowhere the rule can see.
        #expect(!(try held(in: "Viet Nam")).contains("meeting/audience-hanoi"))
    }

    @Test func everyQueryUsesTheSamePlaceRule() throws {
        let filter = try dataset.restricting(.all, toPlace: "country/vietnam")
        let encounters = try dataset.encounters(of: "person/bopha", filter: filter, level: .person)
        #expect(encounters.encounters.map(\.meeting.id.rawValue) == ["meeting/courtesy-call-palace", "meeting/talks-saigon"])
        let graph = dataset.coMeetingGraph(level: .person, filter: filter)
        #expect(graph.meetings.map(\.rawValue).sorted() == ["meeting/courtesy-call-palace", "meeting/talks-saigon"])
        // Anh and Chanthy meet only in Cambodia and Hà Nội: no pair in Việt Nam.
        let names = graph.actors.map(\.id.rawValue)
        #expect(names.sorted() == ["person/anh", "person/bopha", "person/chanthy"])
        #expect(graph.pairCount == 2)
        let all = dataset.coMeetingGraph(level: .person, filter: .all)
        #expect(all.pairCount == 3)
    }

    @Test func aPlaceFilterNamesAPlaceOrACountry() throws {
        #expect(throws: PartyGraphError.self) { try dataset.restricting(.all, toPlace: "person/anh") }
        do {
            _ = try dataset.restricting(.all, toPlace: "person/anh")
        } catch {
            guard case .notAPlace(let id, _, let kind) = error else { Issue.record("\(error)"); return }
            #expect(id == "person/anh" && kind == .person)
        }
    }

    @Test func placesTakePartInNothing() throws {
        #expect(EncounterLevel(kind: .place) == nil)
        for level in EncounterLevel.allCases {
            let actors = dataset.coMeetingGraph(level: level, filter: .all).actors
            #expect(!actors.contains { $0.kind == .place }, "\(level)")
        }
        #expect(throws: PartyGraphError.self) { try dataset.meetings(involving: ["place/phnom-penh"]) }
    }

    @Test func answersNameThePlacesAMeetingIsHeldAt() throws {
        let listing = try #require(try dataset.meetings(filter: .all).meetings.first { $0.meeting.id == "meeting/courtesy-call-palace" })
        #expect(listing.meeting.heldAt?.map(\.id.rawValue) == ["place/independence-palace"])
        #expect(dataset.enclosingPlaces(of: "place/independence-palace").map(\.id.rawValue) == ["place/ho-chi-minh-city", "country/vietnam"])
        let audience = try #require(try dataset.meetings(filter: .all).meetings.first { $0.meeting.id == "meeting/audience-hanoi" })
        #expect(audience.meeting.heldAt == nil && audience.meeting.place == "Hà Nội")
    }

    @Test func exportsKeepOnlyTheMeetingsOfThePlaceWithTheirPlaces() throws {
        let scope = try #require(try dataset.restricting(.all, toPlace: "place/phnom-penh").place)
        let file = try #require(Exporter.files(dataset, format: .json, place: scope).first)
        let text = String(decoding: file.data, as: UTF8.self)
        #expect(text.contains("\"meeting/long-call-phnom-penh\""))
        #expect(!text.contains("\"meeting/talks-saigon\""))
        #expect(text.contains("\"place/phnom-penh\"") && text.contains("\"held-at\""))
    }
}

@Suite struct DeclaredVocabularyTests {
    let dataset = placesFixture

    func meetingIDs(kinds: [String]) throws -> [String] {
        try dataset.meetings(filter: try dataset.restricting(.all, toMeetingKinds: kinds)).meetings.map(\.meeting.id.rawValue)
    }

    @Test func declaredIdsAreResolvedToTheCoreTheyRefineAfterTheWholeFileIsRead() throws {
        let call = try #require(dataset.entity("meeting/courtesy-call-palace")?.meeting)
        #expect(call.kind == .meeting && call.refinedKind == "courtesy-call")
        let long = try #require(dataset.entity("meeting/long-call-phnom-penh")?.meeting)
        // Refines courtesy-call, which refines meeting: the chain ends in the core kind.
        #expect(long.kind == .meeting && long.refinedKind == "extended-courtesy-call")
        let noteTaker = try #require(dataset.relationships(to: "meeting/talks-saigon").first { $0.from == "person/chanthy" })
        #expect(noteTaker.role == .attendee && dataset.declaredRole(of: noteTaker)?.id == "note-taker")
        let interpreter = try #require(dataset.relationships(to: "meeting/audience-hanoi").first { $0.from == "person/chanthy" })
        #expect(interpreter.role == .member && dataset.declaredRole(of: interpreter)?.label == "Interpreter")
    }

    @Test func aCoreKindIncludesItsRefinements() throws {
        #expect(try meetingIDs(kinds: ["meeting"]) == ["meeting/courtesy-call-palace", "meeting/long-call-phnom-penh", "meeting/talks-saigon"])
        #expect(try meetingIDs(kinds: ["audience"]) == ["meeting/audience-hanoi"])
    }

    @Test func aDeclaredKindAdmitsItselfAndItsOwnRefinementsOnly() throws {
        #expect(try meetingIDs(kinds: ["courtesy-call"]) == ["meeting/courtesy-call-palace", "meeting/long-call-phnom-penh"])
        #expect(try meetingIDs(kinds: ["extended-courtesy-call"]) == ["meeting/long-call-phnom-penh"])
        #expect(try meetingIDs(kinds: ["working-breakfast"]).isEmpty)
        #expect(try meetingIDs(kinds: ["extended-courtesy-call", "audience"]) == ["meeting/long-call-phnom-penh", "meeting/audience-hanoi"])
    }

    @Test func anUndeclaredKindIsAnErrorWithADidYouMeanOverCoreAndDeclared() throws {
        do {
            _ = try dataset.restricting(.all, toMeetingKinds: ["courtesy-cal"])
            Issue.record("no error")
        } catch {
            guard case .unknownMeetingKind(let kind, let suggestions, let allowed) = error else { Issue.record("\(error)"); return }
            #expect(kind == "courtesy-cal" && suggestions.first == "courtesy-call")
            #expect(allowed.contains("meeting") && allowed.contains("working-breakfast"))
        }
    }

    @Test func answersShowTheDeclaredKindAndRole() throws {
        let report = try dataset.meetings(filter: .all)
        let talks = try #require(report.meetings.first { $0.meeting.id == "meeting/talks-saigon" })
        #expect(talks.meeting.declaredKind == nil)
        #expect(talks.participants.first { $0.attendee.id == "person/chanthy" }?.declaredRole?.id == "note-taker")
        let call = try #require(report.meetings.first { $0.meeting.id == "meeting/courtesy-call-palace" })
        #expect(call.meeting.kind == .meeting && call.meeting.declaredKind?.label == "Courtesy call")
        let json = String(decoding: try JSONEncoder().encode(call.meeting), as: UTF8.self)
        #expect(json.contains("\"declaredKind\":{") && json.contains("\"refines\":\"meeting\""))
    }

    @Test func aDeclaredRoleLiesInPaddingSoRelationshipsDoNotGrow() throws {
        // Two bytes and a tag after the one-byte role, before the capacity's 8-byte alignment: no extra stride.
        let role = try #require(MemoryLayout<Relationship>.offset(of: \Relationship.role))
        let refined = try #require(MemoryLayout<Relationship>.offset(of: \Relationship.refinedRole))
        let capacity = try #require(MemoryLayout<Relationship>.offset(of: \Relationship.capacity))
        #expect(refined > role && refined + MemoryLayout<DeclaredRole?>.size <= capacity)
        #expect(MemoryLayout<DeclaredRole?>.size == 3)
    }

    @Test func showReportsTheDeclaredKindPlaceAndRole() throws {
        let meeting = NodeReport(entity: try #require(dataset.entity("meeting/courtesy-call-palace")), in: dataset)
        #expect(meeting.declaredKind?.id == "courtesy-call" && meeting.heldAt == ["Independence Palace"])
        let person = NodeReport(entity: try #require(dataset.entity("person/chanthy")), in: dataset)
        #expect(person.facts.compactMap { $0.declaredRole?.id } == ["note-taker", "interpreter"])
    }

    @Test func theWriterKeepsRefinementsAndPlacesAndIsStable() throws {
        let text = DatasetWriter.text(of: dataset)
        #expect(text.contains("\"meeting_kind\": \"extended-courtesy-call\"") && text.contains("\"role\": \"note-taker\""))
        let again = try DatasetLoader.decode(data: Data(text.utf8), file: "written.json")
        #expect(DatasetWriter.text(of: again) == text)
        #expect(again.vocabulary == dataset.vocabulary)
        #expect(again.entities == dataset.entities && again.relationships == dataset.relationships)
    }

    @Test(arguments: [ImportFormat.csv, .json])
    func exportThenImportGivesBackTheSameDatasetBytes(format: ImportFormat) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("places-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = DatasetWriter.text(of: dataset)
        let path = folder + (format == .csv ? "/csv" : "/export.json")
        try Exporter.write(dataset, format: format == .csv ? .csv : .json, to: path)
        let imported = try Importer.load(format: format, paths: [path])
        #expect(DatasetWriter.text(of: imported) == text)
    }

    @Test func inMemoryDatasetsCheckTheirRefinements() throws {
        let source = Source(id: "s1", publisher: "P", title: "T", date: try PartialDate(parsing: "2025"))
        let evidence = [Evidence(source: "s1", quote: "q")]
        let vocabulary = DeclaredVocabulary(meetingKinds: [DeclaredTerm(id: "courtesy-call", label: "Courtesy call", refines: "meeting")])
        let date = try DateSpan(parsing: "2025-01-10")
        func make(kind: MeetingKind, refined: String) throws -> Dataset {
            try Dataset(title: "t", sources: [source], entities: [
                Entity(id: "meeting/m", kind: .meeting, name: "M",
                       meeting: MeetingDetails(kind: kind, date: date, status: .held, refinedKind: refined), evidence: evidence),
            ], relationships: [], vocabulary: vocabulary)
        }
        #expect(try make(kind: .meeting, refined: "courtesy-call").entities[0].meeting?.refinedKind == "courtesy-call")
        for (kind, refined, message) in [(MeetingKind.audience, "courtesy-call", "'courtesy-call' refines the core kind 'meeting', not 'audience'"),
                                         (.meeting, "courtesy-cal", "unknown meeting kind 'courtesy-cal'")] {
            do {
                _ = try make(kind: kind, refined: refined)
                Issue.record("no error")
            } catch {
                guard case PartyGraphError.invalidData(_, let issues) = error else { Issue.record("\(error)"); continue }
                #expect(issues.map(\.message) == [message])
                #expect(issues.first?.path == "$.nodes[0].meeting_kind")
            }
        }
    }
}

/// One fixture per class of bad input of places and declared vocabularies, each with its one located error.
@Suite struct PlacesAndVocabularyInvalidInputTests {
    /// A fixture `Fixtures/places/invalid-NAME.json` and its one located error.
    static func place(file: String, line: Int, column: Int, path: String, message: String, fix: String? = nil) -> LocatedErrorCase {
        LocatedErrorCase(file: "places/invalid-\(file).json", line: line, column: column, path: path, message: message, fix: fix,
                         messageIsPart: false)
    }

    static let cases: [LocatedErrorCase] = [
        place(file: "unknown-place", line: 203, column: 13, path: "$.relations[3].to",
             message: "'place/independence-palac' is not the id of any node", fix: "did you mean 'place/independence-palace'?"),
        place(file: "held-at-non-place", line: 211, column: 5, path: "$.relations[4]",
             message: "'held-at' cannot join a meeting to a country", fix: "it goes from meeting to place"),
        place(file: "located-in-cycle", line: 178, column: 5, path: "$.relations[1]",
             message: "the 'located-in' relations form a cycle: 'place/ho-chi-minh-city' → 'place/independence-palace' → 'place/ho-chi-minh-city'"),
        place(file: "place-as-participant", line: 233, column: 5, path: "$.relations[6]",
             message: "'participant-in' cannot join a place to a meeting"),
        place(file: "undeclared-kind", line: 112, column: 23, path: "$.nodes[8].meeting_kind",
             message: "unknown meeting kind 'courtesy-cal'", fix: "did you mean 'courtesy-call'?"),
        place(file: "undeclared-role", line: 297, column: 15, path: "$.relations[11].role",
             message: "unknown role 'note-taking'", fix: "did you mean 'note-taker'?"),
        place(file: "refines-unknown", line: 344, column: 20, path: "$.vocabulary.meeting_kinds[2].refines",
             message: "'meetin' is neither a core meeting kind nor a declared one", fix: "did you mean 'meeting'?"),
        place(file: "refines-cycle", line: 334, column: 20, path: "$.vocabulary.meeting_kinds[0].refines",
             message: "the refinements of meeting kinds form a cycle: 'courtesy-call' → 'extended-courtesy-call' → 'courtesy-call'"),
        place(file: "duplicate-declared-id", line: 360, column: 15, path: "$.vocabulary.roles[2].id",
             message: "duplicate declared role 'note-taker'"),
        place(file: "declared-core-id", line: 343, column: 15, path: "$.vocabulary.meeting_kinds[2].id",
             message: "'audience' is already a core meeting kind"),
        place(file: "declaration-without-label", line: 349, column: 7, path: "$.vocabulary.roles[0]",
             message: "the declaration has no \"label\""),
        place(file: "v1-vocabulary", line: 228, column: 3, path: "$.vocabulary",
             message: "\"vocabulary\" is a field of format version 2", fix: "set \"version\": 2"),
        place(file: "v1-place", line: 131, column: 15, path: "$.nodes[9].kind",
             message: "the kind 'place' is new in format version 2", fix: "set \"version\": 2"),
    ]

    func issues(_ file: String) throws -> [DatasetIssue] {
        let path = fixturePath("places/invalid-\(file).json")
        do {
            _ = try DatasetLoader.load(path: path)
        } catch {
            guard case .invalidData(let reported, let issues) = error else { throw error }
            #expect(reported == path)
            return issues
        }
        Issue.record("\(file) loaded without error")
        return []
    }

    /// One error per cause: what depends on the broken record (its participants, its uses) is not reported again.
    @Test(arguments: cases)
    func eachBadInputIsReportedOnceWithItsPlace(_ expected: LocatedErrorCase) throws {
        try expected.check()
    }

    @Test func twoVersion2ValuesInAVersion1FileAreTwoCauses() throws {
        let issues = try issues("v1-held-at")
        #expect(issues.map(\.path) == ["$.nodes[9].kind", "$.relations[8].relation"])
        #expect(issues.map(\.message) == ["the kind 'place' is new in format version 2", "the relation 'held-at' is new in format version 2"])
    }
}

@Suite struct DeclaredVocabularyDecodingTests {
    /// Declared ids met by the second core are resolved like those met by the first: same records, same errors.
    @Test(arguments: ["places-and-vocabulary", "invalid-undeclared-kind", "invalid-undeclared-role", "invalid-refines-cycle"])
    func twoCoreDecodingResolvesDeclaredIdsLikeOneCore(_ name: String) throws {
        let text = try String(contentsOfFile: fixturePath("places/\(name).json"), encoding: .utf8)
        let sequential = decodeOutcome(text, parallelMinimumBytes: .max)
        #expect(decodeOutcome(text, parallelMinimumBytes: 0) == sequential)
        #expect(decodeOutcome(text, parallelMinimumBytes: 2_000) == sequential)
        if case .dataset(_, let entities, let relationships, _, _) = sequential {
            #expect(entities.compactMap { $0.meeting?.refinedKind } == ["courtesy-call", "extended-courtesy-call"])
            #expect(relationships.filter { $0.refinedRole != nil }.count == 2)
        } else {
            #expect(sequential.issues.count == 1, "\(sequential)")
        }
    }
}
