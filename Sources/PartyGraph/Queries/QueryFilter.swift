/// Which meetings a query looks at, and on which day offices are resolved to their holders.
///
/// A meeting passes when its dates overlap the window `[from, to]` (partial dates stand for every day they
/// name: from `2026` to `2026-02` is 1 January–28 February 2026; an open bound is unlimited; a meeting with an
/// open date span is taken to extend without limit, so it overlaps every window on that side), its status is one
/// of ``statuses`` and its kind one of ``meetingKinds`` (all kinds when `nil`).
///
/// Holders of offices: at a meeting, a holding counts when it is in force on the meeting's dates (by the tenure rule
/// of `Rules/Tenure.swift`); ``at`` is the day for questions asked outside any meeting — who an office's holder is,
/// what an actor stands for at a level — and never moves a meeting's own dates.
public struct QueryFilter: Hashable, Sendable {
    /// The first date of the window, or `nil` for no lower bound.
    public let from: PartialDate?
    /// The last date of the window, or `nil` for no upper bound.
    public let to: PartialDate?
    /// The day office-holder questions outside a meeting are answered for (an actor's own lift to the level);
    /// encounters at a meeting use that meeting's dates.
    public let at: PartialDate?
    /// The statuses that count. Defaults to ``defaultStatuses``: announced and held meetings.
    public let statuses: Set<MeetingStatus>
    /// The meeting kinds that count, with every kind a dataset declares over them; `nil` means every kind.
    public internal(set) var meetingKinds: Set<MeetingKind>?
    /// The declared meeting kinds that count (each with its own refinements), as asked for in
    /// ``Dataset/restricting(_:toMeetingKinds:)``; `nil` when none was asked for.
    public internal(set) var declaredKinds: [String]?
    /// ``declaredKinds`` with every declared kind refining them.
    var declaredKindsAdmitted: Set<String> = []
    /// Meetings must be held at this place or at one located in it (``Dataset/restricting(_:toPlace:)``).
    public internal(set) var place: PlaceScope?
    /// The date the answer is as of, echoed in answers: query a dataset narrowed by ``Dataset/known(at:)`` with
    /// the same date (the rule lives there); `nil` for everything the sources say.
    public var knownAt: PartialDate? = nil

    /// Announced and held meetings count by default; postponed and cancelled ones are left out unless asked for.
    public static let defaultStatuses: Set<MeetingStatus> = [.announced, .held]

    /// Creates a filter.
    /// - Throws: ``PartyGraphError/windowEndsBeforeStart(from:to:)`` when `from` lies wholly after `to`,
    ///   ``PartyGraphError/noMeetingStatus`` when `statuses` is empty.
    public init(
        from: PartialDate? = nil, to: PartialDate? = nil, at: PartialDate? = nil,
        statuses: Set<MeetingStatus> = QueryFilter.defaultStatuses, meetingKinds: Set<MeetingKind>? = nil
    ) throws(PartyGraphError) {
        if let from, let to, to.lastDay < from.firstDay {
            throw .windowEndsBeforeStart(from: from, to: to)
        }
        if statuses.isEmpty {
            throw .noMeetingStatus
        }
        self.from = from
        self.to = to
        self.at = at
        self.statuses = statuses
        self.meetingKinds = meetingKinds
    }

    /// Every announced or held meeting, offices resolved on each meeting's dates.
    public static let all = try! QueryFilter()

    /// The window as a span (open where a bound is missing).
    public var window: DateSpan { try! DateSpan(start: from, end: to) }

    /// Whether a meeting passes the window, status, kind and place tests.
    public func admits(_ meeting: Entity) -> Bool {
        guard let details = meeting.meeting else { return false }
        return admits(details, id: meeting.id)
    }

    /// Whether the meeting with these details and id passes the window, status, kind and place tests.
    func admits(_ meeting: MeetingDetails, id: NodeID) -> Bool {
        statuses.contains(meeting.status)
            && admitsKind(of: meeting)
            && meeting.date.overlaps(window)
            && (place?.meetings.contains(id) ?? true)
    }

    /// A core kind admits its refinements; a declared kind admits itself and its own refinements.
    private func admitsKind(of meeting: MeetingDetails) -> Bool {
        guard let meetingKinds else { return true }
        if meetingKinds.contains(meeting.kind) { return true }
        if let refined = meeting.refinedKind { return declaredKindsAdmitted.contains(refined) }
        return false
    }

    /// The days a relationship (a `holds`, a `member-of`) must be in force on for a meeting under this filter: the
    /// meeting's dates; outside a meeting, the `at` day; `nil` when neither is given (then every one is in force).
    func checkedSpan(for meeting: MeetingDetails?) -> DateSpan? {
        if let meeting { return meeting.date }
        return at.map { DateSpan(day: $0) }
    }


    /// The filter as it is echoed in query results.
    public var echo: FilterEcho {
        FilterEcho(
            from: from, to: to, at: at, statuses: MeetingStatus.allCases.filter(statuses.contains),
            meetingKinds: meetingKinds.map { kinds in MeetingKind.allCases.filter(kinds.contains) }, knownAt: knownAt,
            declaredMeetingKinds: declaredKinds, place: place.map { ActorRef(id: $0.place, name: $0.name, kind: $0.kind) })
    }
}

/// A ``QueryFilter`` as it appears in answers: the window, the day offices are resolved on, and the statuses and
/// kinds that count, in vocabulary order.
public struct FilterEcho: Codable, Hashable, Sendable {
    /// The window's first date, if any.
    public var from: PartialDate?
    /// The window's last date, if any.
    public var to: PartialDate?
    /// The day offices are resolved on, if set.
    public var at: PartialDate?
    /// The statuses that count, in vocabulary order.
    public var statuses: [MeetingStatus]
    /// `nil` when every meeting kind counts.
    public var meetingKinds: [MeetingKind]?
    /// The date the answer is as of (``QueryFilter/knownAt``), if set.
    public var knownAt: PartialDate?
    /// The declared meeting kinds asked for, `nil` when none was (format version 2).
    public var declaredMeetingKinds: [String]?
    /// The place meetings are held in, `nil` for anywhere.
    public var place: ActorRef?
}

extension DateSpan {
    /// The span of exactly the days a partial date names.
    init(day date: PartialDate) { self = try! DateSpan(start: date, end: date) }
}

/// The level at which actors are compared: people, organs, parties or countries.
///
/// Every participation in a meeting is mapped to the level asked for; see ``Dataset/levelActors(of:level:on:)``
/// and docs/queries.md for the rules. Levels are ordered person < organ < party < country.
public enum EncounterLevel: String, CaseIterable, Codable, Sendable, Comparable {
    /// Named persons, and offices whose holder the sources do not name (standing in for that person).
    case person
    /// Party organs and state bodies.
    case organ
    /// Political parties.
    case party
    /// States.
    case country

    /// The natural level of a node kind; `nil` for meetings and places, which take part in nothing.
    public init?(kind: NodeKind) {
        switch kind {
        case .person, .office: self = .person
        case .organ: self = .organ
        case .party: self = .party
        case .country: self = .country
        case .meeting, .place: return nil
        }
    }

    public static func < (lhs: EncounterLevel, rhs: EncounterLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
