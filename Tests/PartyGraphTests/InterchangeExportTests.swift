import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PartyGraph

/// Loads the bundled dataset and the escaping fixture for the interchange tests.
enum InterchangeFixtures {
    /// Found from this file's path, so the tests do not depend on the working folder.
    static let bundledPath: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/indochina-summits-2026.json").path
    static let bundled: Dataset = try! DatasetLoader.load(path: bundledPath)
    static let trickyPath: String = Bundle.module.url(forResource: "tricky", withExtension: "json", subdirectory: "Fixtures/interchange")!.path
    static let tricky: Dataset = try! DatasetLoader.load(path: trickyPath)

    /// A fresh empty folder under the system's temporary folder.
    static func temporaryFolder() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-interchange-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func text(_ file: ExportFile) -> String { String(decoding: file.data, as: UTF8.self) }
}

@Suite struct DatasetWriterTests {
    @Test(arguments: [InterchangeFixtures.bundledPath, InterchangeFixtures.trickyPath])
    func rewritingADatasetFileGivesTheSameBytes(path: String) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let dataset = try DatasetLoader.load(path: path)
        #expect(DatasetWriter.data(of: dataset) == original)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        var text = ""
        JSONValue.quote("Tô Lâm \"x\" \\ \n\t\u{01} /", into: &text)
        #expect(text == #""Tô Lâm \"x\" \\ \n\t\u0001 /""#)
    }

    @Test func writesAtomicallyAndCreatesFolders() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        let path = folder + "/a/b/out.json"
        try DatasetWriter.write(InterchangeFixtures.tricky, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == DatasetWriter.text(of: InterchangeFixtures.tricky))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b") == ["out.json"])
    }
}

@Suite struct InterchangeExportTests {
    static let combinations: [(ExportFormat, GraphProjection)] =
        ExportFormat.allCases.flatMap { format in GraphProjection.allCases.map { (format, $0) } }

    @Test(arguments: combinations)
    func everyExportIsDeterministic(format: ExportFormat, projection: GraphProjection) {
        let first = Exporter.files(InterchangeFixtures.bundled, format: format, projection: projection)
        let reloaded = try! DatasetLoader.load(path: InterchangeFixtures.bundledPath)
        let second = Exporter.files(reloaded, format: format, projection: projection)
        #expect(first == second)
        #expect(!first.isEmpty && first.allSatisfy { !$0.data.isEmpty })
    }

    @Test func nodeLinkJSONParsesAndUsesTheEdgesKeyOfNetworkX36() throws {
        let file = Exporter.files(InterchangeFixtures.bundled, format: .json)[0]
        let object = try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
        #expect(object["links"] == nil)
        #expect((object["edges"] as? [Any])?.count == 62)
        #expect((object["nodes"] as? [Any])?.count == 38)
        #expect(object["multigraph"] as? Bool == true)
        let toLam = try #require((object["nodes"] as? [[String: Any]])?.first { $0["id"] as? String == "person/to-lam" })
        #expect(toLam["name"] as? String == "Tô Lâm")
        #expect(toLam["aliases"] as? [String] == ["To Lam"])
    }

    @Test func graphMLDeclaresATypedKeyForEveryAttributeAndKeepsEscapedText() throws {
        let text = InterchangeFixtures.text(Exporter.files(InterchangeFixtures.tricky, format: .graphml)[0])
        let document = try XMLStructure(text)
        #expect(document.root.name == "graphml")
        let keys = document.root.children.filter { $0.name == "key" }
        #expect(keys.allSatisfy { $0.attributes["attr.type"] == "string" || $0.attributes["attr.type"] == "int" })
        let declared = Set(keys.compactMap { $0.attributes["id"] })
        let graph = try #require(document.root.children.first { $0.name == "graph" })
        let used = graph.descendants.filter { $0.name == "data" }.compactMap { $0.attributes["key"] }
        #expect(Set(used).isSubset(of: declared))
        let nodes = graph.children.filter { $0.name == "node" }
        #expect(nodes.count == 5)
        #expect(graph.children.filter { $0.name == "edge" }.map { $0.attributes["id"] } == ["e0", "e1", "e2", "e3", "e4"])
        let cpv = try #require(nodes.first { $0.attributes["id"] == "party/cpv" })
        let note = cpv.children.first { $0.attributes["key"] == "n_note" }?.text
        #expect(note == "A note with a comma, a \"quote\",\nand a second line; also <b>bold</b> & more.")
        let meeting = try #require(nodes.first { $0.attributes["id"] == "meeting/2026-02-talks" })
        #expect(meeting.children.first { $0.attributes["key"] == "n_name" }?.text == "Talks\r\nwith CRLF")
    }

