/// Which graph an export writes.
public enum ExportProjection: String, CaseIterable, Sendable {
    /// Every node and relationship with every field (lossless).
    case full
    /// Who meets whom among persons (and offices whose holder is not named): undirected, weighted by the number of
    /// distinct meetings shared.
    case persons
    /// Who meets whom among parties: undirected, weighted by the number of distinct meetings shared.
    case parties
}

/// The who-meets-whom projection used by export: the shared encounter rule of ``CoMeetingMatrix`` (see
/// ``Dataset/attendees(of:level:filter:)`` and docs/queries.md), so export, `matrix`, `who-met` and `centrality`
/// agree on who meets whom.
///
/// - **persons** is ``EncounterLevel/person``: persons, and offices whose holder the sources do not name (kind
///   `office`, labelled "— holder not named"), standing in for that person.
/// - **parties** is ``EncounterLevel/party``.
/// Meetings count when they are announced or held (the shared default) and overlap the window. Two actors of the
/// same meeting are joined; the weight is the number of distinct meetings they share, and the edge lists those
/// meeting ids in id order. Nodes follow dataset order, edges the order of their (first id, second id).
enum MeetingProjection {
    /// The level of a meeting projection; `nil` for `full`.
    static func level(_ projection: ExportProjection) -> EncounterLevel? {
        switch projection {
        case .full: nil
        case .persons: .person
        case .parties: .party
        }
    }

    /// The projected graph: actors as nodes (dataset order), one undirected edge per pair that shares a meeting.
    static func graph(_ dataset: Dataset, projection: ExportProjection, window: DateSpan?) -> InterchangeGraph {
        let filter = window.map { try! QueryFilter(from: $0.start, to: $0.end) } ?? .all
        let matrix = dataset.coMeetingMatrix(level: level(projection) ?? .person, filter: filter)
        let actors = Dictionary(uniqueKeysWithValues: matrix.actors.map { ($0.id, $0) })
        let nodes = dataset.entities.compactMap { entity -> InterchangeGraph.Node? in
            guard let actor = actors[entity.id.rawValue] else { return nil }
            var values: [String: InterchangeGraph.Value] = ["kind": .string(entity.kind.rawValue), "name": .string(entity.name)]
            if !entity.aliases.isEmpty { values["aliases"] = .list(entity.aliases) }
            return InterchangeGraph.Node(id: entity.id.rawValue, kind: entity.kind.rawValue, label: actor.label, values: values)
        }
        let pairs = matrix.pairs.map { pair in
            (Pair(NodeID(pair.first.id), NodeID(pair.second.id)), pair.meetings.sorted())
        }.sorted { $0.0 < $1.0 }
        let edges = pairs.enumerated().map { index, entry in
            InterchangeGraph.Edge(
                id: "e\(index)", source: entry.0.first.rawValue, target: entry.0.second.rawValue, relation: "meets",
                values: ["relation": .string("meets"), "weight": .integer(entry.1.count), "meetings": .list(entry.1)])
        }
        var graphValues: [(name: String, value: InterchangeGraph.Value)] = [
            ("title", .string(dataset.title)), ("projection", .string(projection.rawValue)),
        ]
        if let window { graphValues.append(("window", .string(window.description))) }
        return InterchangeGraph(
            directed: false, graphValues: graphValues,
            nodeColumns: [.init(name: "kind", type: .string), .init(name: "name", type: .string), .init(name: "aliases", type: .list)],
            edgeColumns: [.init(name: "relation", type: .string), .init(name: "weight", type: .integer), .init(name: "meetings", type: .list)],
            nodes: nodes, edges: edges)
    }

    /// An unordered pair of node ids, stored in id order.
    struct Pair: Hashable, Comparable {
        let first: NodeID, second: NodeID
        init(_ a: NodeID, _ b: NodeID) { (first, second) = a < b ? (a, b) : (b, a) }
        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }
    }
}
