import Foundation
import PartyGraphTestSupport
import Testing

/// Every kind of output carries its manifest where docs/manifest.md says, the same command gives the same bytes,
/// and `partygraph verify` passes on unchanged data and fails on a changed dataset.
@Suite("Manifests and verify", .serialized)
struct ManifestCLITests {
    static let bundledDigest: String = {
        let url = checkoutRoot.appendingPathComponent("datasets/indochina-summits-2026.json")
        return sha256sum(url.path)
    }()

    /// The system's `sha256sum` of a file: an independent digest to compare with.
    static func sha256sum(_ path: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "" }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(output.prefix(64))
    }

    /// The manifest object of a JSON text (decoded loosely, so the test does not share the library's decoder).
    static func manifest(inJSON data: Data, at path: [String] = ["manifest"]) throws -> [String: Any] {
        var value: Any = try JSONSerialization.jsonObject(with: data)
        for key in path { value = try #require((value as? [String: Any])?[key]) }
        return try #require(value as? [String: Any])
    }

    /// Checks a manifest: tool and version, the bundled dataset's digest (against `sha256sum`) and the command.
    static func check(_ manifest: [String: Any], command: [String]) throws {
        let tool = try #require(manifest["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "partygraph")
        #expect(tool["version"] as? String == "0.1.0")
        let dataset = try #require(manifest["dataset"] as? [String: Any])
        #expect(dataset["sha256"] as? String == bundledDigest)
        #expect(dataset["bundled"] as? Bool == true)
        #expect((dataset["title"] as? String)?.contains("CPP-hosted summits") == true)
        let texts = try #require(dataset["sourceTexts"] as? [[String: Any]])
        #expect(texts.map { $0["file"] as? String } == ["sources/phnom-penh-post-2026-02-03.txt"])
        let text = checkoutRoot.appendingPathComponent("datasets/sources/phnom-penh-post-2026-02-03.txt").path
        #expect(texts.first?["sha256"] as? String == sha256sum(text))
        #expect(manifest["command"] as? [String] == command)
        #expect(!String(decoding: try JSONSerialization.data(withJSONObject: manifest), as: UTF8.self).contains("T00:"))
    }

    @Test func jsonOutputHasATopLevelManifestMember() throws {
        let arguments = ["who-met", "Hun Sen", "--format=json"]
        let run = try runCLI(arguments)
        #expect(run.status == 0, "\(run.standardError)")
        try Self.check(try Self.manifest(inJSON: Data(run.standardOutput.utf8)), command: ["who-met", "Hun Sen", "--format", "json"])
    }

    @Test func csvOutputWritesTheManifestToTheFileNamed() throws {
        let folder = try BuiltProducts.temporaryFolder("manifest-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sidecar = folder.appendingPathComponent("meetings.csv.manifest.json").path
        let arguments = ["meetings", "--format", "csv", "--manifest", sidecar]
        let run = try runCLI(arguments)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("meeting_id,"))
        try Self.check(try Self.manifest(inJSON: try Data(contentsOf: URL(fileURLWithPath: sidecar)), at: []), command: arguments)
        // Without --manifest nothing is written beside anything.
        #expect(try runCLI(["meetings", "--format", "csv"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["meetings.csv.manifest.json"])
    }

    @Test func svgHoldsTheManifestInMetadataAndPNGGetsASidecar() throws {
        let folder = try BuiltProducts.temporaryFolder("manifest-svg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("all.svg").path
        #expect(try runCLI(["render", "all", "--out", svg]).status == 0)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        let open = try #require(text.range(of: "<metadata id=\"partygraph-manifest\">"))
        let close = try #require(text.range(of: "</metadata>", range: open.upperBound..<text.endIndex))
        let json = String(text[open.upperBound..<close.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        try Self.check(try Self.manifest(inJSON: Data(json.utf8), at: []), command: ["render", "all", "--out", svg])
        #expect(text.range(of: "<svg")!.lowerBound < open.lowerBound)
        #expect(!FileManager.default.fileExists(atPath: svg + ".manifest.json"))

        let png = folder.appendingPathComponent("all.png").path
        #expect(try runCLI(["render", "all", "--format", "png", "--out", png]).status == 0)
        try Self.check(try Self.manifest(inJSON: try Data(contentsOf: URL(fileURLWithPath: png + ".manifest.json")), at: []),
                       command: ["render", "all", "--format", "png", "--out", png])
    }

    /// Each export format: GraphML graph data, node-link JSON `graph.manifest`, a sidecar for every other one.
    @Test(arguments: ["graphml", "gexf", "json", "csv", "neo4j", "cypher", "dot", "popolo", "ftm"])
    func exportCarriesItsManifest(format: String) throws {
        let folder = try BuiltProducts.temporaryFolder("manifest-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("export-\(format)").path
        let arguments = ["export", "--format", format, "--out", out]
        let run = try runCLI(arguments)
        #expect(run.status == 0, "\(run.standardError)")
        let manifest: [String: Any]
        switch format {
        case "graphml":
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("<key id=\"g_manifest\" for=\"graph\" attr.name=\"manifest\" attr.type=\"string\"/>"))
            let open = try #require(text.range(of: "<data key=\"g_manifest\">"))
            let close = try #require(text.range(of: "</data>", range: open.upperBound..<text.endIndex))
            let json = String(text[open.upperBound..<close.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            manifest = try Self.manifest(inJSON: Data(json.utf8), at: [])
            #expect(!FileManager.default.fileExists(atPath: out + ".manifest.json"))
        case "json":
            manifest = try Self.manifest(inJSON: try Data(contentsOf: URL(fileURLWithPath: out)), at: ["graph", "manifest"])
            #expect(!FileManager.default.fileExists(atPath: out + ".manifest.json"))
        default:
            manifest = try Self.manifest(inJSON: try Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json")), at: [])
            #expect(run.standardOutput.contains("wrote \(out).manifest.json"))
        }
        try Self.check(manifest, command: arguments)
        let verify = try runCLI(["verify", out])
        #expect(verify.status == 0, "\(verify.standardOutput)\(verify.standardError)")
    }

    @Test func theExplorerPageGetsASidecar() throws {
        let folder = try BuiltProducts.temporaryFolder("manifest-page")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("explorer.html").path
        #expect(try runCLI(["explore", "--out", out]).status == 0)
        try Self.check(try Self.manifest(inJSON: try Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json")), at: []),
                       command: ["explore", "--out", out])
    }

    /// Validate's JSON stays an array; each object carries the manifest of its own file.
    @Test func validateKeepsItsArrayAndEachFileHasAManifest() throws {
        let invalid = "Tests/PartyGraphTests/Fixtures/invalid/unknown-field.json"
        let run = try runCLI(["validate", "--format", "json", "datasets/indochina-summits-2026.json", invalid])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.count == 2)
        let first = try #require((list[0]["manifest"] as? [String: Any])?["dataset"] as? [String: Any])
        #expect(first["sha256"] as? String == Self.bundledDigest)
        let second = try #require((list[1]["manifest"] as? [String: Any])?["dataset"] as? [String: Any])
        #expect(second["sha256"] as? String == Self.sha256sum(checkoutRoot.appendingPathComponent(invalid).path))
        #expect(second["title"] is NSNull && second["sourceTexts"] is NSNull)
    }

    /// The same command twice gives the same bytes, manifest included (no timestamp).
    @Test(arguments: [["export", "--format", "graphml"], ["render", "all"], ["export", "--format", "csv"]])
    func outputsAreDeterministic(command: [String]) throws {
        let folder = try BuiltProducts.temporaryFolder("manifest-determinism")
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for _ in 0..<2 {
            let out = folder.appendingPathComponent("out").path
            #expect(try runCLI(command + ["--out", out]).status == 0)
            let main = (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()
            let sidecar = (try? Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))) ?? Data()
            outputs.append(main + sidecar)
            try FileManager.default.removeItem(atPath: out)
        }
        #expect(outputs[0] == outputs[1])
        #expect(!outputs[0].isEmpty)
        let first = try runCLI(["centrality", "--measure", "degree", "--format", "json"]).standardOutput
        #expect(first == (try runCLI(["centrality", "--measure", "degree", "--format", "json"]).standardOutput))
    }

    @Test func verifyPassesOnUnchangedDataAndFailsOnAChangedDataset() throws {
        let folder = try BuiltProducts.temporaryFolder("manifest-verify")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("data")
        try FileManager.default.copyItem(at: checkoutRoot.appendingPathComponent("datasets"), to: copy)
        let dataset = copy.appendingPathComponent("indochina-summits-2026.json").path
        let report = folder.appendingPathComponent("meetings.json").path
        let run = try runCLI(["meetings", "--dataset", dataset, "--format", "json"])
        try Data(run.standardOutput.utf8).write(to: URL(fileURLWithPath: report))

        let pass = try runCLI(["verify", report])
        #expect(pass.status == 0, "\(pass.standardOutput)\(pass.standardError)")
        #expect(pass.standardOutput.contains("OK"))
        // Against another dataset named with --dataset: the bundled one has the same bytes, so it passes too.
        #expect(try runCLI(["verify", report, "--dataset", "datasets/indochina-summits-2026.json"]).status == 0)

        var bytes = try Data(contentsOf: URL(fileURLWithPath: dataset))
        bytes.append(contentsOf: Array(" ".utf8))
        try bytes.write(to: URL(fileURLWithPath: dataset))
        let fail = try runCLI(["verify", report])
        #expect(fail.status == 1)
        #expect(fail.standardOutput.contains("FAILED"))
        #expect(fail.standardOutput.contains("the dataset \(dataset) has changed"))
        #expect(fail.standardOutput.contains(Self.sha256sum(dataset)))

        try Data("changed".utf8).write(to: copy.appendingPathComponent("sources/phnom-penh-post-2026-02-03.txt"))
        let both = try runCLI(["verify", report])
        #expect(both.status == 1)
        #expect(both.standardOutput.contains("2 mismatches"))
        #expect(both.standardOutput.contains("the source text sources/phnom-penh-post-2026-02-03.txt has changed"))
    }

    @Test func verifyOfAnOutputWithoutAManifestIsADataError() throws {
        let run = try runCLI(["verify", "Tests/PartyGraphTests/Fixtures/centrality/small.edges"])
        #expect(run.status == 65)
        #expect(run.standardError.contains("carries no manifest"))
        #expect(run.standardError.contains("small.edges.manifest.json"))
    }
}
