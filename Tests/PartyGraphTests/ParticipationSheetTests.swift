import Foundation
import Testing
@testable import PartyGraph

/// A sheet of the given rows, its header the documented columns (or `header`), as CSV bytes.
func sheetData(_ rows: [[String: String]], header: [String] = ParticipationSheet.columns.map(\.name), delimiter: String = ",") -> Data {
    var text = CSVText.table(header: header, rows: rows.map { row in header.map { row[$0] ?? "" } }, formulas: .raw)
    if delimiter != "," { text = text.replacingOccurrences(of: ",", with: delimiter) }
    return Data(text.utf8)
}

/// One row of a new source `kt` (Khmer Times, 2026-02-07), with the given cells added.
func sheetRow(_ cells: [String: String]) -> [String: String] {
    var row = ["meeting_start": "2026-02-06", "meeting": "CPP–CPV bilateral summit", "status": "held",
               "source": "kt-2026-02-07", "publisher": "Khmer Times", "source_title": "Summits held", "source_date": "2026-02-07",
               "quote": "the summit was held"]
    for (key, value) in cells { row[key] = value }
    return row
}

func sheetIssues(_ body: () throws -> Void) -> [DatasetIssue] {
    do { try body() } catch let error as PartyGraphError {
        if case .invalidData(_, let issues) = error { return issues }
        Issue.record("unexpected error \(error)")
    } catch { Issue.record("unexpected error \(error)") }
    return []
}

@Suite struct ParticipationSheetTests {
    @Test func namesMatchTheDatasetAddedToIgnoringDiacriticsAndByAliases() throws {
        let data = sheetData([
            sheetRow(["participant": "To Lam", "role": "guest", "capacity": "Communist Party of Vietnam"]),
            sheetRow(["participant": "Samdech Hun Sen", "role": "host", "capacity": "cambodian peoples party", "party": "CPP"]),
        ])
        let result = try ParticipationSheet.read(data: data, file: "s.csv", into: bundledDataset, intoPath: bundledDatasetPath)
        let dataset = result.dataset
        let matched = result.items.filter { $0.action == .matched }.map(\.id)
        #expect(matched.contains("person/to-lam") && matched.contains("person/hun-sen") && matched.contains("party/cpv") && matched.contains("party/cpp"))
        #expect(matched.contains("meeting/2026-02-cpp-cpv-summit"))
        // No node was made for a name the dataset already has.
        #expect(dataset.entities.count == bundledDataset.entities.count)
        let toLam = dataset.relationships(from: "person/to-lam").filter { $0.relation == .participantIn && $0.to == "meeting/2026-02-cpp-cpv-summit" }
        #expect(toLam.count == 1)
        #expect(toLam.first?.capacity == "party/cpv" && toLam.first?.role == .guest)
        #expect(toLam.first?.evidence == [Evidence(source: "kt-2026-02-07", quote: "the summit was held")])
        // The second source's "held" is a claim beside the report's "announced".
        let summit = try #require(dataset.entity("meeting/2026-02-cpp-cpv-summit")?.meeting)
        #expect(summit.claims.map(\.status) == [.announced, .held])
        #expect(summit.status == .held && summit.claims.last?.source == "kt-2026-02-07")
        // party makes a member-of citing the row, attested on the source's date.
        let membership = try #require(dataset.relationships(from: "person/hun-sen").first { $0.relation == .memberOf && $0.to == "party/cpp" })
        #expect(membership.evidence.contains(Evidence(source: "kt-2026-02-07", quote: "the summit was held")))
        // The dataset added to is kept whole, in its order.
        #expect(Array(dataset.entities.prefix(bundledDataset.entities.count)).map(\.id) == bundledDataset.entities.map(\.id))
        #expect(dataset.sources.map(\.id) == bundledDataset.sources.map(\.id) + ["kt-2026-02-07"])
    }

