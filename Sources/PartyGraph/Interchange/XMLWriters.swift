/// GraphML (http://graphml.graphdrawing.org/) with a typed `<key>` for every attribute.
///
/// Lists and evidence records are JSON text in `string` attributes; the first quote and its source are also plain
/// attributes. Edges carry ids (`e0`, `e1`… in dataset order), which NetworkX's `read_graphml` uses as multigraph keys.
enum GraphMLWriter {
    static func text(_ graph: InterchangeGraph) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        func type(of value: InterchangeGraph.Value) -> String {
            if case .integer = value { return "int" }
            return "string"
        }
        func type(_ column: InterchangeGraph.Column) -> String { column.type == .integer ? "int" : "string" }
        for (name, value) in graph.graphValues {
            out += "  <key id=\"g_\(XMLText.escaped(name))\" for=\"graph\" attr.name=\"\(XMLText.escaped(name))\" attr.type=\"\(type(of: value))\"/>\n"
        }
        for column in graph.nodeColumns {
            out += "  <key id=\"n_\(column.name)\" for=\"node\" attr.name=\"\(column.name)\" attr.type=\"\(type(column))\"/>\n"
        }
        for column in graph.edgeColumns {
            out += "  <key id=\"e_\(column.name)\" for=\"edge\" attr.name=\"\(column.name)\" attr.type=\"\(type(column))\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"\(graph.directed ? "directed" : "undirected")\">\n"
        for (name, value) in graph.graphValues {
            out += "    <data key=\"g_\(XMLText.escaped(name))\">\(XMLText.escaped(value.flatText, content: true))</data>\n"
        }
        for node in graph.nodes {
            out += "    <node id=\"\(XMLText.escaped(node.id))\">\n"
            for column in graph.nodeColumns {
                guard let value = node.values[column.name] else { continue }
                out += "      <data key=\"n_\(column.name)\">\(XMLText.escaped(value.flatText, content: true))</data>\n"
            }
            out += "    </node>\n"
        }
        for edge in graph.edges {
            out += "    <edge id=\"\(edge.id)\" source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\">\n"
            for column in graph.edgeColumns {
                guard let value = edge.values[column.name] else { continue }
                out += "      <data key=\"e_\(column.name)\">\(XMLText.escaped(value.flatText, content: true))</data>\n"
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}

/// GEXF 1.3 (http://gexf.net/1.3), dynamic, with `timeformat="date"`.
///
/// Meetings carry their days and relationships their validity as `start`/`end` (a partial date widened to the
/// days it covers: `2026-02` starts 2026-02-01 and ends 2026-02-28); open bounds are omitted. The exact partial
/// dates stay in the `start_date`/`end_date` attributes, because GEXF readers put the element's `start`/`end`
/// under those names. A `weight` column becomes the edge's `weight`.
enum GEXFWriter {
    static func text(_ graph: InterchangeGraph) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">

            """
        let title = graph.graphValues.first { $0.name == "title" }?.value.flatText ?? ""
        out += "  <meta>\n    <creator>PartyGraph</creator>\n    <description>\(XMLText.escaped(title, content: true))</description>\n  </meta>\n"
        out += "  <graph defaultedgetype=\"\(graph.directed ? "directed" : "undirected")\" mode=\"dynamic\" timeformat=\"date\">\n"
        func attributeTitle(_ column: InterchangeGraph.Column) -> String {
            switch column.name {
            case "start", "end": return column.name + "_date"
            default: return column.name
            }
        }
        func type(_ column: InterchangeGraph.Column) -> String { column.type == .integer ? "integer" : "string" }
        let edgeColumns = graph.edgeColumns.filter { $0.name != "weight" }
        for (kind, columns) in [("node", graph.nodeColumns), ("edge", edgeColumns)] {
            out += "    <attributes class=\"\(kind)\" mode=\"static\">\n"
            for column in columns {
                out += "      <attribute id=\"\(column.name)\" title=\"\(attributeTitle(column))\" type=\"\(type(column))\"/>\n"
            }
            out += "    </attributes>\n"
        }
        func spanAttributes(_ span: DateSpan?) -> String {
            guard let span else { return "" }
            var text = ""
            if let start = span.start { text += " start=\"\(isoDay(start, last: false))\"" }
            if let end = span.end { text += " end=\"\(isoDay(end, last: true))\"" }
            return text
        }
        func attvalues(_ values: [String: InterchangeGraph.Value], _ columns: [InterchangeGraph.Column], indent: String) -> String {
            let present = columns.compactMap { column in values[column.name].map { (column.name, $0) } }
            if present.isEmpty { return "" }
            var text = indent + "<attvalues>\n"
            for (name, value) in present {
                text += indent + "  <attvalue for=\"\(name)\" value=\"\(XMLText.escaped(value.flatText))\"/>\n"
            }
            return text + indent + "</attvalues>\n"
        }
        out += "    <nodes>\n"
        for node in graph.nodes {
            out += "      <node id=\"\(XMLText.escaped(node.id))\" label=\"\(XMLText.escaped(node.label))\"\(spanAttributes(graph.nodeSpans[node.id]))>\n"
            out += attvalues(node.values, graph.nodeColumns, indent: "        ")
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for edge in graph.edges {
            var weight = ""
            if case .integer(let value)? = edge.values["weight"] { weight = " weight=\"\(value)\"" }
            out += "      <edge id=\"\(edge.id)\" source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\" label=\"\(XMLText.escaped(edge.relation))\"\(weight)\(spanAttributes(graph.edgeSpans[edge.id]))>\n"
            out += attvalues(edge.values, edgeColumns, indent: "        ")
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    /// The first (or last) day a partial date covers, as `YYYY-MM-DD`.
    static func isoDay(_ date: PartialDate, last: Bool) -> String {
        let month = date.month ?? (last ? 12 : 1)
        let day = date.day ?? (last ? PartialDate.daysIn(month: month, year: date.year) : 1)
        return PartialDate.pad(date.year, 4) + "-" + PartialDate.pad(month, 2) + "-" + PartialDate.pad(day, 2)
    }
}
