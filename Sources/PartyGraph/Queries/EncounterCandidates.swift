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

    /// The `participant-in` relationships whose `capacity` names the entity, in file order, computed once.
    func capacityRelationships(of entity: Int) -> ArraySlice<Int32> {
        caches.capacity {
            bucketRelationships { _, relationship in relationship.capacity.flatMap { indexByID[$0] } }
        }[entity]
    }

    /// The meetings at which an actor can have its side in ``encounters(_:)`` at a level, as entity indices in the
    /// order of ``meetings``: a superset, found from the actor's edges instead of by reading every meeting.
    ///
    /// On a meeting, the actor's side is every attendance that maps (at the match level: the asked level, or the
    /// actor's own when it is above it) to what the actor stands for there — what it lifts to, plus what its own
    /// attendances map to. So the meeting is one where
    /// - the actor itself attends (a `participant-in` or `hosts` from it, a `led_by` naming it, an office it `holds`
    ///   taking part), or
    /// - at person level, a holder of the actor (an office) attends in one of those ways, or
    /// - at organ, party or country level, an attendance maps to a node the actor can lift to: its participant or
    ///   its capacity is one of the nodes whose lift can reach such a node (members, organs, offices, and the
    ///   people holding those offices, found by walking the upward relations backwards).
    ///
    /// Validity is ignored throughout (every `holds`, `member-of`, … counts, whatever its dates), so the set holds
    /// every meeting the full scan would keep; ``encounters(_:)`` still checks each one exactly as before.
    func candidateMeetings(of actor: Int, level: EncounterLevel) -> [Int] {
        guard let actorLevel = EncounterLevel(kind: entities[actor].kind) else { return [] }
        var meetings = Set<Int>()
        /// Meetings where the node is an attendee: its participations and hostings, delegations it leads, and the
        /// participations of the offices it holds.
        func addAttended(by node: Int) {
            for relationship in outgoingIndices(of: node) {
                switch relationships[Int(relationship)].relation {
                case .participantIn, .hosts: meetings.insert(Int(toIndices[Int(relationship)]))
                case .holds:
                    for held in outgoingIndices(of: Int(toIndices[Int(relationship)])) {
                        let relation = relationships[Int(held)].relation
                        if relation == .participantIn || relation == .hosts { meetings.insert(Int(toIndices[Int(held)])) }
                    }
                default: continue
                }
            }
            for relationship in ledByRelationships(of: node) { meetings.insert(Int(toIndices[Int(relationship)])) }
        }
        addAttended(by: actor)
        let match = max(actorLevel, level)
        if match == .person {
            // A person stands for itself; an office for its holders (on any date) or itself.
            if entities[actor].kind == .office {
                for relationship in incomingIndices(of: actor) where relationships[Int(relationship)].relation == .holds {
                    addAttended(by: Int(fromIndices[Int(relationship)]))
                }
            }
        } else {
            let targets = actorLevel < level ? upwardReach(of: actor, level: level) : [actor]
            // Every node whose lift to the match level can reach a target, walking the upward relations backwards.
            var below = Set(targets)
            var stack = targets
            while let node = stack.popLast() {
                for relationship in incomingIndices(of: node) {
                    let from = Int(fromIndices[Int(relationship)])
                    let kind = entities[from].kind
                    guard Dataset.isUpward(from: kind, relationships[Int(relationship)].relation),
                          let rank = EncounterLevel.rank(of: kind), rank <= match.rank,
                          // A node of the match level lifts to itself only.
                          EncounterLevel(kind: kind) != match || kind == .office,
                          below.insert(from).inserted else { continue }
                    stack.append(from)
                }
            }
            for node in below {
                for relationship in outgoingIndices(of: node) {
                    let relation = relationships[Int(relationship)].relation
                    if relation == .participantIn || relation == .hosts { meetings.insert(Int(toIndices[Int(relationship)])) }
                }
                for relationship in capacityRelationships(of: node) { meetings.insert(Int(toIndices[Int(relationship)])) }
            }
        }
        let rank = meetingRank
        return meetings.filter { rank[$0] >= 0 }.sorted { rank[$0] < rank[$1] }
    }

    /// The nodes of `level` that ``lift(_:to:meeting:filter:)`` can reach from `start` on some date: the same walk
    /// with every relationship taken as in force.
    func upwardReach(of start: Int, level: EncounterLevel) -> [Int] {
        guard let startRank = EncounterLevel.rank(of: entities[start].kind), startRank <= level.rank else { return [] }
        var hits: [Int] = []
        var seen: Set<Int> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            let kind = entities[node].kind
            if EncounterLevel(kind: kind) == level && kind != .office {
                hits.append(node)
                continue
            }
            for relationship in upwardIndices(of: node) {
                let target = Int(toIndices[Int(relationship)])
                guard let targetRank = EncounterLevel.rank(of: entities[target].kind), targetRank <= level.rank,
                      seen.insert(target).inserted else { continue }
                stack.append(target)
            }
        }
        return hits
    }
}
