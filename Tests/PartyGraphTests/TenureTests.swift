import Foundation
import Testing
@testable import PartyGraph

/// The tenure rule of `Rules/Tenure.swift` on a single-seat office known only by attestations: Hun Sen prime
/// minister on 2021-09-26; Hun Manet on 2024-10-09 and 2025-02-22.
@Suite struct TenureTests {
    static let path = fixturePath("valid/tenure-attested.json")
    let dataset: Dataset
    let office = NodeID(rawValue: "office/prime-minister-of-cambodia")

    init() throws { dataset = try DatasetLoader.load(path: TenureTests.path) }

    func answer(_ day: String, in dataset: Dataset? = nil) throws -> OfficeHolderAnswer {
        try (dataset ?? self.dataset).officeHolders(office, during: DateSpan(parsing: day))
    }

    @Test func theIssuesTableOfAnswers() throws {
        let onAttestation = try answer("2021-09-26")
        #expect(onAttestation.holders.map(\.holder.name) == ["Hun Sen"])
        #expect(onAttestation.holders.first?.certainty.level == .stated)

        let betweenAttestations = try answer("2025-01-01")
        #expect(betweenAttestations.holders.map(\.holder.name) == ["Hun Manet"])
        #expect(betweenAttestations.holders.first?.certainty.level == .stated)

        let afterTheLast = try answer("2026-02-06")
        #expect(afterTheLast.holders.map(\.holder.name) == ["Hun Manet"])
        #expect(afterTheLast.holders.first?.certainty.level == .inferred)
        #expect(afterTheLast.holders.first?.certainty.reason == "no later holder known after 2025-02-22")

        let succession = try answer("2022-06-01")
        #expect(succession.holders.isEmpty)
        let unknown = try #require(succession.unknown)
        #expect(unknown.level == .unknown)
        #expect(unknown.candidates?.map(\.name) == ["Hun Sen", "Hun Manet"])
        #expect(unknown.after?.description == "2021-09-26")
        #expect(unknown.before?.description == "2024-10-09")
        #expect(unknown.words == "unknown: Hun Sen or Hun Manet, succession between 2021-09-26 and 2024-10-09")
    }

    @Test func beforeTheFirstKnownHolderTheHolderIsUnknown() throws {
        let early = try answer("2020-01-01")
        #expect(early.holders.isEmpty)
        #expect(early.unknown?.candidates?.map(\.name) == ["Hun Sen"])
        #expect(early.unknown?.reason?.contains("no earlier holder known") == true)
    }

    @Test func whoMetListsTheOfficeWithItsUncertaintyInsteadOfGuessing() throws {
        let report = try dataset.encounters(of: NodeID(rawValue: "person/sonexay-siphandone"), level: .person)
        let atTalks = report.encounters.filter { $0.meeting.id.rawValue == "meeting/talks-2022-06-01" }
        #expect(atTalks.map(\.counterpart.actor.id.rawValue) == ["office/prime-minister-of-cambodia"])
        let standIn = try #require(atTalks.first?.counterpart.actor)
        #expect(standIn.tenure?.level == .unknown)
        #expect(standIn.label == "Prime Minister of Cambodia — holder unknown: Hun Sen or Hun Manet, succession between 2021-09-26 and 2024-10-09")
        #expect(atTalks.first?.counterpart.certainty == .unknown)

        let atSummit = report.encounters.filter { $0.meeting.id.rawValue == "meeting/summit-2026-02-06" }
        #expect(atSummit.map(\.counterpart.actor.name) == ["Hun Manet"])
        #expect(atSummit.first?.counterpart.certainty == .inferred)
        let holding = try #require(atSummit.first?.counterpart.participations.first?.basis.first { $0.relation == .relation(.holds) })
        #expect(holding.tenure?.level == .inferred)
    }

    @Test func atSetsTheDayForOfficeQuestionsNotForMeetings() throws {
        // --at 2021-09-26: the office asked about is Hun Sen's that day ...
        let filter = try QueryFilter(at: PartialDate(parsing: "2021-09-26"))
        let asked = try dataset.encounters(of: office, filter: filter, level: .person)
        #expect(asked.query.actorAtLevel.first?.name == "Hun Sen")
        // ... but at the 2026 summit the office is Hun Manet's (inferred), and the 2022 talks stay unknown.
        let report = try dataset.encounters(of: NodeID(rawValue: "person/sonexay-siphandone"), filter: filter, level: .person)
        #expect(report.encounters.map(\.counterpart.actor.name) == ["Prime Minister of Cambodia", "Hun Manet"])
        #expect(report.encounters.map(\.counterpart.certainty) == [.unknown, .inferred])
    }

