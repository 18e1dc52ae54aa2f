import Foundation
import Testing

/// `validate`, `info` and `show` run as a user runs them: the built binary, its output and exit code.
@Suite struct FoundationCLITests {
    @Test func validateAcceptsTheBundledDataset() throws {
        let result = try runCLI(["validate"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("valid (38 nodes, 62 relations)"))
    }

    @Test(arguments: ["malformed-json", "unknown-kind", "duplicate-id", "dangling-reference", "impossible-date", "missing-evidence", "binary-junk"])
    func validateRejectsBadFilesWithExit65AndALocatedMessage(name: String) throws {
        let file = datasetFixture("invalid/\(name).json")
        let result = try runCLI(["validate", file])
        #expect(result.status == 65)
        let located = try Regex(#":\d+:\d+: error: \$"#)
        #expect(result.standardError.contains(file))
        #expect(result.standardError.contains(located), "\(result.standardError)")
    }

    @Test func validateReportsEachFileAndJSONListsProblems() throws {
        let good = datasetFixture("valid/minimal.json"), bad = datasetFixture("invalid/unknown-field.json")
        let result = try runCLI(["validate", good, bad, "--format", "json"])
        #expect(result.status == 65)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["valid"] as? Bool == true)
        let problems = try #require(results[1]["problems"] as? [[String: Any]])
        #expect(problems.first?["path"] as? String == "$.nodes[0].colour")
        #expect(problems.first?["line"] as? Int == 27)
    }

    @Test func showPrintsOfficesAndMeetingsWithSources() throws {
        let toLam = try runCLI(["show", "to lam"])
        #expect(toLam.status == 0, "\(toLam.standardError)")
        for expected in ["Tô Lâm", "CPV General Secretary", "State visit of Tô Lâm to Cambodia", "CPP–CPV bilateral summit",
                         "CPP–CPV–LPRP trilateral summit", "ppp-2026-02-03", "The Phnom Penh Post"] {
            #expect(toLam.standardOutput.contains(expected), "missing \(expected)")
        }
        let thongloun = try runCLI(["show", "thongloun", "--quotes"])
        #expect(thongloun.status == 0)
        for expected in ["General Secretary of the LPRP Central Committee", "President of the Lao People’s Democratic Republic",
                         "CPP–LPRP bilateral summit", "State visit of Thongloun Sisoulith to Cambodia", "the official state visit by Thongloun Sisoulith"] {
            #expect(thongloun.standardOutput.contains(expected), "missing \(expected)")
        }
    }

    @Test func showAsJSONCarriesEvidence() throws {
        let result = try runCLI(["show", "hun sen", "--format", "json"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(report["id"] as? String == "person/hun-sen")
        let facts = try #require(report["facts"] as? [[String: Any]])
        #expect(facts.contains { $0["otherID"] as? String == "office/cpp-president" })
        #expect(facts.allSatisfy { ($0["evidence"] as? [Any])?.isEmpty == false })
    }

    @Test func unknownAndAmbiguousNamesExit64WithCandidates() throws {
        let unknown = try runCLI(["show", "Tonglon"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("did you mean"))
        let ambiguous = try runCLI(["show", "politburo"])
        #expect(ambiguous.status == 64)
        #expect(ambiguous.standardError.contains("organ/cpv-politburo"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try runCLI(["info", "--format", "csv"]).status == 64)
        #expect(try runCLI(["info", "--format", "xml"]).status == 64)
        #expect(try runCLI(["no-such-command"]).status == 64)
    }

    @Test func infoCountsKindsRelationsAndSources() throws {
        let result = try runCLI(["info", "--format", "json"])
        #expect(result.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect((summary["nodesByKind"] as? [String: Int])?["meeting"] == 6)
        #expect((summary["relationsByType"] as? [String: Int])?["participant-in"] == 18)
        #expect(summary["firstDate"] as? String == "2026-02-06")
        #expect(summary["lastDate"] as? String == "2026-02-07")
    }

    @Test func theBundledDatasetIsFoundFromAnyDirectoryOrTheEnvironment() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let fromTemp = try runCLI(["info"], in: elsewhere)
        #expect(fromTemp.status == 0, "\(fromTemp.standardError)")
        let overridden = try runCLI(["info", "--format", "json"], in: elsewhere, environment: ["PARTYGRAPH_DATASET": datasetFixture("valid/minimal.json")])
        #expect(overridden.standardOutput.contains("\"nodes\" : 4"))
        let missing = try runCLI(["info"], environment: ["PARTYGRAPH_DATASET": "/nonexistent/dataset.json"])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("/nonexistent/dataset.json"))
    }

    @Test func helpListsTheCommands() throws {
        let result = try runCLI(["--help"])
        #expect(result.status == 0)
        for command in ["validate", "info", "show"] { #expect(result.standardOutput.contains(command)) }
    }
}
