extension Dataset {
    /// Whom an actor met: every other actor taking part in the same meeting, at a level, with evidence.
    ///
    /// The actor is first taken to the asked level when it is at or below it (Hun Sen → the CPP at party level,
    /// an office → its holders at person level), on each meeting: what it lifts to structurally, plus what its own
    /// attendances there map to (at organ level Hun Sen is also the CPP Standing Committee he leads at the CPP–CPV
    /// summit); an actor above the level is matched at its own level and the
    /// others are reported at the asked level (the CPP asked about at person level meets people).
    /// On each admitted meeting, the actor's side is every attendance that maps to it; every other attendance is
    /// a counterpart, mapped to the level. One ``Encounter`` per meeting and counterpart.
    ///
    /// - Throws: ``PartyGraphError/meetingIsNotAnActor(_:name:role:)`` when the actor or `with` is a meeting,
    ///   ``PartyGraphError/unknownName(_:suggestions:)`` when either is not in the dataset.
    /// - Complexity: O(M · A · C) for the M meetings the actor can take part in (found from its edges, see
    ///   `candidateMeetings(of:level:)`), A attendances per meeting and C the length of the level chains.
    public func encounters(_ query: EncounterQuery) throws(PartyGraphError) -> EncounterReport {
        try encounters(query, readEveryMeeting: false)
    }

    /// The actors standing for one side of a meeting, each with the attendances (and their level chains) behind it.
    typealias EncounterSideItems = (holderNotNamed: Bool, tenure: TenureCertainty?, items: [(Attendance, [Int32])])

    /// What ``walkEncounters(_:readEveryMeeting:visit:)`` resolved: the entity indices asked about and the echo.
    struct EncounterWalk {
        var actor: Int
        var with: Int?
        var level: EncounterLevel
        var actorAtLevel: [Int]
        var notAtLevel: [MeetingAttendance]
    }

