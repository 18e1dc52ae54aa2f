import Foundation
import Testing
@testable import PartyGraph

// The loader's fast paths (two-core section decoding, chunked validation, page release, text shortcuts) must give
// exactly what the plain paths give: the same values for valid files, the same issues, in the same order, with the
// same places, for broken ones. Each fast path is tested against its plain counterpart.

/// A compact synthetic dataset, one element per line, with hooks to break it.
struct SyntheticDocument {
    var nodeCount = 200
    var meetingCount = 40
    var relationCount = 400
    /// Replaces the text of relation `i` (as written, without the separating comma).
    var relationOverride: [Int: String] = [:]
    var nodeOverride: [Int: String] = [:]
    /// Inserted verbatim after the separator following relation `i` (to break the syntax).
    var afterRelation: [Int: String] = [:]
    var quote: (Int) -> String = { "Fact \($0) is reported." }
    var relationsFirst = false
    /// Nodes appended after the generated ones.
    var extraNodes: [String] = []

    func nodeLine(_ index: Int) -> String {
        if let line = nodeOverride[index] { return line }
        if index < meetingCount {
            return #"{"id":"meeting/m\#(index)","kind":"meeting","name":"Meeting \#(index)","meeting_kind":"talks","start":"2026-02-06","status":"held","evidence":[{"source":"s1","quote":"Meeting \#(index) took place."}]}"#
        }
        let name = index % 3 == 0 ? "Nguyễn Văn \(index)" : "Person \(index)"
        return #"{"id":"person/p\#(index)","kind":"person","name":"\#(name)","aliases":["P\#(index)"],"evidence":[{"source":"s1","quote":"\#(quote(index))"}]}"#
    }

    func relationLine(_ index: Int) -> String {
        if let line = relationOverride[index] { return line }
        let person = meetingCount + index % (nodeCount - meetingCount)
        return #"{"relation":"participant-in","from":"person/p\#(person)","to":"meeting/m\#(index % meetingCount)","role":"attendee","evidence":[{"source":"s1","quote":"\#(quote(index))"}]}"#
    }

    var text: String {
        let nodes = "\"nodes\": [\n" + ((0..<nodeCount).map(nodeLine) + extraNodes).joined(separator: ",\n") + "\n]"
        var relations = "\"relations\": [\n"
        for index in 0..<relationCount {
            relations += relationLine(index)
            if index + 1 < relationCount { relations += ",\n" }
            relations += afterRelation[index] ?? ""
        }
        relations += "\n]"
        let sections = relationsFirst ? [relations, nodes] : [nodes, relations]
        return """
        {
        "format": "partygraph-dataset",
        "version": 1,
        "title": "Synthetic",
        "sources": [{"id":"s1","publisher":"Wire","title":"Report","date":"2026-02-03"}],
        \(sections.joined(separator: ",\n"))
        }

        """
    }
}

/// What a decode gives, in a comparable form.
enum DecodeOutcome: Equatable, CustomStringConvertible {
    case dataset(title: String, entities: [Entity], relationships: [Relationship], from: [Int32], to: [Int32])
    case issues([String])

    var description: String {
        switch self {
        case .dataset(_, let entities, let relationships, _, _): return "dataset(\(entities.count) nodes, \(relationships.count) relations)"
        case .issues(let issues): return issues.joined(separator: "\n")
        }
    }

    var issues: [String] { if case .issues(let issues) = self { return issues } else { return [] } }
}

func decodeOutcome(_ text: String, parallelMinimumBytes: Int) -> DecodeOutcome {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer -> DecodeOutcome in
        do throws(PartyGraphError) {
            let dataset = try DatasetLoader.decode(
                bytes: UnsafeBufferPointer(buffer), file: "test.json", sourceDirectory: nil,
                parallelMinimumBytes: parallelMinimumBytes)
            return .dataset(title: dataset.title, entities: dataset.entities, relationships: dataset.relationships,
                            from: dataset.fromIndices, to: dataset.toIndices)
        } catch {
            guard case .invalidData(_, let issues) = error else { return .issues(["\(error)"]) }
            return .issues(issues.map(\.description))
        }
    }
}