    @Test func gexfIsDynamicWithDatesOnMeetingsAndTerms() throws {
        let text = InterchangeFixtures.text(Exporter.files(InterchangeFixtures.tricky, format: .gexf)[0])
        let document = try XMLStructure(text)
        #expect(document.root.name == "gexf" && document.root.attributes["version"] == "1.3")
        #expect(text.contains("xmlns=\"http://gexf.net/1.3\""))
        let graph = try #require(document.root.children.first { $0.name == "graph" })
        #expect(graph.attributes["mode"] == "dynamic" && graph.attributes["timeformat"] == "date")
        let nodes = graph.descendants.filter { $0.name == "node" }
        let meeting = try #require(nodes.first { $0.attributes["id"] == "meeting/2026-02-talks" })
        #expect(meeting.attributes["start"] == "2026-02-01" && meeting.attributes["end"] == "2026-03-31")
        let party = try #require(nodes.first { $0.attributes["id"] == "party/cpv" })
        #expect(party.attributes["start"] == nil && party.attributes["end"] == nil)
        #expect(party.attributes["label"] == "Communist Party of Việt Nam")
        let holds = try #require(graph.descendants.first { $0.name == "edge" && $0.attributes["label"] == "holds" })
        #expect(holds.attributes["start"] == "2024-08-01" && holds.attributes["end"] == nil)
        let exact = holds.descendants.first { $0.attributes["for"] == "start" }?.attributes["value"]
        #expect(exact == "2024-08")
    }

    @Test func xmlEscapingKeepsMarkupCharactersQuotesAndLineBreaks() {
        #expect(XMLText.escaped("<&> \"q\" 'a'\n\t\r Tô") == "&lt;&amp;&gt; &quot;q&quot; &apos;a&apos;&#10;&#9;&#13; Tô")
        #expect(XMLText.escaped("<&> \"q\"\n\r", content: true) == "&lt;&amp;&gt; \"q\"\n&#13;")
        #expect(XMLText.escaped("bell\u{07}") == "bell\\u0007")
    }

    @Test func csvQuotesByRFC4180() {
        #expect(CSVText.field("plain Tô Lâm") == "plain Tô Lâm")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.field("<&>") == "<&>")
        let nodes = InterchangeFixtures.text(Exporter.files(InterchangeFixtures.tricky, format: .csv)[0])
        #expect(nodes.hasPrefix("id,kind,name,aliases,note,meeting_kind,start,end,place,status,status_as_of,status_claims,evidence,quote,quote_source,seats\r\n"))
        #expect(nodes.contains("person/someone,person,\"Ông \"\"X\"\", Jr.\","))
    }

    @Test func csvRowsReadBackAsTheyWereWritten() throws {
        for file in Exporter.files(InterchangeFixtures.tricky, format: .csv) {
            var issues: [DatasetIssue] = []
            let table = try #require(CSVTable.read(data: file.data, file: file.name, issues: &issues))
            #expect(issues.isEmpty)
            let rewritten = CSVText.table(header: table.header, rows: table.records.map(\.fields))
            #expect(rewritten == InterchangeFixtures.text(file), "\(file.name)")
        }
    }

    @Test func neo4jFilesUseImportHeadersLabelsAndTypes() {
        let files = Exporter.files(InterchangeFixtures.bundled, format: .neo4j)
        #expect(files.map(\.name) == ["nodes.csv", "relationships.csv", "load.cypher"])
        let nodes = InterchangeFixtures.text(files[0]), relationships = InterchangeFixtures.text(files[1])
        #expect(nodes.hasPrefix("id:ID,:LABEL,kind,name,aliases:string[],note,meeting_kind,start:date,start_exact,end:date,end_exact,"))
        #expect(nodes.contains("\r\nperson/to-lam,PartyGraph;Person,person,Tô Lâm,To Lam,"))
        #expect(nodes.contains("\r\nparty/cpv,PartyGraph;Party,party,Communist Party of Việt Nam,CPV;Communist Party of Viet Nam;Communist Party of Vietnam,"))
        #expect(relationships.hasPrefix(":START_ID,:END_ID,:TYPE,id,relation,"))
        #expect(relationships.contains("\r\norgan/cpp-central-committee,party/cpp,PART_OF,e3,part-of,"))
        #expect(relationships.contains(",PARTICIPANT_IN,"))
        let cypher = InterchangeFixtures.text(files[2])
        #expect(cypher.contains("CREATE CONSTRAINT partygraph_id IF NOT EXISTS FOR (n:PartyGraph) REQUIRE n.id IS UNIQUE;"))
        #expect(cypher.contains("CREATE (a)-[r:HELD_IN_PARALLEL_WITH]->(b)"))
        #expect(cypher.contains("SET n:Meeting,"))
    }

