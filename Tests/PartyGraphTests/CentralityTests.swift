import Foundation
import GraphAlgorithms
import Testing
@testable import PartyGraph

/// Reference values from NetworkX (Fixtures/centrality/make_expected.py).
enum CentralityFixtures {
    /// `expected[case][measure][vertex id]`.
    typealias Expected = [String: [String: [String: Double]]]

    static func json<T: Decodable>(_ name: String, as type: T.Type) -> T {
        let data = try! Data(contentsOf: URL(fileURLWithPath: fixturePath("centrality/" + name)))
        return try! JSONDecoder().decode(T.self, from: data)
    }

    static let persons = json("expected-persons.json", as: Expected.self)
    static let small = json("expected-small.json", as: Expected.self)
    static let smallEdges = fixturePath("centrality/small.edges")

    struct Projection: Decodable {
        var nodes: [String]
        var edges: [[Value]]
        enum Value: Decodable {
            case id(String), count(Int)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let count = try? container.decode(Int.self) { self = .count(count) } else { self = .id(try container.decode(String.self)) }
            }
        }
    }

    static let personsProjection = json("persons-projection.json", as: Projection.self)

    /// The parameters for a fixture key such as `betweenness-raw` or `hits-hub`.
    static func parameters(_ key: String, weights: WeightMeaning) -> CentralityParameters {
        switch key {
        case "betweenness-raw": return CentralityParameters(measure: .betweenness, weights: weights, normalized: false)
        case "betweenness-endpoints": return CentralityParameters(measure: .betweenness, weights: weights, endpoints: true)
        case "hits-authority", "hits-hub": return CentralityParameters(measure: .hits, weights: weights, tolerance: 1e-13)
        default: return CentralityParameters(measure: CentralityMeasure(rawValue: key)!, weights: weights)
        }
    }

    /// The values of a report for a fixture key, by vertex id.
    static func values(_ report: CentralityReport, key: String) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: report.scores.map { ($0.id, key == "hits-hub" ? $0.hub! : $0.value) })
    }
}

/// `|a − b| <= 1e-9 · max(|a|, |b|)`, with an absolute floor of 1e-12 for values that should be 0.
func close(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= max(1e-9 * max(abs(a), abs(b)), 1e-12)
}

@Suite struct CentralityProjectionTests {
    @Test func thePersonsGraphIsTheCoMeetingMatrixWrittenForNetworkX() throws {
        let graph = try AnalysisGraph(dataset: bundledDataset, projection: .persons)
        #expect(graph.vertices.map(\.id) == CentralityFixtures.personsProjection.nodes)
        var edges: [[String]] = []
        for edge in graph.graph.edges {
            let ids = [graph.vertices[Int(edge.source)].id, graph.vertices[Int(edge.target)].id].sorted()
            edges.append(ids + [String(Int(edge.weight!))])
        }
        let expected = CentralityFixtures.personsProjection.edges.map { row in
            row.map { value -> String in
                switch value { case .id(let id): id; case .count(let count): String(count) }
            }
        }
        #expect(edges.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(!graph.graph.isDirected)
        #expect(graph.origin.projection == .persons)
    }

    @Test func partiesProjectionCountsSharedMeetings() throws {
        let graph = try AnalysisGraph(dataset: bundledDataset, projection: .parties)
        #expect(graph.vertices.map(\.id).sorted() == ["party/cpp", "party/cpv", "party/lprp"])
        let weights = Dictionary(uniqueKeysWithValues: graph.graph.edges.map {
            ([graph.vertices[Int($0.source)].id, graph.vertices[Int($0.target)].id].sorted().joined(separator: " "), $0.weight!)
        })
        #expect(weights == ["party/cpp party/cpv": 2, "party/cpp party/lprp": 2, "party/cpv party/lprp": 1])
    }

