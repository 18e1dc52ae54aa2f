/// Lifting a node to a level: Hun Sen → the CPP at party level. One rule, three walks over it.
///
/// A walk goes up only: person → `holds`/`heads`/`member-of`, office → `office-of`, organ → `part-of`/`based-in`,
/// party → `based-in` (``Dataset/isUpward(from:_:)``); it never steps above the asked level; it stops at the first
/// node of the level on each branch, except an office, which lifts on to its body. The walks differ only in what
/// they keep: ``Dataset/lift(_:to:meeting:filter:)`` the shortest chain of relationships (for evidence),
/// `UpwardLift` nothing but the hits (for the co-meeting graph), ``Dataset/upwardReach(of:level:)`` every date at
/// once (for candidate meetings).
extension EncounterLevel {
    /// The level a node kind belongs to, as a rank: person/office 0, organ 1, party 2, country 3, meeting nil.
    static func rank(of kind: NodeKind) -> Int? {
        EncounterLevel(kind: kind).map { EncounterLevel.allCases.firstIndex(of: $0)! }
    }

    var rank: Int { EncounterLevel.allCases.firstIndex(of: self)! }

    /// Whether a walk to this level stops at a node of `kind`: a node of the level that is not an office.
    func isStop(_ kind: NodeKind) -> Bool { EncounterLevel(kind: kind) == self && kind != .office }

    /// Whether a walk to this level may reach a node of `kind`: one at or below the level (never a meeting).
    func admitsStep(onto kind: NodeKind) -> Bool { EncounterLevel.rank(of: kind).map { $0 <= rank } ?? false }
}

extension Dataset {
    /// Whether a relationship from a node of `kind` leads upwards when lifting to a level (see ``lift(_:to:meeting:filter:)``):
    /// person → `holds`/`heads`/`member-of`, office → `office-of`, organ → `part-of`/`based-in`, party → `based-in`.
    static func isUpward(from kind: NodeKind, _ relation: Relation) -> Bool {
        switch (kind, relation) {
        case (.person, .holds), (.person, .heads), (.person, .memberOf): return true
        case (.office, .officeOf): return true
        case (.organ, .partOf), (.organ, .basedIn), (.party, .basedIn): return true
        default: return false
        }
    }

    /// The relationships from the entity that lead upwards (``isUpward(from:_:)``), in file order, computed once
    /// for all entities: a person's many participations are skipped without being read.
    func upwardIndices(of entity: Int) -> ArraySlice<Int32> {
        upwardBuckets[entity]
    }

    /// The index behind ``upwardIndices(of:)``: `items[offsets[e]..<offsets[e + 1]]` for entity `e`.
    var upwardIndex: (offsets: [Int32], items: [Int32]) {
        let index = upwardBuckets
        return (index.offsets, index.items)
    }

    private var upwardBuckets: RelationshipBuckets {
        caches.upward {
            bucketRelationships { position, relationship in
                let from = fromIndices[position]
                return Dataset.isUpward(from: entities[Int(from)].kind, relationship.relation) ? from : nil
            }
        }
    }

    /// The nodes of `level` reached upwards from a node, each with the first (shortest) chain found.
    ///
    /// At person level a person is itself and an office is its holders in force, or itself when none is named.
    func lift(_ start: Int, to level: EncounterLevel, meeting: MeetingDetails?, filter: QueryFilter) -> [LevelHit] {
        guard EncounterLevel(kind: entities[start].kind) != nil else { return [] }
        if level == .person {
            switch entities[start].kind {
            case .person: return [LevelHit(actor: start, holderNotNamed: false, chain: [])]
            case .office:
                let span = filter.checkedSpan(for: meeting)
                let holders = holders(ofOffice: start, during: span)
                if holders.isEmpty {
                    return [LevelHit(actor: start, holderNotNamed: true, chain: [],
                                     tenure: unknownSuccession(of: start, during: span).map(certainty(of:)))]
                }
                return holders.map { LevelHit(actor: $0.0, holderNotNamed: false, chain: [$0.1]) }
            default: return []
            }
        }
        if !level.admitsStep(onto: entities[start].kind) { return [] }
        var hits: [LevelHit] = []
        var seen: Set<Int> = [start]
        var frontier: [(Int, [Int32])] = [(start, [])]
        while !frontier.isEmpty {
            var next: [(Int, [Int32])] = []
            for (node, chain) in frontier {
                if level.isStop(entities[node].kind) {
                    hits.append(LevelHit(actor: node, holderNotNamed: false, chain: chain))
                    continue
                }
                // Only the upward relationships, in file order (a person's participations are not read).
                for relationshipIndex in upwardIndices(of: node) {
                    guard isInForce(relationshipIndex, during: filter.checkedSpan(for: meeting)) else { continue }
                    let target = Int(toIndices[Int(relationshipIndex)])
                    guard level.admitsStep(onto: entities[target].kind), seen.insert(target).inserted else { continue }
                    next.append((target, chain + [relationshipIndex]))
                }
            }
            frontier = next
        }
        return hits.sorted { $0.actor < $1.actor }
    }