    @Test func dotQuotesIdsAndLabelsAndShapesKinds() {
        let text = InterchangeFixtures.text(Exporter.files(InterchangeFixtures.tricky, format: .dot)[0])
        #expect(text.hasPrefix("digraph \"Escaping test: \\\"quotes\\\", commas, <angle> & ampersands, Việt Nam\" {\n"))
        #expect(text.contains("  \"person/someone\" [label=\"Ông \\\"X\\\", Jr.\", shape=ellipse];\n"))
        #expect(text.contains("  \"meeting/2026-02-talks\" [label=\"Talks\\nwith CRLF\", shape=diamond];\n"))
        #expect(text.contains("  \"person/to-lam\" -> \"office/cpv-general-secretary\" [label=\"holds\"];\n"))
    }

    @Test func windowKeepsOnlyOverlappingMeetingsAndTheirRelations() throws {
        let window = try DateSpan(start: PartialDate(parsing: "2026-02-07"), end: nil)
        let graph = InterchangeGraph.full(InterchangeFixtures.bundled, window: window)
        #expect(!graph.nodes.contains { $0.id == "meeting/2026-02-06-to-lam-state-visit" })
        #expect(graph.nodes.contains { $0.id == "meeting/2026-02-thongloun-state-visit" })
        #expect(graph.nodes.count == 37)
        #expect(!graph.edges.contains { $0.target == "meeting/2026-02-06-to-lam-state-visit" || $0.source == "meeting/2026-02-06-to-lam-state-visit" })
        #expect(graph.edges.count == 58)
    }
}

@Suite struct InterchangeProjectionTests {
    func weights(_ projection: GraphProjection, _ dataset: Dataset = InterchangeFixtures.bundled) -> [String: Int] {
        let graph = MeetingProjection.graph(dataset, projection: projection, window: nil)
        var result: [String: Int] = [:]
        for edge in graph.edges {
            if case .integer(let weight)? = edge.values["weight"] { result[edge.source + " " + edge.target] = weight }
        }
        return result
    }

    @Test func personsMeetThroughParticipationLeadershipAndOfficesHeld() {
        let all = weights(.persons)
        #expect(all.filter { $0.key.hasPrefix("person/") && $0.key.contains(" person/") } == [
            "person/hun-sen person/to-lam": 2,
            "person/hun-sen person/thongloun-sisoulith": 2,
            "person/thongloun-sisoulith person/to-lam": 1,
        ])
        // The shared encounter rule: the six offices whose holder is not named (prime ministers, assembly leaders)
        // stand in for their holders at the trilateral summit, so its nine attendees are all joined: C(9, 2) = 36.
        #expect(all.count == 36)
        #expect(all["office/cambodia-prime-minister person/hun-sen"] == 1)
        #expect(all.filter { $0.key.hasPrefix("office/") || $0.key.contains(" office/") }.values.allSatisfy { $0 == 1 })
        let graph = MeetingProjection.graph(InterchangeFixtures.bundled, projection: .persons, window: nil)
        #expect(!graph.directed)
        #expect(graph.nodes.count == 9)
        #expect(graph.nodes.first { $0.id == "office/cambodia-prime-minister" }?.label == "Prime Minister of Cambodia — holder not named")
        #expect(graph.edges.first { $0.source == "person/hun-sen" && $0.target == "person/to-lam" }?.values["meetings"]
                == .list(["meeting/2026-02-cpp-cpv-summit", "meeting/2026-02-trilateral-summit"]))
    }

    @Test func exportAgreesWithTheSharedCoMeetingMatrix() {
        for (projection, level) in [(GraphProjection.persons, EncounterLevel.person), (.parties, .party)] {
            let matrix = InterchangeFixtures.bundled.coMeetingMatrix(level: level)
            var expected: [String: Int] = [:]
            for pair in matrix.pairs { expected[[pair.first.id.rawValue, pair.second.id.rawValue].sorted().joined(separator: " ")] = pair.count }
            #expect(weights(projection) == expected)
        }
    }

    @Test func partiesMeetThroughTheirOrgansOfficesAndHosting() {
        #expect(weights(.parties) == ["party/cpp party/cpv": 2, "party/cpp party/lprp": 2, "party/cpv party/lprp": 1])
    }

    @Test func aTermOutsideTheMeetingDoesNotCount() throws {
        // In the fixture To Lam holds the office from 2024-08 (overlaps February 2026) and the CPV is led by him.
        #expect(weights(.persons, InterchangeFixtures.tricky) == ["person/someone person/to-lam": 1])
        var relationships = InterchangeFixtures.tricky.relationships
        relationships[1].valid = try DateSpan(start: PartialDate(parsing: "2027"), end: nil)
        relationships[4].ledBy = nil
        let shifted = try Dataset(title: "t", sources: InterchangeFixtures.tricky.sources, entities: InterchangeFixtures.tricky.entities, relationships: relationships)
        // No holder in force and no leader named: the office itself attends, standing in for its unnamed holder.
        #expect(weights(.persons, shifted) == ["office/cpv-general-secretary person/someone": 1])
    }

    @Test func windowDropsMeetingsOutsideIt() throws {
        let window = try DateSpan(start: nil, end: PartialDate(parsing: "2026-01"))
        #expect(MeetingProjection.graph(InterchangeFixtures.bundled, projection: .persons, window: window).edges.isEmpty)
    }
}

