import Foundation
import Testing

/// `--place` and declared kinds as a user runs them, on the places fixture of PartyGraphTests.
@Suite("partygraph --place and declared kinds (the built binary)")
struct PlacesCLITests {
    let dataset = datasetFixture("places/places-and-vocabulary.json")

    func meetingIDs(_ arguments: [String]) throws -> [String] {
        let run = try runCLI(["meetings", "--dataset", dataset, "--format", "csv"] + arguments)
        #expect(run.status == 0, "\(run.standardError)")
        let rows = run.standardOutput.split(separator: "\r\n").dropFirst()
        var seen: [String] = []
        for row in rows {
            let id = String(row.split(separator: ",")[0])
            if !seen.contains(id) { seen.append(id) }
        }
        return seen
    }

    @Test func placeOnEveryQueryCommandUsesTheSameRule() throws {
        #expect(try meetingIDs(["--place", "Viet Nam"]) == ["meeting/courtesy-call-palace", "meeting/talks-saigon"])
        #expect(try meetingIDs(["--place", "saigon", "--kind", "courtesy-call"]) == ["meeting/courtesy-call-palace"])
        let whoMet = try runCLI(["who-met", "Bopha Chea", "--dataset", dataset, "--place", "Independence Palace", "--format", "csv"])
        #expect(whoMet.status == 0)
        #expect(whoMet.standardOutput.split(separator: "\r\n").count == 2)
        #expect(whoMet.standardOutput.contains("courtesy-call,place/independence-palace"))
        let matrix = try runCLI(["matrix", "--dataset", dataset, "--level", "person", "--place", "Cambodia", "--format", "json"])
        #expect(matrix.standardOutput.contains("meeting/long-call-phnom-penh") && !matrix.standardOutput.contains("meeting/talks-saigon"))
        let centrality = try runCLI(["centrality", "--dataset", dataset, "--measure", "degree", "--place", "Cambodia", "--format", "csv"])
        #expect(centrality.status == 0)
        #expect(!centrality.standardOutput.contains("person/bopha"), "Bopha meets no one in Cambodia")
    }

    @Test func tablesShowTheLabelsOfDeclaredTerms() throws {
        let run = try runCLI(["meetings", "--dataset", dataset, "--kind", "meeting"])
        #expect(run.standardOutput.contains("[Courtesy call (meeting), held, Independence Palace]"))
        #expect(run.standardOutput.contains("Note-taker"))
        #expect(!run.standardOutput.contains("Audience in Hà Nội"))
    }

    @Test(arguments: [
        (["meetings", "--kind", "courtesy-cal"], "did you mean 'courtesy-call'? use one of:"),
        (["meetings", "--place", "Anh"], "--place Nguyễn Văn Anh (person/anh) is a person, not a place or country"),
        (["render", "all", "--place", "Anh", "--out", "/tmp/never.svg"], "is a person, not a place or country"),
    ])
    func badKindOrPlaceIsAUsageError(arguments: [String], message: String) throws {
        let run = try runCLI(arguments + ["--dataset", dataset])
        #expect(run.status == 64)
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }

    @Test func renderAndExportKeepOnlyTheMeetingsOfThePlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("places-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = folder.appendingPathComponent("all.dot").path
        let render = try runCLI(["render", "all", "--dataset", dataset, "--place", "Phnom Penh", "--format", "dot", "--out", dot])
        #expect(render.status == 0, "\(render.standardError)")
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(text.contains("held in Phnom Penh") && text.contains("10 Feb 2025 · Phnom Penh, Cambodia"))
        #expect(!text.contains("Meeting in Saigon"))
        let json = folder.appendingPathComponent("export.json").path
        let export = try runCLI(["export", "--dataset", dataset, "--format", "json", "--place", "Phnom Penh", "--out", json])
        #expect(export.status == 0, "\(export.standardError)")
        let exported = try String(contentsOfFile: json, encoding: .utf8)
        #expect(exported.contains("meeting/long-call-phnom-penh") && !exported.contains("meeting/talks-saigon"))
    }
}
