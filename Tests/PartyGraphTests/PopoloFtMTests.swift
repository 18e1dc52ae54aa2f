import Foundation
import Testing
@testable import PartyGraph

enum PopoloFtMFixtures {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let datasets = [
        InterchangeFixtures.bundledPath, InterchangeFixtures.trickyPath, fixtures + "/claims/timeline.json",
        fixtures + "/places/places-and-vocabulary.json", fixtures + "/valid/tenure-attested.json",
    ]

    static func write(_ text: String, name: String) throws -> String {
        let path = InterchangeFixtures.temporaryFolder() + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func issues(_ format: ImportFormat, _ path: String) -> [DatasetIssue] {
        do {
            _ = try Importer.load(format: format, paths: [path])
            Issue.record("the import succeeded")
            return []
        } catch {
            guard case .invalidData(_, let issues) = error else { Issue.record("unexpected \(error)"); return [] }
            return issues
        }
    }
}

@Suite struct PopoloFtMRoundTripTests {
    @Test(arguments: [ExportFormat.popolo, .ftm], PopoloFtMFixtures.datasets)
    func exportThenImportGivesBackTheSameDatasetBytes(format: ExportFormat, datasetPath: String) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: datasetPath))
        let dataset = try DatasetLoader.load(path: datasetPath)
        let path = InterchangeFixtures.temporaryFolder() + "/export." + format.fileExtension!
        try Exporter.write(dataset, format: format, to: path)
        let imported = try Importer.load(format: format == .popolo ? .popolo : .ftm, paths: [path])
        // What the writer makes of the loaded dataset; the bundled and tricky files are written by it, byte for byte.
        #expect(DatasetWriter.data(of: imported) == DatasetWriter.data(of: dataset))
        if [InterchangeFixtures.bundledPath, InterchangeFixtures.trickyPath].contains(datasetPath) {
            #expect(DatasetWriter.data(of: imported) == original)
        }
    }

    @Test func popoloHasTheSpecificationsClassesAndFields() throws {
        let dataset = InterchangeFixtures.bundled
        let text = String(decoding: Exporter.files(dataset, format: .popolo)[0].data, as: UTF8.self)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let persons = try #require(document["persons"] as? [[String: Any]])
        let memberships = try #require(document["memberships"] as? [[String: Any]])
        let posts = try #require(document["posts"] as? [[String: Any]])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(persons.count == dataset.entities.filter { $0.kind == .person }.count)
        #expect(memberships.count == dataset.relationships.filter { [.holds, .heads, .memberOf].contains($0.relation) }.count)
        // A holding names its post and the post's organization; a post names its organization.
        let holding = try #require(memberships.first { $0["post_id"] != nil })
        let post = try #require(posts.first { $0["id"] as? String == holding["post_id"] as? String })
        #expect(post["label"] is String && post["organization_id"] as? String == holding["organization_id"] as? String)
        // Persons who take part in a meeting are its attendees.
        let event = try #require(events.first { $0["attendees"] != nil })
        let id = try #require(event["id"] as? String)
        let people = Set(dataset.relationships(to: NodeID(rawValue: id)).filter {
            $0.relation == .participantIn && dataset.entity($0.from)?.kind == .person
        }.map(\.from.rawValue))
        let attendees = try #require(event["attendees"] as? [[String: Any]])
        #expect(Set(attendees.compactMap { $0["id"] as? String }) == people && !people.isEmpty)
        #expect(((event["sources"] as? [[String: Any]])?.first?["note"] as? String)?.contains(dataset.sources[0].publisher) == true)
        #expect(Exporter.files(dataset, format: .popolo) == Exporter.files(dataset, format: .popolo))
    }

    @Test func ftmIsOneEntityPerLineWithTheSchemaOfEachKind() throws {
        let dataset = InterchangeFixtures.bundled
        let text = String(decoding: Exporter.files(dataset, format: .ftm)[0].data, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + dataset.sources.count + dataset.entities.count + dataset.relationships.count)
        var schemata: [String: String] = [:]
        for line in lines {
            let entity = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            schemata[entity["id"] as! String] = entity["schema"] as? String
            #expect(entity["properties"] is [String: [String]])
        }
        for entity in dataset.entities {
            let expected: Set<String> = switch entity.kind {
            case .person: ["Person"]
            case .party: ["Organization"]
            case .organ: ["Organization", "PublicBody"]
            case .country: ["PublicBody"]
            case .office: ["Position"]
            case .meeting: ["Event"]
            case .place: ["Address"]
            }
            #expect(expected.contains(schemata[entity.id.rawValue] ?? ""), "\(entity.id)")
        }
        for (index, relationship) in dataset.relationships.enumerated() where relationship.relation == .holds {
            #expect(schemata["e\(index)"] == "Occupancy")
        }
    }
}

