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

#if canImport(Glibc)
import Glibc

@Suite struct OutputFileSpecialFileTests {
    @Test func aFIFOIsRefusedAndLeftInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("PartyGraphDiagramsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("diagram.svg")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect {
            try OutputFile.writeAtomically(Data("x".utf8), to: fifo)
        } throws: { error in
            guard case DiagramError.writeFailed(let path, let reason) = error else { return false }
            return path == fifo.path && reason.contains("FIFO")
        }
        var status = stat()
        #expect(lstat(fifo.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["diagram.svg"])
    }
}
#endif
