import Foundation
import Testing
@testable import PartyGraph

/// The repository checkout, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled dataset's path.
let bundledDatasetPath = repositoryRoot.appendingPathComponent("datasets/indochina-summits-2026.json").path

/// The bundled dataset, loaded once.
let bundledDataset: Dataset = {
    do { return try DatasetLoader.load(path: bundledDatasetPath) } catch { fatalError("bundled dataset does not load: \(error)") }
}()

/// A fixture file's path.
func fixturePath(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
}

/// A bad-input fixture and the one located error it must give: one error per cause, at its line, column and JSON
/// path, with its message (and fix, when given). Shared by every suite of bad-input fixtures.
struct LocatedErrorCase: Sendable, CustomStringConvertible {
    /// The fixture's path below `Fixtures/`.
    var file: String
    var line: Int
    var column: Int
    /// The JSON path the error names, or its start.
    var path: String
    /// The message, or its start (or a part of it, with `messageIsPart`).
    var message: String
    var fix: String? = nil
    var messageIsPart = true
    var description: String { file }

    /// Loads the fixture and checks that it fails with exactly this error.
    func check() throws {
        let fixture = fixturePath(file)
        do {
            _ = try DatasetLoader.load(path: fixture)
            Issue.record("\(file) loaded without error")
        } catch {
            guard case .invalidData(let reported, let issues) = error else { Issue.record("unexpected error \(error)"); return }
            #expect(reported == fixture)
            #expect(issues.count == 1, "\(issues)")
            let issue = try #require(issues.first)
            #expect(issue.file == fixture)
            #expect(issue.line == line && issue.column == column, "\(issue)")
            #expect(issue.path.hasPrefix(path), "\(issue.path)")
            #expect(messageIsPart ? issue.message.contains(message) : issue.message.hasPrefix(message), "\(issue.message)")
            if let fix { #expect(issue.fix?.hasPrefix(fix) == true, "\(issue.fix ?? "")") }
            #expect(error.isDataError)
        }
    }
}
