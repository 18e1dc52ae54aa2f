import Foundation
import Testing
@testable import PartyGraph

@Suite struct InterchangeRoundTripTests {
    /// Writes an export into a fresh folder and returns the folder (or the single file's path).
    func written(_ dataset: Dataset, _ format: ExportFormat) throws -> String {
        let folder = InterchangeFixtures.temporaryFolder()
        let path = format.fileExtension.map { folder + "/export." + $0 } ?? folder + "/export"
        try Exporter.write(dataset, format: format, to: path)
        return path
    }

    @Test(arguments: [ImportFormat.csv, .json], [InterchangeFixtures.bundledPath, InterchangeFixtures.trickyPath])
    func exportThenImportGivesBackTheSameDatasetBytes(format: ImportFormat, datasetPath: String) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: datasetPath))
        let dataset = try DatasetLoader.load(path: datasetPath)
        let path = try written(dataset, format == .csv ? .csv : .json)
        let imported = try Importer.load(format: format, paths: [path])
        #expect(DatasetWriter.data(of: imported) == original)
    }

    /// A machine-coded source stays machine-coded through every export that imports back (the CSV gains a `kind`
    /// column only then); a dataset of reported sources keeps the columns it always had.
    @Test(arguments: [ExportFormat.csv, .json, .popolo, .ftm])
    func sourceKindsSurviveExportThenImport(format: ExportFormat) throws {
        let dataset = try EventData.read(path: fixturePath("events/icews-meetings.tsv"), layout: .icews).dataset
        #expect(dataset.sources.contains { $0.kind == .machineCoded })
        let path = try written(dataset, format)
        let importFormat: ImportFormat = switch format {
        case .csv: .csv
        case .popolo: .popolo
        case .ftm: .ftm
        default: .json
        }
        let imported = try Importer.load(format: importFormat, paths: [path])
        #expect(imported.sources.map(\.kind) == dataset.sources.map(\.kind), "\(format)")
        if format == .csv {
            // CSV lines end in CR LF, one Character: split the scalars.
            func header(_ folder: String) throws -> String {
                let text = try String(contentsOfFile: folder + "/sources.csv", encoding: .utf8)
                return String(String.UnicodeScalarView(text.unicodeScalars.prefix { $0 != "\r" && $0 != "\n" }))
            }
            #expect(try header(path) == "id,publisher,title,date,url,text,kind")
            #expect(try header(try written(InterchangeFixtures.tricky, .csv)) == "id,publisher,title,date,url,text")
        }
    }

    @Test func anUnknownSourceKindIsALocatedError() throws {
        let folder = try written(InterchangeFixtures.tricky, .csv)
        let file = folder + "/sources.csv"
        var lines = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        try #require(lines.count > 2)
        lines[0] += ",kind"
        lines[1] += ",robot"
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try Importer.load(format: .csv, paths: [folder])
        } throws: { error in
            guard case PartyGraphError.invalidData(_, let issues) = error else { return false }
            return issues.contains { $0.message.contains("\"robot\" is not a source kind") && ($0.fix ?? "").contains("machine-coded") }
        }
    }

    @Test func csvFilesCanBeNamedOneByOneInAnyOrder() throws {
        let folder = try written(InterchangeFixtures.tricky, .csv)
        let files = ["edges.csv", "nodes.csv", "sources.csv", "dataset.csv"].map { folder + "/" + $0 }
        let imported = try Importer.loadCSV(paths: files)
        #expect(DatasetWriter.text(of: imported) == DatasetWriter.text(of: InterchangeFixtures.tricky))
    }

    @Test func exportWritesFilesAtomicallyWithNoTemporaryLeftOver() throws {
        let folder = try written(InterchangeFixtures.bundled, .neo4j)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["load.cypher", "nodes.csv", "relationships.csv"])
        let graphml = try written(InterchangeFixtures.bundled, .graphml)
        let parent = URL(fileURLWithPath: graphml).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["export.graphml"])
    }

    @Test func quotesAreCheckedAgainstSourceTextsBesideTheOutput() throws {
        let folder = try written(InterchangeFixtures.bundled, .csv)
        let datasetFolder = URL(fileURLWithPath: InterchangeFixtures.bundledPath).deletingLastPathComponent()
        _ = try Importer.loadCSV(paths: [folder], sourceDirectory: datasetFolder)

        let edges = folder + "/edges.csv"
        let text = try String(contentsOfFile: edges, encoding: .utf8)
        try text.replacingOccurrences(of: "will host three high-level summits", with: "will host four high-level summits")
            .write(toFile: edges, atomically: true, encoding: .utf8)
        #expect {
            try Importer.loadCSV(paths: [folder], sourceDirectory: datasetFolder)
        } throws: { error in
            guard case PartyGraphError.invalidData(_, let issues) = error, let first = issues.first else { return false }
            return first.file == edges && first.path.hasPrefix("row ") && first.path.hasSuffix(", column \"evidence\"")
                && first.message.hasPrefix("the quote is not in the text of source 'ppp-2026-02-03'")
        }
        #expect {
            try Importer.loadCSV(paths: [folder], sourceDirectory: URL(fileURLWithPath: folder))
        } throws: { error in
            guard case PartyGraphError.invalidData(_, let issues) = error else { return false }
            return issues.contains { $0.file == folder + "/sources.csv" && $0.path == "row 2, column \"text\"" }
        }
    }

    @Test func csvWithLFLineEndsAndAUTF8ByteOrderMarkImportsTheSame() throws {
        let folder = try written(InterchangeFixtures.bundled, .csv)
        for name in ["nodes.csv", "edges.csv", "sources.csv", "dataset.csv"] {
            let url = URL(fileURLWithPath: folder + "/" + name)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: url)
        }
        let imported = try Importer.loadCSV(paths: [folder])
        #expect(DatasetWriter.text(of: imported) == DatasetWriter.text(of: InterchangeFixtures.bundled))
    }

    @Test func projectionsAreNotImportedAsDatasets() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        try Exporter.write(InterchangeFixtures.bundled, format: .json, projection: .persons, to: folder + "/p.json")
        #expect(throws: PartyGraphError.self) { try Importer.loadNodeLinkJSON(path: folder + "/p.json") }
    }
}

