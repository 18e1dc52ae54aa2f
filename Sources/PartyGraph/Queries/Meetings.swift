/// Someone who brings a meeting about: a host (`hosts`), an inviter (`invites`), or a participant in the role of
/// host or co-chair.
public struct Convener: Codable, Hashable, Sendable {
    /// How the actor convenes the meeting: by a relation of its own, or by its role as a participant.
    public enum How: String, Codable, Hashable, Sendable, CaseIterable {
        /// It hosts the meeting (``Relation/hosts``).
        case hosts
        /// It invites to the meeting (``Relation/invites``).
        case invites
        /// It takes part in the role of host (``ParticipantRole/host``).
        case host
        /// It takes part in the role of co-chair (``ParticipantRole/coChair``).
        case coChair = "co-chair"
    }

    /// The convener.
    public var actor: ActorRef
    /// How it convenes the meeting.
    public var how: How
    /// The evidence of the relationship that makes it a convener.
    public var evidence: [NodeReport.Citation]
}

/// A meeting with everyone in it (`partygraph meetings`).
public struct MeetingListing: Codable, Hashable, Sendable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The larger events it belongs to (a summit series).
    public var partOf: [ActorRef]
    /// The meetings that are part of it (for a summit series).
    public var parts: [ActorRef]
    /// Meetings recorded as held in parallel with it, either way round.
    public var parallelWith: [ActorRef]
    /// Who brings it about (see ``Convener``).
    public var conveners: [Convener]
    /// Every attendance (see ``Derivation``), in relationship file order; offices resolved to their holders.
    public var participants: [Participation]
}

/// The answer to "which meetings involve these actors?".
public struct MeetingsReport: Codable, Hashable, Sendable {
    /// The question, echoed.
    public struct Query: Codable, Hashable, Sendable {
        /// The actors every listed meeting involves.
        public var involving: [ActorRef]
        /// The window, statuses and meeting kinds.
        public var filter: FilterEcho
    }

    /// The question asked.
    public var query: Query
    /// Chronological (first day, then id).
    public var meetings: [MeetingListing]
}

extension Dataset {
    /// The meetings that involve every one of `actors`, chronologically, with their participants.
    ///
    /// An actor is involved when one of the meeting's attendances names it (as attendee, participant or capacity)
    /// or maps to it at the actor's own level: the CPP is involved in the CPP–CPV summit through the CPP Standing
    /// Committee, Hun Sen through leading it, Cambodia through the CPP. A summit series counts only through its own
    /// relationships (the CPP hosts it); the parts' participants are not rolled up into it, so
    /// involving the CPP and the CPV lists the two summits the CPV attends, each naming the series in `partOf`.
    /// With no actors, every meeting that passes the filter is listed.
    ///
    /// - Throws: ``PartyGraphError/meetingIsNotAnActor(_:name:role:)`` when an actor is a meeting,
    ///   ``PartyGraphError/unknownName(_:suggestions:)`` when it is not in the dataset.
    public func meetings(involving actors: [NodeID] = [], filter: QueryFilter = .all) throws(PartyGraphError) -> MeetingsReport {
        var actorIndices: [Int] = []
        for actor in actors {
            guard let found = index(of: actor) else { throw .unknownName(actor.rawValue, suggestions: []) }
            guard EncounterLevel(kind: entities[found].kind) != nil else {
                throw .meetingIsNotAnActor(actor, name: name(of: actor), role: .involved)
            }
            actorIndices.append(found)
        }
        var listings: [MeetingListing] = []
        for meeting in self.meetings {
            guard let details = meeting.meeting, filter.admits(details, id: meeting.id), let meetingIndex = index(of: meeting.id) else { continue }
            let attendances = attendances(ofMeeting: meetingIndex, filter: filter)
            let involvesAll = actorIndices.allSatisfy { actor in
                let level = EncounterLevel(kind: entities[actor].kind)!
                return attendances.contains { attendance in
                    attendance.attendee == actor || attendance.participant == actor || attendance.capacity == actor
                        || levelHits(of: attendance, level: level, meeting: details, filter: filter).contains { $0.actor == actor }
                }
            }
            guard involvesAll else { continue }
            listings.append(listing(meeting, details: details, index: meetingIndex, attendances: attendances, filter: filter))
        }
        return MeetingsReport(
            query: .init(involving: actorIndices.map { ActorRef(entities[$0]) }, filter: filter.echo), meetings: listings)
    }

    private func listing(
        _ meeting: Entity, details: MeetingDetails, index meetingIndex: Int, attendances: [Attendance], filter: QueryFilter
    ) -> MeetingListing {
        var partOf: [ActorRef] = [], parts: [ActorRef] = [], parallel: [ActorRef] = [], conveners: [Convener] = []
        for relationshipIndex in outgoingIndices(of: meetingIndex) {
            let relationship = relationships[Int(relationshipIndex)]
            guard let other = entity(relationship.to) else { continue }
            if relationship.relation == .partOf { partOf.append(ActorRef(other)) }
            if relationship.relation == .parallelWith { parallel.append(ActorRef(other)) }
        }
        for relationshipIndex in incomingIndices(of: meetingIndex) {
            let relationship = relationships[Int(relationshipIndex)]
            guard let other = entity(relationship.from) else { continue }
            switch relationship.relation {
            case .partOf: parts.append(ActorRef(other))
            case .parallelWith: parallel.append(ActorRef(other))
            case .hosts:
                conveners.append(Convener(actor: ActorRef(other), how: .hosts, evidence: citations(relationship.evidence)))
            case .invites:
                conveners.append(Convener(actor: ActorRef(other), how: .invites, evidence: citations(relationship.evidence)))
            case .participantIn where relationship.role == .host:
                conveners.append(Convener(actor: ActorRef(other), how: .host, evidence: citations(relationship.evidence)))
            case .participantIn where relationship.role == .coChair:
                conveners.append(Convener(actor: ActorRef(other), how: .coChair, evidence: citations(relationship.evidence)))
            default: break
            }
        }
        return MeetingListing(
            meeting: MeetingRef(meeting, details: details, in: self), partOf: partOf, parts: parts, parallelWith: parallel, conveners: conveners,
            participants: attendances.filter { $0.derivation != .hosting }.map {
                participation($0, chain: [], span: filter.checkedSpan(for: details))
            })
    }
}
