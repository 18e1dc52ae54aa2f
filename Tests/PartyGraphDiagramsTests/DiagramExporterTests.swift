import Foundation
import PartyGraph
import PartyGraphTestSupport
import Testing
import PartyGraphDiagrams

/// `DiagramExporter` is the one place that decides what `export --format dot` writes: the Swift API and the CLI
/// give the same bytes.
@Suite struct DiagramExporterTests {
    let datasetPath = try! BundledDataset.locate().get()

    func cliExport(_ arguments: [String]) throws -> Data {
        let folder = try BuiltProducts.temporaryFolder("partygraph-dot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.dot").path
        let run = try BuiltProducts.run("partygraph", ["export", "--format", "dot", "--dataset", datasetPath, "--out", out] + arguments)
        #expect(run.status == 0, "\(run.standardError)")
        return try Data(contentsOf: URL(fileURLWithPath: out))
    }

    @Test func theTypedGraphIsTheStyledDiagramTheCLIWrites() throws {
        let files = try DiagramExporter.files(bundledDataset, format: .dot)
        #expect(files.count == 1 && files[0].name.isEmpty)
        #expect(try files[0].data == cliExport([]))
        #expect(try files[0].data == Data(GraphvizRenderer().dotSource(DiagramViews.all(dataset: bundledDataset)).utf8))
        let window = try DateSpan(parsing: "2026-02-07")
        let windowed = try DiagramExporter.files(bundledDataset, format: .dot, window: window)
        #expect(try windowed[0].data == cliExport(["--from", "2026-02-07", "--to", "2026-02-07"]))
        #expect(windowed[0].data != files[0].data)
    }

    @Test func projectionsAndOtherFormatsAreTheExportersOwn() throws {
        #expect(try DiagramExporter.files(bundledDataset, format: .dot, projection: .persons)
                == Exporter.files(bundledDataset, format: .dot, projection: .persons))
        #expect(try DiagramExporter.files(bundledDataset, format: .dot, projection: .persons)[0].data == cliExport(["--projection", "persons"]))
        #expect(try DiagramExporter.files(bundledDataset, format: .graphml) == Exporter.files(bundledDataset, format: .graphml))
    }

    @Test func writeChecksThePathAsTheExporterDoes() throws {
        let folder = try BuiltProducts.temporaryFolder("partygraph-dot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try DiagramExporter.write(bundledDataset, format: .dot, to: folder.appendingPathComponent("a/b.dot").path)
        #expect(written == [folder.appendingPathComponent("a/b.dot").path])
        #expect(try Data(contentsOf: URL(fileURLWithPath: written[0])) == DiagramExporter.files(bundledDataset, format: .dot)[0].data)
        #expect(throws: PartyGraphError.self) { try DiagramExporter.write(bundledDataset, format: .dot, to: folder.path) }
    }
}
