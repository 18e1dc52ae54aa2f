import PartyGraph

/// How tables show a meeting's status claims: a mark on a contested status, and the claims as a timeline.
enum StatusClaimsText {
    /// `held`, or `held (contested)` when the sources contradict each other.
    static func status(_ status: MeetingStatus, contested: Bool) -> String {
        status.rawValue + (contested ? " (contested)" : "")
    }

    /// `2026-02-03 announced (ppp-2026-02-03); 2026-02-07 held (khmer-times-2026-02-07, current)`; a claim that
    /// disputes reads `2026-02-08 not held (disputes, src)`.
    static func timeline(_ claims: [ClaimCitation]) -> String {
        claims.map { claim in
            var notes = [claim.source]
            if claim.stance == .disputes { notes.insert("disputes", at: 0) }
            if claim.current { notes.append("current") }
            return "\(claim.date) \(claim.stance == .disputes ? "not " : "")\(claim.status.rawValue) (\(notes.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }

    /// Whether a table should spell the claims out: more than one, or any contradiction.
    static func worthListing(_ claims: [ClaimCitation], contested: Bool) -> Bool { claims.count > 1 || contested }

    /// The note printed under tables that mark something contested or disputed.
    static let contestedNote = "contested: the sources contradict each other on the status; the latest claim is shown (show MEETING lists every claim)."
    static let disputedNote = "disputes: a source contradicts the fact; it still counts, and both sides are cited."
}
