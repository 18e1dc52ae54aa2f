import Foundation
import Testing
@testable import PartyGraph

/// Names built to break writers: markup (`<script>`, `]]>`, `--`), quotes, backslashes, every C0 control character and
/// DEL, U+FFFE/U+FFFF, right-to-left overrides and joiners, JavaScript `${}` and backticks, formula starts for
/// spreadsheets (`=`, `+`, `-`, `@`, tab, CR, and cells already starting with `'`). Every writer's output is parsed
/// back here and the names compared with the dataset's (docs/interchange.md says what each format keeps).
enum HostileFixture {
    static let path = Bundle.module.url(forResource: "hostile", withExtension: "json", subdirectory: "Fixtures/interchange")!.path
    static let dataset: Dataset = try! DatasetLoader.load(path: path)

    /// The same dataset with every node name 100,000 characters long (the hostile name repeated), built past the
    /// loader's 1,000-byte limit through the internal initialiser.
    static let long: Dataset = {
        let entities = dataset.entities.map { entity -> Entity in
            var copy = entity
            let unit = entity.name.isEmpty ? "x" : entity.name
            copy.name = String(String(repeating: unit, count: 100_000 / unit.count + 1).prefix(100_000))
            return copy
        }
        let result = DatasetValidator.validate(sources: dataset.sources, entities: entities, relationships: dataset.relationships, sourceTexts: [:])
        return Dataset(validatedTitle: dataset.title, description: dataset.description, sources: dataset.sources,
                       entities: entities, relationships: dataset.relationships, validation: result)
    }()

    static var both: [Dataset] { [dataset, long] }

    static func file(_ dataset: Dataset, _ format: ExportFormat, _ name: String = "", csvFormulas: CSVText.Formulas = .neutralised) -> String {
        let files = Exporter.files(dataset, format: format, csvFormulas: csvFormulas)
        return InterchangeFixtures.text(files.first { $0.name == name }!)
    }

    /// Each node's name by id.
    static func names(_ dataset: Dataset) -> [String: String] {
        Dictionary(uniqueKeysWithValues: dataset.entities.map { ($0.id.rawValue, $0.name) })
    }
}

