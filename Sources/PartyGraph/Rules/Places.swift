/// The place a query is restricted to, with the meetings held there, computed once per query by
/// ``Dataset/restricting(_:toPlace:)``.
public struct PlaceScope: Hashable, Sendable {
    /// The place or country asked for.
    public let place: NodeID
    /// Its name.
    public let name: String
    /// Its kind: ``NodeKind/place`` or ``NodeKind/country``.
    public let kind: NodeKind
    /// The meetings held at the place or at any place located in it, at any depth.
    public let meetings: Set<NodeID>
}

/// The place rule: a meeting is held in a place when it is `held-at` that place or at a place `located-in` it,
/// at any depth (a venue located in a city located in Việt Nam is in the city and in Việt Nam). A place takes part
/// in nothing: it is no actor at any level and never appears in co-meeting projections.
extension Dataset {
    /// The places a meeting is `held-at`, in file order.
    public func places(ofMeeting meeting: NodeID) -> [Entity] {
        relationships(from: meeting).filter { $0.relation == .heldAt }.compactMap { entity($0.to) }
    }

    /// The chain of places and the country a place lies in, nearest first, following the first `located-in` of
    /// each (a venue, its city, the city's country); empty for a place located in nothing.
    public func enclosingPlaces(of place: NodeID) -> [Entity] {
        var chain: [Entity] = []
        var seen: Set<NodeID> = [place]
        var current = place
        while let next = relationships(from: current).first(where: { $0.relation == .locatedIn }), seen.insert(next.to).inserted,
              let entity = entity(next.to) {
            chain.append(entity)
            current = next.to
        }
        return chain
    }

    /// The place itself and every place `located-in` it at any depth, in breadth-first order.
    public func places(within area: NodeID) -> [NodeID] {
        var result: [NodeID] = [area]
        var seen: Set<NodeID> = [area]
        var next = 0
        while next < result.count {
            for relationship in relationships(to: result[next]) where relationship.relation == .locatedIn {
                if seen.insert(relationship.from).inserted { result.append(relationship.from) }
            }
            next += 1
        }
        return result
    }

    /// The meetings held at a place or anywhere located in it (for a country: at the places located in it).
    ///
    /// - Complexity: proportional to the places within the area and the `held-at` relationships that reach them.
    public func meetings(heldIn area: NodeID) -> Set<NodeID> {
        var meetings: Set<NodeID> = []
        for place in places(within: area) {
            for relationship in relationships(to: place) where relationship.relation == .heldAt { meetings.insert(relationship.from) }
        }
        return meetings
    }

    /// The filter restricted to meetings held in the place (see ``meetings(heldIn:)``).
    ///
    /// - Throws: ``PartyGraphError/unknownName(_:suggestions:)`` when no node has the id,
    ///   ``PartyGraphError/notAPlace(_:name:kind:)`` when it is neither a place nor a country.
    public func restricting(_ filter: QueryFilter, toPlace area: NodeID) throws(PartyGraphError) -> QueryFilter {
        guard let entity = entity(area) else { throw .unknownName(area.rawValue, suggestions: []) }
        guard entity.kind == .place || entity.kind == .country else {
            throw .notAPlace(area, name: entity.name, kind: entity.kind)
        }
        var restricted = filter
        restricted.place = PlaceScope(place: area, name: entity.name, kind: entity.kind, meetings: meetings(heldIn: area))
        return restricted
    }
}

extension DatasetValidator {
    /// Reports each cycle of `located-in` relationships once, at the relationship that closes it: a place cannot
    /// lie within itself.
    static func checkPlaces(relationships: [Relationship], entities: [Entity], from: [Int32], to: [Int32]) -> [Finding] {
        var parents: [Int32: [(relationship: Int, parent: Int32)]] = [:]
        for (index, relationship) in relationships.enumerated() where relationship.relation == .locatedIn {
            guard from[index] >= 0, to[index] >= 0, from[index] != to[index] else { continue }
            parents[from[index], default: []].append((index, to[index]))
        }
        guard !parents.isEmpty else { return [] }
        // Depth-first search over places, in order of first appearance; 1 = on the current path, 2 = finished.
        var state: [Int32: UInt8] = [:]
        var findings: [Finding] = []
        let starts = relationships.indices.compactMap { index -> Int32? in
            relationships[index].relation == .locatedIn && from[index] >= 0 ? from[index] : nil
        }
        for start in starts where state[start] == nil {
            var stack: [(node: Int32, next: Int)] = [(start, 0)]
            var path: [Int32] = [start]
            state[start] = 1
            while let top = stack.last {
                let edges = parents[top.node] ?? []
                if top.next == edges.count {
                    state[top.node] = 2
                    stack.removeLast()
                    path.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = edges[top.next]
                switch state[edge.parent] {
                case nil:
                    state[edge.parent] = 1
                    stack.append((edge.parent, 0))
                    path.append(edge.parent)
                case 1:
                    let cycle = path[path.firstIndex(of: edge.parent)!...] + [edge.parent]
                    findings.append(Finding(
                        path: [.key("relations"), .index(edge.relationship)],
                        message: "the 'located-in' relations form a cycle: " + cycle.map { "'\(entities[Int($0)].id)'" }.joined(separator: " → "),
                        fix: "a place lies within larger places only; remove or reverse one of these relations"))
                default: break
                }
            }
        }
        return findings
    }
}