    /// The nodes of `level` that ``lift(_:to:meeting:filter:)`` can reach from `start` on some date: the same walk
    /// with every relationship taken as in force.
    func upwardReach(of start: Int, level: EncounterLevel) -> [Int] {
        guard level.admitsStep(onto: entities[start].kind) else { return [] }
        var hits: [Int] = []
        var seen: Set<Int> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            if level.isStop(entities[node].kind) {
                hits.append(node)
                continue
            }
            for relationship in upwardIndices(of: node) {
                let target = Int(toIndices[Int(relationship)])
                guard level.admitsStep(onto: entities[target].kind), seen.insert(target).inserted else { continue }
                stack.append(target)
            }
        }
        return hits
    }}

/// ``Dataset/lift(_:to:meeting:filter:)`` at organ, party or country level without the chains: the same walk over an
/// index of the upward relationships only (a person's many participations are not looked at), with a visit stamp
/// per entity instead of a set per call.
struct UpwardLift {
    private let level: EncounterLevel
    private let kinds: [NodeKind]
    private let offsets: [Int32]
    private let edges: [Int32]
    /// For each upward edge (same positions as `edges`), where it leads and the first and last day of its validity
    /// (`Int.min` / `Int.max` when open), so that being in force is two comparisons (as `DateSpan.overlaps`).
    private let targets: [Int32]
    private let validFirst: [Int]
    private let validLast: [Int]
    /// The last day of each upward edge's stated days (``Dataset/statedDays(of:)``): after it, only inferred.
    private let statedLast: [Int]
    /// Whether the last ``lift(_:days:statedOnly:into:)`` took an edge in force on the days only by inference.
    private(set) var usedInference = false
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    private var stack: [Int32] = []

    init(dataset: Dataset, level: EncounterLevel, kinds: [NodeKind]) {
        self.level = level
        self.kinds = kinds
        (offsets, edges) = dataset.upwardIndex
        targets = edges.map { dataset.toIndices[Int($0)] }
        let days = edges.map { dataset.inForceDays(of: $0) }
        validFirst = days.map(\.first)
        validLast = days.map(\.last)
        statedLast = edges.map { dataset.statedDays(of: $0).last }
        stamp = [UInt32](repeating: 0, count: kinds.count)
    }

    /// The days against which validity is checked for a meeting (`QueryFilter.checkedSpan(for:)`), open ends as
    /// `Int.min` / `Int.max`.
    static func checkedDays(meeting: MeetingDetails, filter: QueryFilter) -> (first: Int, last: Int) {
        let span = filter.checkedSpan(for: meeting)
        return (span?.firstDay ?? Int.min, span?.lastDay ?? Int.max)
    }

    /// Appends to `hits` the actors of the level reached from `start` (each once), as ``Dataset/lift(_:to:meeting:filter:)`` finds them.
    /// `days` are the meeting's ``checkedDays(meeting:filter:)``. With `statedOnly`, an edge counts only on its stated
    /// days: the actors still reached are reached on stated grounds; the others rest on an inferred holding.
    mutating func lift(_ start: Int, days: (first: Int, last: Int), statedOnly: Bool = false, into hits: inout [Int32]) {
        usedInference = false
        guard level.admitsStep(onto: kinds[start]) else { return }
        generation &+= 1
        if generation == 0 {
            for index in stamp.indices { stamp[index] = 0 }
            generation = 1
        }
        stamp[start] = generation
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(start))
        while let node = stack.popLast() {
            if level.isStop(kinds[Int(node)]) {
                hits.append(node)
                continue
            }
            for edge in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                let target = Int(targets[edge])
                let last = statedOnly ? statedLast[edge] : validLast[edge]
                guard stamp[target] != generation, level.admitsStep(onto: kinds[target]),
                      validFirst[edge] <= days.last, days.first <= last else { continue }
                if statedLast[edge] < days.first { usedInference = true }
                stamp[target] = generation
                stack.append(Int32(target))
            }
        }
    }
}

