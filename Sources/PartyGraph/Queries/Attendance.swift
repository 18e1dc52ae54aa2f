/// Who takes part in a meeting, and how a participant maps to a level.
///
/// The rules (also in docs/queries.md):
/// - `participant-in` makes its source an attendee (``Derivation/direct``); its `led_by` person attends too
///   (``Derivation/viaDelegation``). An office that participates is replaced by each person whose `holds` is in force
///   for the meeting (``Derivation/viaOffice``); when no holder is named, the office itself attends, marked
///   "holder not named".
/// - `hosts` makes its source an attendee (``Derivation/hosting``). `invites` does not: inviting is not attending.
/// - Level mapping of an attendance: at person level, the attendee when it is a person or an unheld office.
///   At organ, party or country level, the participation's capacity lifted to the level when it has one at or below
///   the level (an explicit capacity wins: one that lifts to nothing at the level maps the attendance to nothing
///   there), else the participant node (the body, the office, or the attending person) lifted to the level.
/// - Lifting walks up: person → `holds` (in force) → office, person → `heads`/`member-of` → organ or party;
///   office → `office-of`; organ → `part-of` (organ, party, country) and `based-in`; party → `based-in` → country.
///   The first nodes of the asked level reached on each branch are the answer; nothing is reached downwards
///   (a party has no organ, a country no party).
struct Attendance: Sendable {
    var attendee: Int
    var holderNotNamed: Bool
    var participant: Int
    var role: ParticipantRole?
    var capacity: Int?
    var derivation: Derivation
    /// Relationship indices used, the participation first; `leads` marks a `led_by` use of the first.
    var relationships: [Int32]
    var viaLeadership: Bool
    /// For an office resolved to a holder: the holding's certainty; for an office standing in because the
    /// succession is unknown: that (see `Rules/Tenure.swift`).
    var tenure: TenureCertainty? = nil
}

/// A level actor reached from an attendance or a node, with the relationships walked.
struct LevelHit: Sendable {
    var actor: Int
    var holderNotNamed: Bool
    var chain: [Int32]
    /// For an office standing in because its succession is unknown on the days asked.
    var tenure: TenureCertainty? = nil
}

extension Dataset {
    /// The meeting details of an entity index, if it is a meeting.
    func meetingDetails(_ index: Int) -> MeetingDetails? { entities[index].meeting }

    /// Everyone who takes part in the meeting, by the rules above, in relationship file order.
    func attendances(ofMeeting meeting: Int, filter: QueryFilter) -> [Attendance] {
        let details = meetingDetails(meeting)
        var result: [Attendance] = []
        for relationshipIndex in incomingIndices(of: meeting) {
            let relationship = relationships[Int(relationshipIndex)]
            let from = Int(fromIndices[Int(relationshipIndex)])
            switch relationship.relation {
            case .participantIn:
                let capacity = relationship.capacity.flatMap(index(of:))
                if entities[from].kind == .office {
                    let span = filter.checkedSpan(for: details)
                    let holders = holders(ofOffice: from, during: span)
                    if holders.isEmpty {
                        result.append(Attendance(attendee: from, holderNotNamed: true, participant: from, role: relationship.role,
                                                 capacity: capacity, derivation: .direct, relationships: [relationshipIndex], viaLeadership: false,
                                                 tenure: unknownSuccession(of: from, during: span).map(certainty(of:))))
                    }
                    for (person, holding) in holders {
                        result.append(Attendance(attendee: person, holderNotNamed: false, participant: from, role: relationship.role,
                                                 capacity: capacity, derivation: .viaOffice, relationships: [relationshipIndex, holding],
                                                 viaLeadership: false, tenure: certainty(of: holding, during: span)))
                    }
                } else {
                    result.append(Attendance(attendee: from, holderNotNamed: false, participant: from, role: relationship.role,
                                             capacity: capacity, derivation: .direct, relationships: [relationshipIndex], viaLeadership: false))
                }
                if let leader = relationship.ledBy.flatMap(index(of:)) {
                    result.append(Attendance(attendee: leader, holderNotNamed: false, participant: from, role: relationship.role,
                                             capacity: capacity, derivation: .viaDelegation, relationships: [relationshipIndex],
                                             viaLeadership: true))
                }
            case .hosts:
                result.append(Attendance(attendee: from, holderNotNamed: false, participant: from, role: .host, capacity: nil,
                                         derivation: .hosting, relationships: [relationshipIndex], viaLeadership: false))
            default:
                continue
            }
        }
        return result
    }

    /// The level actors an attendance stands for (see the rules on ``Attendance``).
    func levelHits(of attendance: Attendance, level: EncounterLevel, meeting: MeetingDetails?, filter: QueryFilter) -> [LevelHit] {
        if level == .person {
            switch entities[attendance.attendee].kind {
            case .person: return [LevelHit(actor: attendance.attendee, holderNotNamed: false, chain: [])]
            case .office where attendance.holderNotNamed:
                return [LevelHit(actor: attendance.attendee, holderNotNamed: true, chain: [], tenure: attendance.tenure)]
            default: return []
            }
        }
        // An explicit capacity the level can read wins: a prime minister at a state visit stands for no party, even if
        // he is a member of one. A capacity above the level (a body taking part for its party, asked at organ level)
        // says nothing finer than the participant, which is used.
        if let capacity = attendance.capacity, Dataset.capacityDecides(entities[capacity].kind, level: level) {
            return lift(capacity, to: level, meeting: meeting, filter: filter)
        }
        return lift(attendance.participant, to: level, meeting: meeting, filter: filter)
    }

