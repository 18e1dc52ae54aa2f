import Foundation
import Testing

/// `partygraph timeline` and `partygraph centrality --by`, run as a user runs them, on the multi-year fixture
/// (answers worked out in Tests/PartyGraphTests/TimelineTests.swift).
@Suite struct TimelineCLITests {
    static let fixture = datasetFixture("valid/timeline-multi-year.json")

    static func rows(_ text: String) -> [[String]] {
        text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
    }

    @Test func tableShowsPeriodsGapDirectionAndReciprocity() throws {
        let run = try runCLI(["timeline", "CPP", "--dataset", Self.fixture])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Timeline of Cambodian People’s Party — party level, by year, announced or held meetings")
        #expect(lines.contains("  hosted 4, visited 3, reciprocity 0.75"))
        #expect(lines.contains { $0.hasPrefix("  longest gap: at least 407 days, from 2021-11-20 CPV–CPP talks") })
        #expect(lines.contains { $0.split(separator: " ", omittingEmptySubsequences: true) == ["2022", "0", "0", "0", "0"] })
        #expect(lines.contains { $0.hasPrefix("Mongolian People’s Party") && $0.contains(" n/a ") })
        #expect(lines.contains { $0.hasPrefix("Lao People’s Revolutionary Party") && $0.contains("0.50") && $0.hasSuffix("263") })
    }

    @Test func csvIsLongFormWithZeros() throws {
        let run = try runCLI(["timeline", "CPP", "--with", "CPV", "--dataset", Self.fixture, "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = Self.rows(run.standardOutput)
        #expect(rows[0] == ["period", "period_unit", "actor_id", "actor", "counterpart_id", "counterpart", "meetings", "hosted", "visited", "announced"])
        // Per year: the all-counterparts row, then the pair; 2022 is zero.
        #expect(rows.count == 1 + 6 * 2)
        let pair = rows.dropFirst().filter { $0[4] == "party/cpv" }.map { [$0[0]] + Array($0[6...9]) }
        #expect(pair == [["2021", "2", "1", "1", "0"], ["2022", "0", "0", "0", "0"], ["2023", "1", "0", "0", "0"],
                         ["2024", "0", "0", "0", "0"], ["2025", "1", "1", "0", "0"], ["2026", "1", "0", "1", "1"]])
    }

    @Test func monthlyCsvListsTheYearOnlyMeetingUnderItsYear() throws {
        let run = try runCLI(["timeline", "CPP", "--by", "month", "--from", "2023-04", "--to", "2023-06", "--dataset", Self.fixture, "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let totals = Self.rows(run.standardOutput).dropFirst().filter { $0[4].isEmpty }.map { [$0[0], $0[1], $0[6]] }
        #expect(totals == [["2023-04", "month", "0"], ["2023-05", "month", "1"], ["2023-06", "month", "0"], ["2023", "year", "1"]])
    }

    @Test func jsonWritesReciprocityNullForNoVisits() throws {
        let run = try runCLI(["timeline", "CPP", "--with", "MPP", "--dataset", Self.fixture, "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let total = try #require(root["total"] as? [String: Any])
        #expect(total["meetings"] as? Int == 1)
        #expect(total["reciprocity"] is NSNull)
        #expect((root["periods"] as? [Any])?.count == 1)
    }

    @Test func trajectoryCsvMatchesSeparateRunsPerYear() throws {
        let by = try runCLI(["centrality", "--measure", "pagerank", "--projection", "parties", "--by", "year", "--dataset", Self.fixture, "--format", "csv"])
        #expect(by.status == 0, "\(by.standardError)")
        let rows = Self.rows(by.standardOutput)
        #expect(rows[0] == ["period", "from", "to", "rank", "id", "name", "kind", "holder_not_named", "pagerank", "inferred"])
        for year in ["2021", "2023", "2024", "2025", "2026"] {
            let single = try runCLI(["centrality", "--measure", "pagerank", "--projection", "parties", "--from", year, "--to", year,
                                     "--dataset", Self.fixture, "--format", "csv"])
            #expect(single.status == 0, "\(single.standardError)")
            let expected = Self.rows(single.standardOutput).dropFirst().map { [$0[0], $0[1], $0[5]] }
            let slice = rows.dropFirst().filter { $0[0] == year }.map { [$0[3], $0[4], $0[8]] }
            #expect(slice == Array(expected), "\(year)")
        }
        #expect(!rows.contains { $0[0] == "2022" })
        #expect(rows.dropFirst().filter { $0[9] == "true" }.map { $0[0] } == ["2025", "2025"])
    }

    @Test func slidingWindowAndItsErrors() throws {
        let run = try runCLI(["centrality", "--measure", "degree", "--projection", "parties", "--by", "year", "--window", "2y",
                              "--dataset", Self.fixture, "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(root["window"] as? String == "2y" && root["unit"] as? String == "year")
        let slices = try #require(root["slices"] as? [[String: Any]])
        #expect(slices.map { $0["period"] as? String } == ["2021", "2022", "2023", "2024", "2025", "2026"])
        #expect(slices[3]["from"] as? String == "2023" && slices[3]["to"] as? String == "2024")
        let short = try runCLI(["centrality", "--measure", "degree", "--by", "year", "--window", "6m", "--dataset", Self.fixture])
        #expect(short.status == 64)
        #expect(short.standardError.contains("--window 6m is shorter than one year (--by year); give --window 1y or longer"))
        let noBy = try runCLI(["centrality", "--measure", "degree", "--window", "2y", "--dataset", Self.fixture])
        #expect(noBy.status == 64 && noBy.standardError.contains("give --by year, quarter or month"))
        let bad = try runCLI(["centrality", "--measure", "degree", "--by", "year", "--window", "2w", "--dataset", Self.fixture])
        #expect(bad.status == 64 && bad.standardError.contains("2y (years), 3q (quarters) or 18m (months)"))
    }
}
