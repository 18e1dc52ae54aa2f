import Foundation
import PartyGraphTestSupport
import Testing

/// `partygraph import --from sheet` and `partygraph merge` as a user runs them, in a folder holding a copy of the
/// bundled dataset and its source text.
@Suite("import --from sheet and merge (the built binary)", .serialized)
struct SheetAndMergeCLITests {
    static let sheet = checkoutRoot.appendingPathComponent("Tests/CLITests/Fixtures/sheets/held-report.csv")

    /// A folder with the bundled dataset (`report.json`), its source text and the sheet `held.csv`.
    func workspace() throws -> URL {
        let folder = try BuiltProducts.temporaryFolder("partygraph-sheets")
        let manager = FileManager.default
        try manager.copyItem(at: checkoutRoot.appendingPathComponent("datasets/indochina-summits-2026.json"), to: folder.appendingPathComponent("report.json"))
        try manager.copyItem(at: checkoutRoot.appendingPathComponent("datasets/sources"), to: folder.appendingPathComponent("sources"))
        try manager.copyItem(at: Self.sheet, to: folder.appendingPathComponent("held.csv"))
        return folder
    }

    func exists(_ folder: URL, _ name: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) }

    @Test func theTemplateIsAHeaderAndTwoRowsThatImport() throws {
        let run = try runCLI(["import", "--template", "sheet"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\r\n")
        #expect(lines.count == 3)
        #expect(lines.first == "meeting_start,meeting_end,meeting,meeting_kind,status,place,country,participant,participant_kind,role,capacity,party,source,source_url,publisher,source_title,source_date,quote")
        let folder = try BuiltProducts.temporaryFolder("partygraph-template")
        try Data(run.standardOutput.utf8).write(to: folder.appendingPathComponent("template.csv"))
        let imported = try runCLI(["import", "--from", "sheet", "template.csv", "--out", "t.json"], in: folder)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasPrefix("wrote t.json (9 nodes, 6 relations, 1 sources"))
        let who = try runCLI(["who-met", "Tô Lâm", "--dataset", "t.json", "--format", "json"], in: folder)
        #expect(who.status == 0, "\(who.standardError)")
        #expect(who.standardOutput.contains("\"person/hun-sen\""))
    }

    @Test func aDryRunListsMatchesAndCreationsAndWritesNothing() throws {
        let folder = try workspace()
        let run = try runCLI(["import", "--from", "sheet", "held.csv", "--into", "report.json", "--out", "new.json", "--dry-run"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!exists(folder, "new.json"))
        let rows = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("matched") && $0.contains("person/to-lam") && $0.hasSuffix("To Lam") })
        #expect(rows.contains { $0.hasPrefix("matched") && $0.contains("meeting/2026-02-cpp-cpv-summit") })
        #expect(rows.contains { $0.hasPrefix("created") && $0.contains("organ/cambodia-vietnam-business-association") })
        #expect(rows.last == "dry run: nothing written (12 created, 8 matched, 0 extended; the result would have 41 nodes, 70 relations, 2 sources)")
        let json = try runCLI(["import", "--from", "sheet", "held.csv", "--into", "report.json", "--dry-run", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["dry_run"] as? Bool == true && object["nodes"] as? Int == 41)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.first?["action"] as? String == "created" && items.first?["id"] as? String == "kt-2026-02-07" && items.first?["row"] as? Int == 2)
    }

    @Test func anImportAddsTheSheetsFactsAndKeepsTheInput() throws {
        let folder = try workspace()
        let before = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        let run = try runCLI(["import", "--from", "sheet", "held.csv", "--into", "report.json", "--out", "with-kt.json"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("report.json")) == before)
        let meetings = try runCLI(["meetings", "--dataset", "with-kt.json", "--involving", "to lam"], in: folder)
        #expect(meetings.status == 0, "\(meetings.standardError)")
        #expect(meetings.standardOutput.contains("CPP–CPV bilateral summit  [bilateral-summit, held as of 2026-02-07, Cambodia]"))
        #expect(meetings.standardOutput.contains("Meeting with the Cambodian business community"))
        // The sheet's place is a place node in the country the row names: --place finds the meeting by either.
        for place in ["phnom penh", "Cambodia"] {
            let held = try runCLI(["meetings", "--dataset", "with-kt.json", "--place", place, "--format", "json"], in: folder)
            #expect(held.status == 0, "\(held.standardError)")
            #expect(held.standardOutput.contains("\"meeting/2026-02-07-meeting-with-the-cambodian-business-community\""))
        }
        // Merging the result with its base changes nothing; in either order the output is the same file.
        let merged = try runCLI(["merge", "report.json", "with-kt.json", "--out", "merged.json"], in: folder)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("merged.json")) == Data(contentsOf: folder.appendingPathComponent("with-kt.json")))
    }

    @Test func aBrokenSheetIsReportedByRowAndColumnAndNothingIsWritten() throws {
        let folder = try workspace()
        var text = try String(contentsOf: Self.sheet, encoding: .utf8)
        text = text.replacingOccurrences(of: ",guest,", with: ",gest,").replacingOccurrences(of: "Samdech Hun Sen,", with: "Sisoulith,")
        try Data(text.utf8).write(to: folder.appendingPathComponent("bad.csv"))
        let run = try runCLI(["import", "--from", "sheet", "bad.csv", "--into", "report.json", "--out", "new.json"], in: folder)
        #expect(run.status == 65)
        #expect(!exists(folder, "new.json"))
        #expect(run.standardError.contains("bad.csv:2: row 2, column \"role\": unknown role 'gest' — did you mean 'guest'?"))
        #expect(run.standardError.contains("bad.csv:3: row 3, column \"participant\": 'Sisoulith' is only part of the name of person/thongloun-sisoulith"))
        #expect(run.standardError.contains("bad.csv:4: row 4, column \"role\""))
    }

    @Test func tabSeparatedByExtensionOrDelimiter() throws {
        let folder = try workspace()
        let tsv = try String(contentsOf: Self.sheet, encoding: .utf8).replacingOccurrences(of: ",", with: "\t")
        try Data(tsv.utf8).write(to: folder.appendingPathComponent("held.tsv"))
        try Data(tsv.utf8).write(to: folder.appendingPathComponent("held.txt"))
        let byName = try runCLI(["import", "--from", "sheet", "held.tsv", "--into", "report.json", "--dry-run"], in: folder)
        #expect(byName.status == 0, "\(byName.standardError)")
        let byOption = try runCLI(["import", "--from", "sheet", "held.txt", "--delimiter", "tab", "--into", "report.json", "--dry-run"], in: folder)
        #expect(byOption.standardOutput == byName.standardOutput)
        let wrong = try runCLI(["import", "--from", "sheet", "held.txt", "--into", "report.json", "--dry-run"], in: folder)
        #expect(wrong.status == 65)
    }

    @Test func inputsAreNeverOverwritten() throws {
        let folder = try workspace()
        let into = try runCLI(["import", "--from", "sheet", "held.csv", "--into", "report.json", "--out", "report.json"], in: folder)
        #expect(into.status == 64)
        #expect(into.standardError.contains("--out names the input report.json"))
        let merge = try runCLI(["merge", "report.json", "held.json", "--out", "report.json"], in: folder)
        #expect(merge.status == 64)
        #expect(merge.standardError.contains("--out names the dataset being merged"))
    }

    @Test func aMergeConflictNamesBothPlacesAndWritesNothing() throws {
        let folder = try workspace()
        let text = try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"name\": \"Hun Sen\"", with: "\"name\": \"Hun Manet\"").utf8)
            .write(to: folder.appendingPathComponent("other.json"))
        let run = try runCLI(["merge", "report.json", "other.json", "--out", "merged.json"], in: folder)
        #expect(run.status == 65)
        #expect(!exists(folder, "merged.json"))
        #expect(run.standardError.contains("1 conflict to decide; nothing was merged"))
        #expect(run.standardError.contains("the node 'person/hun-sen' has the name 'Hun Sen' in one and 'Hun Manet' in the other: report.json: $.nodes[28].name and other.json: $.nodes[28].name"))
    }
}
