import Foundation
import PartyGraphTestSupport
import Testing
@testable import PartyGraph

/// Every command that writes CSV neutralises text cells that a spreadsheet would run as a formula (OWASP, CSV
/// injection) and leaves numbers alone; `--csv-raw` writes the cells as they are. Run on the hostile-names fixture.
@Suite("CSV cells that start like a formula (the built binary)", .serialized)
struct CSVFormulaCLITests {
    static let dataset = datasetFixture("interchange/hostile.json")

    /// Every `--format csv` output of the fixture: who-met, meetings, matrix (grid and pairs), neighbors, path,
    /// centrality, holders (succession and on a day).
    static let commands: [[String]] = [
        ["who-met", "person/h00"],
        ["meetings"],
        ["matrix"],
        ["matrix", "--level", "person", "--long"],
        ["neighbors", "party/hostile", "--depth", "2"],
        ["path", "person/h11", "party/hostile"],
        ["centrality", "--measure", "degree"],
        ["holders", "office/h-chair"],
        ["holders", "office/h-chair", "--at", "2021"],
    ]

    static func table(_ arguments: [String]) throws -> CSVTable {
        let run = try runCLI(arguments + ["--dataset", dataset, "--format", "csv"])
        #expect(run.status == 0, "\(arguments): \(run.standardError)")
        var issues: [DatasetIssue] = []
        return try #require(CSVTable.read(data: Data(run.standardOutput.utf8), file: "stdout", issues: &issues), "\(issues)")
    }

    @Test(arguments: commands)
    func noTextCellStartsLikeAFormula(arguments: [String]) throws {
        let table = try Self.table(arguments)
        #expect(!table.records.isEmpty)
        var neutralised = 0
        for cell in table.header + table.records.flatMap(\.fields) {
            guard let first = cell.first else { continue }
            if cell.hasPrefix("'") && CSVText.needsFormulaPrefix(String(cell.dropFirst())) { neutralised += 1 }
            // Numbers (counts, scores) are the only cells that may start with - or +, and none here is negative.
            #expect(!CSVText.formulaStarts.contains(first) || Double(cell) != nil, "\(arguments): \(cell.debugDescription)")
        }
        #expect(neutralised > 0, "\(arguments): the fixture's names should need the prefix")
    }

    @Test(arguments: commands)
    func csvRawWritesTheCellsAsTheyAre(arguments: [String]) throws {
        let neutral = try Self.table(arguments)
        let raw = try Self.table(arguments + ["--csv-raw"])
        #expect(raw.header.map(CSVText.neutralised) == neutral.header)
        #expect(raw.records.map { $0.fields.map(CSVText.neutralised) } == neutral.records.map(\.fields))
        #expect(raw.records.flatMap(\.fields).contains { CSVText.needsFormulaPrefix($0) })
    }

    @Test func numbersAreNotChanged() throws {
        let centrality = try Self.table(["centrality", "--measure", "degree"])
        #expect(centrality.records.allSatisfy { Double($0.fields[5]) != nil && Int($0.fields[0]) != nil })
        let grid = try Self.table(["matrix"])
        #expect(grid.records.allSatisfy { $0.fields.dropFirst().allSatisfy { Int($0) != nil } })
    }

    @Test func csvRawIsRefusedWhereNoCSVIsWritten() throws {
        let json = try runCLI(["meetings", "--dataset", Self.dataset, "--format", "json", "--csv-raw"])
        #expect(json.status == 64 && json.standardError.contains("--csv-raw applies to --format csv only"))
        let graphml = try runCLI(["export", "--dataset", Self.dataset, "--format", "graphml", "--csv-raw", "--out", "/tmp/unused.graphml"])
        #expect(graphml.status == 64 && graphml.standardError.contains("--csv-raw applies to --format csv, neo4j and cypher only"))
        let importJSON = try runCLI(["import", "--from", "json", "x.json", "--out", "/tmp/unused.json", "--csv-raw"])
        #expect(importJSON.status == 64 && importJSON.standardError.contains("--csv-raw applies to --from csv only"))
    }

    @Test(arguments: [false, true])
    func exportAndImportOfCSVGiveTheDatasetBack(raw: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-csv-formulas-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let flag = raw ? ["--csv-raw"] : []
        let export = try runCLI(["export", "--dataset", Self.dataset, "--format", "csv", "--out", folder.path + "/csv"] + flag)
        #expect(export.status == 0, "\(export.standardError)")
        let nodes = try String(contentsOfFile: folder.path + "/csv/nodes.csv", encoding: .utf8)
        #expect(nodes.contains(",'+1+1,") != raw && nodes.contains(",+1+1,") == raw)
        let out = folder.path + "/imported.json"
        let imported = try runCLI(["import", "--from", "csv", folder.path + "/csv", "--out", out] + flag)
        #expect(imported.status == 0, "\(imported.standardError)")
        let original = try DatasetLoader.load(path: Self.dataset)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == DatasetWriter.text(of: original))
    }
}
