/// The graph that every export format writes: nodes and edges with typed attribute columns.
///
/// The `full` projection of a dataset carries every field of every node and relationship, so each format can be
/// lossless; the `persons` and `parties` projections carry the derived who-meets-whom graph. Writers only lay this
/// table out in their syntax, so all formats agree on ids, attribute names and values.
struct InterchangeGraph: Sendable {
    /// How a column's values are typed in formats that declare types.
    enum ColumnType: Sendable {
        /// Free text.
        case string
        /// A whole number.
        case integer
        /// An ISO 8601 partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), written as text.
        case date
        /// A list of strings: a JSON array in flat text formats, a native list in JSON, `string[]` in Neo4j.
        case list
        /// Structured records (evidence): JSON text in flat formats, native JSON in node-link JSON.
        case json
    }

    struct Column: Sendable {
        var name: String
        var type: ColumnType
    }

    /// One attribute value; absent values are simply not in the dictionary.
    enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case list([String])
        case json(JSONValue)

        /// The value as one line of text for flat formats (CSV cells, GraphML and GEXF attribute values).
        var flatText: String {
            switch self {
            case .string(let text): return text
            case .integer(let number): return String(number)
            case .list(let items): return JSONValue.array(items.map(JSONValue.string)).compactText
            case .json(let value): return value.compactText
            }
        }

        /// The value as native JSON.
        var json: JSONValue {
            switch self {
            case .string(let text): return .string(text)
            case .integer(let number): return .integer(number)
            case .list(let items): return .array(items.map(JSONValue.string))
            case .json(let value): return value
            }
        }
    }

    struct Node: Sendable {
        var id: String
        /// The node kind (`person`, `party`…), used for labels, shapes and Neo4j labels.
        var kind: String
        var label: String
        var values: [String: Value]
    }

    struct Edge: Sendable {
        /// A stable edge id (`e0`, `e1`… in dataset order), the edge key of a multigraph.
        var id: String
        var source: String
        var target: String
        /// The relation (`participant-in`) or, in projections, `meets`.
        var relation: String
        var values: [String: Value]
    }

    var directed: Bool
    var graphValues: [(name: String, value: Value)]
    var nodeColumns: [Column]
    var edgeColumns: [Column]
    var nodes: [Node]
    var edges: Edges
    /// Dates spans of nodes and edges for GEXF time (meetings' days, relationships' validity).
    var nodeSpans: [String: DateSpan] = [:]
    var edgeSpans: [String: DateSpan] = [:]
}

extension InterchangeGraph {
    /// The edges of a graph, stored or made one at a time as a writer reads them (a projection of millions of
    /// pairs is never held as edge records all at once).
    struct Edges: RandomAccessCollection, Sendable {
        let count: Int
        private let edge: @Sendable (Int) -> Edge

        init(count: Int, edge: @escaping @Sendable (Int) -> Edge) {
            self.count = count
            self.edge = edge
        }

        init(_ stored: [Edge]) {
            self.init(count: stored.count) { stored[$0] }
        }

        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> Edge { edge(position) }
    }
}

extension InterchangeGraph {
    /// Node columns of the full projection, in the order they are written.
    static let fullNodeColumns: [Column] = [
        .init(name: "kind", type: .string), .init(name: "name", type: .string), .init(name: "aliases", type: .list),
        .init(name: "note", type: .string), .init(name: "meeting_kind", type: .string), .init(name: "start", type: .date),
        .init(name: "end", type: .date), .init(name: "place", type: .string), .init(name: "status", type: .string),
        .init(name: "status_as_of", type: .date), .init(name: "status_claims", type: .json), .init(name: "evidence", type: .json),
        .init(name: "quote", type: .string), .init(name: "quote_source", type: .string), .init(name: "seats", type: .string),
    ]

    /// Edge columns of the full projection, in the order they are written.
    static let fullEdgeColumns: [Column] = [
        .init(name: "relation", type: .string), .init(name: "start", type: .date), .init(name: "end", type: .date),
        .init(name: "role", type: .string), .init(name: "capacity", type: .string), .init(name: "led_by", type: .string),
        .init(name: "evidence", type: .json), .init(name: "quote", type: .string), .init(name: "quote_source", type: .string),
        .init(name: "attested", type: .json),
    ]

