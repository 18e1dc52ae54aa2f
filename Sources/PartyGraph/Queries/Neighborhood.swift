/// The ego network of a node: everything within a number of links, and the links among them (`partygraph neighbors`).
public struct Neighborhood: Codable, Hashable, Sendable {
    /// A node reached, with its distance and the link it was first reached by.
    public struct Neighbor: Codable, Hashable, Sendable {
        /// The node reached.
        public var actor: ActorRef
        /// The number of links from the centre.
        public var distance: Int
        /// The link from the node one step nearer the centre.
        public var via: PathStep
    }

    /// The node the walk starts at.
    public var center: ActorRef
    /// The largest number of links walked.
    public var depth: Int
    /// The link kinds crossed.
    public var links: [PathLink]
    /// The node kinds listed; all when the query named none.
    public var kinds: [NodeKind]
    /// By distance, then kind, then name. The centre is not listed.
    public var neighbors: [Neighbor]
    /// Every allowed link whose two ends are the centre or a listed neighbour, in relationship file order, each once.
    public var edges: [PathStep]
}

extension Dataset {
    /// The nodes within `depth` links of a node, crossing relations either way.
    ///
    /// The walk passes through every node kind; `kinds` only chooses which nodes are listed (so
    /// listing persons at depth 4 finds the people around Hun Sen through their bodies and meetings).
    ///
    /// - Parameters:
    ///   - center: the node the walk starts at.
    ///   - depth: the largest number of links from the centre, at least 1.
    ///   - relations: the link kinds crossed; empty means all.
    ///   - kinds: the node kinds listed; empty means all.
    /// - Throws: ``PartyGraphError/depthBelowMinimum(_:minimum:)`` for a depth below 1, ``PartyGraphError/unknownName(_:suggestions:)``.
    /// - Complexity: O(V + E).
    public func neighborhood(
        of center: NodeID, depth: Int = 1, relations: Set<PathLink> = [], kinds: Set<NodeKind> = []
    ) throws(PartyGraphError) -> Neighborhood {
        guard let centerIndex = index(of: center) else { throw .unknownName(center.rawValue, suggestions: []) }
        guard depth >= 1 else { throw .depthBelowMinimum(depth, minimum: 1) }
        let allowed = relations.isEmpty ? Set(PathLink.allCases) : relations
        let graph = LinkGraph(dataset: self, allowed: allowed)
        let (distance, parent, order) = graph.search(from: centerIndex, maxDepth: depth)
        let listed = order.dropFirst().filter { kinds.isEmpty || kinds.contains(entities[$0].kind) }
        let neighbors = listed.map { node -> Neighborhood.Neighbor in
            let (previous, edge) = parent[node]!
            return Neighborhood.Neighbor(actor: ActorRef(entities[node]), distance: distance[node]!, via: pathStep(from: previous, edge))
        }.sorted { lhs, rhs in
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            if lhs.actor.kind != rhs.actor.kind { return lhs.actor.kind < rhs.actor.kind }
            return lhs.actor.name < rhs.actor.name
        }
        let members = Set(listed).union([centerIndex])
        var edges: [(Int32, Int, PathStep)] = []
        var seen = Set<[Int]>()
        for node in members.sorted() {
            for edge in graph.adjacency[node] where edge.forward && members.contains(edge.neighbor) {
                let key = [Int(edge.relationship), edge.link == .leads ? 1 : 0]
                guard seen.insert(key).inserted else { continue }
                edges.append((edge.relationship, edge.link == .leads ? 1 : 0, pathStep(from: node, edge)))
            }
        }
        edges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return Neighborhood(
            center: ActorRef(entities[centerIndex]), depth: depth, links: PathLink.allCases.filter(allowed.contains),
            kinds: NodeKind.allCases.filter { kinds.isEmpty || kinds.contains($0) },
            neighbors: neighbors, edges: edges.map(\.2))
    }
}
