import Foundation
import Testing
@testable import PartyGraph

/// SHA-256 against the FIPS 180-4 example vectors and `sha256sum`, and the manifest's digests, placement, embedding,
/// reading back and verification.
@Suite struct ManifestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(Data(input.utf8)) == digest)
    }

    /// A million "a" (the FIPS long vector), fed whole and in uneven pieces.
    @Test func millionAsWholeAndInPieces() {
        let data = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hex(data) == expected)
        var hash = SHA256()
        var offset = 0, step = 1
        while offset < data.count {
            let end = min(data.count, offset + step)
            hash.update(data[offset..<end])
            offset = end
            step = step % 97 + 13
        }
        #expect(hash.finalHex() == expected)
        // Lengths around the padding boundary (55, 56, 63, 64, 65 bytes) must each give a different digest.
        let digests = Set([55, 56, 63, 64, 65].map { SHA256.hex(Data(repeating: 0x61, count: $0)) })
        #expect(digests.count == 5)
        #expect(SHA256.hex(Data(repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    /// 1 MB of varied bytes compared with the system's `sha256sum`, when it is installed.
    @Test func oneMegabyteMatchesSha256sum() throws {
        let tool = "/usr/bin/sha256sum"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        var generator = UInt32(12345)
        let bytes = (0..<1_048_576).map { _ -> UInt8 in
            generator = generator &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: generator >> 16)
        }
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/megabyte.bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(String(output.prefix(64)) == SHA256.hex(Data(bytes)))
        #expect(try Manifest.digest(ofFileAt: path) == String(output.prefix(64)))
    }

    @Test func fingerprintDigestsTheFileAndEachSourceText() throws {
        let fingerprint = try Manifest.DatasetFingerprint(path: bundledDatasetPath, file: "d.json", dataset: bundledDataset)
        #expect(fingerprint.title == bundledDataset.title)
        #expect(fingerprint.sha256 == SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: bundledDatasetPath))))
        let texts = try #require(fingerprint.sourceTexts)
        #expect(texts.map(\.file) == Set(bundledDataset.sources.compactMap(\.textFile)).sorted())
        #expect(!texts.isEmpty)
        let folder = URL(fileURLWithPath: bundledDatasetPath).deletingLastPathComponent()
        for text in texts {
            #expect(text.sha256 == SHA256.hex(try Data(contentsOf: folder.appendingPathComponent(text.file))))
        }
    }

    @Test func argumentsAreNormalised() {
        #expect(Manifest.normalisedArguments(["meetings", "--format=json", "--involving", "a=b", "--", "--x=y"])
                == ["meetings", "--format", "json", "--involving", "a=b", "--", "--x=y"])
    }

    /// The JSON text is stable (sorted keys), holds no timestamp, and the hand-built JSON value says the same.
    @Test func jsonTextIsStableAndMatchesTheJSONValue() throws {
        let manifest = Manifest(command: ["info", "--format", "json"], dataset: try Manifest.DatasetFingerprint(
            path: bundledDatasetPath, file: "d.json", dataset: bundledDataset))
        #expect(manifest.jsonText == manifest.jsonText)
        let decoded = try JSONDecoder().decode(Manifest.self, from: Data(manifest.jsonText.utf8))
        #expect(decoded == manifest)
        let fromValue = try JSONDecoder().decode(Manifest.self, from: Data(manifest.jsonValue.compactText.utf8))
        #expect(fromValue == manifest)
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(manifest.jsonText.utf8)) as? [String: Any]).keys
        #expect(Set(keys) == ["tool", "command", "dataset"])
    }

    @Test func placementIsOneRulePerOutputKind() {
        #expect(OutputKind.jsonReport.manifestPlacement == .jsonMember)
        #expect(OutputKind.jsonReportList.manifestPlacement == .jsonMemberOfEachElement)
        #expect(OutputKind.csvReport.manifestPlacement == .sidecar)
        #expect(OutputKind.drawing(fileExtension: "svg").manifestPlacement == .svgMetadata)
        #expect(OutputKind.drawing(fileExtension: "png").manifestPlacement == .sidecar)
        #expect(OutputKind.export(.graphml).manifestPlacement == .graphAttribute)
        #expect(OutputKind.export(.json).manifestPlacement == .graphAttribute)
        for format in [ExportFormat.gexf, .csv, .neo4j, .cypher, .dot, .popolo, .ftm] {
            #expect(OutputKind.export(format).manifestPlacement == .sidecar)
        }
        #expect(OutputKind.chartPlacement(fileExtension: "pdf") == .pdfDocumentInfo)
        #expect(OutputKind.chartPlacement(fileExtension: "svg") == .svgMetadata)
        #expect(Manifest.sidecarPath(for: "out/a.csv") == "out/a.csv.manifest.json")
        #expect(Manifest.sidecarPath(for: "out/x-csv/") == "out/x-csv.manifest.json")
    }

    /// A manifest whose command holds markup, quotes and a control character survives SVG metadata and GraphML.
    @Test func svgAndGraphMLEmbeddingReadsBack() throws {
        let manifest = Manifest(command: ["show", "<a & \"b\">", "\u{01}\\u0041"], dataset: nil)
        let svg = Data("<?xml version=\"1.0\"?>\n<svg width=\"1\"\n xmlns=\"http://www.w3.org/2000/svg\">\n<g/>\n</svg>\n".utf8)
        let embedded = manifest.embedded(inSVG: svg)
        let text = String(decoding: embedded, as: UTF8.self)
        #expect(text.contains("xmlns=\"http://www.w3.org/2000/svg\">\n<metadata id=\"partygraph-manifest\">"))
        #expect(!text.contains("<a &"))
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try embedded.write(to: URL(fileURLWithPath: folder + "/a.svg"))
        #expect(try Manifest.read(fromOutputAt: folder + "/a.svg") == [manifest])
        // Parsed by an XML parser, the metadata's text is the manifest's JSON.
        let parsed = try XMLStructure(text)
        let node = try #require(parsed.root.children.first { $0.name == "metadata" })
        #expect(try JSONDecoder().decode(Manifest.self, from: Data(XMLText.unescapedCharacters(node.text).utf8)) == manifest)
    }

    @Test func verifyPassesOnUnchangedDataAndNamesEachChange() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = URL(fileURLWithPath: bundledDatasetPath).deletingLastPathComponent()
        try FileManager.default.copyItem(atPath: source.path, toPath: folder + "/copy")
        let path = folder + "/copy/" + URL(fileURLWithPath: bundledDatasetPath).lastPathComponent
        let dataset = try DatasetLoader.load(path: path)
        let manifest = Manifest(command: ["info"], dataset: try Manifest.DatasetFingerprint(path: path, dataset: dataset))
        #expect(try manifest.verify(datasetAt: path).isEmpty)

        let text = try #require(manifest.dataset?.sourceTexts?.first)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: folder + "/copy/" + text.file))
        try (try Data(contentsOf: URL(fileURLWithPath: path)) + Data(" ".utf8)).write(to: URL(fileURLWithPath: path))
        var older = manifest
        older.tool.version = "0.0.1"
        let mismatches = try older.verify(datasetAt: path)
        #expect(mismatches.count == 3)
        #expect(mismatches[0] == .toolVersion(recorded: "0.0.1", running: Manifest.toolVersion))
        guard case .dataset(let file, let recorded, let actual) = mismatches[1] else { Issue.record("\(mismatches)"); return }
        #expect(file == path && recorded == manifest.dataset?.sha256 && actual != recorded)
        guard case .sourceText(let changed, _, _) = mismatches[2] else { Issue.record("\(mismatches)"); return }
        #expect(changed == text.file)
    }

    @Test func anOutputWithoutAManifestSaysSo() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("{\"a\": 1}".utf8).write(to: URL(fileURLWithPath: folder + "/a.json"))
        #expect {
            try Manifest.read(fromOutputAt: folder + "/a.json")
        } throws: { error in
            guard case PartyGraphError.noManifest(let file, _) = error else { return false }
            return file == folder + "/a.json"
        }
    }
}
