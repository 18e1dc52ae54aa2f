/// What one source says of a meeting's status, and as of when: "announced" in the report of 2026-02-03, "held" in
/// the report of 2026-02-07.
///
/// A meeting's claims are its status over time and across sources; ``MeetingDetails/status`` is the current one
/// (see ``StatusClaim/current(of:)``).
public struct StatusClaim: Hashable, Sendable {
    /// The id of the ``Source`` that makes the claim.
    public var source: String
    /// The day the status holds as of; in a file it defaults to the source's publication date, and it may not be
    /// later than that date (a source cannot report what it could not yet know).
    public var date: PartialDate
    /// The status the source reports.
    public var status: MeetingStatus
    /// The source's words, verbatim.
    public var quote: String
    /// How the claim bears on the status: ``Evidence/Stance-swift.enum/disputes`` when the source says the
    /// meeting does *not* have this status (the claim then marks the meeting contested and is never current).
    public var stance: Evidence.Stance

    /// Creates a claim.
    public init(source: String, date: PartialDate, status: MeetingStatus, quote: String, stance: Evidence.Stance = .supports) {
        self.source = source
        self.date = date
        self.status = status
        self.quote = quote
        self.stance = stance
    }
}