    @Test func aStatedBoundBeatsInference() throws {
        var text = try String(contentsOfFile: TenureTests.path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"to\": \"office/prime-minister-of-cambodia\",\n      \"evidence\": [{ \"source\": \"r-2021-09-26\"",
            with: "\"to\": \"office/prime-minister-of-cambodia\", \"end\": \"2023-08-22\",\n      \"evidence\": [{ \"source\": \"r-2021-09-26\"")
        let edited = try DatasetLoader.decode(data: Data(text.utf8), file: "stated-end.json")
        #expect(try answer("2022-06-01", in: edited).holders.map(\.holder.name) == ["Hun Sen"])
        #expect(try answer("2022-06-01", in: edited).holders.first?.certainty.level == .stated)
        // After the stated end only Hun Manet's start is open: he is the only candidate.
        let gap = try answer("2024-01-01", in: edited)
        #expect(gap.holders.isEmpty)
        #expect(gap.unknown?.candidates?.map(\.name) == ["Hun Manet"])
        #expect(gap.unknown?.after?.description == "2023-08-22")
    }

    @Test func aMultiSeatHoldingIsInForceOnItsAttestedDaysOnly() throws {
        let seat = NodeID(rawValue: "office/politburo-seat")
        #expect(try dataset.officeHolders(seat, during: DateSpan(parsing: "2024-10-09")).holders.map(\.holder.name) == ["Hun Manet"])
        let later = try dataset.officeHolders(seat, during: DateSpan(parsing: "2025-06-01"))
        #expect(later.holders.isEmpty)
        #expect(later.unknown == nil)
    }

    @Test func tenureDescribesWhatIsKnown() throws {
        let index = try #require(dataset.relationships.firstIndex { $0.from.rawValue == "person/hun-manet" && $0.relation == .holds })
        let tenure = try #require(dataset.tenure(of: index))
        #expect(tenure.knownFrom?.description == "2024-10-09")
        #expect(tenure.knownTo?.description == "2025-02-22")
        #expect(!tenure.startStated && !tenure.endStated)
        #expect(tenure.continuesAfter?.description == "2025-02-22")
    }

    @Test func holdingsWithoutAttestationsKeepTheirStatedDays() throws {
        // The bundled dataset has no attestations: every holding is stated, open bounds unlimited (version 1's meaning).
        #expect(bundledDataset.tenureIndex.holdings.isEmpty)
        #expect(bundledDataset.tenureIndex.windows.isEmpty)
    }

    @Test func attestationsNeedFormatVersion2() throws {
        let text = try String(contentsOfFile: TenureTests.path, encoding: .utf8).replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1")
        do {
            _ = try DatasetLoader.decode(data: Data(text.utf8), file: "v1.json")
            Issue.record("a version-1 file with attestations loaded")
        } catch {
            guard case .invalidData(_, let issues) = error else { Issue.record("\(error)"); return }
            #expect(issues.contains { $0.message.contains("\"attested\" is a field of format version 2") && $0.line != nil })
            #expect(issues.contains { $0.message.contains("\"seats\" is a field of format version 2") })
        }
    }
}

@Suite struct TenureInterchangeTests {
    @Test(arguments: [ImportFormat.csv, .json])
    func attestationsAndSeatsSurviveExportAndImport(format: ImportFormat) throws {
        let dataset = try DatasetLoader.load(path: TenureTests.path)
        let folder = InterchangeFixtures.temporaryFolder()
        let path = format == .csv ? folder + "/export" : folder + "/export.json"
        try Exporter.write(dataset, format: format == .csv ? .csv : .json, to: path)
        let imported = try Importer.load(format: format, paths: [path])
        #expect(imported.relationships.map(\.attestations) == dataset.relationships.map(\.attestations))
        #expect(imported.entities.map(\.seats) == dataset.entities.map(\.seats))
        #expect(DatasetWriter.text(of: imported) == DatasetWriter.text(of: dataset))
        // The writer keeps them, so a rewritten file loads to the same tenures.
        let rewritten = try DatasetLoader.decode(data: DatasetWriter.data(of: dataset), file: "rewritten.json")
        #expect(try rewritten.officeHolders(NodeID("office/prime-minister-of-cambodia"), during: DateSpan(parsing: "2022-06-01")).unknown != nil)
    }
}
