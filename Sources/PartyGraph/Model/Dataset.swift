import Foundation

/// A validated collection of sources, nodes and relationships, indexed for lookups.
///
/// Build one from a file with ``DatasetLoader`` or in memory with ``init(title:description:sources:entities:relationships:sourceTexts:vocabulary:)``;
/// either way every invariant has been checked: ids are unique, references resolve, relations join allowed kinds,
/// dates are real and ordered, and every meeting and relationship cites a source.
public struct Dataset: Sendable {
    /// The dataset's title.
    public let title: String
    /// A longer description of the dataset, if it has one.
    public let description: String?
    /// The published reports facts are taken from, in file order.
    public let sources: [Source]
    /// Every node, in file order.
    public let entities: [Entity]
    /// Every relationship, in file order.
    public let relationships: [Relationship]
    /// What validation found worth a look but not wrong (contradicting status claims, disputed facts), located in
    /// the file when loaded from one. They never stop loading.
    public let warnings: [DatasetIssue]
    /// The meeting kinds and roles the dataset declares over the core ones (format version 2).
    public let vocabulary: DeclaredVocabulary
    /// ``vocabulary`` resolved to core values, once.
    let resolvedVocabulary: ResolvedVocabulary

    /// Entity index by id, built once.
    let indexByID: [NodeID: Int32]
    /// Relationship indices leaving each entity: `outgoingRelationships[outgoingOffsets[e]..<outgoingOffsets[e+1]]`.
    let outgoingOffsets: [Int32]
    let outgoingRelationships: [Int32]
    /// Relationship indices arriving at each entity.
    let incomingOffsets: [Int32]
    let incomingRelationships: [Int32]
    /// Endpoint entity indices of each relationship.
    let fromIndices: [Int32]
    let toIndices: [Int32]
    /// Derived values computed on first use (see ``meetings``).
    let caches = DatasetCaches()

    /// Creates a dataset and checks it.
    ///
    /// - Parameter title: the dataset's title.
    /// - Parameter description: a longer description, if any.
    /// - Parameter sources: the published reports the facts are taken from.
    /// - Parameter entities: the nodes.
    /// - Parameter relationships: the relationships between the nodes.
    /// - Parameter sourceTexts: the text of sources by id, when available, so that quotes are checked verbatim.
    /// - Parameter vocabulary: the meeting kinds and roles the dataset declares over the core ones.
    /// - Throws: ``PartyGraphError/invalidData(file:issues:)`` listing every problem.
    public init(
        title: String, description: String? = nil, sources: [Source], entities: [Entity],
        relationships: [Relationship], sourceTexts: [String: String] = [:], vocabulary: DeclaredVocabulary = .empty
    ) throws(PartyGraphError) {
        let result = DatasetValidator.validate(
            sources: sources, entities: entities, relationships: relationships, sourceTexts: sourceTexts, vocabulary: vocabulary)
        if !result.findings.isEmpty {
            throw .invalidData(file: nil, issues: result.findings.map { $0.issue(file: nil, line: nil, column: nil) })
        }
        self.init(validatedTitle: title, description: description, sources: sources, entities: entities,
                  relationships: relationships, vocabulary: vocabulary, validation: result,
                  warnings: DatasetWarnings.findings(entities: entities, relationships: relationships).map {
                      $0.issue(file: nil, line: nil, column: nil)
                  })
    }

    /// Builds the remaining indexes of data that passed validation.
    init(
        validatedTitle title: String, description: String?, sources: [Source], entities: [Entity],
        relationships: [Relationship], vocabulary: DeclaredVocabulary = .empty, validation: DatasetValidator.Result,
        warnings: [DatasetIssue] = []
    ) {
        self.warnings = warnings
        self.vocabulary = vocabulary
        resolvedVocabulary = ResolvedVocabulary(vocabulary)
        self.title = title
        self.description = description
        self.sources = sources
        self.entities = entities
        self.relationships = relationships
        indexByID = validation.indexByID
        fromIndices = validation.fromIndices
        toIndices = validation.toIndices
        // The two directions are independent: build them on two cores when there is enough to do.
        let count = entities.count
        if relationships.count >= 65_536 {
            nonisolated(unsafe) var outgoing: ([Int32], [Int32]) = ([], [])
            nonisolated(unsafe) var incoming: ([Int32], [Int32]) = ([], [])
            let from = validation.fromIndices, to = validation.toIndices
            DispatchQueue.concurrentPerform(iterations: 2) { direction in
                if direction == 0 { outgoing = Dataset.bucket(from, count: count) } else { incoming = Dataset.bucket(to, count: count) }
            }
            (outgoingOffsets, outgoingRelationships) = outgoing
            (incomingOffsets, incomingRelationships) = incoming
        } else {
            (outgoingOffsets, outgoingRelationships) = Dataset.bucket(fromIndices, count: count)
            (incomingOffsets, incomingRelationships) = Dataset.bucket(toIndices, count: count)
        }
    }