    /// The encounter rule, once: for each admitted meeting where the actor takes part at the level (in dataset
    /// meeting-candidate order), `visit` gets the meeting's entity index, its details, the actor's side and the
    /// counterparts, each keyed by entity index. ``encounters(_:)`` builds its report from it; ``timeline(_:)`` counts it.
    func walkEncounters(
        _ query: EncounterQuery, readEveryMeeting: Bool,
        visit: (Int, MeetingDetails, [Int: EncounterSideItems], [Int: EncounterSideItems]) -> Void
    ) throws(PartyGraphError) -> EncounterWalk {
        guard let actorIndex = index(of: query.actor) else { throw .unknownName(query.actor.rawValue, suggestions: []) }
        guard let actorLevel = EncounterLevel(kind: entities[actorIndex].kind) else {
            throw .meetingIsNotAnActor(query.actor, name: name(of: query.actor), role: .actor)
        }
        let level = query.level ?? actorLevel
        let withIndex: Int?
        if let with = query.with {
            guard let found = index(of: with) else { throw .unknownName(with.rawValue, suggestions: []) }
            guard EncounterLevel(kind: entities[found].kind) != nil else {
                throw .meetingIsNotAnActor(with, name: name(of: with), role: .counterpart)
            }
            withIndex = found
        } else {
            withIndex = nil
        }
        let filter = query.filter

        /// The indices a node stands for at the level on a meeting, and the level its attendances are matched at:
        /// what it lifts to, plus what its own attendances there map to (Hun Sen at organ level is also the CPP
        /// Standing Committee at the summit where he leads it).
        func targets(_ node: Int, _ details: MeetingDetails, _ attendances: [Attendance]) -> (set: Set<Int>, matchLevel: EncounterLevel) {
            let own = EncounterLevel(kind: entities[node].kind)!
            guard own <= level else { return ([node], own) }
            var set = Set(lift(node, to: level, meeting: details, filter: filter).map(\.actor))
            for attendance in attendances where attendance.attendee == node {
                for hit in levelHits(of: attendance, level: level, meeting: details, filter: filter) { set.insert(hit.actor) }
            }
            return (set, level)
        }
        var actorAtLevel: [Int] = actorLevel <= level ? lift(actorIndex, to: level, meeting: nil, filter: filter).map(\.actor) : [actorIndex]

        var notAtLevel: [MeetingAttendance] = []
        let candidates = readEveryMeeting ? nil : candidateMeetings(of: actorIndex, level: level)
        for meeting in candidates.map({ $0.map { entities[$0] } }) ?? self.meetings {
            guard let details = meeting.meeting, filter.admits(details, id: meeting.id), let meetingIndex = index(of: meeting.id) else { continue }
            let attendances = attendances(ofMeeting: meetingIndex, filter: filter)
            if level > actorLevel {
                // The actor's own participations whose explicit capacity stands for nothing at the level: not
                // counted (the capacity wins), and said, so an empty answer is not read as "met no one".
                for attendance in attendances where attendance.attendee == actorIndex {
                    guard let capacity = attendance.capacity, Dataset.capacityDecides(entities[capacity].kind, level: level),
                          lift(capacity, to: level, meeting: details, filter: filter).isEmpty else { continue }
                    notAtLevel.append(MeetingAttendance(
                        meeting: meeting.id, derivation: attendance.derivation, participant: entities[attendance.participant].id,
                        role: attendance.role, capacity: entities[capacity].id))
                }
            }
            let (actorSet, actorMatch) = targets(actorIndex, details, attendances)
            guard !actorSet.isEmpty else { continue }
            var ownSide: [Int: EncounterSideItems] = [:]
            var others: [Attendance] = []
            for attendance in attendances {
                let hits = levelHits(of: attendance, level: actorMatch, meeting: details, filter: filter).filter { actorSet.contains($0.actor) }
                if hits.isEmpty { others.append(attendance) }
                for hit in hits { ownSide[hit.actor, default: (hit.holderNotNamed, hit.tenure, [])].items.append((attendance, hit.chain)) }
            }
            guard !ownSide.isEmpty else { continue }
            for actor in ownSide.keys.sorted() where !actorAtLevel.contains(actor) { actorAtLevel.append(actor) }
            let withTargets = withIndex.map { targets($0, details, attendances) }
            var counterparts: [Int: EncounterSideItems] = [:]
            for attendance in others {
                if let withTargets, withTargets.matchLevel != level {
                    let matches = levelHits(of: attendance, level: withTargets.matchLevel, meeting: details, filter: filter)
                        .contains { withTargets.set.contains($0.actor) }
                    if !matches { continue }
                }
                for hit in levelHits(of: attendance, level: level, meeting: details, filter: filter) where !actorSet.contains(hit.actor) {
                    if let withTargets, withTargets.matchLevel == level, !withTargets.set.contains(hit.actor) { continue }
                    counterparts[hit.actor, default: (hit.holderNotNamed, hit.tenure, [])].items.append((attendance, hit.chain))
                }
            }
            visit(meetingIndex, details, ownSide, counterparts)
        }
        return EncounterWalk(actor: actorIndex, with: withIndex, level: level, actorAtLevel: actorAtLevel, notAtLevel: notAtLevel)
    }