struct BrokenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let document: @Sendable () -> SyntheticDocument
    /// Text every run must report (so the test fails if the breakage goes unnoticed).
    let expected: [String]
    var testDescription: String { name }
}

let brokenCases: [BrokenCase] = [
    BrokenCase(name: "valid", document: { SyntheticDocument() }, expected: []),
    BrokenCase(name: "semantic errors in both halves", document: {
        var document = SyntheticDocument()
        document.relationOverride[50] = #"{"relation":"participant-in","from":"person/nobody","to":"meeting/m1","evidence":[{"source":"s1","quote":"x"}]}"#
        document.relationOverride[350] = #"{"relation":"participant-in","from":"person/p41","to":"meeting/m1","colour":"red","evidence":[{"source":"s2","quote":"x"}]}"#
        document.relationOverride[390] = #"{"relation":"holds","from":"person/p41","to":"meeting/m1","start":"2026-02-30","evidence":[{"source":"s1","quote":"x"}]}"#
        document.nodeOverride[150] = #"{"id":"person/p41","kind":"person","name":"Duplicate","evidence":[{"source":"s1","quote":"x"}]}"#
        document.nodeOverride[180] = #"{"id":"person/p180","kind":"persn","name":"Typo","evidence":[]}"#
        return document
    }, expected: ["$.relations[50].from: 'person/nobody' is not the id of any node", "$.relations[350].colour: unknown field \"colour\"",
                  "$.relations[350].evidence[0].source: unknown source 's2'", "$.relations[390].start: invalid date",
                  "$.nodes[150].id: duplicate id 'person/p41'", "$.nodes[180].kind: unknown kind 'persn'"]),
    BrokenCase(name: "syntax error in the second half", document: {
        var document = SyntheticDocument()
        document.relationOverride[380] = #"{"relation":"participant-in" "from":"person/p41","to":"meeting/m1"}"#
        document.relationOverride[60] = #"{"relation":"participant-in","from":"person/ghost","to":"meeting/m1","evidence":[{"source":"s1","quote":"x"}]}"#
        return document
    }, expected: ["test.json:", "$.relations[380]: invalid JSON: expected ',' or '}' after the value of \"relation\""]),
    BrokenCase(name: "syntax error in the first half", document: {
        var document = SyntheticDocument()
        document.relationOverride[20] = #"{"relation":"participant-in","from":"person/p41",}"#
        document.relationOverride[300] = #"{"relation":"participant-in" "from":"person/p41"}"#
        return document
    }, expected: ["$.relations[20]: invalid JSON: trailing comma before '}'"]),
    BrokenCase(name: "broken evidence in the second half", document: {
        var document = SyntheticDocument()
        document.relationOverride[399] = #"{"relation":"participant-in","from":"person/p41","to":"meeting/m1","evidence":[{"source":"s1","quote":"x"},]}"#
        return document
    }, expected: ["$.relations[399].evidence: invalid JSON: trailing comma before ']'"]),
    BrokenCase(name: "trailing comma after the last relation", document: {
        var document = SyntheticDocument()
        document.afterRelation[399] = ","
        return document
    }, expected: ["$.relations: invalid JSON: trailing comma before ']'"]),
    BrokenCase(name: "element separators inside strings after the middle", document: {
        var document = SyntheticDocument()
        document.quote = { #"Said: }, {\"not\": \"an element\"} \#($0)"# }
        return document
    }, expected: []),
    BrokenCase(name: "relations before nodes", document: {
        var document = SyntheticDocument()
        document.relationsFirst = true
        document.relationOverride[250] = #"{"relation":"participant-in","from":"person/p41","to":"meeting/zz","evidence":[{"source":"s1","quote":"x"}]}"#
        return document
    }, expected: ["$.relations[250].to: 'meeting/zz' is not the id of any node"]),
    BrokenCase(name: "an element that is not an object", document: {
        var document = SyntheticDocument()
        document.relationOverride[333] = #""participant-in""#
        document.nodeOverride[120] = "42"
        return document
    }, expected: ["$.relations[333]: each entry of \"relations\" is an object", "$.nodes[120]: each entry of \"nodes\" is an object"]),
]

@Suite("Loader fast paths agree with the plain paths")
struct LoaderPerformancePathTests {
    @Test(arguments: brokenCases)
    func twoCoreDecodingMatchesOneCore(_ broken: BrokenCase) {
        let text = broken.document().text
        let sequential = decodeOutcome(text, parallelMinimumBytes: .max)
        let parallel = decodeOutcome(text, parallelMinimumBytes: 0)
        #expect(parallel == sequential)
        for expected in broken.expected {
            #expect(sequential.issues.contains { $0.contains(expected) }, "missing \(expected) in\n\(sequential)")
        }
        if broken.expected.isEmpty {
            guard case .dataset(_, let entities, let relationships, _, _) = sequential else {
                Issue.record("expected a dataset, got\n\(sequential)")
                return
            }
            #expect(entities.count == 200)
            #expect(relationships.count == 400)
        }
    }

    @Test func syntaxErrorInSecondHalfKeepsFirstHalfFindingsAndPlace() {
        var document = SyntheticDocument()
        document.relationOverride[60] = #"{"relation":"participant-in","from":"person/ghost","to":"meeting/m1","evidence":[{"source":"s1","quote":"x"}]}"#
        document.relationOverride[380] = #"{"relation":"participant-in" "from":"person/p41"}"#
        let issues = decodeOutcome(document.text, parallelMinimumBytes: 0).issues
        // Only syntax problems and decode findings before the error: validation does not run on a broken file.
        #expect(issues.count == 1)
        let line = document.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix(#"{"relation":"participant-in" "from""#) }.map { $0 + 1 }
        #expect(line != nil)
        #expect(issues.first?.hasPrefix("test.json:\(line ?? 0):30: $.relations[380]: invalid JSON") == true, "\(issues)")
    }

    @Test func speculationReallySplitsTheSyntheticDocument() throws {
        let text = Array(SyntheticDocument().text.utf8)
        try text.withUnsafeBufferPointer { bytes in
            let relationsKey = try #require(SectionSpeculation.firstOccurrence(
                of: Array("\"relations\"".utf8), in: UnsafeRawPointer(bytes.baseAddress!), from: 0, to: bytes.count))
            let nodesEnd = SectionSpeculation.sectionEndGuess(bytes: bytes, key: "nodes", from: 100)
            #expect(nodesEnd == relationsKey)
            let split = try #require(SectionSpeculation.splitPoint(bytes: bytes, from: relationsKey + (bytes.count - relationsKey) / 2, before: bytes.count))
            #expect(bytes[split] == UInt8(ascii: "{"))
            #expect(bytes[split - 1] == UInt8(ascii: "\n") && bytes[split - 2] == UInt8(ascii: ","))
        }
    }

    @Test func bundledDatasetLoadsTheSameEitherWay() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/indochina-summits-2026.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let sequential = decodeOutcome(text, parallelMinimumBytes: .max)
        #expect(decodeOutcome(text, parallelMinimumBytes: 0) == sequential)
        let loaded = try DatasetLoader.load(path: path)
        guard case .dataset(_, let entities, let relationships, _, _) = sequential else {
            Issue.record("\(sequential)")
            return
        }
        #expect(loaded.entities == entities)
        #expect(loaded.relationships == relationships)
        #expect(loaded.entities.count == 38)
    }

    @Test func mappedFileWithPageReleaseDecodesLikeMemory() throws {
        // Large enough for several page releases (every 4,096 elements) and a two-core split.
        var document = SyntheticDocument()
        document.nodeCount = 3000
        document.meetingCount = 500
        document.relationCount = 12_000
        document.relationOverride[11_000] = #"{"relation":"participant-in","from":"person/p600","to":"meeting/m9999","evidence":[{"source":"s1","quote":"x"}]}"#
        let text = document.text
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-mapped-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let inMemory = decodeOutcome(text, parallelMinimumBytes: .max)
        #expect(inMemory.issues.count == 1)
        #expect(inMemory.issues.first?.contains("$.relations[11000].to: 'meeting/m9999' is not the id of any node") == true)
        #if canImport(Glibc)
        let mapping = try #require(FileMapping(path: file.path))
        defer { mapping.unmap() }
        var mapped: [String] = []
        do throws(PartyGraphError) {
            _ = try DatasetLoader.decode(bytes: mapping.bytes, file: "test.json", sourceDirectory: nil, pages: mapping.pages, parallelMinimumBytes: 0)
        } catch {
            if case .invalidData(_, let issues) = error { mapped = issues.map(\.description) }
        }
        #expect(mapped == inMemory.issues)
        #endif
        #expect(throws: PartyGraphError.self) { try DatasetLoader.load(path: file.path) }
    }

    @Test func chunkedValidationMatchesOneChunk() {
        var document = SyntheticDocument()
        for index in stride(from: 7, to: 400, by: 37) {
            document.relationOverride[index] = #"{"relation":"holds","from":"person/p\#(40 + index % 100)","to":"meeting/m3","role":"guest","evidence":[{"source":"s9","quote":" "}]}"#
        }
        for index in stride(from: 45, to: 200, by: 29) {
            document.nodeOverride[index] = #"{"id":"person/P\#(index)","kind":"person","name":"  ","aliases":[""],"evidence":[{"source":"s1","quote":"x"}]}"#
        }
        var bytes = Array(document.text.utf8)
        let decoded = bytes.withUnsafeMutableBufferPointer { buffer -> DatasetDecoder in
            var decoder = DatasetDecoder(bytes: UnsafeBufferPointer(buffer))
            try? decoder.decodeDocument()
            return decoder
        }
        let whole = DatasetValidator.validate(sources: decoded.sources, entities: decoded.entities, relationships: decoded.relationships,
                                              sourceTexts: [:], minimumChunk: .max)
        let chunked = DatasetValidator.validate(sources: decoded.sources, entities: decoded.entities, relationships: decoded.relationships,
                                                sourceTexts: [:], minimumChunk: 1)
        let render = { (findings: [Finding]) in findings.map { "\($0.path.jsonPath): \($0.message) — \($0.fix ?? "")" } }
        #expect(render(chunked.findings) == render(whole.findings))
        #expect(chunked.fromIndices == whole.fromIndices)
        #expect(chunked.toIndices == whole.toIndices)
        #expect(whole.findings.count > 40)
        #expect(render(whole.findings).contains { $0.hasPrefix("$.relations[7]: 'holds' cannot join a person to a meeting") })
        #expect(render(whole.findings).contains { $0.hasPrefix("$.nodes[45].aliases[0]: an alias is empty") })
        #expect(DatasetValidator.chunks(10, minimum: 1).flatMap { Array($0) } == Array(0..<10))
        #expect(DatasetValidator.chunks(0, minimum: 1).isEmpty)
    }
}