    /// Whether a participation's capacity decides what it stands for at a level: when the capacity is at or below the
    /// level (an office or organ asked at party level), even if it lifts to nothing there.
    static func capacityDecides(_ capacityKind: NodeKind, level: EncounterLevel) -> Bool {
        level.admitsStep(onto: capacityKind)
    }

    /// The actors of a level that take part in a meeting, each with the chain from the participation.
    ///
    /// This is the public face of the level rules: the CPP–CPV summit at party level gives the CPP (through the
    /// CPP Standing Committee's capacity) and the CPV. Meetings the filter rejects have no attendees.
    /// - Throws: ``PartyGraphError/unknownName(_:suggestions:)`` when the id is not a meeting of the dataset.
    public func attendees(of meeting: NodeID, level: EncounterLevel, filter: QueryFilter = .all) throws(PartyGraphError) -> [ActorRef] {
        guard let index = index(of: meeting), let details = entities[index].meeting else {
            throw .unknownName(meeting.rawValue, suggestions: self.meetings.map { "\($0.id) (\($0.name))" })
        }
        guard filter.admits(details, id: meeting) else { return [] }
        var seen: Set<Int> = []
        var result: [ActorRef] = []
        for attendance in attendances(ofMeeting: index, filter: filter) {
            for hit in levelHits(of: attendance, level: level, meeting: details, filter: filter) where seen.insert(hit.actor).inserted {
                result.append(ActorRef(entities[hit.actor], holderNotNamed: hit.holderNotNamed, tenure: hit.tenure))
            }
        }
        return result.sorted { $0.label < $1.label }
    }

    /// The nodes of `level` that a node stands for, on a day or whenever (`on: nil`): Hun Sen → the CPP at party level.
    ///
    /// A node above the level stands for nothing (a party has no person). Offices at person level are their
    /// holders, or the office itself when no holder is named.
    public func levelActors(of node: NodeID, level: EncounterLevel, on day: PartialDate? = nil) -> [ActorRef] {
        guard let index = index(of: node) else { return [] }
        let filter = (try? QueryFilter(at: day)) ?? .all
        return lift(index, to: level, meeting: nil, filter: filter).map { ActorRef(entities[$0.actor], holderNotNamed: $0.holderNotNamed, tenure: $0.tenure) }
    }
}

/// One way a node takes part in a meeting, by the attendance rules of ``Dataset/attendances(of:filter:)``.
public struct MeetingAttendance: Codable, Hashable, Sendable {
    /// The meeting attended.
    public var meeting: NodeID
    /// How the node attends: itself (``Derivation/direct``), as host (``Derivation/hosting``), as the named leader of
    /// a participating body (``Derivation/viaDelegation``) or as holder of a participating office
    /// (``Derivation/viaOffice``).
    public var derivation: Derivation
    /// The node of the participation: the node itself for `direct` and `hosting`, the body led for
    /// `via-delegation`, the office held for `via-office`.
    public var participant: NodeID
    /// The participation's role (``ParticipantRole/host`` for hosting), if the source gives one.
    public var role: ParticipantRole?
    /// What the participant represented (the participation's capacity), if stated.
    public var capacity: NodeID?
}

extension Dataset {
    /// Every meeting a node takes part in, and how — the same attendances ``encounters(_:)`` matches a person on:
    /// its own participations and hostings, the participations whose `led_by` names it, and the participations of
    /// the offices it holds on the meeting's dates (or the filter's ``QueryFilter/at`` day).
    ///
    /// Meetings come in the order of ``meetings``; one meeting can be attended in several ways (Tô Lâm takes part
    /// in the CPP–CPV summit through the Politburo he leads, and in the trilateral summit through his office).
    /// Meetings the filter rejects are left out. An unknown id attends nothing.
    ///
    /// - Complexity: proportional to the node's relationships and the attendances of the meetings they reach,
    ///   not to the size of the dataset.
    public func attendances(of node: NodeID, filter: QueryFilter = .all) -> [MeetingAttendance] {
        guard let index = index(of: node) else { return [] }
        var result: [MeetingAttendance] = []
        for meeting in candidateMeetings(of: index, level: .person) {
            guard let details = entities[meeting].meeting, filter.admits(details, id: entities[meeting].id) else { continue }
            var seen: Set<MeetingAttendance> = []
            for attendance in attendances(ofMeeting: meeting, filter: filter) where attendance.attendee == index {
                let item = MeetingAttendance(
                    meeting: entities[meeting].id, derivation: attendance.derivation,
                    participant: entities[attendance.participant].id, role: attendance.role,
                    capacity: attendance.capacity.map { entities[$0].id })
                if seen.insert(item).inserted { result.append(item) }
            }
        }
        return result
    }
}
