/// Relationship indices grouped by an entity, in file order within each group: `items[offsets[e]..<offsets[e + 1]]`
/// for entity `e`.
struct RelationshipBuckets: Sendable {
    let offsets: [Int32]
    let items: [Int32]

    /// The relationship indices of entity `entity`.
    subscript(entity: Int) -> ArraySlice<Int32> {
        items[Int(offsets[entity])..<Int(offsets[entity + 1])]
    }
}

extension Dataset {
    /// Groups the relationships by the entity index `key` gives each (`nil` leaves a relationship out), with one
    /// pass over the relationships and a stable counting sort (``bucket(_:count:)``).
    func bucketRelationships(by key: (_ position: Int, _ relationship: Relationship) -> Int32?) -> RelationshipBuckets {
        var keys: [Int32] = []
        var kept: [Int32] = []
        for (position, relationship) in relationships.enumerated() {
            if let entity = key(position, relationship) {
                keys.append(entity)
                kept.append(Int32(position))
            }
        }
        let (offsets, order) = Dataset.bucket(keys, count: entities.count)
        return RelationshipBuckets(offsets: offsets, items: order.map { kept[Int($0)] })
    }
}
