import Foundation
import Testing

/// `partygraph centrality`, run as a user runs it; reference values from NetworkX
/// (Tests/PartyGraphTests/Fixtures/centrality/make_expected.py).
@Suite struct CentralityCLITests {
    typealias Expected = [String: [String: [String: Double]]]

    static func expected(_ name: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: datasetFixture("centrality/" + name))))
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(1e-9 * max(abs(a), abs(b)), 1e-12) }

    @Test func betweennessOnThePersonsProjectionNamesTheBroker() throws {
        let run = try runCLI(["centrality", "--measure", "betweenness", "--projection", "persons"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Betweenness centrality — who meets whom among persons — announced or held meetings — 9 vertices, 36 edges, undirected")
        #expect(lines.contains { $0.contains("weights: strength — strength, read as length 1/w (w = the number of distinct meetings the pair shares)") })
        #expect(lines.contains { $0.contains("normalized: yes") })
        #expect(lines.contains { $0.contains("endpoints: no, threads:") })
        let first = try #require(lines.first { $0.hasPrefix("1 ") })
        #expect(first.contains("Hun Sen") && first.contains("person/hun-sen") && first.hasSuffix("0.0178571"))
        #expect(lines.contains { $0.hasPrefix("2 ") && $0.contains("Prime Minister of Cambodia — holder not named") })
    }

    @Test func jsonCarriesParametersGraphAndScoresMatchingNetworkX() throws {
        let run = try runCLI(["centrality", "--measure", "betweenness", "--projection", "persons", "--format", "json", "--threads", "2"])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try Self.object(run.standardOutput)
        #expect(Set(root.keys) == ["parameters", "graph", "scores", "manifest"])
        let parameters = try #require(root["parameters"] as? [String: Any])
        #expect(parameters["measure"] as? String == "betweenness")
        #expect(parameters["normalized"] as? Bool == true)
        #expect(parameters["weights"] as? String == "strength")
        #expect(parameters["endpoints"] as? Bool == false)
        #expect(parameters["threads"] as? Int == 2)
        #expect((parameters["weightsMeaning"] as? String)?.contains("1/w") == true)
        let graph = try #require(root["graph"] as? [String: Any])
        #expect(graph["vertices"] as? Int == 9 && graph["edges"] as? Int == 36 && graph["directed"] as? Bool == false)
        let origin = try #require(graph["origin"] as? [String: Any])
        #expect(origin["projection"] as? String == "persons" && origin["source"] as? String == "dataset")
        #expect((origin["filter"] as? [String: Any])?["statuses"] as? [String] == ["announced", "held"])
        let scores = try #require(root["scores"] as? [[String: Any]])
        #expect(scores.count == 9)
        #expect(Set(scores[0].keys) == ["rank", "id", "name", "kind", "holderNotNamed", "value"])
        #expect(scores[0]["name"] as? String == "Hun Sen" && scores[0]["kind"] as? String == "person")
        let reference = try Self.expected("expected-persons.json")["strength"]!["betweenness"]!
        for score in scores {
            let id = try #require(score["id"] as? String), value = try #require(score["value"] as? Double)
            #expect(Self.close(value, reference[id]!), "\(id): \(value) vs NetworkX \(reference[id]!)")
        }
    }

    @Test func csvIsOneRowPerActor() throws {
        let run = try runCLI(["centrality", "--measure", "hits", "--projection", "parties", "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = run.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0] == "rank,id,name,kind,holder_not_named,authority,hub")
        #expect(rows.count == 4)
        #expect(rows[1].hasPrefix("1,party/cpp,Cambodian People’s Party,party,false,"))
        let top = try runCLI(["centrality", "--measure", "degree", "--top", "2", "--format", "csv"])
        let topRows = top.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(topRows.count == 3 && topRows[0] == "rank,id,name,kind,holder_not_named,degree")
    }

    static let edgeListCases: [(variant: String, key: String)] = {
        guard let all = try? expected("expected-small.json") else { return [] }
        return all.flatMap { variant, measures in measures.keys.map { (variant, $0) } }.sorted { ($0.variant, $0.key) < ($1.variant, $1.key) }
    }()

    @Test(arguments: edgeListCases)
    func edgeListMatchesNetworkX(variant: String, key: String) throws {
        var arguments = ["centrality", "--edgelist", datasetFixture("centrality/small.edges"), "--format", "json"]
        if variant.hasPrefix("directed") { arguments.append("--directed") }
        if variant.hasSuffix("distance") { arguments += ["--weighted", "--weights", "distance"] }
        if variant.hasSuffix("strength") { arguments += ["--weighted", "--weights", "strength"] }
        switch key {
        case "betweenness-raw": arguments += ["--measure", "betweenness", "--no-normalized"]
        case "betweenness-endpoints": arguments += ["--measure", "betweenness", "--endpoints"]
        case "hits-authority", "hits-hub": arguments += ["--measure", "hits", "--tolerance", "1e-13"]
        default: arguments += ["--measure", key]
        }
        let run = try runCLI(arguments)
        #expect(run.status == 0, "\(run.standardError)")
        let scores = try #require(try Self.object(run.standardOutput)["scores"] as? [[String: Any]])
        #expect(scores.count == 12)
        let reference = try Self.expected("expected-small.json")[variant]![key]!
        for score in scores {
            let id = try #require(score["id"] as? String)
            let value = try #require(score[key == "hits-hub" ? "hub" : "value"] as? Double)
            #expect(Self.close(value, reference[id]!), "\(variant) \(key) \(id): \(value) vs NetworkX \(reference[id]!)")
        }
    }

    @Test func edgeListTableNamesTheFileAndIntegerIds() throws {
        let path = datasetFixture("centrality/small.edges")
        let run = try runCLI(["centrality", "--edgelist", path, "--measure", "betweenness", "--top", "1"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Betweenness centrality — edge list \(path) — 12 vertices, 13 edges, undirected"))
        // Vertex 5 joins the triangle {3, 4, 5} to the square 6–9: NetworkX gives 0.36363636…
        #expect(run.standardOutput.split(separator: "\n").last?.split(separator: " ") == ["1", "5", "5", "0.363636"])
    }

    @Test func anUnknownMeasureIsAUsageErrorListingTheMeasures() throws {
        let run = try runCLI(["centrality", "--measure", "influence"])
        #expect(run.status == 64)
        #expect(run.standardError.contains("degree, betweenness, closeness, harmonic, eigenvector, pagerank, katz, hits"))
    }

    @Test func aMalformedEdgeListLineIsADataErrorNamingFileAndLine() throws {
        let path = datasetFixture("centrality/malformed.edges")
        let run = try runCLI(["centrality", "--edgelist", path, "--measure", "degree"])
        #expect(run.status == 65)
        #expect(run.standardError.contains("\(path):4"))
        #expect(run.standardError.contains("found 1 field"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test(arguments: [
        ["--top", "0"], ["--threads", "0"], ["--samples", "0"], ["--seed", "3"],
        ["--projection", "persons", "--directed"], ["--weighted"], ["--damping", "0.5"], ["--endpoints"],
        ["--weights", "distance"], ["--projection", "galaxies"],
    ])
    func badOptionsAreUsageErrors(extra: [String]) throws {
        let run = try runCLI(["centrality", "--measure", "degree"] + extra)
        #expect(run.status == 64, "\(extra): \(run.standardError)")
        #expect(run.standardError.contains("Error:"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func edgeListOptionsAreChecked() throws {
        let path = datasetFixture("centrality/small.edges")
        for extra in [["--weighted"], ["--weights", "strength"], ["--projection", "persons"], ["--from", "2026"]] {
            let run = try runCLI(["centrality", "--edgelist", path, "--measure", "pagerank"] + extra)
            #expect(run.status == 64, "\(extra): \(run.standardError)")
        }
        let missing = try runCLI(["centrality", "--edgelist", "no-such.edges", "--measure", "degree"])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("no-such.edges"))
    }
}