@Suite("Loader text shortcuts")
struct LoaderTextTests {
    @Test(arguments: [
        "Hun Sen", "Tô Lâm", "Việt Nam", "Müller", "Cambodian People’s Party", "6–7 February — “quoted”",
        "To\u{0302} La\u{0302}m", "e\u{0301}", "\u{212B}ngstr\u{00F6}m", "한국", "\u{1100}\u{1161}", "Ω \u{2126}", "",
        "\u{2000}wide space", "a\u{0300}\u{0316}", "ǅ", "Ǆ̃",
    ])
    func loaderNFCEqualsFoundationNFC(_ text: String) {
        #expect(Array(text.loaderNFC.unicodeScalars) == Array(text.nfc.unicodeScalars))
    }

    @Test func quickCheckSkipsOnlyComposedText() {
        #expect("Nguyễn Trần".isQuickNFC)
        #expect(!"e\u{0301}".isQuickNFC)
        #expect(!"\u{2000}".isQuickNFC)
    }

    @Test(arguments: ["", " ", "\t\n", "\u{00A0}", "\u{2003} ", "x", " x ", "Tô", "\u{00A0}y"])
    func isBlankEqualsTrimmedIsEmpty(_ text: String) {
        #expect(text.isBlank == text.trimmed.isEmpty)
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF,
                                    0xF0, 0xF1, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90]
        for length in 0..<6 {
            for _ in 0..<4000 {
                let bytes = (0..<length).map { _ in interesting.randomElement(using: &generator)! }
                let expected = String(validating: bytes, as: UTF8.self) != nil
                let actual = bytes.withUnsafeBufferPointer { JSONReader.isValidUTF8($0) }
                #expect(actual == expected, "\(bytes.map { String($0, radix: 16) })")
            }
        }
        for text in ["Tô Lâm", "𝄞 music", "日本語", "\u{10FFFF}"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { JSONReader.isValidUTF8($0) })
        }
    }

    @Test func relationEndTableMatchesAllows() {
        let table = RelationEnds()
        for relation in Relation.allCases {
            #expect(Relation.allCases[relation.caseIndex] == relation)
            for from in NodeKind.allCases {
                #expect(NodeKind.allCases[from.caseIndex] == from)
                for to in NodeKind.allCases {
                    #expect(table.allows(relation, from: from, to: to) == relation.allows(from: from, to: to))
                }
            }
        }
    }

    @Test(arguments: ["person/hun-sen", "party/x", "persons/x", "person", "person/", "meeting/person/x", "/person", "personx/y"])
    func kindPrefixMatchesPrefix(_ id: String) {
        for kind in NodeKind.allCases where NodeID(id).slugProblem == nil {
            #expect(NodeID(id).hasPrefix(kind: kind) == (NodeID(id).prefix == kind.rawValue))
        }
    }
}

