/// A node of the relationship graph: a party, organ, office, person, country or meeting.
public struct Entity: Hashable, Sendable, Identifiable {
    public var id: NodeID
    /// What the node is.
    public var kind: NodeKind
    /// The display name in Unicode NFC, with its diacritics (`Tô Lâm`, `Việt Nam`).
    public var name: String
    /// Other names it is found by: transliterations, abbreviations, honorific forms.
    public var aliases: [String]
    /// A short free-text remark for readers of the dataset.
    public var note: String?
    /// Present exactly when ``kind`` is ``NodeKind/meeting``.
    public var meeting: MeetingDetails?
    /// The quotes that support the node.
    public var evidence: [Evidence]
    /// For offices: how many hold it at once, as the dataset states (`nil`: not stated, taken as ``OfficeSeats/single``).
    public var seats: OfficeSeats?

    /// Creates a node; ``Dataset`` checks it.
    public init(
        id: NodeID, kind: NodeKind, name: String, aliases: [String] = [], note: String? = nil,
        meeting: MeetingDetails? = nil, evidence: [Evidence] = [], seats: OfficeSeats? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.note = note
        self.meeting = meeting
        self.evidence = evidence
        self.seats = seats
    }
}

/// What is known of a meeting as an event.
public struct MeetingDetails: Hashable, Sendable {
    /// What kind of meeting it is.
    public var kind: MeetingKind
    /// The day or days it takes place.
    public var date: DateSpan
    /// Where it takes place, in the source's words.
    public var place: String?
    /// Where the meeting stands as of ``statusAsOf``: with ``claims``, the status of the current claim.
    public var status: MeetingStatus
    /// The date the status was last reported; a meeting announced on 2026-02-03 stays announced until a later source.
    public var statusAsOf: PartialDate?
    /// What each source said of the status, in file order (format version 2); empty for a meeting that gives one
    /// `status`.
    public var claims: [StatusClaim] = []
    /// The dataset's own kind of meeting ``kind`` is the core of (format version 2): the id of one of
    /// ``DeclaredVocabulary/meetingKinds`` whose refinements end in ``kind``; `nil` for a core kind.
    public var refinedKind: String?

    /// Creates the details of a meeting.
    public init(
        kind: MeetingKind, date: DateSpan, place: String? = nil, status: MeetingStatus, statusAsOf: PartialDate? = nil,
        refinedKind: String? = nil
    ) {
        self.refinedKind = refinedKind
        self.kind = kind
        self.date = date
        self.place = place
        self.status = status
        self.statusAsOf = statusAsOf
    }

    /// Creates the details of a meeting whose status is given by claims: ``status`` and ``statusAsOf`` are those
    /// of the current claim (``StatusClaim/current(of:)``); with no current claim, `announced` and no date.
    public init(kind: MeetingKind, date: DateSpan, place: String? = nil, claims: [StatusClaim], refinedKind: String? = nil) {
        let current = StatusClaim.current(of: claims)
        self.init(kind: kind, date: date, place: place, status: current?.status ?? .announced, statusAsOf: current?.date,
                  refinedKind: refinedKind)
        self.claims = claims
    }
}
