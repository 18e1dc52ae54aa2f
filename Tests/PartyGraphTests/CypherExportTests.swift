import Foundation
import Testing
@testable import PartyGraph

/// `export --format cypher`: the files a Cypher engine loads as they are. That FalkorDB loads them and answers as
/// we do is checked by Tests/interop/test_cypher_falkordb.py; these tests pin the layout and the typing.
extension InterchangeFixtures {
    /// Dated office terms and partial dates (shared with the FalkorDB interop test).
    static let officeTermsPath: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("interop/fixtures/office-terms.json").path
}

@Suite struct CypherExportTests {
    static func files(_ dataset: Dataset, projection: GraphProjection = .full) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Exporter.files(dataset, format: .cypher, projection: projection).map {
            ($0.name, InterchangeFixtures.text($0))
        })
    }

    @Test func oneFilePerLabelAndPerTypeThenTheScriptsInOrder() {
        let names = Exporter.files(InterchangeFixtures.bundled, format: .cypher).map(\.name)
        #expect(names == [
            "nodes-country.csv", "nodes-meeting.csv", "nodes-office.csv", "nodes-organ.csv", "nodes-party.csv",
            "nodes-person.csv", "relationships-based-in.csv", "relationships-held-in-parallel-with.csv",
            "relationships-holds.csv", "relationships-hosts.csv", "relationships-invites.csv",
            "relationships-office-of.csv", "relationships-part-of.csv", "relationships-participant-in.csv",
            "schema-neo4j.cypher", "schema-falkordb.cypher", "load.cypher", "who-met.cypher", "meets.cypher",
        ])
        #expect(ExportFormat.cypher.fileExtension == nil)
        #expect(ExportFormat.cypher.defaultOutput(forDataset: "datasets/x.json") == "output/x-cypher")
    }

    @Test func everyNodeAndRelationshipIsInExactlyOneFile() throws {
        let files = Self.files(InterchangeFixtures.bundled)
        func rows(_ prefix: String) throws -> Int {
            try files.filter { $0.key.hasPrefix(prefix) }.reduce(0) { total, file in
                var issues: [DatasetIssue] = []
                let table = try #require(CSVTable.read(data: Data(file.value.utf8), file: file.key, issues: &issues))
                #expect(issues.isEmpty)
                return total + table.records.count
            }
        }
        #expect(try rows("nodes-") == InterchangeFixtures.bundled.entities.count)
        #expect(try rows("relationships-") == InterchangeFixtures.bundled.relationships.count)
    }

    @Test func headersArePlainNamesAndValuesAreWrittenForTheirType() {
        let files = Self.files(InterchangeFixtures.bundled)
        let meetings = files["nodes-meeting.csv"]!, parties = files["nodes-party.csv"]!
        #expect(meetings.hasPrefix("id,kind,name,aliases,note,meeting_kind,start,start_exact,end,end_exact,place,status,"
                                   + "status_as_of,status_as_of_exact,status_claims,evidence,quote,quote_source,seats\r\n"))
        #expect(meetings.contains("\r\nmeeting/2026-02-cpp-cpv-summit,meeting,CPP–CPV bilateral summit,first bilateral summit,\""))
        #expect(meetings.contains(",bilateral-summit,2026-02-06,2026-02-06,2026-02-07,2026-02-07,Cambodia,announced,2026-02-03,2026-02-03,"))
        #expect(parties.contains("\r\nparty/cpv,party,Communist Party of Việt Nam,CPV;Communist Party of Viet Nam;Communist Party of Vietnam,"))
        let participations = files["relationships-participant-in.csv"]!
        #expect(participations.hasPrefix("id,from,to,relation,start,start_exact,end,end_exact,role,capacity,led_by,evidence,quote,quote_source,attested\r\n"))
        #expect(participations.contains("\r\ne39,organ/cpv-politburo,meeting/2026-02-cpp-cpv-summit,participant-in,,,,,guest,party/cpv,person/to-lam,\"[{"))
        #expect(!files.values.contains { $0.contains(":ID") || $0.contains(":LABEL") || $0.contains(":TYPE") })
    }

    @Test func partialDatesAreWidenedToWholeDaysAndKeptExactly() throws {
        let dataset = try DatasetLoader.load(path: InterchangeFixtures.officeTermsPath)
        let holds = Self.files(dataset)["relationships-holds.csv"]!
        #expect(holds.contains(",person/p1,office/a-chair,holds,2010-01-01,2010,2015-06-30,2015-06,"))
        #expect(holds.contains(",person/p3,office/b-chair,holds,2012-03-01,2012-03,2012-03-31,2012-03,"))
        #expect(Self.files(dataset)["nodes-meeting.csv"]!.contains("\r\nmeeting/m6,meeting,Meeting m6,,,talks,2016-01-01,2016,2016-12-31,2016,"))
    }

    @Test func theLoadScriptTypesEveryColumnAndCreatesPerLabelAndType() {
        let load = Self.files(InterchangeFixtures.bundled)["load.cypher"]!
        // Text cells lose the ' that CSVText put in front of formula-like text (see formulaPrefixIsTakenOff below).
        func text(_ cell: String) -> String { CypherWriter.text(cell, formulas: .neutralised) }
        #expect(load.contains("""
            LOAD CSV WITH HEADERS FROM 'file:///nodes-person.csv' AS row
            CREATE (n:PartyGraph:Person)
            SET n.id = \(text("row.`id`")),
            """))
        #expect(load.contains("    n.`aliases` = split(\(text("row.`aliases`")), ';'),\n"))
        #expect(load.contains("    n.`start` = date(row.`start`),\n    n.`start_exact` = row.`start_exact`,\n"))
        #expect(load.contains("    n.`status_as_of` = date(row.`status_as_of`),\n"))
        #expect(load.contains("""
            LOAD CSV WITH HEADERS FROM 'file:///relationships-participant-in.csv' AS row
            WITH row, \(text("row.`from`")) AS fromID, \(text("row.`to`")) AS toID
            MATCH (a:PartyGraph {id: fromID}), (b:PartyGraph {id: toID})
            CREATE (a)-[r:PARTICIPANT_IN]->(b)
            SET r.id = row.`id`,
            """))
        #expect(load.contains("    r.`led_by` = \(text("row.`led_by`")),\n"))
        // One statement per file, each ending with ';' at the end of a line.
        #expect(load.components(separatedBy: ";\n").count - 1 == 14)
    }

    @Test func formulaPrefixIsTakenOffByFunctionsBothEnginesHave() {
        let expression = CypherWriter.text("row.`name`", formulas: .neutralised)
        #expect(expression == "CASE WHEN row.`name` IS NULL OR NOT row.`name` STARTS WITH \"'\" THEN row.`name` "
            + "WHEN left(head([piece IN split(row.`name`, \"'\") WHERE piece <> '']), 1) IN ['=', '+', '-', '@', '\\t', '\\r'] "
            + "THEN substring(row.`name`, 1) ELSE row.`name` END")
        #expect(!expression.contains("=~"))  // FalkorDB has no regular expressions
        #expect(CypherWriter.text("row.`name`", formulas: .raw) == "row.`name`")
    }

    @Test func eachEngineGetsItsOwnSchemaScript() {
        let files = Self.files(InterchangeFixtures.bundled)
        #expect(files["schema-neo4j.cypher"]!.contains("CREATE CONSTRAINT partygraph_id IF NOT EXISTS FOR (n:PartyGraph) REQUIRE n.id IS UNIQUE;\n"))
        #expect(files["schema-neo4j.cypher"]!.contains("CREATE INDEX partygraph_led_by IF NOT EXISTS FOR ()-[r:PARTICIPANT_IN]-() ON (r.led_by);\n"))
        #expect(files["schema-falkordb.cypher"]!.contains("\nCREATE INDEX FOR (n:PartyGraph) ON (n.id);\n"))
        #expect(files["schema-falkordb.cypher"]!.contains("\nCREATE INDEX FOR ()-[r:PARTICIPANT_IN]-() ON (r.led_by);\n"))
        #expect(files["schema-falkordb.cypher"]!.contains("GRAPH.CONSTRAINT CREATE <graph> UNIQUE NODE PartyGraph PROPERTIES 1 id"))
    }

    @Test func theWhoMetQueriesShareOneAttendanceRuleAndTheDefaultStatuses() {
        let files = Self.files(InterchangeFixtures.bundled)
        let whoMet = files["who-met.cypher"]!, meets = files["meets.cypher"]!
        for query in [whoMet, meets] {
            #expect(query.contains(CypherWriter.attendees(carrying: query == whoMet ? ["me"] : [])))
            #expect(query.contains("WHERE m.status IN ['announced', 'held']"))
        }
        #expect(whoMet.contains("MATCH (me:PartyGraph {id: $actor}) WHERE me:Person\nOPTIONAL MATCH ()-[:PARTICIPANT_IN {led_by: $actor}]->(led)\n"))
        #expect(meets.contains("RETURN a, b, count(meeting) AS weight, collect(meeting) AS meetings ORDER BY a, b;"))
    }

    @Test func projectionsWriteMeetsWithIntegerWeightsAndNoQueries() {
        let files = Self.files(InterchangeFixtures.bundled, projection: .persons)
        #expect(files.keys.sorted() == ["load.cypher", "nodes-office.csv", "nodes-person.csv", "relationships-meets.csv",
                                        "schema-falkordb.cypher", "schema-neo4j.cypher"])
        #expect(files["relationships-meets.csv"]!.hasPrefix("id,from,to,relation,weight,meetings\r\n"))
        #expect(files["relationships-meets.csv"]!.contains(
            ",person/hun-sen,person/to-lam,meets,2,meeting/2026-02-cpp-cpv-summit;meeting/2026-02-trilateral-summit\r\n"))
        #expect(files["load.cypher"]!.contains("    r.`weight` = toInteger(row.`weight`),\n    r.`meetings` = split(\(CypherWriter.text("row.`meetings`", formulas: .neutralised)), ';');"))
        #expect(!files["schema-neo4j.cypher"]!.contains("led_by"))
    }

    @Test func hostileTextIsQuotedAndTheExportIsDeterministic() {
        let first = Exporter.files(InterchangeFixtures.tricky, format: .cypher)
        #expect(first == Exporter.files(InterchangeFixtures.tricky, format: .cypher))
        let meetings = InterchangeFixtures.text(first.first { $0.name == "nodes-meeting.csv" }!)
        #expect(meetings.contains(",\"Talks\r\nwith CRLF\","))
        let persons = InterchangeFixtures.text(first.first { $0.name == "nodes-person.csv" }!)
        #expect(persons.contains(",\"Ông \"\"X\"\", Jr.\","))
    }

    @Test func writingCreatesTheFolderAndEveryFile() throws {
        let folder = InterchangeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Exporter.write(InterchangeFixtures.bundled, format: .cypher, to: folder + "/cypher")
        let names = Exporter.files(InterchangeFixtures.bundled, format: .cypher).map(\.name)
        #expect(written == names.map { folder + "/cypher/" + $0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/cypher").sorted() == names.sorted())
    }
}
