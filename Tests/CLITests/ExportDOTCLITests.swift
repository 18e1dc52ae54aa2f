import Foundation
import PartyGraphTestSupport
import Testing

/// `export --format dot` writes the styled diagram the renderer draws; projections stay plain graphs.
@Suite struct ExportDOTCLITests {
    @Test func theTypedGraphAsDOTIsTheRenderersStyledDiagram() throws {
        let folder = try BuiltProducts.temporaryFolder("partygraph-dot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("graph.dot").path
        let run = try runCLI(["export", "--format", "dot", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("digraph"))
        #expect(text.contains("subgraph cluster_"))
        #expect(text.contains("Tô Lâm"))
        #expect(text.contains("Legend"))
        #expect(text.contains("window: all dates"))

        let windowed = folder.appendingPathComponent("feb-7.dot").path
        #expect(try runCLI(["export", "--format", "dot", "--from", "2026-02-07", "--out", windowed]).status == 0)
        let windowedText = try String(contentsOfFile: windowed, encoding: .utf8)
        #expect(!windowedText.contains("State visit of Tô Lâm to Cambodia"))
    }

    @Test func projectionsStayPlainWeightedGraphs() throws {
        let folder = try BuiltProducts.temporaryFolder("partygraph-dot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("persons.dot").path
        #expect(try runCLI(["export", "--format", "dot", "--projection", "persons", "--out", out]).status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("graph "))
        #expect(text.contains("\"person/hun-sen\" -- \"person/to-lam\""))
    }

    @Test func aBackwardWindowIsAUsageError() throws {
        let run = try runCLI(["export", "--format", "dot", "--from", "2026-03", "--to", "2026-02"])
        #expect(run.status == 64)
        #expect(run.standardError.contains("before the start"))
    }
}