    @Test func aWindowBeforeTheMeetingsLeavesAnEmptyGraph() throws {
        let filter = try QueryFilter(to: PartialDate(parsing: "2026-01"))
        let graph = try AnalysisGraph(dataset: bundledDataset, projection: .persons, filter: filter)
        #expect(graph.graph.vertexCount == 0)
        #expect(try graph.centrality(CentralityParameters(measure: .betweenness)).scores.isEmpty)
    }

    @Test func theFullGraphHasEveryNodeAndCountsRelationshipsPerPair() throws {
        let graph = try AnalysisGraph(dataset: bundledDataset, projection: .full)
        #expect(graph.graph.vertexCount == bundledDataset.entities.count)
        #expect(!graph.graph.isDirected)
        let total = graph.graph.edges.reduce(0.0) { $0 + $1.weight! }
        #expect(Int(total) == bundledDataset.relationships.count)
        let directed = try AnalysisGraph(dataset: bundledDataset, projection: .full, directed: true)
        #expect(directed.graph.isDirected)
        #expect(Int(directed.graph.edges.reduce(0.0) { $0 + $1.weight! }) == bundledDataset.relationships.count)
    }

    @Test func meetingProjectionsRefuseDirected() {
        #expect(throws: PartyGraphError.self) { try AnalysisGraph(dataset: bundledDataset, projection: .persons, directed: true) }
    }
}

@Suite struct CentralityReferenceTests {
    static let personsCases: [(String, String)] = CentralityFixtures.persons.flatMap { weights, measures in
        measures.keys.map { (weights, $0) }
    }.sorted { $0 < $1 }

    @Test(arguments: personsCases)
    func personsProjectionMatchesNetworkX(weights: String, key: String) throws {
        let graph = try AnalysisGraph(dataset: bundledDataset, projection: .persons)
        let report = try graph.centrality(CentralityFixtures.parameters(key, weights: WeightMeaning(rawValue: weights)!))
        let actual = CentralityFixtures.values(report, key: key)
        let expected = CentralityFixtures.persons[weights]![key]!
        #expect(Set(actual.keys) == Set(expected.keys))
        for (id, value) in expected {
            #expect(close(actual[id]!, value), "\(weights) \(key) \(id): \(actual[id]!) vs NetworkX \(value)")
        }
    }

    @Test func hunSenIsTheOnlyBrokerWhenRepeatedMeetingsBringPeopleCloser() throws {
        let graph = try AnalysisGraph(dataset: bundledDataset, projection: .persons)
        let report = try graph.centrality(CentralityParameters(measure: .betweenness, weights: .strength))
        #expect(report.scores[0].id == "person/hun-sen")
        #expect(report.scores[0].rank == 1)
        // Tô Lâm–Thongloun: the direct tie (length 1) and the path through Hun Sen (½ + ½) tie, so Hun Sen lies on
        // half of that pair's shortest paths: 0.5 / (8·7/2 pairs).
        #expect(close(report.scores[0].value, 0.5 / 28))
        #expect(report.scores.dropFirst().allSatisfy { $0.value == 0 && $0.rank == 2 })
        // Unweighted, the nine attendees of the trilateral summit form a clique: nobody brokers.
        let hops = try graph.centrality(CentralityParameters(measure: .betweenness, weights: .none))
        #expect(hops.scores.allSatisfy { $0.value == 0 && $0.rank == 1 })
    }

    static let smallCases: [(String, String)] = CentralityFixtures.small.flatMap { variant, measures in
        measures.keys.map { (variant, $0) }
    }.sorted { $0 < $1 }

    @Test(arguments: smallCases)
    func edgeListMatchesNetworkX(variant: String, key: String) throws {
        let directed = variant.hasPrefix("directed")
        let weighted = variant.contains("-weighted")
        let weights: WeightMeaning = variant.hasSuffix("distance") ? .distance : variant.hasSuffix("strength") ? .strength : .none
        let graph = try AnalysisGraph(edgeListAt: CentralityFixtures.smallEdges, directed: directed, weighted: weighted)
        let report = try graph.centrality(CentralityFixtures.parameters(key, weights: weights))
        let actual = CentralityFixtures.values(report, key: key)
        for (id, value) in CentralityFixtures.small[variant]![key]! {
            #expect(close(actual[id]!, value), "\(variant) \(key) \(id): \(actual[id]!) vs NetworkX \(value)")
        }
        #expect(actual.count == 12)
    }
}

