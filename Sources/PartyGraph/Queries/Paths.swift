/// A kind of link a path or an ego network may cross: a ``Relation``, or `leads` — the `led_by` of a
/// participation, read as "the person leads the participating body" (Hun Sen leads the CPP Standing Committee).
public enum PathLink: Hashable, Sendable, Codable, CaseIterable, RawRepresentable, CustomStringConvertible {
    /// A relationship of this relation, crossed either way.
    case relation(Relation)
    /// The `led_by` of a participation: between the person named and the participating body.
    case leads

    /// Every link kind: the relations in ``Relation`` order, then `leads`.
    public static var allCases: [PathLink] { Relation.allCases.map(PathLink.relation) + [.leads] }

    /// `participant-in`, `holds`, …, or `leads`.
    public var rawValue: String {
        switch self {
        case .relation(let relation): return relation.rawValue
        case .leads: return "leads"
        }
    }

    public init?(rawValue: String) {
        if rawValue == "leads" { self = .leads; return }
        guard let relation = Relation(rawValue: rawValue) else { return nil }
        self = .relation(relation)
    }

    /// Words read from the link's source to its target.
    public var phrase: String {
        switch self {
        case .relation(let relation): return relation.phrase
        case .leads: return "leads"
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let link = PathLink(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown link '\(text)'"))
        }
        self = link
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One link crossed, from the side the walk comes from.
public struct PathStep: Codable, Hashable, Sendable {
    /// The node the step leaves.
    public var from: ActorRef
    /// The node the step reaches.
    public var to: ActorRef
    /// The kind of link crossed.
    public var link: PathLink
    /// `true` when the stored relation points from `from` to `to` (`—holds→`), `false` when it is crossed
    /// against its direction (`←participant in—`).
    public var forward: Bool
    /// The evidence of the relationship crossed.
    public var evidence: [NodeReport.Citation]

    /// `—holds→` or `←participant in—`.
    public var arrow: String { forward ? "—\(link.phrase)→" : "←\(link.phrase)—" }
}

/// A shortest chain of relations between two nodes (`partygraph path`).
public struct RelationPath: Codable, Hashable, Sendable {
    /// The node the chain starts at.
    public var from: ActorRef
    /// The node the chain ends at.
    public var to: ActorRef
    /// The link kinds allowed, as asked.
    public var links: [PathLink]
    /// Empty when no chain exists (``found`` is then `false`) or when `from` is `to`.
    public var steps: [PathStep]
    /// Whether a chain exists.
    public var found: Bool
    /// The chain in words: `Hun Sen —leads→ … ←leads— Tô Lâm`, or a sentence saying none exists.
    public var text: String
}

/// The nodes and links of a dataset as an undirected multigraph, for paths and ego networks.
struct LinkGraph {
    struct Edge {
        var neighbor: Int
        var link: PathLink
        var forward: Bool
        var relationship: Int32
    }

    let adjacency: [[Edge]]

    /// Builds the adjacency of every link in `allowed`; edges are listed per node as outgoing relationships in file
    /// order, then incoming ones, then `leads` links, so ties between shortest paths are broken the same way each time.
    init(dataset: Dataset, allowed: Set<PathLink>) {
        var adjacency = [[Edge]](repeating: [], count: dataset.entities.count)
        var leads = [[Edge]](repeating: [], count: dataset.entities.count)
        for (index, relationship) in dataset.relationships.enumerated() {
            let from = Int(dataset.fromIndices[index]), to = Int(dataset.toIndices[index])
            let link = PathLink.relation(relationship.relation)
            if allowed.contains(link) {
                adjacency[from].append(Edge(neighbor: to, link: link, forward: true, relationship: Int32(index)))
                adjacency[to].append(Edge(neighbor: from, link: link, forward: false, relationship: Int32(index)))
            }
            if allowed.contains(.leads), relationship.relation == .participantIn,
               let leader = relationship.ledBy.flatMap(dataset.index(of:)) {
                leads[leader].append(Edge(neighbor: from, link: .leads, forward: true, relationship: Int32(index)))
                leads[from].append(Edge(neighbor: leader, link: .leads, forward: false, relationship: Int32(index)))
            }
        }
        // Outgoing before incoming within the relation edges: sort stably by direction.
        self.adjacency = zip(adjacency, leads).map { relationEdges, leadEdges in
            relationEdges.filter(\.forward) + relationEdges.filter { !$0.forward } + leadEdges
        }
    }

    /// Breadth-first distances and parent edges from `start`, up to `maxDepth` links (unbounded when `nil`).
    func search(from start: Int, maxDepth: Int?, stopAt target: Int? = nil) -> (distance: [Int: Int], parent: [Int: (Int, Edge)], order: [Int]) {
        var distance: [Int: Int] = [start: 0]
        var parent: [Int: (Int, Edge)] = [:]
        var order = [start]
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            if node == target { break }
            let depth = distance[node]!
            if let maxDepth, depth >= maxDepth { continue }
            for edge in adjacency[node] where distance[edge.neighbor] == nil {
                distance[edge.neighbor] = depth + 1
                parent[edge.neighbor] = (node, edge)
                order.append(edge.neighbor)
            }
        }
        return (distance, parent, order)
    }
}

extension Dataset {
    func pathStep(from: Int, _ edge: LinkGraph.Edge) -> PathStep {
        PathStep(from: ActorRef(entities[from]), to: ActorRef(entities[edge.neighbor]), link: edge.link, forward: edge.forward,
                 evidence: citations(relationships[Int(edge.relationship)].evidence))
    }

    /// A shortest chain of links between two nodes, crossing relations either way with the direction shown.
    ///
    /// Every relation is traversable both ways; `leads` joins the person a participation names in `led_by` to the
    /// participating body. Among several shortest chains the one found first is returned: links are tried in
    /// relationship file order, outgoing before incoming, then `leads`. Meetings are ordinary nodes on the way.
    ///
    /// - Parameter start: the node the chain starts at.
    /// - Parameter goal: the node the chain ends at.
    /// - Parameter relations: the link kinds allowed; empty means all (``PathLink/allCases``).
    /// - Throws: ``PartyGraphError/unknownName(_:suggestions:)`` when an id is not in the dataset.
    /// - Complexity: O(V + E) breadth-first search.
    public func shortestPath(from start: NodeID, to goal: NodeID, relations: Set<PathLink> = []) throws(PartyGraphError) -> RelationPath {
        guard let startIndex = index(of: start) else { throw .unknownName(start.rawValue, suggestions: []) }
        guard let goalIndex = index(of: goal) else { throw .unknownName(goal.rawValue, suggestions: []) }
        let allowed = relations.isEmpty ? Set(PathLink.allCases) : relations
        let graph = LinkGraph(dataset: self, allowed: allowed)
        let (distance, parent, _) = graph.search(from: startIndex, maxDepth: nil, stopAt: goalIndex)
        let links = PathLink.allCases.filter(allowed.contains)
        let from = ActorRef(entities[startIndex]), to = ActorRef(entities[goalIndex])
        guard distance[goalIndex] != nil else {
            let restriction = relations.isEmpty ? "" : " using only " + links.map(\.rawValue).joined(separator: ", ")
            return RelationPath(from: from, to: to, links: links, steps: [], found: false,
                                text: "No chain of relations joins \(from.name) and \(to.name)\(restriction).")
        }
        var steps: [PathStep] = []
        var node = goalIndex
        while let (previous, edge) = parent[node] {
            steps.append(pathStep(from: previous, edge))
            node = previous
        }
        steps.reverse()
        let text = steps.reduce(from.name) { $0 + " \($1.arrow) " + $1.to.name }
        return RelationPath(from: from, to: to, links: links, steps: steps, found: true, text: text)
    }
}
