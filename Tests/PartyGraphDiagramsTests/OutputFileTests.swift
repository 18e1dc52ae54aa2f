import Foundation
import Testing
@testable import PartyGraphDiagrams

@Suite struct OutputFileTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("PartyGraphDiagramsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesCreatingFoldersAndReplacing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("a/b/diagram.svg")

        try OutputFile.writeAtomically(Data("first".utf8), to: target)
        #expect(try Data(contentsOf: target) == Data("first".utf8))
        try OutputFile.writeAtomically(Data("second".utf8), to: target)
        #expect(try Data(contentsOf: target) == Data("second".utf8))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["diagram.svg"])
    }

    @Test func rendersAndWrites() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("sample.\(OutputFormat.svg.fileExtension)")
        try OutputFile.write(sampleDiagram(), format: .svg, to: target)
        let svg = try SVGDocument(Data(contentsOf: target))
        #expect(try svg.groups("node").count == sampleDiagram().nodes.count)
    }

    @Test func failureNamesThePath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let target = blocker.appendingPathComponent("diagram.svg")
        #expect {
            try OutputFile.writeAtomically(Data("x".utf8), to: target)
        } throws: { error in
            guard case DiagramError.writeFailed(let path, _) = error else { return false }
            return path == target.path
        }
    }
}
