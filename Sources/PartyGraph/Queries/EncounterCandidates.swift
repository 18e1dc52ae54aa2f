extension Dataset {
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
                          match.admitsStep(onto: kind),
                          // A node where the walk stops lifts to itself only.
                          !match.isStop(kind),
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


}
