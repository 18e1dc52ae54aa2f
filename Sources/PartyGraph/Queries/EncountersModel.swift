/// A node as it appears in query answers: id, display name and kind.
public struct ActorRef: Codable, Hashable, Sendable {
    /// The node id (`person/hun-sen`).
    public var id: NodeID
    /// The display name.
    public var name: String
    /// The node's kind.
    public var kind: NodeKind
    /// `true` for an office standing in for a person the sources do not name (a prime minister, a speaker).
    public var holderNotNamed: Bool
    /// The name for people: `"Prime Minister of Việt Nam — holder not named"` when the holder is not named,
    /// `"Prime Minister of Cambodia — holder unknown: Hun Sen or Hun Manet, succession between …"` when the
    /// sources leave the succession open on the days asked.
    public var label: String
    /// For an office standing in because the succession is unknown on the days asked: the window and candidates.
    public var tenure: TenureCertainty?

    init(id: NodeID, name: String, kind: NodeKind) {
        self.id = id
        self.name = name
        self.kind = kind
        holderNotNamed = false
        label = name
    }

    init(_ entity: Entity, holderNotNamed: Bool = false, tenure: TenureCertainty? = nil) {
        id = entity.id
        name = entity.name
        kind = entity.kind
        self.holderNotNamed = holderNotNamed
        self.tenure = tenure?.level == .unknown ? tenure : nil
        if let unknown = self.tenure {
            label = entity.name + " — holder " + unknown.words
        } else {
            label = holderNotNamed ? entity.name + " — holder not named" : entity.name
        }
    }
}

/// A meeting as it appears in query answers.
public struct MeetingRef: Codable, Hashable, Sendable {
    /// The meeting's node id.
    public var id: NodeID
    /// The meeting's display name.
    public var name: String
    /// The kind of meeting, e.g. ``MeetingKind/bilateralSummit``.
    public var kind: MeetingKind
    /// `2026-02-06/2026-02-07`, or one date when it starts and ends the same day; empty when undated.
    public var date: String
    /// The first date, when known.
    public var start: PartialDate?
    /// The last date, when known.
    public var end: PartialDate?
    /// Where it takes place, in the source's words.
    public var place: String?
    /// The status as of the latest source.
    public var status: MeetingStatus
    /// The date the status was last reported.
    public var statusAsOf: PartialDate?
    /// `true` while the meeting is only announced: the encounter is expected, not yet reported as held.
    public var announced: Bool
    /// Ids of the larger events (summit series) it is part of.
    public var partOf: [NodeID]
    /// What each source said of the status, in file order (empty for a meeting with a single status).
    public var claims: [ClaimCitation]
    /// `true` when the sources contradict each other on the status (``MeetingDetails/isContested``).
    public var contested: Bool
    /// The dataset's own kind refining ``kind`` (format version 2); `nil` for a core kind.
    public var declaredKind: DeclaredTerm?
    /// The places the meeting is `held-at` (format version 2); `nil` when none is recorded.
    public var heldAt: [ActorRef]?

    init(_ entity: Entity, details: MeetingDetails, in dataset: Dataset) {
        id = entity.id
        name = entity.name
        kind = details.kind
        date = details.date.description
        start = details.date.start
        end = details.date.end
        place = details.place
        status = details.status
        statusAsOf = details.statusAsOf
        announced = details.status == .announced
        partOf = dataset.relationships(from: entity.id).filter { $0.relation == .partOf }.map(\.to)
        claims = dataset.claimCitations(details)
        contested = details.isContested
        declaredKind = dataset.declaredKind(of: details)
        let places = dataset.places(ofMeeting: entity.id).map { ActorRef($0) }
        heldAt = places.isEmpty ? nil : places
    }
}

/// How an actor is found to take part in a meeting.
public enum Derivation: String, Codable, Sendable, CaseIterable, Comparable {
    /// The actor itself is a participant (`participant-in`).
    case direct
    /// The actor hosts the meeting (`hosts`); a host takes part in what it hosts.
    case hosting
    /// The actor is the person named as leading a participating body (`led_by` on the participation).
    case viaDelegation = "via-delegation"
    /// The actor holds, on the meeting's dates, an office that participates (`holds`).
    case viaOffice = "via-office"