@Suite("Dataset caches")
struct DatasetCacheTests {
    @Test func meetingsKeepDateThenIdOrderAndAreComputedOnce() throws {
        let source = Source(id: "s", publisher: "P", title: "T", date: try PartialDate(parsing: "2026-01-01"))
        let evidence = [Evidence(source: "s", quote: "q")]
        func meeting(_ id: String, _ date: String) throws -> Entity {
            Entity(id: NodeID(id), kind: .meeting, name: id,
                   meeting: MeetingDetails(kind: .talks, date: try DateSpan(parsing: date), status: .held), evidence: evidence)
        }
        let dataset = try Dataset(title: "t", sources: [source], entities: [
            try meeting("meeting/c", "2026-02-01"), Entity(id: "person/a", kind: .person, name: "A"),
            try meeting("meeting/b", "2026-01"), try meeting("meeting/a", "2026-02-01"), try meeting("meeting/z", "/2025"),
        ], relationships: [])
        let expected: [NodeID] = ["meeting/z", "meeting/b", "meeting/a", "meeting/c"]
        #expect(dataset.meetings.map(\.id) == expected)
        let copy = dataset
        #expect(copy.meetings.map(\.id) == expected)
        #expect(dataset.meetingOrder == [4, 2, 3, 0])
    }
}