/// Each class of bad import input is reported with its file, row and column, and stops the import.
@Suite struct InterchangeBadImportTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// The CSV file changed, and how.
        var file: String
        var change: @Sendable (Data) -> Data
        var path: String
        var line: Int?
        var message: String
        var description: String { name }
    }

    static func replacing(_ old: String, _ new: String) -> @Sendable (Data) -> Data {
        { data in
            let text = String(decoding: data, as: UTF8.self)
            precondition(text.contains(old), "fixture text not found: \(old)")
            return Data(text.replacingOccurrences(of: old, with: new).utf8)
        }
    }

    static let cases: [Case] = [
        Case(name: "wrong number of fields", file: "nodes.csv", change: replacing("person/to-lam,person,Tô Lâm,", "person/to-lam,person,Tô,Lâm,"),
             path: "row 4", line: 5, message: "the row has 17 fields but the header has 16"),
        Case(name: "unknown kind", file: "nodes.csv", change: replacing("person/to-lam,person,", "person/to-lam,persn,"),
             path: "row 4, column \"kind\"", line: 5, message: "unknown kind 'persn'"),
        Case(name: "missing endpoint", file: "edges.csv", change: replacing("e1,person/to-lam,", "e1,person/to-lamm,"),
             path: "row 3, column \"from\"", line: 3, message: "'person/to-lamm' is not the id of any node"),
        Case(name: "empty endpoint", file: "edges.csv", change: replacing("e1,person/to-lam,", "e1,,"),
             path: "row 3, column \"from\"", line: 3, message: "\"from\" is missing"),
        Case(name: "bad date", file: "edges.csv", change: replacing(",2024-08,", ",2024-13,"),
             path: "row 3, column \"start\"", line: 3, message: "invalid date: month 13 is not 01–12"),
        Case(name: "invalid UTF-8", file: "nodes.csv", change: { data in
                 var bytes = [UInt8](data)
                 let target = Array("Tô Lâm".utf8)
                 let start = (0...(bytes.count - target.count)).first { Array(bytes[$0..<($0 + target.count)]) == target }!
                 bytes.replaceSubrange(start..<(start + target.count), with: [0x54, 0xF4, 0x20, 0x4C, 0xE2, 0x6D]) // Latin-1 "Tô Lâm"
                 return Data(bytes)
             }, path: "row 4, column \"name\"", line: 5, message: "the text is not valid UTF-8"),
        Case(name: "UTF-16 byte-order mark", file: "sources.csv", change: { data in
                 var bytes: [UInt8] = [0xFF, 0xFE]
                 for unit in String(decoding: data, as: UTF8.self).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
                 return Data(bytes)
             }, path: "row 1", line: 1, message: "the file is UTF-16 (it starts with a UTF-16 byte-order mark)"),
        Case(name: "stray quote", file: "nodes.csv", change: replacing("\"Ông \"\"X\"\", Jr.\"", "\"Ông \"\"X\"\", Jr."),
             path: "row 5", line: 7, message: "text after the closing quote of a field"),
        Case(name: "unclosed quote", file: "nodes.csv", change: replacing("Talks took place.,s1,\r\n", "Talks took place.,\"s1,\r\n"),
             path: "row 6", line: 7, message: "a quoted field is never closed"),
        Case(name: "unknown column", file: "edges.csv", change: replacing(",led_by,", ",leader,"),
             path: "row 1, column 9", line: 1, message: "unknown column \"leader\""),
        Case(name: "bad evidence", file: "edges.csv", change: replacing("[{\"\"source\"\":\"\"s1\"\",\"\"quote\"\":\"\"The CPV hosted.\"\"}]", "[{\"\"quote\"\":\"\"The CPV hosted.\"\"}]"),
             path: "row 6, column \"evidence\"", line: 6, message: "evidence record 1 needs \"source\" and \"quote\" strings"),
    ]

    @Test(arguments: cases)
    func badCSVIsPlacedByFileRowAndColumnAndNothingIsImported(_ bad: Case) throws {
        let folder = InterchangeFixtures.temporaryFolder()
        try Exporter.write(InterchangeFixtures.tricky, format: .csv, to: folder)
        let target = folder + "/" + bad.file
        try bad.change(try Data(contentsOf: URL(fileURLWithPath: target))).write(to: URL(fileURLWithPath: target))
        do {
            _ = try Importer.loadCSV(paths: [folder])
            Issue.record("the import succeeded")
        } catch {
            guard case .invalidData(_, let issues) = error else { Issue.record("unexpected \(error)"); return }
            let issue = try #require(issues.first { $0.message == bad.message }, "got: \(issues.map(\.description))")
            #expect(issue.file == target)
            #expect(issue.path == bad.path)
            #expect(issue.line == bad.line)
        }
    }

    @Test func badNodeLinkJSONIsPlacedByPathLineAndColumn() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        let path = folder + "/graph.json"
        try Exporter.write(InterchangeFixtures.tricky, format: .json, to: path)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"kind\": \"office\"", with: "\"kind\": \"ofice\"")
            .replacingOccurrences(of: "\"start\": \"2024-08\"", with: "\"start\": \"August 2024\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try Importer.loadNodeLinkJSON(path: path)
            Issue.record("the import succeeded")
        } catch {
            guard case .invalidData(_, let issues) = error else { Issue.record("unexpected \(error)"); return }
            #expect(issues.map(\.path) == ["$.nodes[1].kind", "$.edges[1].start"])
            #expect(issues[0].message == "unknown kind 'ofice'")
            #expect(issues[0].fix?.hasPrefix("did you mean 'office'?") == true)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(issues[0].line), column = try #require(issues[0].column)
            #expect(lines[line - 1].dropFirst(column - 1).hasPrefix("\"ofice\""))
        }
    }

    @Test func invalidJSONSyntaxIsPlaced() throws {
        let path = InterchangeFixtures.temporaryFolder() + "/broken.json"
        try Data("{\"nodes\": [1,]}".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try Importer.loadNodeLinkJSON(path: path)
        } throws: { error in
            guard case PartyGraphError.invalidData(_, let issues) = error else { return false }
            return issues.count == 1 && issues[0].line == 1 && issues[0].message.hasPrefix("invalid JSON")
        }
    }
}