/// A minimal XML tree for structural checks, read with Foundation's XMLParser.
struct XMLStructure {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }
        var descendants: [Element] { children.flatMap { [$0] + $0.descendants } }
    }

    let root: Element

    /// The text could not be parsed as XML.
    struct NotWellFormed: Error {
        var reason: String
    }

    init(_ text: String) throws {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw NotWellFormed(reason: parser.parserError.map { "\($0)" } ?? "")
        }
        self.root = root
    }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = Element(name: elementName, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}

/// RFC 4180 field quoting, shared by the CSV exports and the CLI's `--format csv`.
@Suite struct CSVFieldTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("Tô Lâm", "Tô Lâm"),
        ("a,b", "\"a,b\""),
        ("say \"x\"", "\"say \"\"x\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("Talks\r\nwith CRLF", "\"Talks\r\nwith CRLF\""),
        ("Ông \"X\", Jr.", "\"Ông \"\"X\"\", Jr.\""),
        (" spaced ", " spaced "),
    ])
    func quotesOnlyWhatRFC4180Requires(text: String, field: String) {
        #expect(CSVText.field(text) == field)
    }

    @Test func tableEndsEveryLineWithCRLF() {
        #expect(CSVText.table(header: ["a", "b"], rows: [["1", "x,y"], ["", "z"]]) == "a,b\r\n1,\"x,y\"\r\n,z\r\n")
    }
}

/// Folder exports are written as a whole: a failure half-way replaces nothing, concurrent exports never mix.
@Suite struct AtomicFolderTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("partygraph-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFailureHalfWayReplacesNothing() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("export").path
        try AtomicFolder.write([("a.csv", Data("old a".utf8)), ("b.csv", Data("old b".utf8))], to: out)
        // The third name is too long for any file system: its write fails after the first two were written.
        let tooLong = String(repeating: "x", count: 300) + ".csv"
        #expect(throws: PartyGraphError.self) {
            try AtomicFolder.write([("a.csv", Data("new a".utf8)), ("b.csv", Data("new b".utf8)), (tooLong, Data())], to: out)
        }
        #expect(try String(contentsOfFile: out + "/a.csv", encoding: .utf8) == "old a")
        #expect(try String(contentsOfFile: out + "/b.csv", encoding: .utf8) == "old b")
        // Nothing is left behind beside the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["export"])
    }

    @Test func concurrentExportsLeaveOneOfThemComplete() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("export").path
        for _ in 0..<20 {
            DispatchQueue.concurrentPerform(iterations: 2) { writer in
                let tag = "writer \(writer)"
                _ = try? AtomicFolder.write(["nodes.csv", "edges.csv", "sources.csv"].map { ($0, Data(tag.utf8)) }, to: out)
            }
            let contents = try ["nodes.csv", "edges.csv", "sources.csv"].map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }
            #expect(Set(contents).count == 1, "\(contents)")
        }
        // No staging or previous folder is left behind, whichever export won.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["export"])
    }

    @Test func otherFilesInTheFolderAreKept() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("export").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        try Exporter.write(InterchangeFixtures.bundled, format: .csv, to: out)
        #expect(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8) == "mine")
        #expect(FileManager.default.fileExists(atPath: out + "/edges.csv"))
    }

    @Test func aFileIsNotReplacedByAFolder() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = base.appendingPathComponent("plain").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: PartyGraphError.self) { try AtomicFolder.write([("a.csv", Data())], to: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep")
    }
}
