/// Parts of a dataset found through its indexes, so that a view of a few nodes costs as much as the view, not as the
/// dataset: the diagram views of PartyGraphDiagrams read the dataset only through these and the public lookups.
extension Dataset {
    /// Every relationship whose two ends are in `ids`, in file order.
    ///
    /// - Complexity: O(d log d) for the d relationships leaving the nodes of `ids`.
    package func relationships(among ids: Set<NodeID>) -> [Relationship] {
        let members = Set(ids.compactMap { indexByID[$0] })
        var found: [Int32] = []
        for member in members {
            for relationship in outgoingIndices(of: Int(member)) where members.contains(toIndices[Int(relationship)]) {
                found.append(relationship)
            }
        }
        found.sort()
        return found.map { relationships[Int($0)] }
    }

    /// The sources with these ids, in file order; ids of no source are left out.
    ///
    /// - Complexity: O(k log k) for k ids, once the source index is built (on the first source lookup).
    package func sources(withIDs ids: Set<String>) -> [Source] {
        Set(ids.compactMap(sourcePosition)).sorted().map { sources[$0] }
    }

    /// The position of a node among the nodes of its kind, in file order (the dataset's third party is 2).
    ///
    /// - Complexity: O(1), once an index of every node is built on the first call.
    package func positionAmongItsKind(_ id: NodeID) -> Int? {
        guard let index = indexByID[id] else { return nil }
        let positions = caches.kindPositions {
            var seen: [NodeKind: Int32] = [:]
            return entities.map { entity in
                defer { seen[entity.kind, default: 0] += 1 }
                return seen[entity.kind, default: 0]
            }
        }
        return Int(positions[Int(index)])
    }
}