    public static func < (lhs: Derivation, rhs: Derivation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One relationship used to derive an answer, with its evidence.
public struct UsedRelation: Codable, Hashable, Sendable {
    /// The relation, or ``PathLink/leads`` for the `led_by` of a participation (the person leads the body).
    public var relation: PathLink
    /// The id of the node the relationship starts at.
    public var from: NodeID
    /// The name of the node the relationship starts at.
    public var fromName: String
    /// The id of the node the relationship ends at.
    public var to: NodeID
    /// The name of the node the relationship ends at.
    public var toName: String
    /// The relationship's evidence.
    public var evidence: [NodeReport.Citation]
    /// For a holding (`holds`, `heads`, `member-of`): how sure it is on the days asked.
    public var tenure: TenureCertainty?
    /// `true` when a source disputes the relationship (an evidence record with stance `disputes`): it still counts.
    public var disputed: Bool
}

/// One way a side takes part in a meeting: who attended as recorded, through what, and why we say so.
public struct Participation: Codable, Hashable, Sendable {
    /// How the participation is derived.
    public var derivation: Derivation
    /// Who attended as recorded: a person, a body, or an office whose holder is not named.
    public var attendee: ActorRef
    /// The node named by the `participant-in` or `hosts` relationship (a body or office for the `via-` derivations).
    public var participant: ActorRef
    /// The role the source gives; ``ParticipantRole/host`` for hosting.
    public var role: ParticipantRole?
    /// What the participant represented, as the source says.
    public var capacity: ActorRef?
    /// Every relationship used: the participation, the `holds` that resolves an office, and the chain that maps the
    /// attendee to the answer's level (`part-of`, `office-of`, `based-in`, …), in that order.
    public var basis: [UsedRelation]
    /// How sure the participation is: the weakest certainty of the holdings it depends on (``TenureCertainty/stated``
    /// when it depends on none).
    public var certainty: TenureCertainty
    /// The dataset's own role refining ``role`` (format version 2); `nil` for a core role.
    public var declaredRole: DeclaredTerm? = nil
}

/// One side of an encounter: the actor at the asked level and every way it takes part in the meeting.
public struct EncounterSide: Codable, Hashable, Sendable {
    /// The actor at the asked level.
    public var actor: ActorRef
    /// Most direct first (``Derivation`` order), then in relationship file order.
    public var participations: [Participation]
    /// The surest of the participations' certainties: an actor that takes part on stated grounds is stated.
    public var certainty: TenureCertainty.Level
}

/// Two actors meeting at one meeting, with how that is derived and the quotes that support it.
public struct Encounter: Codable, Hashable, Sendable {
    /// The meeting both sides take part in.
    public var meeting: MeetingRef
    /// The side asked about.
    public var actor: EncounterSide
    /// The other side: the actor met.
    public var counterpart: EncounterSide
    /// The evidence of every relationship used on both sides, without repeats, in order of first use.
    public var evidence: [NodeReport.Citation]
}

/// An actor met in an ``EncounterReport``, with the meetings.
public struct CounterpartSummary: Codable, Hashable, Sendable {
    /// The actor met.
    public var actor: ActorRef
    /// Distinct meetings.
    public var meetings: Int
    /// The ids of those meetings, in meeting order.
    public var meetingIDs: [NodeID]
    /// How many of those meetings are only announced.
    public var announced: Int
}

/// The answer to "whom did X meet?" (`partygraph who-met`).
public struct EncounterReport: Codable, Hashable, Sendable {
    /// The question, echoed so that an empty answer still says what was asked.
    public struct Query: Codable, Hashable, Sendable {
        /// The actor asked about.
        public var actor: ActorRef
        /// The counterpart asked for, if any.
        public var with: ActorRef?
        /// The level asked (or the actor's own).
        public var level: EncounterLevel
        /// The query actor at the asked level (Hun Sen → the CPP at party level): its structural lift (on no
        /// particular day), then whatever else it stood for at the meetings found, in meeting order.
        public var actorAtLevel: [ActorRef]
        /// The window, statuses and meeting kinds.
        public var filter: FilterEcho
    }

    /// The question asked.
    public var query: Query
    /// In meeting date order, then meeting id, then counterpart name.
    public var encounters: [Encounter]
    /// Everyone met, most meetings first, then by name.
    public var counterparts: [CounterpartSummary]
    /// The asked actor's own participations not counted at the level because their explicit capacity stands for
    /// nothing there (a prime minister's state visit at party level); `nil` when there are none.
    public var notAtLevel: [MeetingAttendance]?
}

/// A question for ``Dataset/encounters(_:)``: whom `actor` met, optionally only `with`, at a level, in a window.
public struct EncounterQuery: Hashable, Sendable {
    /// The actor asked about.
    public var actor: NodeID
    /// Only encounters with this actor, when set.
    public var with: NodeID?
    /// Which meetings count, and the day offices are resolved on.
    public var filter: QueryFilter
    /// `nil` means the actor's own level (a person or office → person, an organ → organ, …).
    public var level: EncounterLevel?

    /// Creates a question.
    public init(actor: NodeID, with: NodeID? = nil, filter: QueryFilter = .all, level: EncounterLevel? = nil) {
        self.actor = actor
        self.with = with
        self.filter = filter
        self.level = level
    }
}
