/// What a node is.
public enum NodeKind: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Comparable {
    /// A political party, e.g. the Cambodian People's Party.
    case party
    /// A party organ or state body: Central Committee, Politburo, Standing Committee, Senate, National Assembly.
    case organ
    /// A post, independent of whoever holds it: General Secretary, Prime Minister, King.
    case office
    /// A named individual.
    case person
    /// A state.
    case country
    /// An n-ary event: a summit, a state visit, an audience. Encounters are derived from it.
    case meeting
    /// A place meetings are held at: a city, a province, a venue (format version 2). It takes part in nothing.
    case place

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A directed, typed relation between two nodes.
public enum Relation: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    /// An organ belongs to a party, country or higher organ; a meeting belongs to a larger event.
    case partOf = "part-of"
    /// An office belongs to an organ, party or country.
    case officeOf = "office-of"
    /// A person holds an office, optionally from/to a date.
    case holds
    /// A person leads an organ or party.
    case heads
    /// A person is a member of an organ or party.
    case memberOf = "member-of"
    /// A party or organ is based in a country.
    case basedIn = "based-in"
    /// An actor takes part in a meeting, with a role and a capacity.
    case participantIn = "participant-in"
    /// A party, organ or country hosts a meeting.
    case hosts
    /// A person or office invites a meeting's guests.
    case invites
    /// A meeting is held in parallel with another.
    case parallelWith = "held-in-parallel-with"
    /// A place lies in a country or in a larger place (format version 2).
    case locatedIn = "located-in"
    /// A meeting is held at a place (format version 2).
    case heldAt = "held-at"

    /// The node kinds allowed at each end of this relation.
    public var allowedEnds: (from: Set<NodeKind>, to: Set<NodeKind>) {
        switch self {
        case .partOf: return ([.organ, .meeting], [.party, .country, .organ, .meeting])
        case .officeOf: return ([.office], [.organ, .party, .country])
        case .holds: return ([.person], [.office])
        case .heads: return ([.person], [.organ, .party])
        case .memberOf: return ([.person], [.organ, .party])
        case .basedIn: return ([.party, .organ], [.country])
        case .participantIn: return ([.person, .organ, .party, .office, .country], [.meeting])
        case .hosts: return ([.party, .organ, .country, .person], [.meeting])
        case .invites: return ([.person, .office], [.meeting])
        case .parallelWith: return ([.meeting], [.meeting])
        case .locatedIn: return ([.place], [.place, .country])
        case .heldAt: return ([.meeting], [.place])
        }
    }

    /// Whether a `part-of` edge is allowed between these kinds (meetings only join meetings).
    func allows(from: NodeKind, to: NodeKind) -> Bool {
        let ends = allowedEnds
        guard ends.from.contains(from), ends.to.contains(to) else { return false }
        if self == .partOf { return (from == .meeting) == (to == .meeting) }
        return true
    }

    /// Words for the relation, read from its source to its target.
    public var phrase: String {
        switch self {
        case .partOf: return "part of"
        case .officeOf: return "office of"
        case .holds: return "holds"
        case .heads: return "heads"
        case .memberOf: return "member of"
        case .basedIn: return "based in"
        case .participantIn: return "participant in"
        case .hosts: return "hosts"
        case .invites: return "invites"
        case .parallelWith: return "held in parallel with"
        case .locatedIn: return "located in"
        case .heldAt: return "held at"
        }
    }
}

/// The kind of a meeting node.
public enum MeetingKind: String, CaseIterable, Sendable, Codable {
    /// A summit of two sides.
    case bilateralSummit = "bilateral-summit"
    /// A summit of three sides.
    case trilateralSummit = "trilateral-summit"
    /// A summit of many sides.
    case multilateralSummit = "multilateral-summit"
    /// A set of meetings announced or held together.
    case summitSeries = "summit-series"
    /// A state visit.
    case stateVisit = "state-visit"
    /// An official visit.
    case officialVisit = "official-visit"
    /// An audience.
    case audience
    /// Talks.
    case talks
    /// Any other meeting.
    case meeting
}

/// Where a meeting stands as of the date of the latest source reporting on it.
public enum MeetingStatus: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case announced, held, postponed, cancelled
}

/// The part an actor plays in a meeting.
public enum ParticipantRole: String, CaseIterable, Sendable, Codable {
    case host, guest
    /// Chairs the meeting together with others.
    case coChair = "co-chair"
    /// Heads a delegation to the meeting.
    case delegationHead = "delegation-head"
    case member, attendee
}
