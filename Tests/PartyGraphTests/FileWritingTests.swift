import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PartyGraph

/// How the library writes files (datasets, exports): whole or not at all, never a half-written file.
@Suite struct FileWritingTests {
    @Test func writesCreatingFoldersAndReplacingWithoutLeavingATemporaryFile() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/a/b/dataset.json"
        try DatasetWriter.write(InterchangeFixtures.tricky, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == DatasetWriter.data(of: InterchangeFixtures.tricky))
        try DatasetWriter.write(InterchangeFixtures.bundled, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == DatasetWriter.data(of: InterchangeFixtures.bundled))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b") == ["dataset.json"])
    }

    @Test func aFileInPlaceOfTheFolderIsUnwritableNamingThePath() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("plain".utf8).write(to: URL(fileURLWithPath: folder + "/plain"))
        let path = folder + "/plain/dataset.json"
        #expect {
            try DatasetWriter.write(InterchangeFixtures.tricky, to: path)
        } throws: { error in
            guard case PartyGraphError.unwritable(let file, let reason) = error else { return false }
            return file == path && !reason.isEmpty
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plain"])
    }

    /// A FIFO, directly or through a symbolic link, is refused and left in place; so is a folder.
    @Test(arguments: ["fifo", "link-to-fifo", "folder"])
    func aNonRegularFileIsNotReplaced(name: String) throws {
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link-to-fifo", withDestinationPath: folder + "/fifo")
        try FileManager.default.createDirectory(atPath: folder + "/folder", withIntermediateDirectories: false)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let path = folder + "/" + name
        #expect {
            try AtomicFile.write(Data("x".utf8), to: path)
        } throws: { error in
            guard case PartyGraphError.unwritable(let file, let reason) = error else { return false }
            let kind = name == "folder" ? "it is a folder" : "it is a FIFO (named pipe)"
            return file == path && reason == kind + "; only a regular file is replaced"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
        var status = stat()
        #expect(lstat(folder + "/fifo", &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link-to-fifo") == folder + "/fifo")
    }

    @Test func exportWritesEveryFileOfAFolderFormat() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Exporter.write(InterchangeFixtures.tricky, format: .neo4j, to: folder + "/neo4j")
        #expect(written == ["nodes.csv", "relationships.csv", "load.cypher"].map { folder + "/neo4j/" + $0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/neo4j").sorted()
                == ["load.cypher", "nodes.csv", "relationships.csv"])
    }
}
