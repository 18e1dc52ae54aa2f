/// Every fact the dataset holds about one node, with dates and sources (`partygraph show`).
public struct NodeReport: Codable, Sendable, Equatable {
    /// One piece of evidence as it appears in reports.
    public struct Citation: Codable, Sendable, Equatable, Hashable {
        /// The source's id.
        public var source: String
        /// The source's publisher.
        public var publisher: String
        /// The source's publication date.
        public var date: String
        /// The supporting text, verbatim.
        public var quote: String
        /// The ``Evidence/Stance-swift.enum`` raw value.
        public var stance: String
    }

    /// A fact about the node, read from its side.
    public struct Fact: Codable, Sendable, Equatable {
        /// How the node takes part: `outgoing` (it is the subject), `incoming` (it is the object),
        /// `leads` (the source names it as leading a participant), or `via-office` (an office it holds takes part).
        public var direction: String
        /// The ``Relation`` raw value.
        public var relation: String
        /// The relation in words from the node's side, e.g. "holds", "hosted by", "led … in".
        public var phrase: String
        /// The id of the node at the other end.
        public var otherID: String
        /// The name of the node at the other end.
        public var otherName: String
        /// The ``NodeKind`` raw value of the node at the other end.
        public var otherKind: String
        /// The validity span, or the meeting's dates for participations (empty when open).
        public var date: String
        /// For participations: the ``ParticipantRole`` raw value.
        public var role: String?
        /// For participations: the id of what the participant represented.
        public var capacity: String?
        /// For `leads`: the body led; for `via-office`: the office held.
        public var through: String?
        /// For participations: the meeting's ``MeetingStatus`` raw value.
        public var meetingStatus: String?
        /// The relationship's evidence.
        public var evidence: [Citation]
    }

    /// The node id.
    public var id: String
    /// The ``NodeKind`` raw value.
    public var kind: String
    /// The display name.
    public var name: String
    /// Other names it is found by.
    public var aliases: [String]
    /// The dataset's remark on the node, if any.
    public var note: String?
    /// For meetings: the ``MeetingKind`` raw value.
    public var meetingKind: String?
    /// For meetings: the dates.
    public var date: String?
    /// For meetings: where, in the source's words.
    public var place: String?
    /// For meetings: the ``MeetingStatus`` raw value.
    public var status: String?
    /// For meetings: the date the status was last reported.
    public var statusAsOf: String?
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
                                quote: record.quote, stance: record.stance.rawValue)
            }
        }
        id = entity.id.rawValue
        kind = entity.kind.rawValue
        name = entity.name
        aliases = entity.aliases
        note = entity.note
        meetingKind = entity.meeting?.kind.rawValue
        date = entity.meeting.map { $0.date.description }
        place = entity.meeting?.place
        status = entity.meeting?.status.rawValue
        statusAsOf = entity.meeting?.statusAsOf?.description
        evidence = cite(entity.evidence)

        func fact(_ relationship: Relationship, direction: String, other: NodeID, phrase: String, through: NodeID? = nil) -> Fact {
            let otherEntity = dataset.entity(other)
            let meeting = otherEntity?.meeting
            let date = relationship.relation == .participantIn && direction != "incoming"
                ? (otherEntity?.meeting?.date.description ?? "") : relationship.valid.description
            return Fact(
                direction: direction, relation: relationship.relation.rawValue, phrase: phrase,
                otherID: other.rawValue, otherName: otherEntity?.name ?? other.rawValue, otherKind: otherEntity?.kind.rawValue ?? "",
                date: date, role: relationship.role?.rawValue, capacity: relationship.capacity?.rawValue,
                through: through?.rawValue, meetingStatus: meeting?.status.rawValue, evidence: cite(relationship.evidence))
        }
        var facts: [Fact] = []
        for relationship in dataset.relationships(from: entity.id) {
            facts.append(fact(relationship, direction: "outgoing", other: relationship.to, phrase: relationship.relation.phrase))
        }
        for relationship in dataset.relationships(to: entity.id) {
            var f = fact(relationship, direction: "incoming", other: relationship.from, phrase: relationship.relation.inversePhrase)
            if relationship.relation == .participantIn, let leader = relationship.ledBy { f.through = leader.rawValue }
            facts.append(f)
        }
        if entity.kind == .person {
            for relationship in dataset.relationships(ledBy: entity.id) {
                facts.append(fact(relationship, direction: "leads", other: relationship.to,
                                  phrase: "leads a delegation in", through: relationship.from))
            }
            for holding in dataset.relationships(from: entity.id) where holding.relation == .holds {
                for participation in dataset.relationships(from: holding.to) where participation.relation == .participantIn {
                    guard let meeting = dataset.entity(participation.to)?.meeting,
                          QueryFilter.all.inForce(holding, for: meeting) else { continue }
                    var f = fact(participation, direction: "via-office", other: participation.to,
                                 phrase: "takes part by office in", through: holding.to)
                    f.evidence = cite(holding.evidence + participation.evidence)
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
        }
    }
}
