import Foundation

/// Node-link JSON as NetworkX 3.6's `node_link_graph` reads it by default: edges under `"edges"` (not the older
/// `"links"`), endpoints in `source`/`target`, multigraph keys in `key`, node ids in `id`.
///
/// Lists and evidence are native JSON here. Graph-level values (format, title, description, sources) sit under
/// `"graph"`, so the document can be imported back into a dataset.
enum NodeLinkWriter {
    static func document(_ graph: InterchangeGraph) -> JSONValue {
        let nodes: [JSONValue] = graph.nodes.map { node in
            var members = [JSONValue.Member("id", .string(node.id))]
            for column in graph.nodeColumns {
                if let value = node.values[column.name] { members.append(.init(column.name, value.json)) }
            }
            return .object(members)
        }
        let edges: [JSONValue] = graph.edges.map { edge in
            var members = [JSONValue.Member("source", .string(edge.source)), .init("target", .string(edge.target))]
            if graph.directed { members.append(.init("key", .string(edge.id))) }
            for column in graph.edgeColumns {
                if let value = edge.values[column.name] { members.append(.init(column.name, value.json)) }
            }
            return .object(members)
        }
        return .object([
            .init("directed", .bool(graph.directed)),
            .init("multigraph", .bool(graph.directed)),
            .init("graph", .object(graph.graphValues.map { JSONValue.Member($0.name, $0.value.json) })),
            .init("nodes", .array(nodes)),
            .init("edges", .array(edges)),
        ])
    }

    static func text(_ graph: InterchangeGraph) -> String { document(graph).prettyText + "\n" }
}

/// The interchange CSV files (``CSVText`` lays out the lines and neutralises formula-like text cells).
enum CSVWriter {
    /// The positions of integer columns among `columns`, shifted by the `leading` id columns before them.
    static func numericColumns(_ columns: [InterchangeGraph.Column], leading: Int) -> Set<Int> {
        Set(columns.indices.filter { columns[$0].type == .integer }.map { $0 + leading })
    }

    /// `nodes.csv`: `id`, then the node columns.
    static func nodes(_ graph: InterchangeGraph, formulas: CSVText.Formulas) -> String {
        CSVText.table(header: ["id"] + graph.nodeColumns.map(\.name), rows: graph.nodes.map { node in
            [node.id] + graph.nodeColumns.map { node.values[$0.name]?.flatText ?? "" }
        }, numericColumns: numericColumns(graph.nodeColumns, leading: 1), formulas: formulas)
    }

    /// `edges.csv`: `id`, `from`, `to`, then the edge columns; one row per relationship.
    static func edges(_ graph: InterchangeGraph, formulas: CSVText.Formulas) -> String {
        CSVText.table(header: ["id", "from", "to"] + graph.edgeColumns.map(\.name), rows: graph.edges.lazy.map { edge in
            [edge.id, edge.source, edge.target] + graph.edgeColumns.map { edge.values[$0.name]?.flatText ?? "" }
        }, numericColumns: numericColumns(graph.edgeColumns, leading: 3), formulas: formulas)
    }

    static let sourceColumns = ["id", "publisher", "title", "date", "url", "text"]
    /// Written only when a source has a kind other than ``SourceKind/reported``, as the dataset file leaves `kind` out
    /// then: so exports of reported-only datasets keep their columns, and a machine-coded source stays one.
    static let sourceKindColumn = "kind"
    /// Every column a source record may have, in any interchange format.
    static let knownSourceColumns = Set(sourceColumns + [sourceKindColumn])

    /// `sources.csv`: the dataset's sources.
    static func sources(_ dataset: Dataset, formulas: CSVText.Formulas) -> String {
        let withKind = dataset.sources.contains { $0.kind != .reported }
        return CSVText.table(header: sourceColumns + (withKind ? [sourceKindColumn] : []), rows: dataset.sources.map {
            [$0.id, $0.publisher, $0.title, $0.date.description, $0.url ?? "", $0.textFile ?? ""] + (withKind ? [$0.kind.rawValue] : [])
        }, formulas: formulas)
    }