    /// ``encounters(_:)``; `readEveryMeeting` turns off the candidate shortcut (tests compare both).
    func encounters(_ query: EncounterQuery, readEveryMeeting: Bool) throws(PartyGraphError) -> EncounterReport {
        var encounters: [Encounter] = []
        let walk = try walkEncounters(query, readEveryMeeting: readEveryMeeting) { meetingIndex, details, ownSide, counterparts in
            let meeting = entities[meetingIndex]
            let meetingRef = MeetingRef(meeting, details: details, in: self)
            let span = query.filter.checkedSpan(for: details)
            for (actor, own) in ownSide.sorted(by: { $0.key < $1.key }) {
                let side = encounterSide(actor: actor, holderNotNamed: own.holderNotNamed, tenure: own.tenure, items: own.items, span: span)
                for (counterpart, entry) in counterparts {
                    let other = encounterSide(actor: counterpart, holderNotNamed: entry.holderNotNamed, tenure: entry.tenure,
                                              items: entry.items, span: span)
                    encounters.append(Encounter(meeting: meetingRef, actor: side, counterpart: other,
                                                evidence: Dataset.mergedEvidence(side.participations + other.participations)))
                }
            }
        }
        let actorIndex = walk.actor, withIndex = walk.with, level = walk.level, actorAtLevel = walk.actorAtLevel
        let notAtLevel = walk.notAtLevel
        let filter = query.filter
        // Meeting order (each meeting's rank looked up once), then labels; equal keys keep their order. The
        // positions are sorted, not the encounters (large values to move).
        let rank = meetingRank
        var order: [NodeID: Int32] = [:]
        let ranks = encounters.map { encounter in
            if let known = order[encounter.meeting.id] { return known }
            let found = index(of: encounter.meeting.id).map { rank[$0] } ?? -1
            order[encounter.meeting.id] = found
            return found
        }
        let sorted = encounters.indices.sorted { left, right in
            if ranks[left] != ranks[right] { return ranks[left] < ranks[right] }
            let leftActor = encounters[left].actor.actor.label, rightActor = encounters[right].actor.actor.label
            if leftActor != rightActor { return leftActor < rightActor }
            let leftCounterpart = encounters[left].counterpart.actor.label, rightCounterpart = encounters[right].counterpart.actor.label
            if leftCounterpart != rightCounterpart { return leftCounterpart < rightCounterpart }
            return left < right
        }
        encounters = sorted.map { encounters[$0] }
        // One summary per counterpart id, changed in place. The encounters of one meeting are adjacent, so a
        // meeting already counted for a counterpart is its last one.
        var summaryPosition: [NodeID: Int] = [:]
        var summaries: [CounterpartSummary] = []
        for encounter in encounters {
            let position: Int
            if let found = summaryPosition[encounter.counterpart.actor.id] {
                position = found
            } else {
                position = summaries.count
                summaryPosition[encounter.counterpart.actor.id] = position
                summaries.append(CounterpartSummary(actor: encounter.counterpart.actor, meetings: 0, meetingIDs: [], announced: 0))
            }
            if summaries[position].meetingIDs.last != encounter.meeting.id {
                summaries[position].meetingIDs.append(encounter.meeting.id)
                summaries[position].meetings += 1
                if encounter.meeting.announced { summaries[position].announced += 1 }
            }
        }
        let counterparts = summaries.sorted { lhs, rhs in
            if lhs.meetings != rhs.meetings { return lhs.meetings > rhs.meetings }
            return lhs.actor.label != rhs.actor.label ? lhs.actor.label < rhs.actor.label : lhs.actor.id < rhs.actor.id
        }
        let echo = EncounterReport.Query(
            actor: ActorRef(entities[actorIndex]), with: withIndex.map { ActorRef(entities[$0]) }, level: level,
            actorAtLevel: actorAtLevel.map { ActorRef(entities[$0], holderNotNamed: level == .person && entities[$0].kind == .office) },
            filter: filter.echo)
        return EncounterReport(query: echo, encounters: encounters, counterparts: counterparts,
                               notAtLevel: notAtLevel.isEmpty ? nil : notAtLevel)
    }

    /// Whom an actor met; see ``encounters(_:)``.
    public func encounters(
        of actor: NodeID, with other: NodeID? = nil, filter: QueryFilter = .all, level: EncounterLevel? = nil
    ) throws(PartyGraphError) -> EncounterReport {
        try encounters(EncounterQuery(actor: actor, with: other, filter: filter, level: level))
    }

    private func encounterSide(
        actor: Int, holderNotNamed: Bool, tenure: TenureCertainty?, items: [(Attendance, [Int32])], span: DateSpan?
    ) -> EncounterSide {
        let participations = items.map { participation($0.0, chain: $0.1, span: span) }.enumerated().sorted { lhs, rhs in
            lhs.element.derivation != rhs.element.derivation ? lhs.element.derivation < rhs.element.derivation : lhs.offset < rhs.offset
        }.map(\.element)
        var unique: [Participation] = []
        for participation in participations where !unique.contains(participation) { unique.append(participation) }
        return EncounterSide(actor: ActorRef(entities[actor], holderNotNamed: holderNotNamed, tenure: tenure), participations: unique,
                             certainty: unique.map(\.certainty.level).min() ?? .stated)
    }

    static func mergedEvidence(_ participations: [Participation]) -> [NodeReport.Citation] {
        var seen = Set<NodeReport.Citation>()
        var result: [NodeReport.Citation] = []
        for participation in participations {
            for used in participation.basis {
                for citation in used.evidence where seen.insert(citation).inserted { result.append(citation) }
            }
        }
        return result
    }
}