    /// Every node and relationship of the dataset, with every field.
    ///
    /// With a `window`, meetings outside it and relationships whose validity does not overlap it are left out, and
    /// so are relationships that touch a left-out meeting. With a `place`, so are meetings not held there.
    static func full(_ dataset: Dataset, window: DateSpan?, place: PlaceScope? = nil) -> InterchangeGraph {
        var kept = Set<NodeID>()
        var nodes: [Node] = []
        var nodeSpans: [String: DateSpan] = [:]
        for entity in dataset.entities {
            if let window, let meeting = entity.meeting, entity.kind == .meeting, !meeting.date.overlaps(window) { continue }
            if let place, entity.kind == .meeting, !place.meetings.contains(entity.id) { continue }
            kept.insert(entity.id)
            var values: [String: Value] = ["kind": .string(entity.kind.rawValue), "name": .string(entity.name)]
            if !entity.aliases.isEmpty { values["aliases"] = .list(entity.aliases) }
            if let note = entity.note { values["note"] = .string(note) }
            if let meeting = entity.meeting {
                values["meeting_kind"] = .string(meeting.refinedKind ?? meeting.kind.rawValue)
                if let start = meeting.date.start { values["start"] = .string(start.description) }
                if let end = meeting.date.end { values["end"] = .string(end.description) }
                if let place = meeting.place { values["place"] = .string(place) }
                values["status"] = .string(meeting.status.rawValue)
                if let asOf = meeting.statusAsOf { values["status_as_of"] = .string(asOf.description) }
                // The claims in full; `status` and `status_as_of` are then the current claim's, for readers of one column.
                if !meeting.claims.isEmpty { values["status_claims"] = .json(DatasetWriter.claims(meeting.claims)) }
                nodeSpans[entity.id.rawValue] = meeting.date
            }
            addEvidence(entity.evidence, to: &values)
            if let seats = entity.seats { values["seats"] = .string(seats.rawValue) }
            nodes.append(Node(id: entity.id.rawValue, kind: entity.kind.rawValue, label: entity.name, values: values))
        }
        var edges: [Edge] = []
        var edgeSpans: [String: DateSpan] = [:]
        for (index, relationship) in dataset.relationships.enumerated() {
            guard kept.contains(relationship.from), kept.contains(relationship.to) else { continue }
            if let window, !relationship.valid.overlaps(window) { continue }
            let id = "e\(index)"
            var values: [String: Value] = ["relation": .string(relationship.relation.rawValue)]
            if let start = relationship.valid.start { values["start"] = .string(start.description) }
            if let end = relationship.valid.end { values["end"] = .string(end.description) }
            if let role = relationship.role {
                values["role"] = .string(relationship.refinedRole.flatMap { dataset.vocabulary.role($0)?.id } ?? role.rawValue)
            }
            if let capacity = relationship.capacity { values["capacity"] = .string(capacity.rawValue) }
            if let ledBy = relationship.ledBy { values["led_by"] = .string(ledBy.rawValue) }
            addEvidence(relationship.evidence, to: &values)
            if !relationship.attestations.isEmpty { values["attested"] = .json(DatasetWriter.attestations(relationship.attestations)) }
            if relationship.valid.start != nil || relationship.valid.end != nil { edgeSpans[id] = relationship.valid }
            edges.append(Edge(id: id, source: relationship.from.rawValue, target: relationship.to.rawValue,
                              relation: relationship.relation.rawValue, values: values))
        }
        var graphValues: [(name: String, value: Value)] = [
            ("format", .string(DatasetLoader.formatName)), ("version", .integer(DatasetLoader.formatVersion)),
            ("title", .string(dataset.title)),
        ]
        if let description = dataset.description { graphValues.append(("description", .string(description))) }
        graphValues.append(("sources", .json(.array(dataset.sources.map(DatasetWriter.source)))))
        if !dataset.vocabulary.isEmpty { graphValues.append(("vocabulary", .json(DatasetWriter.vocabulary(dataset.vocabulary)))) }
        if let window { graphValues.append(("window", .string(window.description))) }
        if let place { graphValues.append(("place", .string(place.place.rawValue))) }
        return InterchangeGraph(
            directed: true, graphValues: graphValues, nodeColumns: fullNodeColumns, edgeColumns: fullEdgeColumns,
            nodes: nodes, edges: Edges(edges), nodeSpans: nodeSpans, edgeSpans: edgeSpans)
    }

    private static func addEvidence(_ evidence: [Evidence], to values: inout [String: Value]) {
        guard let first = evidence.first else { return }
        values["evidence"] = .json(DatasetWriter.evidence(evidence))
        values["quote"] = .string(first.quote)
        values["quote_source"] = .string(first.source)
    }
}