    /// `dataset.csv`: `field,value` rows for the dataset's format, version, title and description.
    static func metadata(_ dataset: Dataset, formulas: CSVText.Formulas) -> String {
        var rows = [["format", DatasetLoader.formatName], ["version", String(DatasetLoader.formatVersion)], ["title", dataset.title]]
        if let description = dataset.description { rows.append(["description", description]) }
        if !dataset.vocabulary.isEmpty { rows.append(["vocabulary", DatasetWriter.vocabulary(dataset.vocabulary).compactText]) }
        return CSVText.table(header: ["field", "value"], rows: rows, formulas: formulas)
    }
}

/// CSV files for `neo4j-admin database import full` plus a Cypher `LOAD CSV` script doing the same.
///
/// Nodes: `id:ID`, `:LABEL` (`PartyGraph;Person`…), typed properties (`aliases:string[]` with `;` between items,
/// `start:date`/`end:date` widened to whole days, the exact partial dates in `start_exact`/`end_exact`).
/// Relationships: `:START_ID`, `:END_ID`, `:TYPE` (`PART_OF`, `PARTICIPANT_IN`…, `MEETS` in projections).
enum Neo4jWriter {
    static func label(ofKind kind: String) -> String { kind.prefix(1).uppercased() + kind.dropFirst() }

