/// A status claim as answers cite it: who said which status, as of when, in which words.
public struct ClaimCitation: Codable, Hashable, Sendable {
    /// The ``Source/id`` of the report.
    public var source: String
    /// The source's publisher; empty when the dataset lacks the source.
    public var publisher: String
    /// The source's publication date; empty when the dataset lacks the source.
    public var published: String
    /// The day the status holds as of.
    public var date: PartialDate
    /// The status the source reports.
    public var status: MeetingStatus
    /// The source's words, verbatim.
    public var quote: String
    /// ``Evidence/Stance-swift.enum/disputes`` when the source denies this status.
    public var stance: Evidence.Stance
    /// Whether this claim gives the meeting's current status.
    public var current: Bool
}

extension Dataset {
    /// The claims of a meeting as answers cite them, in file order, the current one marked.
    func claimCitations(_ details: MeetingDetails) -> [ClaimCitation] {
        let current = StatusClaim.current(of: details.claims)
        var marked = false
        // The current claim is the last of its equals in file order: mark from the end.
        return details.claims.reversed().map { claim in
            let source = sourcePosition(claim.source).map { sources[$0] }
            let isCurrent = !marked && claim == current
            if isCurrent { marked = true }
            return ClaimCitation(
                source: claim.source, publisher: source?.publisher ?? "", published: source?.date.description ?? "",
                date: claim.date, status: claim.status, quote: claim.quote, stance: claim.stance, current: isCurrent)
        }.reversed()
    }
}
