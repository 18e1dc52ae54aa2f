/// CSV files and Cypher scripts that a running Cypher engine (Neo4j 4.4/5, FalkorDB) loads as they are.
///
/// `LOAD CSV WITH HEADERS` reads every cell as text under its plain column name, so the files carry no type
/// suffixes (`id:ID`, `:LABEL`); the types are said by the script instead:
///
/// - one node file per kind (`nodes-person.csv`…) and one relationship file per relation
///   (`relationships-participant-in.csv`…, `relationships-meets.csv` in projections);
/// - `load.cypher`: one `LOAD CSV` statement per file, the same for both engines. Nodes get the labels
///   `PartyGraph` and their kind (`Person`, `Office`…), relationships the type of their relation (`PARTICIPANT_IN`…).
///   Dates become `date` values of whole days (a partial date widened as in GEXF: `2024-08` starts on the 1st and, as
///   an end, ends on the 31st) with the partial date itself kept as text in `<name>_exact`; counts become integers
///   (`toInteger`); lists are `;`-joined in the file and become lists (`split`); evidence stays JSON text beside the
///   first quote and its source;
/// - `schema-neo4j.cypher` and `schema-falkordb.cypher`: what each engine needs first so that relationships find
///   their ends by id through an index — Neo4j a uniqueness constraint (which brings its own index), FalkorDB an
///   exact-match index (its uniqueness constraint is the `GRAPH.CONSTRAINT` command, named in the file) — and an
///   index on `led_by` of participations;
/// - for the typed graph, `who-met.cypher` and `meets.cypher`: the who-meets-whom derivation of docs/queries.md at
///   person level, for one person and for every pair (checked against `partygraph` on FalkorDB by
///   `Tests/interop/test_cypher_falkordb.py`).
///
/// Empty cells are absent in both engines, so an absent value leaves the property unset.
enum CypherWriter {
    /// The node label of a kind (`person` → `Person`).
    static func label(ofKind kind: String) -> String { kind.prefix(1).uppercased() + kind.dropFirst() }

