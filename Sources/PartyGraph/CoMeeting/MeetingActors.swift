/// The actors of one level at every admitted meeting, in the order of ``Dataset/meetings``, stored flat: the
/// actors of meeting `i` are `actors[range(i)]`, each once, with whether it stands for a holder not named.
/// Meetings without actors at the level are left out.
struct MeetingActors: Sendable {
    /// Entity indices of the meetings kept.
    var meetings: [Int32] = []
    var offsets: [Int32] = [0]
    var actors: [Int32] = []
    var holderNotNamed: [Bool] = []
    /// Whether the actor's presence rests only on inferred holdings (no way of taking part there is stated).
    var inferred: [Bool] = []

    func range(_ meeting: Int) -> Range<Int> { Int(offsets[meeting])..<Int(offsets[meeting + 1]) }

    /// Only the meetings at the positions `keep` accepts, their actors unchanged: the actors of a narrower window of
    /// the same filter (a meeting's actors depend on its own dates, never on the window).
    func subset(_ keep: (Int) -> Bool) -> MeetingActors {
        var result = MeetingActors()
        for position in meetings.indices where keep(position) {
            let slots = range(position)
            result.meetings.append(meetings[position])
            result.actors.append(contentsOf: actors[slots])
            result.holderNotNamed.append(contentsOf: holderNotNamed[slots])
            result.inferred.append(contentsOf: inferred[slots])
            result.offsets.append(Int32(result.actors.count))
        }
        return result
    }

    /// Adds an actor to the meeting being filled (which starts at slot `first`), or marks it again.
    /// `inferred` says the way just found rests on an inferred holding; one stated way makes the presence stated.
    mutating func add(_ actor: Int, holderNotNamed flag: Bool, inferred isInferred: Bool = false, first: Int, slotOf: inout [Int32]) {
        let slot = Int(slotOf[actor])
        if slot >= first {
            holderNotNamed[slot] = holderNotNamed[slot] || flag
            inferred[slot] = inferred[slot] && isInferred
            return
        }
        slotOf[actor] = Int32(actors.count)
        actors.append(Int32(actor))
        holderNotNamed.append(flag)
        inferred.append(isInferred)
    }
}

extension Dataset {
    /// The actors of a level at each admitted meeting, by the rules of ``attendances(ofMeeting:filter:)`` and
    /// ``levelHits(of:level:meeting:filter:)``, without building the attendances.
    ///
    /// At person level: a participating person, each holder in force of a participating office (or the office,
    /// holder not named, when none is), the person a participation is `led_by`, a hosting person. At organ, party
    /// and country level an attendance maps through its capacity when it has one (an explicit capacity wins, even
    /// when it lifts to nothing at the level) or else its participant, never through its attendee, so each `participant-in` counts once, whoever attended for it,
    /// and a `hosts` through its host.
    func meetingActors(level: EncounterLevel, filter: QueryFilter) -> MeetingActors {
        let kinds = entities.map(\.kind)
        var result = MeetingActors()
        var slotOf = [Int32](repeating: -1, count: entities.count)
        var lifter = level == .person ? nil : UpwardLift(dataset: self, level: level, kinds: kinds)
        var hits: [Int32] = [], statedHits: [Int32] = []
        for meeting in meetingOrder {
            guard let details = entities[Int(meeting)].meeting, filter.admits(details, id: entities[Int(meeting)].id) else { continue }
            let first = result.actors.count
            let days = lifter == nil ? (Int.min, Int.max) : UpwardLift.checkedDays(meeting: details, filter: filter)
            for relationshipIndex in incomingIndices(of: Int(meeting)) {
                let relationship = Int(relationshipIndex)
                let relation = relationships[relationship].relation
                guard relation == .participantIn || relation == .hosts else { continue }
                let from = Int(fromIndices[relationship])
                if lifter != nil {
                    hits.removeAll(keepingCapacity: true)
                    var start = from
                    if relation == .participantIn, let capacity = relationships[relationship].capacity.flatMap(index(of:)),
                       Dataset.capacityDecides(kinds[capacity], level: level) {
                        start = capacity
                    }
                    lifter!.lift(start, days: days, into: &hits)
                    // Only when the walk leaned on an inferred continuation: which hits stated grounds still reach.
                    statedHits.removeAll(keepingCapacity: true)
                    let leaned = lifter!.usedInference
                    if leaned { lifter!.lift(start, days: days, statedOnly: true, into: &statedHits) }
                    for hit in hits {
                        result.add(Int(hit), holderNotNamed: false, inferred: leaned && !statedHits.contains(hit), first: first, slotOf: &slotOf)
                    }
                    continue
                }
                // Person level.
                if relation == .hosts {
                    if kinds[from] == .person { result.add(from, holderNotNamed: false, first: first, slotOf: &slotOf) }
                    continue
                }
                if kinds[from] == .office {
                    let holders = holders(ofOffice: from, meeting: details, filter: filter)
                    let span = filter.checkedSpan(for: details)
                    for (holder, holding) in holders where kinds[holder] == .person {
                        let inferred = certainty(of: holding, during: span)?.level == .inferred
                        result.add(holder, holderNotNamed: false, inferred: inferred, first: first, slotOf: &slotOf)
                    }
                    if holders.isEmpty { result.add(from, holderNotNamed: true, first: first, slotOf: &slotOf) }
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
