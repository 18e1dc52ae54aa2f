/// The actors of one level at every admitted meeting, in the order of ``Dataset/meetings``, stored flat: the
/// actors of meeting `i` are `actors[range(i)]`, each once, with whether it stands for a holder not named.
/// Meetings without actors at the level are left out.
struct MeetingActors: Sendable {
    /// Entity indices of the meetings kept.
    var meetings: [Int32] = []
    var offsets: [Int32] = [0]
    var actors: [Int32] = []
    var holderNotNamed: [Bool] = []

    func range(_ meeting: Int) -> Range<Int> { Int(offsets[meeting])..<Int(offsets[meeting + 1]) }

    /// Adds an actor to the meeting being filled (which starts at slot `first`), or marks it again.
    mutating func add(_ actor: Int, holderNotNamed flag: Bool, first: Int, slotOf: inout [Int32]) {
        let slot = Int(slotOf[actor])
        if slot >= first {
            holderNotNamed[slot] = holderNotNamed[slot] || flag
            return
        }
        slotOf[actor] = Int32(actors.count)
        actors.append(Int32(actor))
        holderNotNamed.append(flag)
    }
}

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
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    private var stack: [Int32] = []

    init(dataset: Dataset, level: EncounterLevel, kinds: [NodeKind]) {
        self.level = level
        self.kinds = kinds
        (offsets, edges) = dataset.upwardIndex
        targets = edges.map { dataset.toIndices[Int($0)] }
        validFirst = edges.map { dataset.relationships[Int($0)].valid.firstDay ?? Int.min }
        validLast = edges.map { dataset.relationships[Int($0)].valid.lastDay ?? Int.max }
        stamp = [UInt32](repeating: 0, count: kinds.count)
    }

    /// The days against which validity is checked for a meeting: the `at` day of the filter, or the meeting's dates
    /// (see `QueryFilter.inForce`), open ends as `Int.min` / `Int.max`.
    static func checkedDays(meeting: MeetingDetails, filter: QueryFilter) -> (first: Int, last: Int) {
        let span = filter.at.map { DateSpan(day: $0) } ?? meeting.date
        return (span.firstDay ?? Int.min, span.lastDay ?? Int.max)
    }

    /// Appends to `hits` the actors of the level reached from `start` (each once), as ``Dataset/lift(_:to:meeting:filter:)`` finds them.
    /// `days` are the meeting's ``checkedDays(meeting:filter:)``.
    mutating func lift(_ start: Int, days: (first: Int, last: Int), into hits: inout [Int32]) {
        guard let startRank = EncounterLevel.rank(of: kinds[start]), startRank <= level.rank else { return }
        generation &+= 1
        if generation == 0 {
            for index in stamp.indices { stamp[index] = 0 }
            generation = 1
        }
        stamp[start] = generation
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(start))
        while let node = stack.popLast() {
            let kind = kinds[Int(node)]
            if EncounterLevel(kind: kind) == level && kind != .office {
                hits.append(node)
                continue
            }
            for edge in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                let target = Int(targets[edge])
                guard stamp[target] != generation, let targetRank = EncounterLevel.rank(of: kinds[target]), targetRank <= level.rank,
                      validFirst[edge] <= days.last, days.first <= validLast[edge] else { continue }
                stamp[target] = generation
                stack.append(Int32(target))
            }
        }
    }
}

extension Dataset {
    /// The actors of a level at each admitted meeting, by the rules of ``attendances(ofMeeting:filter:)`` and
    /// ``levelHits(of:level:meeting:filter:)``, without building the attendances.
    ///
    /// At person level: a participating person, each holder in force of a participating office (or the office,
    /// holder not named, when none is), the person a participation is `led_by`, a hosting person. At organ, party
    /// and country level an attendance maps through its capacity (when that lifts to something) or else its
    /// participant, never through its attendee, so each `participant-in` counts once, whoever attended for it,
    /// and a `hosts` through its host.
    func meetingActors(level: EncounterLevel, filter: QueryFilter) -> MeetingActors {
        let kinds = entities.map(\.kind)
        var result = MeetingActors()
        var slotOf = [Int32](repeating: -1, count: entities.count)
        var lifter = level == .person ? nil : UpwardLift(dataset: self, level: level, kinds: kinds)
        var hits: [Int32] = []
        for meeting in meetingOrder {
            guard let details = entities[Int(meeting)].meeting, filter.admits(details) else { continue }
            let first = result.actors.count
            let days = lifter == nil ? (Int.min, Int.max) : UpwardLift.checkedDays(meeting: details, filter: filter)
            for relationshipIndex in incomingIndices(of: Int(meeting)) {
                let relationship = Int(relationshipIndex)
                let relation = relationships[relationship].relation
                guard relation == .participantIn || relation == .hosts else { continue }
                let from = Int(fromIndices[relationship])
                if lifter != nil {
                    hits.removeAll(keepingCapacity: true)
                    if relation == .participantIn, let capacity = relationships[relationship].capacity.flatMap(index(of:)) {
                        lifter!.lift(capacity, days: days, into: &hits)
                    }
                    if hits.isEmpty { lifter!.lift(from, days: days, into: &hits) }
                    for hit in hits { result.add(Int(hit), holderNotNamed: false, first: first, slotOf: &slotOf) }
                    continue
                }
                // Person level.
                if relation == .hosts {
                    if kinds[from] == .person { result.add(from, holderNotNamed: false, first: first, slotOf: &slotOf) }
                    continue
                }
                if kinds[from] == .office {
                    var held = false
                    for holding in incomingIndices(of: from) where relationships[Int(holding)].relation == .holds
                        && filter.inForce(relationships[Int(holding)], for: details) {
                        held = true
                        let holder = Int(fromIndices[Int(holding)])
                        if kinds[holder] == .person { result.add(holder, holderNotNamed: false, first: first, slotOf: &slotOf) }
                    }
                    if !held { result.add(from, holderNotNamed: true, first: first, slotOf: &slotOf) }
                } else if kinds[from] == .person {
                    result.add(from, holderNotNamed: false, first: first, slotOf: &slotOf)
                }
                if let leader = relationships[relationship].ledBy.flatMap(index(of:)), kinds[leader] == .person {
                    result.add(leader, holderNotNamed: false, first: first, slotOf: &slotOf)
                }
            }
            if result.actors.count > first {
                result.meetings.append(meeting)
                result.offsets.append(Int32(result.actors.count))
            }
        }
        return result
    }
}
