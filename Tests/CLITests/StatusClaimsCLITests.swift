import Foundation
import PartyGraphTestSupport
import Testing

/// `--known-at`, contradiction warnings in `validate`, and `partygraph migrate`, as a user runs them.
@Suite("partygraph --known-at, validate warnings, migrate (the built binary)", .serialized)
struct StatusClaimsCLITests {
    let timeline = datasetFixture("claims/timeline.json")

    @Test func knownAtShowsTheStatusAsTheSourcesStood() throws {
        let now = try runCLI(["meetings", "--dataset", timeline])
        #expect(now.standardOutput.contains("[bilateral-summit, held as of 2026-02-07]"))
        #expect(now.standardOutput.contains("status claims: 2026-02-03 announced (r1); 2026-02-07 held (r2, current)"))
        let early = try runCLI(["meetings", "--dataset", timeline, "--known-at", "2026-02-05", "--format", "json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(early.standardOutput.utf8)) as? [String: Any])
        let meetings = try #require(json["meetings"] as? [[String: Any]])
        let meeting = try #require(meetings.first?["meeting"] as? [String: Any])
        #expect(meeting["status"] as? String == "announced")
        #expect((meeting["claims"] as? [Any])?.count == 1)
        #expect(((json["query"] as? [String: Any])?["filter"] as? [String: Any])?["knownAt"] as? String == "2026-02-05")
        let before = try runCLI(["meetings", "--dataset", timeline, "--known-at", "2026-02-01"])
        #expect(before.standardOutput.contains("No meetings found."))
        let bad = try runCLI(["meetings", "--dataset", timeline, "--known-at", "5 Feb"])
        #expect(bad.status == 64)
        #expect(bad.standardError.contains("--known-at"))
    }

    @Test func validateWarnsButStaysValid() throws {
        let run = try runCLI(["validate", datasetFixture("claims/contested.json")])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("valid (7 nodes, 3 relations, 3 warnings)"))
        #expect(run.standardError.contains("contested.json:72:9: warning: $.nodes[5].status_claims[2]: source 'r3' disputes that the meeting is held"))
    }

    @Test func migrateWritesVersion2AndRefusesItsInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = URL(fileURLWithPath: datasetFixture("claims"))
        for name in ["version1.json", "report-2026-02-03.txt", "report-2026-02-07.txt", "report-2026-02-08.txt"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let input = folder.appendingPathComponent("version1.json").path, output = folder.appendingPathComponent("v2.json").path
        let refused = try runCLI(["migrate", input, "--out", input])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--out names the dataset being migrated"))
        let dry = try runCLI(["migrate", input, "--dry-run"])
        #expect(dry.standardOutput.contains("meeting/summit: status became a claim of r2"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let run = try runCLI(["migrate", input, "--out", output])
        #expect(run.status == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("\"version\": 2"))
        #expect(text.contains("\"status_claims\""))
        let before = try runCLI(["who-met", "Ana Alves", "--dataset", input, "--format", "csv"])
        let after = try runCLI(["who-met", "Ana Alves", "--dataset", output, "--format", "csv"])
        #expect(before.standardOutput == after.standardOutput)
        let again = folder.appendingPathComponent("v2-again.json").path
        _ = try runCLI(["migrate", output, "--out", again])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == text)
    }
}
