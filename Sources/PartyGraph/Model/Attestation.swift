/// A date on which a source shows a holding (`holds`, `heads`, `member-of`) in force: "Prime Minister Hun Manet" in a
/// report of 2024-10-09. Attestations are what is known of a tenure when its start and end are not stated; the rule
/// that infers the rest is ``Dataset/tenure(of:)``.
public struct Attestation: Hashable, Sendable {
    /// The day (or month, or year) the source shows the holding.
    public var date: PartialDate
    /// The source and its words.
    public var evidence: Evidence

    /// Creates an attestation.
    public init(date: PartialDate, evidence: Evidence) {
        self.date = date
        self.evidence = evidence
    }
}

/// How many people an office seats at once, which decides how tenures of its holders are inferred.
public enum OfficeSeats: String, CaseIterable, Sendable, Codable {
    /// One holder at a time (a prime minister, a general secretary): a tenure known only by attestations extends
    /// towards the neighbouring holders, and after the last known holder it continues.
    case single
    /// Several holders at once (a Politburo member): a tenure known only by attestations is what they show.
    case multiple
}