    static func type(ofRelation relation: String) -> String {
        relation.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// Header and cells of one column; dates expand to two columns (typed day, exact text).
    private static func columns(_ column: InterchangeGraph.Column) -> [(header: String, cell: (InterchangeGraph.Value) -> String)] {
        switch column.type {
        case .string, .json: return [(column.name, { $0.flatText })]
        case .integer: return [(column.name + ":long", { $0.flatText })]
        case .list: return [(column.name + ":string[]", { value in
            if case .list(let items) = value { return items.joined(separator: ";") }
            return value.flatText
        })]
        case .date:
            let last = column.name == "end"
            return [
                (column.name + ":date", { value in
                    guard case .string(let text) = value, let date = try? PartialDate(parsing: text) else { return "" }
                    return GEXFWriter.isoDay(date, last: last)
                }),
                (column.name + "_exact", { $0.flatText }),
            ]
        }
    }

    /// The positions of `:long` columns in a header: their cells are numbers, never neutralised.
    private static func numericColumns(_ header: [String]) -> Set<Int> {
        Set(header.indices.filter { header[$0].hasSuffix(":long") })
    }

    static func nodes(_ graph: InterchangeGraph, formulas: CSVText.Formulas) -> String {
        let expanded = graph.nodeColumns.filter { $0.name != "kind" }.map { ($0.name, columns($0)) }
        let header = ["id:ID", ":LABEL", "kind"] + expanded.flatMap { $0.1.map(\.header) }
        let rows = graph.nodes.map { node in
            [node.id, "PartyGraph;" + label(ofKind: node.kind), node.kind] + expanded.flatMap { name, parts in
                parts.map { part in node.values[name].map(part.cell) ?? "" }
            }
        }
        return CSVText.table(header: header, rows: rows, numericColumns: numericColumns(header), formulas: formulas)
    }

    static func relationships(_ graph: InterchangeGraph, formulas: CSVText.Formulas) -> String {
        let expanded = graph.edgeColumns.filter { $0.name != "relation" }.map { ($0.name, columns($0)) }
        let header = [":START_ID", ":END_ID", ":TYPE", "id", "relation"] + expanded.flatMap { $0.1.map(\.header) }
        let rows = graph.edges.lazy.map { edge in
            [edge.source, edge.target, type(ofRelation: edge.relation), edge.id, edge.relation] + expanded.flatMap { name, parts in
                parts.map { part in edge.values[name].map(part.cell) ?? "" }
            }
        }
        return CSVText.table(header: header, rows: rows, numericColumns: numericColumns(header), formulas: formulas)
    }

    /// A Cypher script that loads the two CSV files with `LOAD CSV` (Neo4j 4.4 and 5, no plugins).
    static func cypher(_ graph: InterchangeGraph, formulas: CSVText.Formulas) -> String {
        func cell(_ header: String) -> String { "row.`\(header)`" }
        func text(_ header: String) -> String { CypherWriter.text(cell(header), formulas: formulas) }
        func assignments(_ columns: [InterchangeGraph.Column], variable: String, skip: Set<String>) -> [String] {
            columns.filter { !skip.contains($0.name) }.flatMap { column -> [String] in
                switch column.type {
                case .string: return ["\(variable).\(column.name) = \(text(column.name))"]
                case .json: return ["\(variable).\(column.name) = \(cell(column.name))"]
                case .integer: return ["\(variable).\(column.name) = toInteger(\(cell(column.name + ":long")))"]
                case .list: return ["\(variable).\(column.name) = split(\(text(column.name + ":string[]")), ';')"]
                case .date: return [
                    "\(variable).\(column.name) = date(\(cell(column.name + ":date")))",
                    "\(variable).\(column.name)_exact = \(cell(column.name + "_exact"))",
                ]
                }
            }
        }
        var lines = [
            "// PartyGraph export for Neo4j: copy nodes.csv and relationships.csv into the database's import folder,",
            "// then run: cypher-shell -f load.cypher",
            "// Empty CSV fields load as null, so absent properties are not set.",
            "CREATE CONSTRAINT partygraph_id IF NOT EXISTS FOR (n:PartyGraph) REQUIRE n.id IS UNIQUE;",
        ]
        let nodeSet = (["n.kind = \(text("kind"))"] + assignments(graph.nodeColumns, variable: "n", skip: ["kind"])).joined(separator: ",\n    ")
        for kind in Set(graph.nodes.map(\.kind)).sorted() {
            lines.append("""
                LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
                WITH row WHERE row.kind = '\(kind)'
                WITH row, \(text("id:ID")) AS nodeID
                MERGE (n:PartyGraph {id: nodeID})
                SET n:\(label(ofKind: kind)),
                    \(nodeSet);
                """)
        }
        let edgeSet = (["r.id = row.id", "r.relation = \(text("relation"))"] + assignments(graph.edgeColumns, variable: "r", skip: ["relation"]))
            .joined(separator: ",\n    ")
        for relation in Set(graph.edges.map(\.relation)).sorted() {
            lines.append("""
                LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
                WITH row WHERE row.`:TYPE` = '\(type(ofRelation: relation))'
                WITH row, \(text(":START_ID")) AS fromID, \(text(":END_ID")) AS toID
                MATCH (a:PartyGraph {id: fromID}), (b:PartyGraph {id: toID})
                CREATE (a)-[r:\(type(ofRelation: relation))]->(b)
                SET \(edgeSet);
                """)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Plain Graphviz DOT: quoted, escaped ids and labels, node kind as shape, relation as edge label.
enum DOTWriter {
    /// A DOT string that Graphviz shows as written, by the rules `PartyGraphDiagrams` applies to the labels it
    /// draws: `"` and `\` escaped (so `\N`, `\l` are no escString escapes), a line break (`\n`, `\r\n`, `\r`) as
    /// `\n`, `&` as `&amp;` (Graphviz decodes entities in labels), and the characters XML 1.0 cannot hold — the other
    /// control characters, DEL, U+FFFE, U+FFFF — as U+FFFD: a NUL would end the text for Graphviz's C parser, and
    /// the others would make the SVG that `dot -Tsvg` draws from the file ill-formed. With `label: false` (a graph
    /// or node name, which Graphviz does not decode) `&` is written as it is.
    static func quoted(_ text: String, label: Bool = true) -> String {
        var out = "\""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&" where label: out += "&amp;"
            case "\r": out += "\\n"
            case "\n": if !previousWasCarriageReturn { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func shape(ofKind kind: String) -> String {
        switch kind {
        case "party": return "box"
        case "organ": return "box3d"
        case "office": return "hexagon"
        case "person": return "ellipse"
        case "country": return "doubleoctagon"
        case "meeting": return "diamond"
        default: return "ellipse"
        }
    }

    static func text(_ graph: InterchangeGraph) -> String {
        let title = graph.graphValues.first { $0.name == "title" }?.value.flatText ?? "PartyGraph"
        var out = (graph.directed ? "digraph " : "graph ") + quoted(title, label: false) + " {\n"
        out += "  graph [label=\(quoted(title))];\n"
        for node in graph.nodes {
            out += "  \(quoted(node.id, label: false)) [label=\(quoted(node.label)), shape=\(shape(ofKind: node.kind))];\n"
        }
        let arrow = graph.directed ? "->" : "--"
        for edge in graph.edges {
            var attributes = "label=\(quoted(edge.relation))"
            if case .integer(let weight)? = edge.values["weight"] {
                attributes = "label=\(quoted(String(weight))), weight=\(weight)"
            }
            out += "  \(quoted(edge.source, label: false)) \(arrow) \(quoted(edge.target, label: false)) [\(attributes)];\n"
        }
        return out + "}\n"
    }
}
