/// One admitted meeting of an actor reduced to direction: whether the actor's side hosts it, and each counterpart
/// with whether its side hosts it (what ``Dataset/timeline(_:)`` counts).
struct DirectedSides {
    /// The meeting's entity index.
    var meeting: Int
    var details: MeetingDetails
    var actorHosts: Bool
    /// Counterparts by entity index, ascending, each as who-met names it at this meeting.
    var counterparts: [(entity: Int, ref: ActorRef, hosts: Bool)]
}

extension Dataset {
    /// The sides of every meeting the encounter rule finds for a query, with who hosts.
    ///
    /// In general this is ``walkEncounters(_:readEveryMeeting:visit:)`` itself, keeping only whether a side's
    /// attendances include the role host. When the actor and `with` are asked at their own level above persons (a
    /// party at party level), every attendance of one relationship maps to the same actors (through its capacity or
    /// participant), so the same partition is computed per relationship with the chain-free `UpwardLift` of the
    /// co-meeting graph — the sides of a busy party's 60,000 meetings in a fraction of the time. Tests compare the two
    /// for every actor and level.
    func directedSides(_ query: EncounterQuery) throws(PartyGraphError) -> (walk: EncounterWalk, meetings: [DirectedSides]) {
        let level = query.level ?? query.actor.flatMapLevel(in: self)
        if let actor = index(of: query.actor), let level, level > .person, entities[actor].kind != .office,
           EncounterLevel(kind: entities[actor].kind) == level,
           query.with.map({ index(of: $0).map { EncounterLevel(kind: entities[$0].kind) == level && entities[$0].kind != .office } ?? false }) ?? true {
            return liftedSides(actor: actor, with: query.with.flatMap(index(of:)), level: level, filter: query.filter)
        }
        var meetings: [DirectedSides] = []
        let walk = try walkEncounters(query, readEveryMeeting: false) { meeting, details, ownSide, counterparts in
            let isHost = { (side: EncounterSideItems) in side.items.contains { $0.0.role == .host } }
            meetings.append(DirectedSides(
                meeting: meeting, details: details, actorHosts: ownSide.values.contains(where: isHost),
                counterparts: counterparts.keys.sorted().map { entity in
                    let side = counterparts[entity]!
                    return (entity, ActorRef(entities[entity], holderNotNamed: side.holderNotNamed, tenure: side.tenure), isHost(side))
                }))
        }
        return (walk, meetings)
    }

    /// ``directedSides(_:)`` for an actor (and `with`) at its own level above persons, per relationship.
    ///
    /// Runs once per meeting a party's members attend (tens of thousands at research scale), so it reads the fields
    /// it needs in place, keeps every participation's lifted actors in one reused buffer and names each counterpart
    /// once: copying whole relationships and entities dominated its time.
    private func liftedSides(actor: Int, with: Int?, level: EncounterLevel, filter: QueryFilter) -> (walk: EncounterWalk, meetings: [DirectedSides]) {
        let kinds = entities.map(\.kind)
        var lifter = UpwardLift(dataset: self, level: level, kinds: kinds)
        var actorAtLevel = [actor]
        var meetings: [DirectedSides] = []
        // Each participation or hosting of the meeting: who it is from, its lifted actors `hits[first..<end]`, and
        // whether it is in the role host — as `attendances(ofMeeting:)` and `levelHits` give them.
        var entries: [(from: Int, first: Int, end: Int, host: Bool)] = []
        var hits: [Int32] = []
        var actorTargets: [Int32] = [], withTargets: [Int32] = []
        var own: [(actor: Int32, hosts: Bool)] = [], counterparts: [(actor: Int32, hosts: Bool)] = []
        var names: [Int32: ActorRef] = [:]
        /// Merges one side's actor into a small list (a meeting has a handful), host if any attendance hosts.
        func note(_ hit: Int32, host: Bool, in side: inout [(actor: Int32, hosts: Bool)]) {
            if let known = side.firstIndex(where: { $0.actor == hit }) {
                side[known].hosts = side[known].hosts || host
            } else {
                side.append((hit, host))
            }
        }
        for meeting in candidateMeetings(of: actor, level: level) {
            guard let details = entities[meeting].meeting, filter.admits(details, id: entities[meeting].id) else { continue }
            let days = UpwardLift.checkedDays(meeting: details, filter: filter)
            entries.removeAll(keepingCapacity: true)
            hits.removeAll(keepingCapacity: true)
            for relationshipIndex in incomingIndices(of: meeting) {
                let position = Int(relationshipIndex)
                let relation = relationships[position].relation
                guard relation == .participantIn || relation == .hosts else { continue }
                let from = Int(fromIndices[position])
                var start = from
                if relation == .participantIn, let capacityID = relationships[position].capacity, let capacity = index(of: capacityID),
                   Dataset.capacityDecides(kinds[capacity], level: level) {
                    start = capacity
                }
                let first = hits.count
                lifter.lift(start, days: days, into: &hits)
                entries.append((from, first, hits.count, relation == .hosts || relationships[position].role == .host))
            }
            // The targets of a node at its own level: itself, plus what its own attendances stand for.
            func targets(_ node: Int, into set: inout [Int32]) {
                set.removeAll(keepingCapacity: true)
                set.append(Int32(node))
                for entry in entries where entry.from == node {
                    for hit in hits[entry.first..<entry.end] where !set.contains(hit) { set.append(hit) }
                }
            }
            targets(actor, into: &actorTargets)
            if let with { targets(with, into: &withTargets) }
            own.removeAll(keepingCapacity: true)
            counterparts.removeAll(keepingCapacity: true)
            for entry in entries {
                let entryHits = hits[entry.first..<entry.end]
                if entryHits.contains(where: actorTargets.contains) {
                    for hit in entryHits where actorTargets.contains(hit) { note(hit, host: entry.host, in: &own) }
                    continue
                }
                for hit in entryHits where with == nil || withTargets.contains(hit) { note(hit, host: entry.host, in: &counterparts) }
            }
            guard !own.isEmpty else { continue }
            own.sort { $0.actor < $1.actor }
            for side in own where !actorAtLevel.contains(Int(side.actor)) { actorAtLevel.append(Int(side.actor)) }
            counterparts.sort { $0.actor < $1.actor }
            meetings.append(DirectedSides(
                meeting: meeting, details: details, actorHosts: own.contains { $0.hosts },
                counterparts: counterparts.map { side in
                    let name: ActorRef
                    if let known = names[side.actor] {
                        name = known
                    } else {
                        name = ActorRef(entities[Int(side.actor)])
                        names[side.actor] = name
                    }
                    return (Int(side.actor), name, side.hosts)
                }))
        }
        return (EncounterWalk(actor: actor, with: with, level: level, actorAtLevel: actorAtLevel, notAtLevel: []), meetings)
    }
}

private extension NodeID {
    /// The natural level of the node, `nil` when it is unknown or a meeting.
    func flatMapLevel(in dataset: Dataset) -> EncounterLevel? {
        dataset.index(of: self).flatMap { EncounterLevel(kind: dataset.entities[$0].kind) }
    }
}
