/// Every fact the dataset holds about one node, with dates and sources (`partygraph show`).
public struct NodeReport: Codable, Sendable, Equatable {
    /// One piece of evidence as it appears in reports.
    public struct Citation: Codable, Sendable, Equatable, Hashable {
        /// The ``Source/id`` of the report quoted.
        public var source: String
        /// The source's publisher.
        public var publisher: String
        /// The source's publication date; empty when the dataset lacks the source.
        public var date: String
        /// The supporting text, verbatim.
        public var quote: String
        /// How the source bears on the fact.
        public var stance: Evidence.Stance
    }

    /// A fact about the node, read from its side.
    public struct Fact: Codable, Sendable, Equatable {
        /// How the node takes part in a fact.
        public enum Direction: String, Codable, Sendable, Hashable, CaseIterable {
            /// The node is the relationship's subject (`from`).
            case outgoing
            /// The node is the relationship's object (`to`).
            case incoming
            /// The source names the node (a person) as leading a participating body (`led_by`).
            case leads
            /// An office the node (a person) holds on the meeting's dates takes part.
            case viaOffice = "via-office"
        }

        /// How the node takes part.
        public var direction: Direction
        /// The stored relation (``Relation/participantIn`` for `leads` and `via-office`).
        public var relation: Relation
        /// The relation in words from the node's side, e.g. "holds", "hosted by", "led … in".
        public var phrase: String
        /// The id of the node at the other end.
        public var otherID: NodeID
        /// The name of the node at the other end.
        public var otherName: String
        /// The kind of the node at the other end; `nil` only when the dataset does not hold it.
        public var otherKind: NodeKind?
        /// The validity span, or the meeting's dates for participations (empty when open).
        public var date: String
        /// For participations: the role the source gives.
        public var role: ParticipantRole?
        /// For participations: the dataset's own role refining ``role`` (format version 2), if any.
        public var declaredRole: DeclaredTerm? = nil
        /// For participations: the id of what the participant represented.
        public var capacity: NodeID?
        /// For `leads`: the body led; for `via-office`: the office held; for an incoming participation: who led it.
        public var through: NodeID?
        /// For participations: the meeting's status.
        public var meetingStatus: MeetingStatus?
        /// The relationship's evidence.
        public var evidence: [Citation]
        /// For a holding (`holds`, `heads`, `member-of`) read from either end: what is known of its tenure.
        public var tenure: Tenure?
        /// `true` when a source disputes the fact (an evidence record with stance `disputes`); it still counts.
        public var disputed: Bool
    }

    /// The node id.
    public var id: NodeID
    /// The node's kind.
    public var kind: NodeKind
    /// The display name.
    public var name: String
    /// Other names it is found by.
    public var aliases: [String]
    /// The dataset's remark on the node, if any.
    public var note: String?
    /// For meetings: the kind of meeting.
    public var meetingKind: MeetingKind?
    /// For meetings: the dates as text (`2026-02-06/2026-02-07`).
    public var date: String?
    /// For meetings: where, in the source's words.
    public var place: String?
    /// For meetings: the dataset's own kind refining ``meetingKind`` (format version 2), if any.
    public var declaredKind: DeclaredTerm?
    /// For meetings: the places of its `held-at` relations (format version 2); `nil` when none.
    public var heldAt: [String]?
    /// For meetings: the status as of the latest source.
    public var status: MeetingStatus?
    /// For meetings: the date the status was last reported.
    public var statusAsOf: PartialDate?
    /// For meetings: what each source said of the status, in file order.
    public var statusClaims: [ClaimCitation]?
    /// For meetings: `true` when the sources contradict each other on the status.
    public var contested: Bool?
    /// `true` when a source disputes the node itself.
    public var disputed: Bool
    /// The node's own evidence.
    public var evidence: [Citation]
    /// Every relationship of the node, read from its side.
    public var facts: [Fact]

