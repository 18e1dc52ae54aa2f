import Foundation
import Testing
@testable import PartyGraph

/// The dataset's lookups answer what a scan over every source or relationship answers.
@Suite struct DatasetIndexTests {
    static let datasets = [InterchangeFixtures.bundled, InterchangeFixtures.tricky]

    @Test(arguments: [0, 1])
    func ledByIndexIsTheScanInFileOrder(datasetNumber: Int) {
        let dataset = Self.datasets[datasetNumber]
        var leaders = 0
        for (index, entity) in dataset.entities.enumerated() {
            let scanned = dataset.relationships.indices.filter { dataset.relationships[$0].ledBy == entity.id }.map(Int32.init)
            #expect(Array(dataset.ledByRelationships(of: index)) == scanned, "\(entity.id)")
            if !scanned.isEmpty { leaders += 1 }
        }
        #expect(leaders > 0, "the fixture names leaders")
    }

    @Test(arguments: [0, 1])
    func sourceLookupIsTheFirstSourceWithTheID(datasetNumber: Int) {
        let dataset = Self.datasets[datasetNumber]
        for source in dataset.sources {
            #expect(dataset.source(source.id) == source)
        }
        #expect(dataset.source("no-such-source") == nil)
    }

    /// A person's `leads` facts are the relationships naming them as `led_by`, in file order.
    @Test(arguments: [0, 1])
    func nodeReportLeadsFactsFollowTheLedByRelationships(datasetNumber: Int) {
        let dataset = Self.datasets[datasetNumber]
        for entity in dataset.entities where entity.kind == .person {
            let report = NodeReport(entity: entity, in: dataset)
            let leads = report.facts.filter { $0.direction == .leads }
            let expected = dataset.relationships.filter { $0.ledBy == entity.id }
            #expect(leads.map(\.otherID) == expected.map(\.to), "\(entity.id)")
            #expect(leads.map(\.through) == expected.map(\.from), "\(entity.id)")
            for fact in report.facts {
                for citation in fact.evidence {
                    let source = dataset.sources.first { $0.id == citation.source }
                    #expect(citation.publisher == source?.publisher ?? "")
                    #expect(citation.date == source?.date.description ?? "")
                }
            }
        }
    }
}