    /// The relationship type of a relation (`participant-in` → `PARTICIPANT_IN`).
    static func type(ofRelation relation: String) -> String {
        relation.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    static func nodeFile(ofKind kind: String) -> String { "nodes-\(kind).csv" }
    static func relationshipFile(ofRelation relation: String) -> String { "relationships-\(relation).csv" }

    /// The separator of list items in a cell; an item holding it would be split on loading (docs/interchange.md).
    static let listSeparator = ";"

    /// A Cypher expression for the text of a CSV cell `cell` (`row.\`name\``): with ``CSVText/Formulas/neutralised``
    /// cells, the `'` that ``CSVText`` put in front of a formula-like cell is taken off as ``CSVText/readCell(_:)`` does
    /// — when the cell starts with `'` and its first piece after the leading `'`s starts with one of
    /// ``CSVText/formulaStarts`` — with functions both Neo4j and FalkorDB have (FalkorDB has no `=~`).
    static func text(_ cell: String, formulas: CSVText.Formulas) -> String {
        guard formulas == .neutralised else { return cell }
        let starts = CSVText.formulaStarts.map { character -> String in
            switch character {
            case "\t": return "'\\t'"
            case "\r": return "'\\r'"
            default: return "'\(character)'"
            }
        }.joined(separator: ", ")
        return "CASE WHEN \(cell) IS NULL OR NOT \(cell) STARTS WITH \"'\" THEN \(cell) "
            + "WHEN left(head([piece IN split(\(cell), \"'\") WHERE piece <> '']), 1) IN [\(starts)] "
            + "THEN substring(\(cell), 1) ELSE \(cell) END"
    }

    /// The positions of integer columns in a header of `columns` after `leading` id columns.
    private static func numericColumns(_ columns: [InterchangeGraph.Column], leading: Int) -> Set<Int> {
        var result = Set<Int>(), position = leading
        for column in columns {
            if column.type == .integer { result.insert(position) }
            position += headers(column).count
        }
        return result
    }

    /// The CSV header cells of a column: dates take a second column with the exact partial date.
    private static func headers(_ column: InterchangeGraph.Column) -> [String] {
        column.type == .date ? [column.name, column.name + "_exact"] : [column.name]
    }

    /// The CSV cells of one column of a node or edge.
    private static func cells(_ column: InterchangeGraph.Column, _ value: InterchangeGraph.Value?) -> [String] {
        guard let value else { return headers(column).map { _ in "" } }
        switch column.type {
        case .string, .json, .integer: return [value.flatText]
        case .list:
            if case .list(let items) = value { return [items.joined(separator: listSeparator)] }
            return [value.flatText]
        case .date:
            guard case .string(let text) = value, let date = try? PartialDate(parsing: text) else { return ["", value.flatText] }
            return [GEXFWriter.isoDay(date, last: column.name == "end"), text]
        }
    }

    /// The Cypher expressions setting a column's properties from `row`, typed.
    /// Text columns go through ``text(_:formulas:)``; JSON text (`[`…) and ISO dates never start like a formula.
    private static func assignments(_ column: InterchangeGraph.Column, variable: String, formulas: CSVText.Formulas) -> [String] {
        let cell = "row.`\(column.name)`"
        switch column.type {
        case .string: return ["\(variable).`\(column.name)` = \(text(cell, formulas: formulas))"]
        case .json: return ["\(variable).`\(column.name)` = \(cell)"]
        case .integer: return ["\(variable).`\(column.name)` = toInteger(\(cell))"]
        case .list: return ["\(variable).`\(column.name)` = split(\(text(cell, formulas: formulas)), '\(listSeparator)')"]
        case .date: return [
            "\(variable).`\(column.name)` = date(\(cell))",
            "\(variable).`\(column.name)_exact` = row.`\(column.name)_exact`",
        ]
        }
    }

    /// The kinds present, in name order.
    static func kinds(_ graph: InterchangeGraph) -> [String] { Set(graph.nodes.map(\.kind)).sorted() }

    /// The relations present, in name order (one pass over the edges, which a projection makes one at a time).
    static func relations(_ graph: InterchangeGraph) -> [String] {
        var seen = Set<String>()
        for edge in graph.edges { seen.insert(edge.relation) }
        return seen.sorted()
    }

    /// `nodes-<kind>.csv`: `id`, then every node column (dates as two columns), nodes in dataset order.
    static func nodes(_ graph: InterchangeGraph, kind: String, formulas: CSVText.Formulas) -> String {
        let header = ["id"] + graph.nodeColumns.flatMap(headers)
        let rows = graph.nodes.lazy.filter { $0.kind == kind }.map { node in
            [node.id] + graph.nodeColumns.flatMap { cells($0, node.values[$0.name]) }
        }
        return CSVText.table(header: header, rows: rows, numericColumns: numericColumns(graph.nodeColumns, leading: 1), formulas: formulas)
    }

    /// `relationships-<relation>.csv`: `id`, `from`, `to`, then every edge column, edges in dataset order.
    static func relationships(_ graph: InterchangeGraph, relation: String, formulas: CSVText.Formulas) -> String {
        let header = ["id", "from", "to"] + graph.edgeColumns.flatMap(headers)
        let rows = graph.edges.lazy.filter { $0.relation == relation }.map { edge in
            [edge.id, edge.source, edge.target] + graph.edgeColumns.flatMap { cells($0, edge.values[$0.name]) }
        }
        return CSVText.table(header: header, rows: rows, numericColumns: numericColumns(graph.edgeColumns, leading: 3), formulas: formulas)
    }

    /// `load.cypher`: one `LOAD CSV` statement per file, nodes first; each statement ends with `;` at the end of
    /// its last line, and lines starting with `//` are comments.
    static func load(_ graph: InterchangeGraph, kinds: [String], relations: [String], formulas: CSVText.Formulas) -> String {
        var lines = [
            "// PartyGraph export for a Cypher engine (Neo4j 4.4/5, FalkorDB): see docs/interchange.md.",
            "// Put the CSV files in the engine's import folder, run schema-neo4j.cypher or schema-falkordb.cypher,",
            "// then these statements, into an empty graph. Empty cells are absent, so absent values stay unset.",
        ]
        let nodeSet = (["n.id = \(text("row.`id`", formulas: formulas))"] + graph.nodeColumns.flatMap { assignments($0, variable: "n", formulas: formulas) })
            .joined(separator: ",\n    ")
        for kind in kinds {
            lines.append("""
                LOAD CSV WITH HEADERS FROM 'file:///\(nodeFile(ofKind: kind))' AS row
                CREATE (n:PartyGraph:\(label(ofKind: kind)))
                SET \(nodeSet);
                """)
        }
        let edgeSet = (["r.id = row.`id`"] + graph.edgeColumns.flatMap { assignments($0, variable: "r", formulas: formulas) })
            .joined(separator: ",\n    ")
        // The ends are found by id through the index; the ids are worked out first (FalkorDB 4.16 crashes on a list
        // comprehension inside a pattern's property map).
        let endpoints = "WITH row, \(text("row.`from`", formulas: formulas)) AS fromID, \(text("row.`to`", formulas: formulas)) AS toID\n"
            + "MATCH (a:PartyGraph {id: fromID}), (b:PartyGraph {id: toID})"
        for relation in relations {
            lines.append("""
                LOAD CSV WITH HEADERS FROM 'file:///\(relationshipFile(ofRelation: relation))' AS row
                \(endpoints)
                CREATE (a)-[r:\(type(ofRelation: relation))]->(b)
                SET \(edgeSet);
                """)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `schema-neo4j.cypher`: a uniqueness constraint on the id of every `PartyGraph` node (its index serves the
    /// id lookups of `load.cypher`), and an index on `led_by` of participations (who-met finds delegations by it).
    static func neo4jSchema(relations: [String]) -> String {
        var text = """
            // Neo4j 4.4/5: run before load.cypher. The constraint brings the index that relationships are matched by.
            CREATE CONSTRAINT partygraph_id IF NOT EXISTS FOR (n:PartyGraph) REQUIRE n.id IS UNIQUE;

            """
        if relations.contains(Relation.participantIn.rawValue) {
            text += "CREATE INDEX partygraph_led_by IF NOT EXISTS FOR ()-[r:PARTICIPANT_IN]-() ON (r.led_by);\n"
        }
        return text
    }

    /// `schema-falkordb.cypher`: an exact-match index on the id of every `PartyGraph` node and on `led_by` of
    /// participations, and (as a comment: it is a command, not Cypher) the command that makes ids unique.
    static func falkorDBSchema(relations: [String]) -> String {
        var text = """
            // FalkorDB: run before load.cypher. The index serves the id lookups of the relationship statements.
            // Uniqueness is a command, not Cypher: GRAPH.CONSTRAINT CREATE <graph> UNIQUE NODE PartyGraph PROPERTIES 1 id
            CREATE INDEX FOR (n:PartyGraph) ON (n.id);

            """
        if relations.contains(Relation.participantIn.rawValue) {
            text += "CREATE INDEX FOR ()-[r:PARTICIPANT_IN]-() ON (r.led_by);\n"
        }
        return text
    }

    // MARK: - Who meets whom, in Cypher

    /// The meeting statuses that count (the default of `who-met`, `matrix` and the projections).
    static let admittedStatuses = QueryFilter.defaultStatuses.map(\.rawValue).sorted()

    /// The person-level attendees of the bound meeting `m`, as ids in `attendees` (docs/queries.md): persons taking part
    /// directly, persons named in `led_by` of a participation, the holders of a participating office whose `holds`
    /// overlaps the meeting's days (open bounds overlap everything), the office itself when it has no such holder,
    /// and persons hosting it. `carry` names the variables kept beside `m`.
    static func attendees(carrying carry: [String]) -> String {
        let kept = (carry + ["m"]).joined(separator: ", ")
        return """
            OPTIONAL MATCH (m)<-[:PARTICIPANT_IN]-(o:Office)
            OPTIONAL MATCH (o)<-[h:HOLDS]-(holder:Person)
              WHERE (h.start IS NULL OR m.end IS NULL OR h.start <= m.end) AND (h.end IS NULL OR m.start IS NULL OR h.end >= m.start)
            WITH \(kept), o, collect(holder.id) AS holders
            WITH \(kept), collect(CASE WHEN o IS NULL THEN [] WHEN size(holders) = 0 THEN [o.id] ELSE holders END) AS byOffice
            WITH \(kept), reduce(ids = [], entry IN byOffice | ids + entry)
              + [(m)<-[:PARTICIPANT_IN]-(participant:Person) | participant.id]
              + [(m)<-[delegation:PARTICIPANT_IN]-() WHERE delegation.led_by IS NOT NULL | delegation.led_by]
              + [(m)<-[:HOSTS]-(host:Person) | host.id] AS ids
            UNWIND ids AS id
            WITH DISTINCT \(kept), id
            WITH \(kept), collect(id) AS attendees
            """
    }

    private static var statusList: String { "[" + admittedStatuses.map { "'\($0)'" }.joined(separator: ", ") + "]" }

    /// `who-met.cypher`: whom the person `$actor` met, one row per counterpart and meeting — what
    /// `partygraph who-met ACTOR --format json` lists as encounters (counterpart id, meeting id).
    ///
    /// Written so that both engines start from indexes and walk outwards from nodes already bound: the person through
    /// the `PartyGraph` id index (FalkorDB scans the `Person` label for `(:Person {id})`), its delegations through the
    /// `led_by` index (FalkorDB scanned every meeting when the far end was labelled there). Every pattern
    /// comprehension has variables of its own: FalkorDB 4.16 treats a name used in two comprehensions of one
    /// expression as bound by the other, and then scans a whole label to join them (all 200,000 meetings for a second
    /// `(me)-[:HOSTS]->(m)`, all 100,000 persons per meeting for a second `(p:Person)-[:HOSTS]->(m)`: seconds per
    /// query at scale).
    static func whoMetQuery() -> String {
        """
        // Who met the person $actor (an id), person level, announced or held meetings: one row per counterpart and
        // meeting, as `partygraph who-met` derives them (docs/queries.md). Counterparts are persons, or offices
        // whose holder is not named for the meeting's days.
        MATCH (me:PartyGraph {id: $actor}) WHERE me:Person
        OPTIONAL MATCH ()-[:PARTICIPANT_IN {led_by: $actor}]->(led)
        WITH me, collect(led) AS ledMeetings
        WITH me, ledMeetings + [(me)-[:PARTICIPANT_IN]->(attended:Meeting) | attended]
          + [(me)-[:HOSTS]->(hosted:Meeting) | hosted]
          + [(me)-[:HOLDS]->(:Office)-[:PARTICIPANT_IN]->(byOffice:Meeting) | byOffice] AS candidates
        UNWIND candidates AS m
        WITH DISTINCT me, m
        WHERE m.status IN \(statusList)
        \(attendees(carrying: ["me"]))
        WHERE me.id IN attendees
        UNWIND attendees AS counterpart
        WITH me, m, counterpart WHERE counterpart <> me.id
        RETURN counterpart, m.id AS meeting ORDER BY meeting, counterpart;

        """
    }

    /// `meets.cypher`: every pair that meets at person level, with the number of meetings shared and their ids — the
    /// edges of `partygraph export --projection persons`.
    static func meetsQuery() -> String {
        """
        // Who meets whom among persons (and offices whose holder is not named), announced or held meetings: one row
        // per pair (a < b), weight = meetings shared, meetings in id order — the edges of `export --projection persons`.
        MATCH (m:Meeting)
        WHERE m.status IN \(statusList)
        \(attendees(carrying: []))
        UNWIND attendees AS a
        UNWIND attendees AS b
        WITH m, a, b WHERE a < b
        WITH a, b, m.id AS meeting ORDER BY meeting
        RETURN a, b, count(meeting) AS weight, collect(meeting) AS meetings ORDER BY a, b;

        """
    }

    /// Every file of the export: node files, relationship files, the two schema scripts and `load.cypher`, and for
    /// the typed graph (`withQueries`) the who-meets-whom queries `who-met.cypher` and `meets.cypher`.
    static func files(_ graph: InterchangeGraph, withQueries: Bool, formulas: CSVText.Formulas) -> [(name: String, text: String)] {
        let kinds = kinds(graph), relations = relations(graph)
        var files = kinds.map { (name: nodeFile(ofKind: $0), text: nodes(graph, kind: $0, formulas: formulas)) }
            + relations.map { (name: relationshipFile(ofRelation: $0), text: relationships(graph, relation: $0, formulas: formulas)) }
        files += [
            ("schema-neo4j.cypher", neo4jSchema(relations: relations)),
            ("schema-falkordb.cypher", falkorDBSchema(relations: relations)),
            ("load.cypher", load(graph, kinds: kinds, relations: relations, formulas: formulas)),
        ]
        if withQueries { files += [("who-met.cypher", whoMetQuery()), ("meets.cypher", meetsQuery())] }
        return files
    }
}