@Suite struct PopoloFtMBadImportTests {
    @Test func malformedJSONIsPlacedInBothFormats() throws {
        let popolo = try PopoloFtMFixtures.write("{\"persons\": [1,]}", name: "bad.json")
        let popoloIssues = PopoloFtMFixtures.issues(.popolo, popolo)
        #expect(popoloIssues.count == 1 && popoloIssues[0].line == 1 && popoloIssues[0].message.hasPrefix("invalid JSON"))
        let ftm = try PopoloFtMFixtures.write("{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n{\"id\": \n", name: "bad.ftm.json")
        let ftmIssues = PopoloFtMFixtures.issues(.ftm, ftm)
        #expect(ftmIssues.count == 1 && ftmIssues[0].line == 2 && ftmIssues[0].message.hasPrefix("invalid JSON"))
    }

    @Test func aDocumentWithoutPopoloListsIsRefused() throws {
        let path = try PopoloFtMFixtures.write("{\"nodes\": []}", name: "x.json")
        #expect(PopoloFtMFixtures.issues(.popolo, path).first?.message.hasPrefix("this is not a Popolo document") == true)
    }

    @Test func aMembershipOfAMissingOrganizationIsPlaced() throws {
        let text = """
            {"persons": [{"id": "42", "name": "Tô Lâm"}],
             "organizations": [{"id": "cpv", "name": "Communist Party of Vietnam", "classification": "party"}],
             "memberships": [{"person_id": "42", "organization_id": "nowhere",
                              "sources": [{"url": "https://example.org/a", "date": "2026-02-03", "note": "Tô Lâm, member"}]}]}
            """
        let issues = PopoloFtMFixtures.issues(.popolo, try PopoloFtMFixtures.write(text, name: "m.json"))
        #expect(issues.map(\.path) == ["$.memberships[0].organization_id"])
        #expect(issues.first?.line == 3 && issues.first?.message.contains("\"nowhere\"") == true)
    }

    @Test func aPlainPopoloFileImportsWithGeneratedIdsAndLinkSources() throws {
        let text = """
            {"persons": [{"id": "42", "name": "Tô Lâm", "other_names": [{"name": "To Lam"}]}],
             "organizations": [{"id": "cpv", "name": "Communist Party of Vietnam", "classification": "party"}],
             "memberships": [{"person_id": "42", "organization_id": "cpv", "start_date": "2024-08-03",
                              "sources": [{"url": "https://example.org/a", "date": "2026-02-03", "note": "Tô Lâm, a member"}]}]}
            """
        let dataset = try Importer.load(format: .popolo, paths: [try PopoloFtMFixtures.write(text, name: "p.json")])
        let person = try #require(dataset.entity(NodeID(rawValue: "person/to-lam")))
        #expect(person.aliases == ["To Lam"])
        let membership = try #require(dataset.relationships.first)
        #expect(membership.relation == .memberOf && membership.to == NodeID(rawValue: "party/communist-party-of-vietnam"))
        #expect(membership.valid.start?.description == "2024-08-03" && membership.evidence.first?.quote == "Tô Lâm, a member")
        #expect(dataset.sources.first?.publisher == "example.org")
    }

