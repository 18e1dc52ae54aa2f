import Foundation
import PartyGraph
import Testing
@testable import PartyGraphDiagrams

/// A view's work grows with the view, not with the dataset: the ego view of a node reads as many records in the
/// bundled dataset as in the same dataset grown by thousands of nodes and relationships it does not reach.
/// Counted through ``ViewWork`` (every record the view builders read; a read of a whole list counts all of it), not
/// timed, so the test fails exactly when a builder starts to walk the dataset.
@Suite struct ViewWorkTests {
    /// The bundled dataset plus `extra` parties, each with 4 organs and 20 members, joined to nothing already there.
    static func grown(by extra: Int) throws -> Dataset {
        let base = bundledDataset
        let evidence = [Evidence(source: base.sources[0].id, quote: "synthetic")]
        var entities = base.entities, relationships = base.relationships
        for p in 0..<extra {
            let party = NodeID("party/synthetic-\(p)")
            entities.append(Entity(id: party, kind: .party, name: "Synthetic Party \(p)", evidence: evidence))
            for o in 0..<4 {
                let organ = NodeID("organ/synthetic-\(p)-\(o)")
                entities.append(Entity(id: organ, kind: .organ, name: "Organ \(o) of \(p)", evidence: evidence))
                relationships.append(Relationship(.partOf, from: organ, to: party, evidence: evidence))
            }
            for m in 0..<20 {
                let person = NodeID("person/synthetic-\(p)-\(m)")
                entities.append(Entity(id: person, kind: .person, name: "Member \(m) of \(p)", evidence: evidence))
                relationships.append(Relationship(.memberOf, from: person, to: party, evidence: evidence))
                relationships.append(Relationship(.memberOf, from: person, to: NodeID("organ/synthetic-\(p)-\(m % 4)"), evidence: evidence))
            }
        }
        return try Dataset(title: base.title, description: base.description, sources: base.sources,
                           entities: entities, relationships: relationships)
    }

    static let large: Dataset = { try! grown(by: 400) }()

    @Test(arguments: [("person/hun-sen", 1), ("person/hun-sen", 2), ("person/to-lam", 1), ("party/cpp", 2)])
    func egoWorkDoesNotGrowWithTheDataset(center: String, depth: Int) throws {
        #expect(Self.large.entities.count >= bundledDataset.entities.count + 10_000)
        let smallWork = ViewWork(), largeWork = ViewWork()
        let small = try DiagramViews.ego(dataset: bundledDataset, center: NodeID(center), depth: depth, window: .unbounded, place: nil, work: smallWork)
        let large = try DiagramViews.ego(dataset: Self.large, center: NodeID(center), depth: depth, window: .unbounded, place: nil, work: largeWork)
        // The same picture, from the same reads.
        #expect(small == large)
        #expect(smallWork.records > 0)
        #expect(smallWork.records == largeWork.records, "\(smallWork.records) records read in the bundled dataset, \(largeWork.records) in the grown one")
        // Far fewer than the grown dataset holds: the neighbourhood, not the file.
        #expect(largeWork.records < Self.large.entities.count / 5)
    }

    @Test func aWholeListReadCountsEveryRecord() {
        let work = ViewWork()
        let data = ViewData(Self.large, work: work)
        _ = data.relationships
        #expect(work.records > Self.large.relationships.count)
    }
}
