import Foundation
import Testing

/// `partygraph chart …`, run as a user runs it, on the multi-year fixture.
@Suite struct ChartCLITests {
    static let fixture = datasetFixture("valid/timeline-multi-year.json")

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charts-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func eachChartIsWrittenInEachFormat() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let charts: [(String, [String])] = [
            ("timeline", ["timeline", "CPP", "--with", "CPV", "--by", "year"]),
            ("matrix", ["matrix", "--level", "party", "--from", "2021"]),
            ("trajectory", ["trajectory", "--measure", "pagerank", "--projection", "parties", "--by", "year", "--top", "2"]),
        ]
        let prefixes: [String: [UInt8]] = ["svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8)]
        for (name, arguments) in charts {
            for format in ["svg", "png", "pdf"] {
                let out = folder.appendingPathComponent("\(name).\(format)").path
                let run = try runCLI(["chart"] + arguments + ["--format", format, "--out", out, "--dataset", Self.fixture])
                #expect(run.status == 0, "\(name) \(format): \(run.standardError)")
                #expect(run.standardOutput == "wrote \(out)\n")
                let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
                #expect(Array(bytes.prefix(prefixes[format]!.count)) == prefixes[format]!, "\(name) \(format)")
            }
        }
        let svg = try String(contentsOfFile: folder.appendingPathComponent("timeline.svg").path, encoding: .utf8)
        #expect(svg.contains("Cambodian People’s Party — Communist Party of Việt Nam"))
    }

    /// Each format keeps the manifest where the placement rule says (SVG `<metadata>`, PDF keywords, a PNG sidecar),
    /// `verify` reads it back from each, and fails once the dataset changes.
    @Test func everyChartFormatCarriesAManifestThatVerifyChecks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = folder.appendingPathComponent("multi-year.json").path
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: dataset)
        var outputs: [String] = []
        for format in ["svg", "png", "pdf"] {
            let out = folder.appendingPathComponent("matrix.\(format)").path
            let run = try runCLI(["chart", "matrix", "--level", "party", "--format", format, "--out", out, "--dataset", dataset])
            #expect(run.status == 0, "\(format): \(run.standardError)")
            outputs.append(out)
        }
        let svg = try String(contentsOfFile: outputs[0], encoding: .utf8)
        #expect(svg.contains("<metadata id=\"partygraph-manifest\">"))
        #expect(!FileManager.default.fileExists(atPath: outputs[0] + ".manifest.json"))
        #expect(FileManager.default.fileExists(atPath: outputs[1] + ".manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: outputs[2] + ".manifest.json"))
        let pdf = try Data(contentsOf: URL(fileURLWithPath: outputs[2]))
        #expect(pdf.firstRange(of: Data("/Keywords".utf8)) != nil)
        for out in outputs {
            let verify = try runCLI(["verify", out])
            #expect(verify.status == 0, "\(out): \(verify.standardOutput) \(verify.standardError)")
            #expect(verify.standardOutput.contains("OK"), "\(out)")
        }
        var changed = try String(contentsOfFile: dataset, encoding: .utf8)
        changed += "\n"
        try changed.write(toFile: dataset, atomically: true, encoding: .utf8)
        for out in outputs {
            let verify = try runCLI(["verify", out])
            #expect(verify.status == 1, "\(out): \(verify.standardOutput) \(verify.standardError)")
            #expect(verify.standardOutput.contains("has changed"), "\(out)")
        }
    }

    @Test func badOptionsAreRefusedAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("chart.gif").path
        let format = try runCLI(["chart", "matrix", "--format", "gif", "--out", out, "--dataset", Self.fixture])
        #expect(format.status == 64)
        #expect(format.standardError.contains("gif"))
        let edgelist = try runCLI(["chart", "trajectory", "--measure", "degree", "--edgelist", "x.txt", "--out", out])
        #expect(edgelist.status == 64)
        #expect(edgelist.standardError.contains("leave out --edgelist"))
        let unknown = try runCLI(["chart", "timeline", "Nobody At All", "--out", out, "--dataset", Self.fixture])
        #expect(unknown.status != 0)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