@Suite struct HostileOutputTests {
    @Test func theFixtureHoldsWhatItClaims() {
        let names = HostileFixture.dataset.entities.map(\.name).joined()
        for needle in ["<script>", "</script>", "]]>", "--", "\"", "'", "\\", "\u{00}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}",
                       "\u{202E}", "\u{200D}", "${", "`", "\t", "\r"] {
            #expect(names.unicodeScalars.map(String.init).joined(separator: " ").contains(needle) || names.contains(needle),
                    "\(needle.debugDescription)")
        }
        #expect(HostileFixture.long.entities.allSatisfy { $0.name.count == 100_000 })
    }

    // MARK: XML

    @Test(arguments: [false, true])
    func graphMLParsesAndKeepsEveryNameThroughTheDocumentedEscape(long: Bool) throws {
        let dataset = long ? HostileFixture.long : HostileFixture.dataset
        let xml = try XMLStructure(HostileFixture.file(dataset, .graphml))
        let keys = Dictionary(uniqueKeysWithValues: xml.root.descendants.filter { $0.name == "key" && $0.attributes["for"] == "node" }.map { ($0.attributes["attr.name"]!, $0.attributes["id"]!) })
        var read: [String: String] = [:]
        for node in xml.root.descendants where node.name == "node" {
            let name = node.children.first { $0.attributes["key"] == keys["name"] }?.text ?? ""
            read[XMLText.unescapedCharacters(node.attributes["id"]!)] = XMLText.unescapedCharacters(name)
        }
        #expect(read == HostileFixture.names(dataset))
        let title = xml.root.descendants.first { $0.name == "data" && $0.attributes["key"] == "g_title" }?.text
        #expect(title.map(XMLText.unescapedCharacters) == dataset.title)
    }

    @Test(arguments: [false, true])
    func gexfParsesAndKeepsEveryNameThroughTheDocumentedEscape(long: Bool) throws {
        let dataset = long ? HostileFixture.long : HostileFixture.dataset
        let xml = try XMLStructure(HostileFixture.file(dataset, .gexf))
        var read: [String: String] = [:]
        for node in xml.root.descendants where node.name == "node" {
            read[XMLText.unescapedCharacters(node.attributes["id"]!)] = XMLText.unescapedCharacters(node.attributes["label"]!)
        }
        #expect(read == HostileFixture.names(dataset))
    }

    @Test func charactersXMLCannotHoldAreEscapedNotReplaced() {
        #expect(XMLText.escaped("a\u{01}b\u{FFFE}c\u{FFFF}\u{00}") == "a\\u0001b\\uFFFEc\\uFFFF\\u0000")
        #expect(!XMLText.escaped("ctl \u{01}").contains("\u{FFFD}"))
        // DEL and C1 controls are XML 1.0 characters: kept as they are.
        #expect(XMLText.escaped("\u{7F}\u{85}") == "\u{7F}\u{85}")
    }

    @Test(arguments: [
        ("C:\\path\\n", "C:\\path\\n"),
        ("\\u0041", "\\\\u0041"),
        ("\\\\u00FF", "\\\\\\\\u00FF"),
        ("\\u00e9", "\\u00e9"),
        ("\\\u{01}", "\\\\\\u0001"),
        ("end\\", "end\\"),
        ("\\u12", "\\u12"),
    ])
    func backslashesAreDoubledOnlyWhereTheEscapeWouldBeAmbiguous(text: String, written: String) {
        #expect(XMLText.escaped(text, content: true) == written)
        #expect(XMLText.unescapedCharacters(written) == text)
    }

    @Test func theEscapeReadsBackEveryHostileName() {
        for entity in HostileFixture.dataset.entities {
            let written = XMLText.escaped(entity.name, content: true)
            #expect(written.unicodeScalars.allSatisfy { XMLText.isAllowed($0) })
            // Undo the entities as a parser would, then the escape.
            let parsed = written.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&#13;", with: "\r").replacingOccurrences(of: "&amp;", with: "&")
            #expect(XMLText.unescapedCharacters(parsed) == entity.name)
        }
    }

    // MARK: JSON

    @Test(arguments: [false, true])
    func nodeLinkJSONParsesAndKeepsEveryName(long: Bool) throws {
        let dataset = long ? HostileFixture.long : HostileFixture.dataset
        let object = try JSONSerialization.jsonObject(with: Data(HostileFixture.file(dataset, .json).utf8)) as! [String: Any]
        let nodes = object["nodes"] as! [[String: Any]]
        let read = Dictionary(uniqueKeysWithValues: nodes.map { ($0["id"] as! String, $0["name"] as! String) })
        #expect(read == HostileFixture.names(dataset))
        #expect((object["graph"] as! [String: Any])["title"] as? String == dataset.title)
    }

    @Test func datasetJSONRoundTripsByteForByte() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        for dataset in HostileFixture.both {
            let first = DatasetWriter.text(of: dataset)
            let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as! [String: Any]
            let names = (object["nodes"] as! [[String: Any]]).map { $0["name"] as! String }
            #expect(names == dataset.entities.map(\.name))
            guard dataset.entities[0].name.utf8.count <= 1_000 else { continue }  // the loader refuses longer names
            try first.write(toFile: folder + "/d.json", atomically: true, encoding: .utf8)
            let reloaded = try DatasetLoader.load(path: folder + "/d.json")
            #expect(reloaded.entities.map(\.name) == dataset.entities.map(\.name))
            #expect(DatasetWriter.text(of: reloaded) == first)
        }
    }

    @Test func nodeLinkJSONImportsBackToTheSameDataset() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        try Exporter.write(HostileFixture.dataset, format: .json, to: folder + "/h.json")
        let imported = try Importer.load(format: .json, paths: [folder + "/h.json"])
        #expect(DatasetWriter.text(of: imported) == DatasetWriter.text(of: HostileFixture.dataset))
    }

    // MARK: CSV

    /// Every text cell of every CSV file: none starts like a formula.
    static func assertNoCellRunsAsAFormula(_ files: [ExportFile]) throws {
        for file in files where file.name.hasSuffix(".csv") {
            var issues: [DatasetIssue] = []
            let table = try #require(CSVTable.read(data: file.data, file: file.name, issues: &issues), "\(file.name): \(issues)")
            for record in table.records {
                for cell in record.fields {
                    if let first = cell.first { #expect(!CSVText.formulaStarts.contains(first), "\(file.name): \(cell.debugDescription)") }
                }
            }
        }
    }

    @Test(arguments: [ExportFormat.csv, .neo4j, .cypher])
    func noExportedCSVCellStartsLikeAFormula(format: ExportFormat) throws {
        for dataset in HostileFixture.both {
            try Self.assertNoCellRunsAsAFormula(Exporter.files(dataset, format: format))
            for projection in [GraphProjection.persons, .parties] {
                try Self.assertNoCellRunsAsAFormula(Exporter.files(dataset, format: format, projection: projection))
            }
        }
    }

    @Test(arguments: [ExportFormat.csv, .neo4j, .cypher])
    func rawCSVWritesCellsAsTheyAre(format: ExportFormat) throws {
        let files = Exporter.files(HostileFixture.dataset, format: format, csvFormulas: .raw)
        let text = files.filter { $0.name.hasSuffix(".csv") }.map(InterchangeFixtures.text).joined()
        #expect(text.contains("\n+1+1,") || text.contains(",+1+1,"))
        #expect(!text.contains("'+1+1"))
    }

    @Test func csvExportNeutralisesAndImportRestoresExactly() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        try Exporter.write(HostileFixture.dataset, format: .csv, to: folder + "/csv")
        let nodes = try String(contentsOfFile: folder + "/csv/nodes.csv", encoding: .utf8)
        #expect(nodes.contains(",'+1+1,") && nodes.contains(",'-2+3,") && nodes.contains(",'@SUM(A1:A2),"))
        #expect(nodes.contains(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\","))
        #expect(nodes.contains(",'\tTab first,") && nodes.contains(",\"'\rCR first\","))
        #expect(nodes.contains(",''=already quoted,") && nodes.contains(",'''=two quotes,") && nodes.contains(",'plain quote,"))
        let imported = try Importer.load(format: .csv, paths: [folder + "/csv"])
        #expect(DatasetWriter.text(of: imported) == DatasetWriter.text(of: HostileFixture.dataset))

        try Exporter.write(HostileFixture.dataset, format: .csv, csvFormulas: .raw, to: folder + "/raw")
        let raw = try Importer.load(format: .csv, paths: [folder + "/raw"], csvFormulas: .raw)
        #expect(DatasetWriter.text(of: raw) == DatasetWriter.text(of: HostileFixture.dataset))
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-x", "'-x"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""),
        ("'=x", "''=x"), ("''-x", "'''-x"), ("'x", "'x"), ("'", "'"), ("x=1", "x=1"), ("", ""), ("Tô Lâm", "Tô Lâm"),
        ("=a,b", "\"'=a,b\""),
    ])
    func formulaLikeTextCellsGetOneQuoteThatReadingTakesOff(text: String, written: String) {
        #expect(CSVText.field(text) == written)
        // Raw: the same RFC 4180 quoting, no ' added.
        #expect(CSVText.field(text, formulas: .raw) == (written.hasPrefix("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text))
        #expect(CSVText.readCell(CSVText.neutralised(text)) == text)
    }

    @Test func numericCellsAreNeverChanged() {
        let table = CSVText.table(header: ["name", "score"], rows: [["-1", "-1"], ["+2", "+2.5"], ["=x", "=x"], ["-", "-0.25e-3"]],
                                  numericColumns: [1])
        #expect(table == "name,score\r\n'-1,-1\r\n'+2,+2.5\r\n'=x,'=x\r\n'-,-0.25e-3\r\n")
    }

    @Test func headerCellsAreText() {
        #expect(CSVText.table(header: ["=x"], rows: [[String]](), numericColumns: [0]) == "'=x\r\n")
    }

    @Test(arguments: [false, true])
    func csvParsesAndKeepsEveryName(long: Bool) throws {
        let dataset = long ? HostileFixture.long : HostileFixture.dataset
        var issues: [DatasetIssue] = []
        let table = try #require(CSVTable.read(data: Data(HostileFixture.file(dataset, .csv, "nodes.csv").utf8), file: "nodes.csv", issues: &issues))
        let name = table.header.firstIndex(of: "name")!
        let read = Dictionary(uniqueKeysWithValues: table.records.map { ($0.fields[0], CSVText.readCell($0.fields[name])) })
        // The reader puts text in NFC, as the loader does; the fixture's names are NFC already.
        #expect(read == HostileFixture.names(dataset))
    }

    // MARK: Cypher

    @Test func cypherLoadScriptTakesTheQuoteOffAgainAndRawScriptDoesNot() {
        let neutral = HostileFixture.file(HostileFixture.dataset, .cypher, "load.cypher")
        #expect(neutral.contains("CASE WHEN row.`name` IS NULL OR NOT row.`name` STARTS WITH \"'\" THEN row.`name` "))
        #expect(neutral.contains("WITH row, CASE WHEN row.`from` IS NULL"))
        #expect(neutral.contains("MATCH (a:PartyGraph {id: fromID}), (b:PartyGraph {id: toID})"))
        let raw = HostileFixture.file(HostileFixture.dataset, .cypher, "load.cypher", csvFormulas: .raw)
        #expect(!raw.contains("CASE WHEN") && raw.contains("n.`name` = row.`name`"))
        let neo4j = HostileFixture.file(HostileFixture.dataset, .neo4j, "load.cypher")
        #expect(neo4j.contains("n.name = CASE WHEN row.`name` IS NULL"))
    }

    // MARK: DOT

    @Test func plainDOTQuotesEveryName() {
        let dot = DOTWriter.text(InterchangeGraph.full(HostileFixture.dataset, window: nil))
        for entity in HostileFixture.dataset.entities {
            #expect(dot.contains("[label=\(DOTWriter.quoted(entity.name)), shape="))
        }
        // Inside the quotes, every " and \ is escaped: no line opens a string it does not close.
        #expect(DOTWriter.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
        // No NUL (Graphviz's parser would stop there) and nothing an SVG drawn from it could not hold.
        #expect(!dot.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0xFFFE || $0.value == 0xFFFF })
        #expect(DOTWriter.quoted("a\u{00}b\u{FFFE}&lt;\r\nc") == "\"a\u{FFFD}b\u{FFFD}&amp;lt;\\nc\"")
    }
}