    /// A legislature file in the Popolo specification's layout: what has a place in the model is imported, and every
    /// field that has none is a located warning saying why, once per field with how often it occurs.
    @Test func aSpecLayoutFileSaysWhatItDidNotImportAndWhy() throws {
        let path = PopoloFtMFixtures.fixtures + "/popolo/legislature-spec.json"
        let dataset = try Importer.load(format: .popolo, paths: [path])
        let notices = dataset.warnings.filter { $0.line != nil }
        #expect(notices.map(\.path) == [
            "$.persons[0].other_names[0].start_date", "$.persons[0].other_names[0].note", "$.persons[0].birth_date",
            "$.persons[0].contact_details", "$.posts[0].role", "$.memberships[0].on_behalf_of_id",
        ])
        #expect(notices.allSatisfy { $0.file == path })
        let onBehalf = try #require(notices.last)
        #expect(onBehalf.line == 30 && onBehalf.message.contains("(2 times in the file)") && onBehalf.message.contains("on-behalf-of"))
        #expect(onBehalf.fix?.contains("organization_id") == true)
        #expect(notices.first?.message.contains("aliases have no dates") == true && notices.first?.line == 7)
        // The dated other name is still a name the person is found by; the post's other label is an alias too.
        #expect(dataset.entity(NodeID(rawValue: "person/hun-sen"))?.aliases == ["Samdech Techo Hun Sen"])
        #expect(dataset.entity(NodeID(rawValue: "office/prime-minister-of-cambodia"))?.aliases == ["PM"])
        // On-behalf-of states no membership of the party: only the two memberships of the National Assembly are there.
        #expect(dataset.relationships.filter { $0.relation == .memberOf }.map(\.to.rawValue) == ["organ/national-assembly", "organ/national-assembly"])
        #expect(!dataset.relationships.contains { $0.to.rawValue == "party/cambodian-people-s-party" && $0.relation == .memberOf })
    }

    @Test func aFileWithEveryFieldReadHasNoNotices() throws {
        let text = """
            {"persons": [{"id": "p", "name": "A", "other_names": [{"name": "Ay"}]}],
             "organizations": [{"id": "o", "name": "B", "classification": "party"}],
             "memberships": [{"person_id": "p", "organization_id": "o", "role": "member",
                              "sources": [{"url": "https://example.org/a", "date": "2026-02-03", "note": "A, a member"}]}]}
            """
        let dataset = try Importer.load(format: .popolo, paths: [try PopoloFtMFixtures.write(text, name: "all-read.json")])
        #expect(dataset.warnings.filter { $0.line != nil }.isEmpty)
    }

    @Test func anUnknownMembershipRoleAndEventClassificationAreNotices() throws {
        let text = """
            {"persons": [{"id": "p", "name": "A"}], "organizations": [{"id": "o", "name": "B"}],
             "events": [{"id": "e", "name": "Talks", "classification": "plenary", "start_date": "2026-02-03", "status": "held",
                         "sources": [{"url": "https://example.org/a", "date": "2026-02-03", "note": "the talks"}]}],
             "memberships": [{"person_id": "p", "organization_id": "o", "role": "Chair",
                              "sources": [{"url": "https://example.org/a", "date": "2026-02-03", "note": "A, chair"}]}],
             "vote_events": []}
            """
        let dataset = try Importer.load(format: .popolo, paths: [try PopoloFtMFixtures.write(text, name: "roles.json")])
        #expect(dataset.warnings.filter { $0.line != nil }.map(\.path) == ["$.vote_events", "$.events[0].classification", "$.memberships[0].role"])
    }

    @Test func aPlainLinkWithoutADateIsPlaced() throws {
        let text = """
            {"persons": [{"id": "p", "name": "A"}], "organizations": [{"id": "o", "name": "B"}],
             "memberships": [{"person_id": "p", "organization_id": "o", "sources": [{"url": "https://example.org/a"}]}]}
            """
        let issues = PopoloFtMFixtures.issues(.popolo, try PopoloFtMFixtures.write(text, name: "d.json"))
        #expect(issues.map(\.path).contains("$.memberships[0].sources[0].date"))
    }

    @Test func anUnknownFtMSchemaAndAMissingEndAreEachPlacedOnTheirLine() throws {
        let text = """
            {"id":"p1","schema":"Person","properties":{"name":["Hun Manet"]}}
            {"id":"v1","schema":"Vessel","properties":{"name":["Ship"]}}
            {"id":"o1","schema":"Occupancy","properties":{"holder":["p1"],"post":["nowhere"]}}

            """
        let issues = PopoloFtMFixtures.issues(.ftm, try PopoloFtMFixtures.write(text, name: "s.ftm.json"))
        #expect(issues.map(\.path) == ["line 2.schema", "line 3.properties.post"])
        #expect(issues.map(\.line) == [2, 3])
    }

    @Test(arguments: ["", "[]", "null", "{\"persons\": 3}", "{\"persons\": [{\"id\": 1}]}", "{\"events\": [{\"id\": \"e\", \"name\": \"x\", \"attendees\": 5}]}"])
    func oddPopoloInputIsAnErrorNotACrash(_ text: String) throws {
        #expect(!PopoloFtMFixtures.issues(.popolo, try PopoloFtMFixtures.write(text, name: "o.json")).isEmpty)
    }

    @Test(arguments: ["", "\n\n", "[1]", "{\"id\":\"a\"}", "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":\"x\"}}",
                      "{\"id\":\"partygraph-dataset\",\"schema\":\"Document\",\"properties\":{\"notes\":[\"partygraph:{\"]}}"])
    func oddFtMInputIsAnErrorNotACrash(_ text: String) throws {
        #expect(!PopoloFtMFixtures.issues(.ftm, try PopoloFtMFixtures.write(text, name: "o.ftm.json")).isEmpty)
    }
}
