import Foundation
import PartyGraphTestSupport
import Testing

/// `partygraph import --from icews|polecat` and `--source-kind` as a user runs them.
@Suite("import --from icews and polecat, --source-kind (the built binary)", .serialized)
struct EventDataCLITests {
    static let fixtures = checkoutRoot.appendingPathComponent("Tests/PartyGraphTests/Fixtures/events")

    /// A folder with the bundled dataset (`report.json`), its source texts and the event fixtures.
    func workspace() throws -> URL {
        let folder = try BuiltProducts.temporaryFolder("partygraph-events")
        let manager = FileManager.default
        try manager.copyItem(at: checkoutRoot.appendingPathComponent("datasets/indochina-summits-2026.json"), to: folder.appendingPathComponent("report.json"))
        try manager.copyItem(at: checkoutRoot.appendingPathComponent("datasets/sources"), to: folder.appendingPathComponent("sources"))
        for name in ["icews-meetings.tsv", "polecat-meetings.tsv"] {
            try manager.copyItem(at: Self.fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func anIcewsImportIntoADatasetCountsWhatItSkipsAndSourceKindLeavesItOut() throws {
        let folder = try workspace()
        let dry = try runCLI(["import", "--from", "icews", "icews-meetings.tsv", "--into", "report.json", "--out", "events.json", "--dry-run"], in: folder)
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("events.json").path))
        #expect(dry.standardOutput.contains("010   2     not a meeting code"))
        #expect(dry.standardOutput.contains("dry run: nothing written (4 meeting rows, 3 rows skipped;"))
        let run = try runCLI(["import", "--from", "icews", "icews-meetings.tsv", "--into", "report.json", "--out", "events.json"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("wrote events.json ("))
        let all = try runCLI(["who-met", "Sonexay Siphandone", "--dataset", "events.json", "--format", "json"], in: folder)
        #expect(all.status == 0, "\(all.standardError)")
        #expect(all.standardOutput.contains("Meeting of Hun Sen, Tô Lâm and Sonexay Siphandone in Phnom Penh"))
        let reported = try runCLI(["who-met", "Sonexay Siphandone", "--dataset", "events.json", "--format", "json", "--source-kind", "reported"], in: folder)
        #expect(reported.status == 0, "\(reported.standardError)")
        #expect(!reported.standardOutput.contains("Meeting of Hun Sen, Tô Lâm and Sonexay Siphandone"))
        let coded = try runCLI(["meetings", "--dataset", "events.json", "--source-kind", "machine-coded", "--format", "json"], in: folder)
        #expect(coded.status == 0, "\(coded.standardError)")
        #expect(coded.standardOutput.contains("Talks of ") && !coded.standardOutput.contains("meeting/2026-02-cpp-cpv-summit"))
    }

    @Test func aBrokenRowIsReportedAtItsRowAndColumnAndNothingIsWritten() throws {
        let folder = try workspace()
        let path = folder.appendingPathComponent("polecat-meetings.tsv")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "2026-02-06\tCONSULT\thost", with: "6 Feb 2026\tCONSULT\thost")
        try Data(text.utf8).write(to: path)
        let run = try runCLI(["import", "--from", "polecat", "polecat-meetings.tsv", "--out", "events.json"], in: folder)
        #expect(run.status == 65)
        #expect(run.standardError.contains("polecat-meetings.tsv:2"), "\(run.standardError)")
        #expect(run.standardError.contains("row 2, column \"Event Date\""), "\(run.standardError)")
        #expect(run.standardError.contains("YYYY-MM-DD"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("events.json").path))
    }
}
