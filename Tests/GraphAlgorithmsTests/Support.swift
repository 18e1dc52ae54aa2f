import Foundation
import Testing
@testable import GraphAlgorithms

/// A reference graph and NetworkX results, decoded from `Fixtures/<name>.json`.
struct Fixture: Decodable {
    let name: String
    let directed: Bool
    let weighted: Bool
    let vertexCount: Int
    let edges: [[Double]]
    let results: Results

    struct Results: Decodable {
        let degree: [Int]
        let degreeCentrality: [Double]
        let inDegreeCentrality: [Double]?
        let outDegreeCentrality: [Double]?
        let strength: [Double]?
        let betweenness: [BetweennessCase]
        let edgeBetweenness: [EdgeBetweennessCase]
        let closeness: [ClosenessCase]
        let harmonic: [ClosenessCase]
        let eigenvector: [SpectralCase]
        let katz: [SpectralCase]
        let pagerank: [SpectralCase]
        let hits: [HitsCase]
        let weakComponents: [[Int32]]
        let strongComponents: [[Int32]]?
        let bfs: Distances<Int32>?
        let dijkstra: Distances<Double?>?
    }
    struct BetweennessCase: Decodable {
        let weighted: Bool, normalized: Bool, endpoints: Bool
        let k: Int?
        let values: [Double?]
    }
    struct EdgeBetweennessCase: Decodable {
        let weighted: Bool, normalized: Bool
        let edges: [[Double]]
    }
    struct ClosenessCase: Decodable {
        let weighted: Bool
        let wfImproved: Bool?
        let values: [Double]
    }
    struct SpectralCase: Decodable {
        let weighted: Bool
        let values: [Double]?
        let error: String?
        let alpha: Double?
        let beta: Double?
        let normalized: Bool?
        let personalization: [Double]?
        let dangling: [Double]?
    }
    struct HitsCase: Decodable {
        let weighted: Bool
        let hubs: [Double]
        let authorities: [Double]
    }
    struct Distances<Value: Decodable>: Decodable {
        let source: Int32
        let distances: [Value]
    }

    static let graphNames = [
        "karate", "florentine", "lesmis", "kite", "directed", "directed_weighted", "weighted",
        "disconnected", "p3", "k5", "star", "single", "pair",
    ]

    static func load(_ name: String) throws -> Fixture {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Fixture.self, from: try data(name))
    }

    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    func graph() throws -> CompressedGraph {
        try CompressedGraph(
            vertexCount: vertexCount,
            sources: edges.map { Int32($0[0]) }, targets: edges.map { Int32($0[1]) },
            weights: weighted ? edges.map { $0[2] } : nil, directed: directed)
    }
}

/// Expects `actual` to agree with `expected` to `relative` tolerance; exact zeros are
/// compared with an absolute floor of 1e-12. `nil` expected values mean NaN.
func expectClose(
    _ actual: [Double], _ expected: [Double?], relative: Double = 1e-9, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        guard let e else {
            #expect(a.isNaN, "\(what)[\(i)]: expected NaN, got \(a)", sourceLocation: sourceLocation)
            continue
        }
        let ok = e == 0 ? abs(a) <= 1e-12 : abs(a - e) <= relative * abs(e)
        #expect(ok, "\(what)[\(i)]: \(a) vs NetworkX \(e)", sourceLocation: sourceLocation)
    }
}

/// A small deterministic generator for random test graphs.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// A random graph with `n` vertices and about `m` edges; integer weights in 1...4 when weighted.
func randomGraph(n: Int, m: Int, directed: Bool, weighted: Bool, seed: UInt64) throws -> CompressedGraph {
    var rng = TestRandom(state: seed)
    var builder = CompressedGraph.Builder(directed: directed, vertexCount: n)
    for _ in 0..<m {
        let u = Int32(rng.below(n)), v = Int32(rng.below(n))
        if u == v { continue }
        builder.addEdge(u, v, weight: weighted ? Double(1 + rng.below(4)) : nil)
    }
    return try builder.build()
}

/// A bipartite reference graph with its NetworkX projections (`make_fixtures.py`).
struct BipartiteFixture: Decodable {
    let vertexCount: Int
    let edges: [[Int32]]
    let projections: [Projection]
    struct Projection: Decodable {
        let vertices: [Int32]
        let weighting: String
        let edges: [[Double]]
    }

    static func load(_ name: String) throws -> BipartiteFixture {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(BipartiteFixture.self, from: try Fixture.data(name))
    }
}
