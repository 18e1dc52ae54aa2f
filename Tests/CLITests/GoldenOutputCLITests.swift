import Foundation
import PartyGraphTestSupport
import Testing

/// The JSON (and a few CSV and text tables) the CLI prints, byte for byte, for a representative set of commands on the
/// bundled dataset.
///
/// Research scripts parse this JSON, so any change to it must be deliberate. Each case is one command line; its
/// standard output is compared with `Fixtures/golden/<name>`. To re-record after an intended change, run the
/// tests with `PARTYGRAPH_RECORD_GOLDEN=1` and review the diff of the golden files.
@Suite("CLI output golden files", .serialized)
struct GoldenOutputCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var status: Int32 = 0
        var testDescription: String { name }
    }

    static let invalidFixture = "Tests/PartyGraphTests/Fixtures/invalid/"

    static let cases: [Case] = [
        Case(name: "info.json", arguments: ["info", "--format", "json"]),
        Case(name: "import-template-sheet.csv", arguments: ["import", "--template", "sheet"]),
        Case(name: "import-sheet-dry-run.json", arguments: [
            "import", "--from", "sheet", "Tests/CLITests/Fixtures/sheets/held-report.csv", "--into", "datasets/indochina-summits-2026.json",
            "--dry-run", "--format", "json"]),
        Case(name: "who-met-hun-sen.json", arguments: ["who-met", "Hun Sen", "--format", "json"]),
        Case(name: "who-met-hun-sen-organ.json", arguments: ["who-met", "Hun Sen", "--level", "organ", "--format", "json"]),
        Case(name: "who-met-hun-sen-party.json", arguments: ["who-met", "Hun Sen", "--level", "party", "--format", "json"]),
        Case(name: "who-met-cpp-country.json", arguments: ["who-met", "CPP", "--level", "country", "--format", "json"]),
        Case(name: "who-met-cpp-person.json", arguments: ["who-met", "CPP", "--level", "person", "--format", "json"]),
        Case(name: "who-met-to-lam-with-hun-sen.json", arguments: ["who-met", "to lam", "--with", "hun sen", "--format", "json"]),
        Case(name: "who-met-window-status.json", arguments: [
            "who-met", "Thongloun Sisoulith", "--from", "2026-02-07", "--at", "2026-02-07",
            "--status", "announced", "--status", "held", "--kind", "trilateral-summit", "--format", "json"]),
        Case(name: "meetings.json", arguments: ["meetings", "--format", "json"]),
        Case(name: "meetings-involving-cpp-cpv.json", arguments: ["meetings", "--involving", "CPP", "--involving", "CPV", "--format", "json"]),
        Case(name: "show-to-lam.json", arguments: ["show", "to lam", "--format", "json"]),
        Case(name: "show-trilateral-summit.json", arguments: ["show", "meeting/2026-02-trilateral-summit", "--format", "json"]),
        Case(name: "show-cpp.json", arguments: ["show", "CPP", "--format", "json"]),
        Case(name: "neighbors-hun-sen.json", arguments: ["neighbors", "Hun Sen", "--format", "json"]),
        Case(name: "neighbors-cpv-people.json", arguments: [
            "neighbors", "CPV", "--depth", "3", "--kind", "person", "--relation", "part-of", "--relation", "leads",
            "--relation", "participant-in", "--format", "json"]),
        Case(name: "path-hun-sen-thongloun.json", arguments: ["path", "Hun Sen", "Thongloun Sisoulith", "--format", "json"]),
        Case(name: "path-none.json", arguments: ["path", "Hun Sen", "Tô Lâm", "--relation", "holds", "--format", "json"]),
        Case(name: "matrix.json", arguments: ["matrix", "--format", "json"]),
        Case(name: "matrix-person.json", arguments: ["matrix", "--level", "person", "--format", "json"]),
        Case(name: "centrality-degree.json", arguments: ["centrality", "--measure", "degree", "--format", "json"]),
        Case(name: "centrality-betweenness.json", arguments: ["centrality", "--measure", "betweenness", "--threads", "1", "--format", "json"]),
        Case(name: "centrality-betweenness-sampled.json", arguments: [
            "centrality", "--measure", "betweenness", "--samples", "3", "--seed", "7", "--endpoints", "--threads", "2",
            "--format", "json"]),
        Case(name: "centrality-closeness-parties.json", arguments: [
            "centrality", "--measure", "closeness", "--projection", "parties", "--threads", "1", "--format", "json"]),
        Case(name: "centrality-harmonic-distance.json", arguments: [
            "centrality", "--measure", "harmonic", "--weights", "distance", "--normalized", "--threads", "1", "--format", "json"]),
        Case(name: "centrality-pagerank-full.json", arguments: ["centrality", "--measure", "pagerank", "--projection", "full", "--format", "json"]),
        Case(name: "centrality-hits-full-directed.json", arguments: [
            "centrality", "--measure", "hits", "--projection", "full", "--directed", "--weights", "none", "--format", "json"]),
        Case(name: "centrality-eigenvector-organs.json", arguments: [
            "centrality", "--measure", "eigenvector", "--projection", "organs", "--top", "5", "--format", "json"]),
        Case(name: "centrality-katz-countries.json", arguments: [
            "centrality", "--measure", "katz", "--projection", "countries", "--no-normalized", "--format", "json"]),
        Case(name: "centrality-edgelist.json", arguments: [
            "centrality", "--measure", "pagerank", "--edgelist", "Tests/PartyGraphTests/Fixtures/centrality/small.edges",
            "--weighted", "--weights", "strength", "--format", "json"]),
        Case(name: "who-met-hun-sen-party.csv", arguments: ["who-met", "Hun Sen", "--level", "party", "--format", "csv"]),
        Case(name: "meetings.csv", arguments: ["meetings", "--format", "csv"]),
        Case(name: "centrality-betweenness.csv", arguments: ["centrality", "--measure", "betweenness", "--threads", "1", "--format", "csv"]),
        Case(name: "info.txt", arguments: ["info"]),
        Case(name: "who-met-hun-sen.txt", arguments: ["who-met", "Hun Sen"]),
        Case(name: "who-met-cpp-country.txt", arguments: ["who-met", "CPP", "--level", "country", "--from", "2026-02-07"]),
        Case(name: "meetings.txt", arguments: ["meetings"]),
        Case(name: "show-to-lam-quotes.txt", arguments: ["show", "to lam", "--quotes"]),
        Case(name: "show-trilateral-summit.txt", arguments: ["show", "meeting/2026-02-trilateral-summit"]),
        Case(name: "neighbors-hun-sen-people.txt", arguments: ["neighbors", "Hun Sen", "--depth", "4", "--kind", "person", "--kind", "office"]),
        Case(name: "path-hun-sen-thongloun.txt", arguments: ["path", "Hun Sen", "Thongloun Sisoulith"]),
        Case(name: "centrality-betweenness.txt", arguments: ["centrality", "--measure", "betweenness", "--threads", "1"]),
        Case(name: "centrality-hits-full.txt", arguments: ["centrality", "--measure", "hits", "--projection", "full", "--top", "8"]),
        Case(name: "validate-dangling-reference.json", arguments: [
            "validate", "--format", "json", invalidFixture + "dangling-reference.json"], status: 65),
        Case(name: "validate-several.json", arguments: [
            "validate", "--format", "json", invalidFixture + "unknown-field.json", invalidFixture + "quote-not-in-source.json",
            invalidFixture + "end-before-start.json"], status: 65),
    ]

    /// Commands that fail: what they print on standard error (and how they exit) is compared with
    /// `Fixtures/golden/errors/<name>`, so the messages stay as helpful when their wording moves between modules.
    static let errorCases: [Case] = [
        Case(name: "unknown-name.txt", arguments: ["who-met", "Hun Senn"], status: 64),
        Case(name: "unknown-node.txt", arguments: ["show", "nobody at all"], status: 64),
        Case(name: "who-met-a-meeting.txt", arguments: ["who-met", "meeting/2026-02-trilateral-summit"], status: 64),
        Case(name: "who-met-with-a-meeting.txt", arguments: ["who-met", "CPP", "--with", "meeting/2026-02-trilateral-summit"], status: 64),
        Case(name: "meetings-involving-a-meeting.txt", arguments: ["meetings", "--involving", "meeting/2026-02-cpp-cpv-summit"], status: 64),
        Case(name: "neighbors-depth-0.txt", arguments: ["neighbors", "CPP", "--depth", "0"], status: 64),
        Case(name: "backward-window.txt", arguments: ["who-met", "CPP", "--from", "2026-03", "--to", "2026-02"], status: 64),
        Case(name: "malformed-date.txt", arguments: ["meetings", "--at", "2026-13"], status: 64),
        Case(name: "centrality-option-not-applying.txt", arguments: ["centrality", "--measure", "degree", "--damping", "0.5"], status: 64),
        Case(name: "centrality-distance-on-spectral.txt", arguments: ["centrality", "--measure", "pagerank", "--weights", "distance"], status: 64),
        Case(name: "centrality-directed-projection.txt", arguments: ["centrality", "--measure", "degree", "--directed"], status: 64),
        Case(name: "centrality-damping-range.txt", arguments: ["centrality", "--measure", "pagerank", "--damping", "2"], status: 64),
        Case(name: "centrality-too-many-samples.txt", arguments: [
            "centrality", "--measure", "betweenness", "--projection", "parties", "--samples", "50"], status: 64),
        Case(name: "centrality-not-converged.txt", arguments: [
            "centrality", "--measure", "eigenvector", "--projection", "full", "--max-iterations", "1", "--tolerance", "1e-15"], status: 64),
        Case(name: "centrality-unweighted-edgelist.txt", arguments: [
            "centrality", "--measure", "degree", "--edgelist", "Tests/PartyGraphTests/Fixtures/centrality/small.edges",
            "--weights", "strength"], status: 64),
        Case(name: "centrality-malformed-edgelist.txt", arguments: [
            "centrality", "--measure", "degree", "--edgelist", "Tests/PartyGraphTests/Fixtures/centrality/malformed.edges"], status: 65),
        Case(name: "render-no-trilateral.txt", arguments: ["render", "trilateral", "--from", "2027"], status: 64),
        Case(name: "render-meeting-not-a-meeting.txt", arguments: ["render", "meeting", "CPP"], status: 64),
        // Cannot write the output: 73, the one code every command uses for it (it was 64 before).
        Case(name: "export-folder-format-to-a-file.txt", arguments: [
            "export", "--format", "csv", "--out", "Tests/PartyGraphTests/Fixtures/centrality/small.edges"], status: 73),
        Case(name: "export-over-the-dataset.txt", arguments: [
            "export", "--format", "json", "--out", "datasets/indochina-summits-2026.json"], status: 64),
        Case(name: "import-two-json-files.txt", arguments: [
            "import", "--from", "json", "--out", "never-written.json", "a.json", "b.json"], status: 64),
    ]

    static let folder = BuiltProducts.checkoutRoot.appendingPathComponent("Tests/CLITests/Fixtures/golden")
    static let errorFolder = folder.appendingPathComponent("errors")

    @Test(arguments: cases)
    func jsonIsByteIdenticalToTheGoldenFile(_ goldenCase: Case) throws {
        let run = try runCLI(goldenCase.arguments)
        #expect(run.status == goldenCase.status, "\(run.standardError)")
        let file = Self.folder.appendingPathComponent(goldenCase.name)
        let output = Data(run.standardOutput.utf8)
        if ProcessInfo.processInfo.environment["PARTYGRAPH_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try output.write(to: file)
            return
        }
        let golden = try Data(contentsOf: file)
        #expect(output == golden, "partygraph \(goldenCase.arguments.joined(separator: " ")) differs from \(file.lastPathComponent)")
        // A golden file that is not what it claims to be would let a broken command pass.
        if goldenCase.name.hasSuffix(".json") { #expect((try? JSONSerialization.jsonObject(with: golden)) != nil) }
        #expect(!golden.isEmpty)
    }

    @Test(arguments: errorCases)
    func errorMessageIsTheGoldenOne(_ goldenCase: Case) throws {
        let run = try runCLI(goldenCase.arguments)
        #expect(run.status == goldenCase.status, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        let file = Self.errorFolder.appendingPathComponent(goldenCase.name)
        if ProcessInfo.processInfo.environment["PARTYGRAPH_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.errorFolder, withIntermediateDirectories: true)
            try Data(run.standardError.utf8).write(to: file)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(run.standardError == golden, "partygraph \(goldenCase.arguments.joined(separator: " ")) says something else")
        #expect(golden.contains("rror"))
    }

    /// Every golden file belongs to a case, so a renamed case cannot leave a stale file that nothing checks.
    @Test func everyGoldenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "errors" }
        #expect(Set(files) == Set(Self.cases.map(\.name)))
        let errorFiles = try FileManager.default.contentsOfDirectory(atPath: Self.errorFolder.path)
        #expect(Set(errorFiles) == Set(Self.errorCases.map(\.name)))
    }
}