    /// Groups relationship indices by endpoint with a counting sort (stable: file order within a bucket).
    static func bucket(_ endpoints: [Int32], count: Int) -> ([Int32], [Int32]) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for endpoint in endpoints { offsets[Int(endpoint) + 1] += 1 }
        for index in 0..<count { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var items = [Int32](repeating: 0, count: endpoints.count)
        for (relationship, endpoint) in endpoints.enumerated() {
            items[Int(cursor[Int(endpoint)])] = Int32(relationship)
            cursor[Int(endpoint)] += 1
        }
        return (offsets, items)
    }

    /// The entity with this id, if any.
    public func entity(_ id: NodeID) -> Entity? {
        indexByID[id].map { entities[Int($0)] }
    }

    /// The position of the entity with this id in ``entities``.
    public func index(of id: NodeID) -> Int? { indexByID[id].map(Int.init) }

    /// The relationships that start at the node, in file order.
    public func relationships(from id: NodeID) -> [Relationship] {
        guard let index = indexByID[id] else { return [] }
        return outgoingIndices(of: Int(index)).map { relationships[Int($0)] }
    }

    /// The relationships that end at the node, in file order.
    public func relationships(to id: NodeID) -> [Relationship] {
        guard let index = indexByID[id] else { return [] }
        return incomingIndices(of: Int(index)).map { relationships[Int($0)] }
    }

    /// The relationships whose `led_by` names the node — the `participant-in`s of the bodies it leads at
    /// meetings — in file order.
    ///
    /// - Complexity: O(k) for k answers, from an index of every node's led relationships that the first call builds
    ///   in one pass over the relationships (copies of the dataset share it).
    public func relationships(ledBy id: NodeID) -> [Relationship] {
        guard let index = indexByID[id] else { return [] }
        return ledByRelationships(of: Int(index)).map { relationships[Int($0)] }
    }

    func outgoingIndices(of entity: Int) -> ArraySlice<Int32> {
        outgoingRelationships[Int(outgoingOffsets[entity])..<Int(outgoingOffsets[entity + 1])]
    }

    func incomingIndices(of entity: Int) -> ArraySlice<Int32> {
        incomingRelationships[Int(incomingOffsets[entity])..<Int(incomingOffsets[entity + 1])]
    }

    /// The source with this id, if any (the first one, should ids repeat in data that was not validated).
    ///
    /// - Complexity: O(1) expected: a hash index of every source id is built on the first call.
    public func source(_ id: String) -> Source? { sourcePosition(id).map { sources[$0] } }

    /// ``source(_:)`` by a hash lookup (an answer cites thousands of records; sources are many in large datasets).
    func sourcePosition(_ id: String) -> Int? {
        caches.sourcePositions {
            var positions: [String: Int] = [:]
            for (position, source) in sources.enumerated() where positions[source.id] == nil { positions[source.id] = position }
            return positions
        }[id]
    }

    /// The display name of a node, or its id when it is not in the dataset.
    public func name(of id: NodeID) -> String { entity(id)?.name ?? id.rawValue }

    /// All meetings, in date order then id.
    ///
    /// The order is computed on first use and kept (queries ask for it once per answer; sorting every meeting
    /// of a large dataset each time cost more than the answer itself).
    public var meetings: [Entity] {
        meetingOrder.map { entities[Int($0)] }
    }

    /// Entity indices of the meetings in the order of ``meetings``, computed once.
    var meetingOrder: [Int32] {
        caches.meetingOrder {
            var keyed: [(day: Int, index: Int32)] = []
            for (index, entity) in entities.enumerated() where entity.kind == .meeting {
                keyed.append((entity.meeting?.date.firstDay ?? Int.min, Int32(index)))
            }
            keyed.sort { lhs, rhs in
                lhs.day != rhs.day ? lhs.day < rhs.day : entities[Int(lhs.index)].id < entities[Int(rhs.index)].id
            }
            return keyed.map(\.index)
        }
    }
}

extension Dataset {
    /// For each entity, its position in ``meetings`` (`-1` for entities that are not meetings), computed once.
    var meetingRank: [Int32] {
        caches.meetingRank {
            var rank = [Int32](repeating: -1, count: entities.count)
            for (position, entity) in meetingOrder.enumerated() { rank[Int(entity)] = Int32(position) }
            return rank
        }
    }

    /// The `participant-in` relationships whose `led_by` names the entity, in file order, computed once.
    func ledByRelationships(of entity: Int) -> ArraySlice<Int32> {
        caches.ledBy {
            bucketRelationships { _, relationship in relationship.ledBy.flatMap { indexByID[$0] } }
        }[entity]
    }
}