    @Test func newNodesGetStableReadableIds() throws {
        let data = sheetData([
            sheetRow(["participant": "Tô Lâm", "capacity": "Tổng Bí thư", "party": "Đảng Cộng sản Việt Nam"]),
            sheetRow(["participant": "To Lam", "role": "guest"]),
            sheetRow(["participant": "Nguyễn Ω"]),
            sheetRow(["participant": "Nguyễn Ж"]),
            sheetRow(["participant": "Cambodian People’s Party", "participant_kind": "party", "role": "host"]),
        ])
        let first = try ParticipationSheet.read(data: data, file: "s.csv")
        let second = try ParticipationSheet.read(data: data, file: "s.csv")
        let ids = first.dataset.entities.map(\.id.rawValue)
        #expect(ids == ["meeting/2026-02-06-cpp-cpv-bilateral-summit", "person/to-lam", "office/tong-bi-thu", "party/dang-cong-san-viet-nam",
                        "person/nguyen", "person/nguyen-2", "party/cambodian-peoples-party"])
        #expect(second.dataset.entities.map(\.id.rawValue) == ids)
        #expect(DatasetWriter.text(of: first.dataset) == DatasetWriter.text(of: second.dataset))
        // "To Lam" is the same person as "Tô Lâm"; the spelling becomes an alias.
        #expect(first.dataset.entity("person/to-lam")?.aliases == ["To Lam"])
        // Every created node cites the row's source and quote.
        #expect(first.dataset.entities.allSatisfy { $0.evidence.contains(Evidence(source: "kt-2026-02-07", quote: "the summit was held")) })
        // One meeting for rows of the same start and name; its status is the row source's claim.
        let meeting = try #require(first.dataset.meetings.first?.meeting)
        #expect(first.dataset.meetings.count == 1 && meeting.kind == .meeting && meeting.claims.map(\.status) == [.held])
        #expect(first.dataset.relationships.filter { $0.relation == .participantIn }.count == 5)
        let membership = try #require(first.dataset.relationships.first { $0.relation == .memberOf })
        #expect(membership.attestations == [Attestation(date: try PartialDate(parsing: "2026-02-07"), evidence: Evidence(source: "kt-2026-02-07", quote: "the summit was held"))])
    }

    @Test func idsAlreadyTakenGetTheNextSuffix() throws {
        // person/nguyen is taken by a node the name does not match (its key keeps the Ω).
        let base = try Dataset(title: "t", sources: [Source(id: "s", publisher: "p", title: "t", date: try PartialDate(parsing: "2026"))],
                               entities: [Entity(id: "person/nguyen", kind: .person, name: "Nguyễn Ω", evidence: [Evidence(source: "s", quote: "q")])],
                               relationships: [])
        let result = try ParticipationSheet.read(data: sheetData([sheetRow(["participant": "Nguyễn Ж"])]), file: "s.csv", into: base)
        #expect(result.dataset.entity("person/nguyen-2")?.name == "Nguyễn Ж")
        #expect(result.dataset.entity("person/nguyen")?.name == "Nguyễn Ω")
    }

    @Test func anAmbiguousNameIsAnErrorWithRowColumnAndCandidates() throws {
        let source = Source(id: "s", publisher: "p", title: "t", date: try PartialDate(parsing: "2026"))
        let base = try Dataset(title: "t", sources: [source], entities: [
            Entity(id: "person/nguyen-van-a", kind: .person, name: "Nguyễn Văn A", evidence: [Evidence(source: "s", quote: "q")]),
            Entity(id: "person/nguyen-van-a-2", kind: .person, name: "Nguyen Van A", evidence: [Evidence(source: "s", quote: "q")]),
        ], relationships: [])
        let issues = sheetIssues { _ = try ParticipationSheet.read(data: sheetData([sheetRow(["participant": "nguyen van a"])]), file: "s.csv", into: base) }
        #expect(issues.count == 1)
        #expect(issues.first?.path == "row 2, column \"participant\"")
        #expect(issues.first?.line == 2)
        #expect(issues.first?.message.contains("person/nguyen-van-a (Nguyễn Văn A)") == true)
        #expect(issues.first?.message.contains("person/nguyen-van-a-2 (Nguyen Van A)") == true)
    }

    @Test func partOfANameOrAnotherKindIsAnErrorNotANewNode() throws {
        let issues = sheetIssues {
            _ = try ParticipationSheet.read(data: sheetData([
                sheetRow(["participant": "Sisoulith"]),
                sheetRow(["participant": "Hun Sen", "participant_kind": "organ"]),
            ]), file: "s.csv", into: bundledDataset)
        }
        #expect(issues.map(\.path) == ["row 2, column \"participant\"", "row 3, column \"participant\""])
        #expect(issues[0].message.contains("only part of the name of person/thongloun-sisoulith"))
        #expect(issues[1].message.contains("person/hun-sen (Hun Sen), a person, not an organ"))
    }

    @Test func everyBrokenRowIsReportedOncePerCauseAndNothingIsBuilt() throws {
        let data = sheetData([
            sheetRow(["participant": "A", "meeting_start": "2026-02-30"]),
            sheetRow(["participant": "B", "role": "hots"]),
            sheetRow(["participant": "C", "participant_kind": "persn"]),
            sheetRow(["participant": "D", "quote": ""]),
            sheetRow(["participant": "E", "source": "new", "publisher": ""]),
            sheetRow(["participant": "F", "meeting_kind": "talsk"]),
            sheetRow(["participant": "G"]),
        ])
        let issues = sheetIssues { _ = try ParticipationSheet.read(data: data, file: "s.csv") }
        #expect(issues.map(\.path) == ["row 2, column \"meeting_start\"", "row 3, column \"role\"", "row 4, column \"participant_kind\"",
                                       "row 5, column \"quote\"", "row 6, column \"publisher\"", "row 7, column \"meeting_kind\""])
        #expect(issues[0].message.contains("day 30 does not exist"))
        #expect(issues[1].fix?.hasPrefix("did you mean 'host'?") == true)
        #expect(issues[2].fix?.hasPrefix("did you mean 'person'?") == true)
        #expect(issues[5].fix?.contains("did you mean") == true)
        #expect(issues.allSatisfy { $0.file == "s.csv" && $0.line != nil })
    }

    @Test func aBrokenRowThatDescribesItsSourceLeavesTheSourceToLaterRows() throws {
        var later = sheetRow(["participant": "B"])
        later["publisher"] = nil; later["source_title"] = nil; later["source_date"] = nil
        let issues = sheetIssues { _ = try ParticipationSheet.read(data: sheetData([sheetRow(["participant": "A", "role": "gest"]), later]), file: "s.csv") }
        #expect(issues.map(\.path) == ["row 2, column \"role\""])
    }

    @Test func headerProblemsAreReportedAtRowOne() throws {
        let issues = sheetIssues {
            _ = try ParticipationSheet.read(data: sheetData([["meeting": "x"]], header: ["meeting", "participnt", "quote"]), file: "s.csv")
        }
        #expect(issues.contains { $0.path == "row 1, column 2" && $0.fix == "did you mean \"participant\"?" })
        #expect(issues.contains { $0.message == "the required column \"meeting_start\" is missing" })
        #expect(issues.contains { $0.message.contains("neither \"source\" nor \"source_url\"") })
    }

    @Test func rowsOfOneMeetingMustAgree() throws {
        let issues = sheetIssues {
            _ = try ParticipationSheet.read(data: sheetData([
                sheetRow(["participant": "A", "meeting_kind": "talks", "place": "Hanoi"]),
                sheetRow(["participant": "B", "meeting_kind": "audience"]),
                sheetRow(["participant": "C", "place": "Vientiane"]),
                sheetRow(["participant": "D", "publisher": "Another"]),
            ]), file: "s.csv")
        }
        #expect(issues.map(\.path) == ["row 3, column \"meeting_kind\"", "row 4, column \"place\"", "row 5, column \"publisher\""])
    }

    @Test func aQuoteCitingASourceWithTextMustBeVerbatim() throws {
        let row = ["meeting_start": "2026-02-06", "meeting": "CPP–CPV bilateral summit", "status": "announced", "participant": "Hun Sen",
                   "source": "ppp-2026-02-03", "quote": "Hun Sen said nothing of the sort"]
        let issues = sheetIssues { _ = try ParticipationSheet.read(data: sheetData([row]), file: "s.csv", into: bundledDataset, intoPath: bundledDatasetPath) }
        #expect(issues.contains { $0.message.contains("not in the text of source 'ppp-2026-02-03'") })
        var good = row
        good["quote"] = "led by Hun Sen, CPP president"
        let result = try ParticipationSheet.read(data: sheetData([good]), file: "s.csv", into: bundledDataset, intoPath: bundledDatasetPath)
        #expect(result.items.contains { $0.action == .created && $0.what == "participant-in" && $0.id == "person/hun-sen -> meeting/2026-02-cpp-cpv-summit" })
    }

    @Test func aSourceNamedByURLOnlyGetsAnIdFromPublisherAndDate() throws {
        var row = sheetRow(["participant": "A", "source_url": "https://example.org/a"])
        row["source"] = nil
        var again = sheetRow(["participant": "B", "source_url": "https://example.org/a"])
        again["source"] = nil; again["publisher"] = nil; again["source_title"] = nil; again["source_date"] = nil
        let result = try ParticipationSheet.read(data: sheetData([row, again]), file: "s.csv")
        #expect(result.dataset.sources.map(\.id) == ["khmer-times-2026-02-07"])
        #expect(result.dataset.sources.first?.url == "https://example.org/a")
    }

    @Test func tabSeparatedSheets() throws {
        let data = sheetData([sheetRow(["participant": "A"])], delimiter: "\t")
        #expect(ParticipationSheet.delimiter(forPath: "x.TSV") == "\t" && ParticipationSheet.delimiter(forPath: "x.csv") == ",")
        #expect(try ParticipationSheet.read(data: data, file: "s.tsv", delimiter: "\t").dataset.entities.count == 2)
        let asCSV = sheetIssues { _ = try ParticipationSheet.read(data: data, file: "s.tsv", delimiter: ",") }
        #expect(asCSV.contains { $0.message.hasPrefix("unknown column") })
    }

    @Test func theTemplateParsesBack() throws {
        let template = ParticipationSheet.template()
        #expect(template.hasPrefix(ParticipationSheet.columns.map(\.name).joined(separator: ",") + "\r\n"))
        #expect(template.split(separator: "\r\n").count == 3)
        let result = try ParticipationSheet.read(data: Data(template.utf8), file: "template.csv")
        #expect(result.dataset.meetings.count == 1)
        #expect(result.dataset.meetings.first?.meeting?.place == "Phnom Penh, Cambodia")
        let meetingID = try #require(result.dataset.meetings.first?.id)
        #expect(result.dataset.relationships(from: meetingID).filter { $0.relation == .heldAt }.map(\.to) == ["place/phnom-penh"])
        #expect(result.dataset.relationships(from: "place/phnom-penh").map(\.to) == ["country/cambodia"])
        #expect(result.dataset.relationships(from: "place/phnom-penh").first?.evidence.first?.source == "ppp-2026-02-03")
        #expect(result.dataset.relationships.filter { $0.relation == .participantIn }.map(\.role) == [.guest, .host])
        #expect(result.dataset.relationships.filter { $0.relation == .memberOf }.count == 2)
    }

    @Test func formulaNeutralisedCellsAreReadBack() throws {
        let data = sheetData([sheetRow(["participant": "'=Hun Sen"])])
        let result = try ParticipationSheet.read(data: data, file: "s.csv")
        #expect(result.dataset.entities.contains { $0.kind == .person && $0.name == "=Hun Sen" })
    }

    /// Broken sheets of every kind: the reader reports or reads, never crashes.
    @Test func noSheetCrashesTheReader() throws {
        let good = String(decoding: sheetData([sheetRow(["participant": "Tô Lâm", "party": "CPV", "capacity": "General Secretary", "role": "guest"]),
                                               sheetRow(["participant": "Hun Sen", "meeting_end": "2026-02-07"])]), as: UTF8.self)
        var generator = SplitMix(seed: 11)
        let alphabet: [String] = [",", "\"", "\r\n", "\n", "\t", "'", "=", "x", "2026-13-01", "", "é", "\u{0}", "meeting", "host", " "]
        for _ in 0..<400 {
            var characters = Array(good)
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                guard !characters.isEmpty else { break }
                let position = Int(generator.next() % UInt64(characters.count))
                switch generator.next() % 3 {
                case 0: characters.remove(at: position)
                case 1: characters.insert(contentsOf: alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                default: characters[position] = Character(alphabet[Int(generator.next() % UInt64(alphabet.count))].first.map(String.init) ?? "y")
                }
            }
            let issues = sheetIssues {
                _ = try ParticipationSheet.read(data: Data(String(characters).utf8), file: "fuzz.csv", into: bundledDataset)
            }
            #expect(issues.allSatisfy { $0.file == "fuzz.csv" })
        }
        // Random bytes too.
        for length in [0, 1, 3, 50, 500] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = try? ParticipationSheet.read(data: Data(bytes), file: "bytes.csv")
        }
    }
}

