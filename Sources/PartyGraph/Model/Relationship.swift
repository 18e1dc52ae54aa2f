/// A directed, dated, sourced edge of the relationship graph.
public struct Relationship: Hashable, Sendable {
    /// What the relationship says.
    public var relation: Relation
    /// The node it starts at.
    public var from: NodeID
    /// The node it ends at.
    public var to: NodeID
    /// When the relation holds; open bounds mean the sources do not say.
    public var valid: DateSpan
    /// For ``Relation/participantIn``: the part played.
    public var role: ParticipantRole?
    /// For ``Relation/participantIn``: the dataset's own role ``role`` is the core of (format version 2). Declared
    /// here, after the one-byte ``role``, it fills alignment padding: relationships are no larger for it.
    public var refinedRole: DeclaredRole?
    /// For ``Relation/participantIn``: the office or organ the participant represented.
    public var capacity: NodeID?
    /// For ``Relation/participantIn`` of a body or office: the person the source names as leading it there.
    public var ledBy: NodeID?
    /// The quotes that support it.
    public var evidence: [Evidence]
    /// For a holding (`holds`, `heads`, `member-of`): the dates on which sources show it, in file order.
    public var attestations: [Attestation]

    /// Creates a relationship; ``Dataset`` checks it.
    public init(
        _ relation: Relation, from: NodeID, to: NodeID, valid: DateSpan = .unbounded,
        role: ParticipantRole? = nil, capacity: NodeID? = nil, ledBy: NodeID? = nil, evidence: [Evidence] = [],
        attestations: [Attestation] = [], refinedRole: DeclaredRole? = nil
    ) {
        self.refinedRole = refinedRole
        self.relation = relation
        self.from = from
        self.to = to
        self.valid = valid
        self.role = role
        self.capacity = capacity
        self.ledBy = ledBy
        self.evidence = evidence
        self.attestations = attestations
    }
}
