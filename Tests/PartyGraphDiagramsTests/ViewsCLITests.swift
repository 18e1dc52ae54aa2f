import Foundation
import PartyGraph
import PartyGraphTestSupport
import Testing
@testable import PartyGraphDiagrams

/// Runs `partygraph` in `folder`.
private func runPartygraph(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String, error: String) {
    let run = try BuiltProducts.run("partygraph", arguments, in: folder)
    return (run.status, run.standardOutput, run.standardError)
}

private func temporaryFolder() throws -> URL { try BuiltProducts.temporaryFolder("partygraph-views") }

@Suite struct ViewsCLITests {
    let datasetPath = try! BundledDataset.locate().get()

    @Test func trilateralPNGAndPDFThroughTheViewPath() throws {
        let png = try GraphvizRenderer().render(try DiagramView.trilateral.diagram(dataset: bundledDataset), format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try GraphvizRenderer().render(try DiagramView.ego("person/to-lam", depth: 2).diagram(dataset: bundledDataset), format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test func renderCommandWritesPNGAndPDFFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = try runPartygraph(["render", "trilateral", "--format", "png", "--dataset", datasetPath, "--out", "deep/er/t.png"], in: folder)
        #expect(png.status == 0, "\(png.error)")
        let pngData = try Data(contentsOf: folder.appendingPathComponent("deep/er/t.png"))
        #expect(Array(pngData.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

        let pdf = try runPartygraph(["render", "meeting", "cpp cpv bilateral summit", "--format", "pdf", "--dataset", datasetPath], in: folder)
        #expect(pdf.status == 0, "\(pdf.error)")
        #expect(pdf.output == "wrote output/meeting-2026-02-cpp-cpv-summit.pdf\n")
        let pdfData = try Data(contentsOf: folder.appendingPathComponent("output/meeting-2026-02-cpp-cpv-summit.pdf"))
        #expect(Array(pdfData.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test func renderCommandDefaultsToOutputTrilateral2026SVG() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runPartygraph(["render", "trilateral", "--dataset", datasetPath], in: folder)
        #expect(result.status == 0, "\(result.error)")
        let svg = try SVGDocument(Data(contentsOf: folder.appendingPathComponent("output/trilateral-2026.svg")))
        #expect(try svg.groups("node").map(\.label).contains("Tô Lâm"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("output").path)
        #expect(leftovers == ["trilateral-2026.svg"])
    }

    @Test func egoWindowAndDepthOptions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runPartygraph(["render", "ego", "to lam", "--depth", "1", "--from", "2026-02-06", "--to", "2026-02-07",
                                        "--dataset", datasetPath], in: folder)
        #expect(result.status == 0, "\(result.error)")
        let svg = try SVGDocument(Data(contentsOf: folder.appendingPathComponent("output/ego-to-lam.svg")))
        let labels = try svg.groups("node").map(\.label)
        #expect(labels.contains("Tô Lâm"))
        #expect(labels.contains("CPV General Secretary"))
        #expect(try svg.graphTexts()[1] == "Around Tô Lâm (depth 1) · window: 6–7 Feb 2026")
    }

    @Test func unwritableOutputExitsWith73AndLeavesNoFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("plain"))
        let result = try runPartygraph(["render", "all", "--dataset", datasetPath, "--out", "plain/all.svg"], in: folder)
        #expect(result.status == 73)
        #expect(result.error.contains("Could not write"), "\(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plain"])
    }

    @Test(arguments: [
        (["render", "ego", "nobody at all"], Int32(64), "no node is called"),
        (["render", "meeting", "hun sen"], 64, "not a meeting"),
        (["render", "trilateral", "--from", "2025", "--to", "2025-12"], 64, "No trilateral summit"),
        (["render", "all", "--layout", "spring"], 64, "Unknown --layout spring"),
        (["render", "all", "--format", "gif"], 64, "Unknown --format gif"),
        (["render", "all", "--from", "2026-13"], 64, "month 13"),
    ])
    func badArgumentsExitWithUsageError(arguments: [String], status: Int32, message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runPartygraph(arguments + ["--dataset", datasetPath], in: folder)
        #expect(result.status == status)
        #expect(result.error.contains(message), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    }
}
