import Foundation
import Testing
@testable import PartyGraph

/// The ICEWS header, in the published order.
let icewsHeader = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
                   "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
                   "Province", "Country", "Latitude", "Longitude"]

/// An ICEWS file of the given rows (cells by column; a 043 of story 7001 in Phnom Penh unless given).
func icewsData(_ rows: [[String: String]], header: [String] = icewsHeader) -> Data {
    let defaults = ["Event ID": "1", "Event Date": "2026-02-06", "Source Name": "Hun Sen", "Event Text": "Host a visit", "CAMEO Code": "043",
                    "Target Name": "Tô Lâm", "Story ID": "7001", "Sentence Number": "1", "Publisher": "Xinhua", "City": "Phnom Penh",
                    "Country": "Cambodia"]
    let lines = [header.joined(separator: "\t")] + rows.map { row in
        header.map { row[$0] ?? defaults[$0] ?? "" }.joined(separator: "\t")
    }
    return Data((lines.joined(separator: "\n") + "\n").utf8)
}

@Suite struct EventDataTests {
    @Test func icewsMeetingsOfOneDayPlaceAndStoryAreOneMeetingWithHostAndGuestFromTheCode() throws {
        let result = try EventData.read(path: fixturePath("events/icews-meetings.tsv"), layout: .icews)
        let dataset = result.dataset
        let meetings = dataset.entities.filter { $0.kind == .meeting }
        #expect(meetings.count == 2)
        // Three rows of story 5001 (043, 040, 042) on 2026-02-06 in Phnom Penh: one meeting of three.
        let summit = try #require(meetings.first)
        #expect(summit.name == "Meeting of Hun Sen, Tô Lâm and Sonexay Siphandone in Phnom Penh")
        #expect(summit.meeting?.status == .held && summit.meeting?.date.start?.description == "2026-02-06")
        let roles = Dictionary(uniqueKeysWithValues: dataset.relationships(to: summit.id).filter { $0.relation == .participantIn }.map { ($0.from.rawValue, $0.role) })
        // 043: the source hosts the target; 042: the source visits the target, which hosts; 040: no host.
        #expect(roles == ["person/hun-sen": .host, "person/to-lam": .guest, "person/sonexay-siphandone": .attendee])
        // 046 alone: talks; the actors' kinds inferred from the names and sectors.
        let talks = try #require(meetings.last)
        #expect(talks.meeting?.kind == .talks)
        #expect(dataset.entity("organ/government-vietnam")?.kind == .organ && dataset.entity("party/cambodian-peoples-party")?.kind == .party)
        // Every fact cites its story's source, machine-coded, with the event id in the quote.
        #expect(dataset.sources.map(\.id) == ["icews-story-5001", "icews-story-5002"])
        #expect(dataset.sources.allSatisfy { $0.kind == .machineCoded })
        let host = try #require(dataset.relationships(from: "person/hun-sen").first { $0.relation == .participantIn })
        #expect(host.evidence.map(\.quote) == ["ICEWS event 33000101, sentence 1: Host a visit", "ICEWS event 33000102, sentence 2: Consult",
                                               "ICEWS event 33000103, sentence 3: Make a visit"])
        #expect(host.evidence.allSatisfy { $0.source == "icews-story-5001" })
        #expect(summit.meeting?.claims.map(\.source) == ["icews-story-5001"])
        // The other codes are counted, not silently dropped.
        #expect(result.meetingRows == 4)
        #expect(result.skipped == [EventImport.Skip(code: "010", reason: "not a meeting code", rows: 2),
                                   EventImport.Skip(code: "190", reason: "not a meeting code", rows: 1)])
    }

    @Test func polecatConsultModesGiveTheHostAndACallIsCountedNotMet() throws {
        let result = try EventData.read(path: fixturePath("events/polecat-meetings.tsv"), layout: .polecat)
        let dataset = result.dataset
        let meeting = try #require(dataset.entities.first { $0.kind == .meeting })
        let roles = Dictionary(uniqueKeysWithValues: dataset.relationships(to: meeting.id).filter { $0.relation == .participantIn }.map { ($0.from.rawValue, $0.role) })
        #expect(roles == ["person/hun-sen": .host, "person/to-lam": .guest, "person/sonexay-siphandone": .attendee])
        #expect(dataset.sources.map(\.id) == ["polecat-vietnam-news-agency-2026-02-06"])
        #expect(dataset.sources.first?.kind == .machineCoded && dataset.sources.first?.publisher == "Vietnam News Agency")
        #expect(dataset.entity("person/hun-manet") == nil)
        #expect(result.skipped.map(\.code) == ["ACCUSE", "CONSULT phone"])
        #expect(dataset.relationships(from: "person/to-lam").first?.evidence.first?.quote == "POLECAT event 20260206-0001: CONSULT host")
    }

    @Test func actorsResolveAgainstTheDatasetAddedTo() throws {
        let data = icewsData([["Source Name": "Samdech Hun Sen", "Target Name": "To Lam"]])
        let result = try EventData.read(data: data, file: "e.tsv", layout: .icews, into: bundledDataset, intoPath: bundledDatasetPath)
        let matched = result.items.filter { $0.action == .matched }.map(\.id)
        #expect(matched.contains("person/hun-sen") && matched.contains("person/to-lam"))
        #expect(!result.items.contains { $0.action == .created && ($0.what == "person") })
        #expect(result.dataset.sources.map(\.id) == bundledDataset.sources.map(\.id) + ["icews-story-7001"])
    }

    @Test func anAmbiguousActorIsAnErrorNamingTheCandidatesAndTheColumn() throws {
        let base = try Dataset(title: "two of a name", sources: [], entities: [
            Entity(id: "person/kim-a", kind: .person, name: "Kim"), Entity(id: "person/kim-b", kind: .person, name: "Kim"),
        ], relationships: [])
        let issues = sheetIssues { _ = try EventData.read(data: icewsData([["Target Name": "Kim"]]), file: "e.tsv", layout: .icews, into: base) }
        #expect(issues.count == 1)
        #expect(issues.first?.path == "row 2, column \"Target Name\"")
        #expect(issues.first?.message.contains("person/kim-a (Kim), person/kim-b (Kim)") == true)
    }

    @Test(arguments: [
        (["Event Date": "06/02/2026"], "row 2, column \"Event Date\"", "is not a day", "write the day as YYYY-MM-DD"),
        (["CAMEO Code": "visit"], "row 2, column \"CAMEO Code\"", "'visit' is not a CAMEO code", "write the code's digits"),
        (["Source Name": ""], "row 2, column \"Source Name\"", "the Source Name is empty", "give the actor's name"),
        (["Story ID": ""], "row 2, column \"Story ID\"", "the Story ID is empty", "give the story's id"),
    ])
    func aBrokenRowIsOneLocatedErrorWithItsFix(cells: [String: String], path: String, message: String, fix: String) {
        let data = icewsData([["Event ID": "9"], cells])
        let issues = sheetIssues { _ = try EventData.read(data: data, file: "e.tsv", layout: .icews) }
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.file == "e.tsv" && issues.first?.line == 3)
        #expect(issues.first?.path == path.replacingOccurrences(of: "row 2", with: "row 3"))
        #expect(issues.first?.message.contains(message) == true, "\(issues.first?.message ?? "")")
        #expect(issues.first?.fix?.hasPrefix(fix) == true, "\(issues.first?.fix ?? "")")
    }

    @Test func anUnknownPloverTypeSuggestsTheNearest() throws {
        let text = try String(contentsOfFile: fixturePath("events/polecat-meetings.tsv"), encoding: .utf8).replacingOccurrences(of: "\tACCUSE\t", with: "\tACUSE\t")
        let issues = sheetIssues { _ = try EventData.read(data: Data(text.utf8), file: "p.tsv", layout: .polecat) }
        #expect(issues.count == 1 && issues.first?.path == "row 5, column \"Event Type\"")
        #expect(issues.first?.fix?.hasPrefix("did you mean 'ACCUSE'?") == true)
    }

    @Test func aMissingColumnIsOneErrorNamingIt() {
        let header = icewsHeader.filter { $0 != "CAMEO Code" }
        let issues = sheetIssues { _ = try EventData.read(data: icewsData([[:]], header: header), file: "e.tsv", layout: .icews) }
        #expect(issues.count == 1)
        #expect(issues.first?.file == "e.tsv" && issues.first?.path == "row 1")
        #expect(issues.first?.message == "the required ICEWS column \"CAMEO Code\" is missing")
    }

    @Test func unknownColumnsAreIgnoredAndCodesWithoutTheLeadingZeroRead() throws {
        let result = try EventData.read(data: icewsData([["CAMEO Code": "43", "Extra": "x"]], header: icewsHeader + ["Extra"]), file: "e.tsv", layout: .icews)
        #expect(result.meetingRows == 1 && result.dataset.entities.contains { $0.kind == .meeting })
    }

    @Test func onlySkippedRowsIsAnErrorThatCountsThem() {
        let issues = sheetIssues { _ = try EventData.read(data: icewsData([["CAMEO Code": "190"], ["CAMEO Code": "190"]]), file: "e.tsv", layout: .icews) }
        #expect(issues.first?.message == "none of the 2 rows is a meeting (190: 2)")
    }

    @Test func theSourceKindRoundTripsAndNeedsFormatVersion2() throws {
        let dataset = try EventData.read(path: fixturePath("events/icews-meetings.tsv"), layout: .icews).dataset
        let text = DatasetWriter.text(of: dataset)
        #expect(text.contains("\"kind\": \"machine-coded\""))
        let reloaded = try DatasetLoader.decode(data: Data(text.utf8), file: "r.json")
        #expect(reloaded.sources == dataset.sources)
        #expect(DatasetWriter.text(of: reloaded) == text)
        let version1 = text.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1")
        let issues = sheetIssues { _ = try DatasetLoader.decode(data: Data(version1.utf8), file: "v1.json") }
        #expect(issues.contains { $0.message.hasPrefix("\"kind\" is a field of format version 2") })
    }

    @Test func admittingSourceKindsKeepsTheFactsAnAdmittedSourceStates() throws {
        let data = icewsData([["Source Name": "Hun Sen", "Target Name": "To Lam"]])
        let both = try EventData.read(data: data, file: "e.tsv", layout: .icews, into: bundledDataset, intoPath: bundledDatasetPath).dataset
        let reported = both.admitting(sourceKinds: [.reported])
        #expect(reported.entities.filter { $0.kind == .meeting }.map(\.id) == bundledDataset.entities.filter { $0.kind == .meeting }.map(\.id))
        #expect(reported.relationships.count == bundledDataset.relationships.count)
        #expect(!reported.relationships.contains { $0.evidence.contains { $0.source == "icews-story-7001" } })
        let coded = both.admitting(sourceKinds: [.machineCoded])
        #expect(coded.entities.filter { $0.kind == .meeting }.count == 1)
        #expect(coded.relationships.allSatisfy { $0.evidence.allSatisfy { $0.source == "icews-story-7001" } })
        #expect(both.admitting(sourceKinds: []).relationships.count == both.relationships.count)
        #expect(both.admitting(sourceKinds: Set(SourceKind.allCases)).relationships.count == both.relationships.count)
    }
}

@Suite struct MatchingKeyFastPathTests {
    /// The ASCII fast path of `matchingKey` gives what the Unicode rule gives, on every printable ASCII character.
    @Test(arguments: ["Hun Sen", "Government (Vietnam)", "Cambodian People's Party", "  A-b_C 09 ~!@#$%^&*()[]{}|\\;:\",.<>/?`", "ZZ top 1999"])
    func asciiKeysEqualTheUnicodeRule(text: String) {
        #expect(text.matchingKey == text.unicodeMatchingKey)
        let every = String((32...126).map { Character(Unicode.Scalar(UInt8($0))) })
        #expect(every.matchingKey == every.unicodeMatchingKey)
    }
}
