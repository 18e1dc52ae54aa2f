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
    private func liftedSides(actor: Int, with: Int?, level: EncounterLevel, filter: QueryFilter) -> (walk: EncounterWalk, meetings: [DirectedSides]) {
        let kinds = entities.map(\.kind)
        var lifter = UpwardLift(dataset: self, level: level, kinds: kinds)
        var actorAtLevel = [actor]
        var meetings: [DirectedSides] = []
        var hits: [Int32] = []
        for meeting in candidateMeetings(of: actor, level: level) {
            guard let details = entities[meeting].meeting, filter.admits(details, id: entities[meeting].id) else { continue }
            let days = UpwardLift.checkedDays(meeting: details, filter: filter)
            // Each participation or hosting: the actors it stands for at the level (capacity, else participant), and
            // whether it is in the role host — as `attendances(ofMeeting:)` and `levelHits` give them.
            var entries: [(from: Int, hits: [Int32], host: Bool)] = []
            for relationshipIndex in incomingIndices(of: meeting) {
                let relationship = relationships[Int(relationshipIndex)]
                guard relationship.relation == .participantIn || relationship.relation == .hosts else { continue }
                var start = Int(fromIndices[Int(relationshipIndex)])
                let from = start
                if relationship.relation == .participantIn, let capacity = relationship.capacity.flatMap(index(of:)),
                   Dataset.capacityDecides(kinds[capacity], level: level) {
                    start = capacity
                }
                hits.removeAll(keepingCapacity: true)
                lifter.lift(start, days: days, into: &hits)
                entries.append((from, hits, relationship.relation == .hosts || relationship.role == .host))
            }
            // The targets of a node at its own level: itself, plus what its own attendances stand for.
            func targets(_ node: Int) -> Set<Int32> {
                var set: Set<Int32> = [Int32(node)]
                for entry in entries where entry.from == node { set.formUnion(entry.hits) }
                return set
            }
            let actorSet = targets(actor)
            var own: [Int32: Bool] = [:]
            var counterparts: [Int32: Bool] = [:]
            let withSet = with.map(targets)
            for entry in entries {
                let ownHits = entry.hits.filter(actorSet.contains)
                if !ownHits.isEmpty {
                    for hit in ownHits { own[hit] = (own[hit] ?? false) || entry.host }
                    continue
                }
                for hit in entry.hits where withSet?.contains(hit) ?? true {
                    counterparts[hit] = (counterparts[hit] ?? false) || entry.host
                }
            }
            guard !own.isEmpty else { continue }
            for hit in own.keys.sorted() where !actorAtLevel.contains(Int(hit)) { actorAtLevel.append(Int(hit)) }
            meetings.append(DirectedSides(
                meeting: meeting, details: details, actorHosts: own.values.contains(true),
                counterparts: counterparts.keys.sorted().map { (Int($0), ActorRef(entities[Int($0)]), counterparts[$0]!) }))
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