    /// Gathers the report for a node of the dataset.
    public init(entity: Entity, in dataset: Dataset) {
        func cite(_ records: [Evidence]) -> [Citation] {
            records.map { record in
                let source = dataset.source(record.source)
                return Citation(source: record.source, publisher: source?.publisher ?? "", date: source?.date.description ?? "",
                                quote: record.quote, stance: record.stance)
            }
        }
        id = entity.id
        kind = entity.kind
        name = entity.name
        aliases = entity.aliases
        note = entity.note
        meetingKind = entity.meeting?.kind
        date = entity.meeting.map { $0.date.description }
        place = entity.meeting?.place
        declaredKind = entity.meeting.flatMap { dataset.declaredKind(of: $0) }
        let places = entity.kind == .meeting ? dataset.places(ofMeeting: entity.id).map(\.name) : []
        heldAt = places.isEmpty ? nil : places
        status = entity.meeting?.status
        statusAsOf = entity.meeting?.statusAsOf
        statusClaims = entity.meeting.map(dataset.claimCitations)
        contested = entity.meeting?.isContested
        disputed = entity.evidence.isDisputed
        evidence = cite(entity.evidence)

        func fact(_ relationship: Relationship, direction: Fact.Direction, other: NodeID, phrase: String, through: NodeID? = nil) -> Fact {
            let otherEntity = dataset.entity(other)
            let meeting = otherEntity?.meeting
            let date = relationship.relation == .participantIn && direction != .incoming
                ? (otherEntity?.meeting?.date.description ?? "") : relationship.valid.description
            return Fact(
                direction: direction, relation: relationship.relation, phrase: phrase,
                otherID: other, otherName: otherEntity?.name ?? other.rawValue, otherKind: otherEntity?.kind,
                date: date, role: relationship.role, declaredRole: dataset.declaredRole(of: relationship), capacity: relationship.capacity,
                through: through, meetingStatus: meeting?.status, evidence: cite(relationship.evidence), tenure: nil,
                disputed: relationship.evidence.isDisputed)
        }
        var facts: [Fact] = []
        let position = dataset.index(of: entity.id)
        for index in position.map(dataset.outgoingIndices(of:)) ?? [] {
            let relationship = dataset.relationships[Int(index)]
            var f = fact(relationship, direction: .outgoing, other: relationship.to, phrase: relationship.relation.phrase)
            f.tenure = dataset.attestedTenure(of: Int(index))
            if f.tenure != nil { f.evidence = cite(relationship.evidence + relationship.attestations.map(\.evidence)) }
            facts.append(f)
        }
        for index in position.map(dataset.incomingIndices(of:)) ?? [] {
            let relationship = dataset.relationships[Int(index)]
            var f = fact(relationship, direction: .incoming, other: relationship.from, phrase: relationship.relation.inversePhrase)
            f.tenure = dataset.attestedTenure(of: Int(index))
            if f.tenure != nil { f.evidence = cite(relationship.evidence + relationship.attestations.map(\.evidence)) }
            if relationship.relation == .participantIn, let leader = relationship.ledBy { f.through = leader }
            facts.append(f)
        }
        if entity.kind == .person {
            for relationship in dataset.relationships(ledBy: entity.id) {
                facts.append(fact(relationship, direction: .leads, other: relationship.to,
                                  phrase: "leads a delegation in", through: relationship.from))
            }
            for holdingIndex in dataset.index(of: entity.id).map(dataset.outgoingIndices(of:)) ?? [] {
                let holding = dataset.relationships[Int(holdingIndex)]
                guard holding.relation == .holds else { continue }
                for participation in dataset.relationships(from: holding.to) where participation.relation == .participantIn {
                    guard let meeting = dataset.entity(participation.to)?.meeting,
                          dataset.isInForce(holdingIndex, during: QueryFilter.all.checkedSpan(for: meeting)) else { continue }
                    var f = fact(participation, direction: .viaOffice, other: participation.to,
                                 phrase: "takes part by office in", through: holding.to)
                    f.evidence = cite(holding.evidence + participation.evidence)
                    f.disputed = holding.evidence.isDisputed || participation.evidence.isDisputed
                    facts.append(f)
                }
            }
        }
        self.facts = facts
    }
}

extension Relation {
    /// Words for the relation read from its target back to its source ("held by", "hosted by").
    public var inversePhrase: String {
        switch self {
        case .partOf: return "has part"
        case .officeOf: return "has office"
        case .holds: return "held by"
        case .heads: return "headed by"
        case .memberOf: return "has member"
        case .basedIn: return "home of"
        case .participantIn: return "has participant"
        case .hosts: return "hosted by"
        case .invites: return "invited by"
        case .parallelWith: return "held in parallel with"
        case .locatedIn: return "contains"
        case .heldAt: return "venue of"
        }
    }
}