/// A small deterministic generator for the fuzz tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A sheet added to a dataset that declares its own meeting kinds and roles (format 2 `vocabulary`).
@Suite struct ParticipationSheetVocabularyTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/places/places-and-vocabulary.json").path

    @Test func aSheetMayNameTheDeclaredMeetingKindsAndRoles() throws {
        let base = try DatasetLoader.load(path: Self.path)
        let data = sheetData([sheetRow(["meeting_kind": "working-breakfast", "participant": "Nguyễn Văn Anh", "role": "note-taker"]),
                              sheetRow(["meeting_kind": "working-breakfast", "participant": "Bopha Chea", "role": "host"])])
        let dataset = try ParticipationSheet.read(data: data, file: "s.csv", into: base, intoPath: Self.path).dataset
        let meeting = try #require(dataset.entities.first { $0.name == "CPP–CPV bilateral summit" })
        #expect(meeting.meeting?.kind == .meeting && meeting.meeting?.refinedKind == "working-breakfast")
        let participations = dataset.relationships.filter { $0.to == meeting.id }
        #expect(participations.map(\.role) == [.attendee, .host])
        #expect(participations.map { $0.refinedRole.flatMap(dataset.vocabulary.role)?.id } == ["note-taker", nil])
    }

    @Test func anUnknownTermNamesRowColumnTheAcceptedTermsAndTheClosest() throws {
        let base = try DatasetLoader.load(path: Self.path)
        let data = sheetData([sheetRow(["meeting_kind": "working-brekfast", "participant": "Nguyễn Văn Anh"]),
                              sheetRow(["participant": "Bopha Chea", "role": "notetaker"])])
        let issues = sheetIssues { _ = try ParticipationSheet.read(data: data, file: "s.csv", into: base, intoPath: Self.path) }
        #expect(issues.map(\.path) == ["row 2, column \"meeting_kind\"", "row 3, column \"role\""])
        #expect(issues.first?.fix?.hasPrefix("did you mean 'working-breakfast'? allowed: bilateral-summit,") == true)
        #expect(issues.first?.fix?.hasSuffix("; declared by the dataset added to: courtesy-call, extended-courtesy-call, working-breakfast") == true)
        #expect(issues.last?.fix?.hasPrefix("did you mean 'note-taker'?") == true && issues.last?.fix?.contains("interpreter") == true)
    }

    @Test func withoutADatasetADeclaredTermIsUnknown() throws {
        let issues = sheetIssues { _ = try ParticipationSheet.read(data: sheetData([sheetRow(["participant": "A", "role": "note-taker"])]), file: "s.csv") }
        #expect(issues.map(\.path) == ["row 2, column \"role\""])
        #expect(issues.first?.fix?.contains("declared") == false)
    }
}
