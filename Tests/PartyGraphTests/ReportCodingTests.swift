import Foundation
import PartyGraph
import Testing

/// The typed report types encode their ids, kinds, statuses and vocabularies as the plain strings scripts read,
/// and decode back to the same values.
@Suite struct ReportCodingTests {
    func roundTrip<T: Codable & Equatable>(_ value: T) throws -> (T, [String: Any]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try JSONDecoder().decode(T.self, from: data), object)
    }

    @Test func aNodeReportKeepsItsTypesThroughJSON() throws {
        let entity = try #require(bundledDataset.entity("person/to-lam"))
        let report = NodeReport(entity: entity, in: bundledDataset)
        let (decoded, object) = try roundTrip(report)
        #expect(decoded == report)
        #expect(object["kind"] as? String == "person")
        let facts = try #require(object["facts"] as? [[String: Any]])
        #expect(Set(facts.compactMap { $0["direction"] as? String }) == Set(report.facts.map(\.direction.rawValue)))
        #expect(Set(report.facts.map(\.direction)).isSuperset(of: [.outgoing, .leads, .viaOffice]))
        #expect(facts.contains { $0["direction"] as? String == "via-office" })
        #expect(report.facts.contains { $0.direction == .viaOffice && $0.through == "office/cpv-general-secretary" })
        let stance = try #require((facts.first?["evidence"] as? [[String: Any]])?.first?["stance"] as? String)
        #expect(stance == "supports")
    }

    @Test func theSummaryCountsByVocabularyAreJSONObjects() throws {
        let summary = DatasetSummary(dataset: bundledDataset)
        let (decoded, object) = try roundTrip(summary)
        #expect(decoded == summary)
        #expect((object["nodesByKind"] as? [String: Int])?["person"] == 4)
        #expect((object["relationsByType"] as? [String: Int])?["held-in-parallel-with"] == 2)
        #expect((object["meetingsByStatus"] as? [String: Int])?["announced"] == 6)
        #expect(summary.nodesByKind[.meeting] == 6)
    }

    @Test func anEncounterReportKeepsItsTypesThroughJSON() throws {
        let report = try bundledDataset.encounters(of: "person/hun-sen", level: .party)
        let (decoded, object) = try roundTrip(report)
        #expect(decoded == report)
        #expect((object["query"] as? [String: Any])?["level"] as? String == "party")
        let meeting = try #require(report.encounters.first?.meeting)
        #expect(meeting.status == .announced && meeting.kind != .summitSeries)
        let leads = report.encounters.flatMap { $0.actor.participations.flatMap(\.basis) }.filter { $0.relation == .leads }
        #expect(leads.contains { $0.from == "person/hun-sen" && $0.to == "organ/cpp-standing-committee" })
    }

    @Test func aCentralityReportNamesItsMeasureAndWeights() throws {
        let graph = try AnalysisGraph(dataset: bundledDataset, projection: .persons)
        let report = try graph.centrality(CentralityParameters(measure: .degree, weights: .strength))
        let (decoded, object) = try roundTrip(report)
        #expect(decoded == report)
        let parameters = try #require(object["parameters"] as? [String: Any])
        #expect(parameters["measure"] as? String == "degree")
        #expect(parameters["weights"] as? String == "strength")
        #expect(report.scores.allSatisfy { $0.kind == .person || $0.kind == .office })
    }
}