@Suite struct CentralityParameterTests {
    let graph = try! AnalysisGraph(dataset: bundledDataset, projection: .persons)

    @Test func reportStatesEveryParameter() throws {
        let report = try graph.centrality(CentralityParameters(measure: .pagerank, weights: .strength, damping: 0.9), top: 3)
        #expect(report.scores.count == 3)
        #expect(report.parameters.measure == .pagerank)
        #expect(report.parameters.damping == 0.9)
        #expect(report.parameters.tolerance == 1e-6)
        #expect(report.parameters.maxIterations == 100)
        #expect(report.parameters.normalized == nil)
        #expect(report.parameters.threads == 1)
        #expect(report.parameters.weightsMeaning == "strength w = the number of distinct meetings the pair shares")
        #expect(report.graph.vertices == 9 && report.graph.edges == 36)
        let betweenness = try graph.centrality(CentralityParameters(measure: .betweenness, weights: .strength, threads: 2))
        #expect(betweenness.parameters.threads == 2)
        #expect(betweenness.parameters.normalized == true)
        #expect(betweenness.parameters.weightsMeaning.hasPrefix("strength, read as length 1/w"))
    }

    @Test func optionsThatDoNotApplyAreRefused() {
        for parameters in [
            CentralityParameters(measure: .closeness, normalized: true),
            CentralityParameters(measure: .pagerank, endpoints: true),
            CentralityParameters(measure: .degree, damping: 0.5),
            CentralityParameters(measure: .closeness, samples: 2),
            CentralityParameters(measure: .pagerank, weights: .distance),
            CentralityParameters(measure: .betweenness, threads: 0),
        ] {
            #expect(throws: PartyGraphError.self) { try graph.centrality(parameters) }
        }
        #expect(throws: PartyGraphError.self) { try graph.centrality(CentralityParameters(measure: .degree), top: 0) }
    }

    @Test func sampledBetweennessIsReproducible() throws {
        let parameters = CentralityParameters(measure: .betweenness, weights: .strength, samples: 4, seed: 7)
        let first = try graph.centrality(parameters), second = try graph.centrality(parameters)
        #expect(first == second)
        #expect(first.parameters.samples == 4 && first.parameters.seed == 7)
    }

    @Test func nonConvergenceSaysWhichAlgorithmStoppedWhere() {
        #expect {
            try graph.centrality(CentralityParameters(measure: .eigenvector, tolerance: 1e-15, maxIterations: 1))
        } throws: { error in
            guard case PartyGraphError.notConverged(let algorithm, let iterations, let tolerance) = error else { return false }
            return algorithm == "eigenvectorCentrality" && iterations == 1 && tolerance == 1e-15 && !"\(error)".contains("--")
        }
    }

    @Test func aMalformedEdgeListLineIsADataErrorWithFileAndLine() {
        let path = fixturePath("centrality/malformed.edges")
        #expect {
            try AnalysisGraph(edgeListAt: path)
        } throws: { error in
            guard let error = error as? PartyGraphError, case .invalidData(let file, let issues) = error else { return false }
            return file == path && issues.first?.line == 4 && error.isDataError && error.description.contains("malformed.edges:4")
        }
    }

    @Test func weightedNeedsAThirdColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("centrality-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("plain.edges").path
        try "0 1\n1 2\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PartyGraphError.self) { try AnalysisGraph(edgeListAt: path, weighted: true) }
        let graph = try AnalysisGraph(edgeListAt: path)
        #expect(throws: PartyGraphError.self) { try graph.centrality(CentralityParameters(measure: .pagerank, weights: .strength)) }
        #expect(try graph.centrality(CentralityParameters(measure: .betweenness)).scores.first?.id == "1")
    }
}
