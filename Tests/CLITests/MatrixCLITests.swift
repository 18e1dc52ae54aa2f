import Foundation
import Testing

/// `partygraph matrix` in long form: with --long, and by itself above the actors that fit a screen.
@Suite("partygraph matrix long form (the built binary)")
struct MatrixCLITests {
    @Test func longCSVListsEachPairWithItsMeetings() throws {
        let run = try runCLI(["matrix", "--level", "party", "--format", "csv", "--long"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == """
            first,first_id,second,second_id,meetings,meeting_ids\r
            Cambodian People’s Party,party/cpp,Communist Party of Việt Nam,party/cpv,2,meeting/2026-02-cpp-cpv-summit meeting/2026-02-trilateral-summit\r
            Cambodian People’s Party,party/cpp,Lao People’s Revolutionary Party,party/lprp,2,meeting/2026-02-cpp-lprp-summit meeting/2026-02-trilateral-summit\r
            Communist Party of Việt Nam,party/cpv,Lao People’s Revolutionary Party,party/lprp,1,meeting/2026-02-trilateral-summit\r\n
            """)
    }

    @Test func longJSONHasNoGridButTheMeetingCounts() throws {
        let run = try runCLI(["matrix", "--level", "party", "--format", "json", "--long"])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["counts"] == nil)
        #expect(object["meetingCounts"] as? [Int] == [4, 3, 3])
        #expect((object["pairs"] as? [Any])?.count == 3)
    }

    @Test func aLevelLargerThanAScreenIsListedInLongForm() throws {
        // 120 persons in the generated fixture: more than a grid that fits on a screen.
        let dataset = datasetFixture("generated/small-scale.json")
        let csv = try runCLI(["matrix", "--level", "person", "--format", "csv", "--dataset", dataset])
        #expect(csv.status == 0, "\(csv.standardError)")
        let lines = csv.standardOutput.split(separator: "\r\n")
        #expect(lines.first == "first,first_id,second,second_id,meetings,meeting_ids")
        #expect(lines.count > 41)
        let table = try runCLI(["matrix", "--level", "person", "--dataset", dataset])
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("more actors than fit a grid; pairs in long form"))
        #expect(!table.standardOutput.contains("#  actor"))
        let grid = try runCLI(["matrix", "--level", "party", "--dataset", dataset, "--format", "csv"])
        #expect(grid.standardOutput.hasPrefix("actor,"))
    }
}

/// Every command that cannot write its output exits 73, the one documented code for it.
@Suite("partygraph: an output that cannot be written exits 73")
struct UnwritableOutputCLITests {
    @Test(arguments: [
        ["export", "--format", "graphml", "--out", "/dev/null"],
        ["export", "--format", "csv", "--out", "/dev/null"],
        ["render", "trilateral", "--out", "/dev/null"],
    ])
    func exits73(arguments: [String]) throws {
        let run = try runCLI(arguments)
        #expect(run.status == 73, "\(run.standardError)")
        #expect(run.standardError.contains("/dev/null"))
    }
}

/// No command overwrites the dataset it reads.
@Suite("partygraph: --out never names the input")
struct OutputOverInputCLITests {
    @Test func renderRefusesToDrawOverItsDataset() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-over-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = folder.appendingPathComponent("d.json").path
        try FileManager.default.copyItem(atPath: datasetFixture("valid/minimal.json"), toPath: dataset)
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let run = try runCLI(["render", "all", "--format", "json", "--dataset", dataset, "--out", dataset])
        #expect(run.status == 64)
        #expect(run.standardError.contains("--out names the dataset being drawn"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }
}