@Suite("Encounter candidates")
struct EncounterCandidateTests {
    /// A dataset with every way a person attends: directly, hosting, leading a delegation, holding an office.
    static func dataset() throws -> Dataset {
        var document = SyntheticDocument()
        document.nodeCount = 120
        document.meetingCount = 30
        document.relationCount = 200
        var extra: [String] = []
        let evidence = #""evidence":[{"source":"s1","quote":"x"}]"#
        for meeting in 0..<30 {
            if meeting % 3 == 0 { extra.append(#"{"relation":"hosts","from":"person/p\#(40 + meeting)","to":"meeting/m\#(meeting)",\#(evidence)}"#) }
            if meeting % 4 == 0 {
                extra.append(#"{"relation":"participant-in","from":"office/o\#(meeting % 5)","to":"meeting/m\#(meeting)","role":"attendee",\#(evidence)}"#)
            }
            if meeting % 5 == 1 {
                extra.append(#"{"relation":"participant-in","from":"organ/g\#(meeting % 2)","to":"meeting/m\#(meeting)","led_by":"person/p\#(50 + meeting % 7)",\#(evidence)}"#)
            }
        }
        for office in 0..<5 {
            document.extraNodes.append(#"{"id":"office/o\#(office)","kind":"office","name":"Office \#(office)",\#(evidence)}"#)
            extra.append(#"{"relation":"holds","from":"person/p\#(41 + office * 3)","to":"office/o\#(office)","start":"2026-03",\#(evidence)}"#)
            extra.append(#"{"relation":"holds","from":"person/p\#(42 + office)","to":"office/o\#(office)",\#(evidence)}"#)
        }
        for organ in 0..<2 {
            document.extraNodes.append(#"{"id":"organ/g\#(organ)","kind":"organ","name":"Organ \#(organ)",\#(evidence)}"#)
        }
        for (offset, line) in extra.enumerated() { document.relationOverride[offset] = line }
        var bytes = Array(document.text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(PartyGraphError) in
            try DatasetLoader.decode(bytes: UnsafeBufferPointer(buffer), file: "test.json", sourceDirectory: nil)
        }
    }

    @Test func candidateShortcutGivesTheSameAnswers() throws {
        let dataset: Dataset
        do { dataset = try EncounterCandidateTests.dataset() } catch { Issue.record("\(error)"); return }
        let bundled = try DatasetLoader.load(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/indochina-summits-2026.json").path)
        var compared = 0, nonEmpty = 0
        for data in [dataset, bundled] {
            for actor in data.entities where actor.kind == .person || actor.kind == .office || actor.kind == .party {
                for level: EncounterLevel? in [nil, .person, .party] {
                    let query = EncounterQuery(actor: actor.id, level: level)
                    let fast = try data.encounters(query, readEveryMeeting: false)
                    let full = try data.encounters(query, readEveryMeeting: true)
                    #expect(fast == full, "\(actor.id) at \(level?.rawValue ?? "own level")")
                    compared += 1
                    if !full.encounters.isEmpty { nonEmpty += 1 }
                }
            }
        }
        #expect(compared > 300)
        #expect(nonEmpty > 100)
        // The shortcut is really taken for persons, and covers the delegation and office routes.
        let led = try #require(dataset.index(of: "person/p51"))
        #expect(!dataset.candidateMeetings(of: led, level: .person).isEmpty)
        #expect(!dataset.ledByRelationships(of: led).isEmpty)
        let hunSen = try #require(bundled.index(of: "person/hun-sen"))
        let viaOffice = try bundled.encounters(of: "person/hun-sen")
        #expect(viaOffice.encounters.contains { $0.actor.participations.contains { $0.derivation == .viaOffice } })
        #expect(bundled.candidateMeetings(of: hunSen, level: .person).count == 3)
    }
}

@Suite("Section end search")
struct SectionSearchTests {
    @Test func horspoolFindsTheFirstOccurrenceLikeANaiveSearch() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("\"relations:{}, ".utf8)
        for _ in 0..<2000 {
            let haystack = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = Array(["\"relations\"", "\"nodes\"", "ns", "\""].randomElement(using: &generator)!.utf8)
            let from = haystack.isEmpty ? 0 : Int.random(in: 0..<haystack.count, using: &generator)
            var naive: Int?
            if haystack.count - needle.count >= from {
                for position in from...(haystack.count - needle.count) where naive == nil && Array(haystack[position..<(position + needle.count)]) == needle {
                    naive = position
                }
            }
            let found = haystack.withUnsafeBytes { raw in
                raw.baseAddress.flatMap { SectionSpeculation.firstOccurrence(of: needle, in: $0, from: from, to: haystack.count) }
            }
            #expect(found == naive, "\(String(decoding: haystack, as: UTF8.self)) / \(String(decoding: needle, as: UTF8.self)) from \(from)")
        }
        let text = Array(#"{"nodes": [{"kind":"relations"}], "relations": []}"#.utf8)
        let found = text.withUnsafeBytes { SectionSpeculation.firstOccurrence(of: Array("\"relations\"".utf8), in: $0.baseAddress!, from: 0, to: text.count) }
        #expect(found == 19)
    }
}
