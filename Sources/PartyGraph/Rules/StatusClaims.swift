/// The rules of status claims: which claim is current, and when claims contradict each other.
///
/// - The current claim is the latest by date among the claims that do not dispute; of claims on the same date, the
///   last in file order. A claim that disputes is never current.
/// - Claims contradict when two that do not dispute give different statuses on the same date, or when a claim
///   disputes. The meeting is then *contested*: `validate` warns, answers show every claim and mark it.
extension StatusClaim {
    /// The claim that gives the current status, or `nil` when no claim asserts a status.
    public static func current(of claims: [StatusClaim]) -> StatusClaim? {
        var best: StatusClaim?
        for claim in claims where claim.stance != .disputes {
            if let chosen = best, claim.date.firstDay < chosen.date.firstDay
                || (claim.date.firstDay == chosen.date.firstDay && claim.date.lastDay < chosen.date.lastDay) { continue }
            best = claim
        }
        return best
    }

    /// The contradictions among claims, each as the positions (in `claims`) of the claims involved, in file order.
    public static func contradictions(in claims: [StatusClaim]) -> [[Int]] {
        var found: [[Int]] = []
        var byDate: [PartialDate: [Int]] = [:]
        var dates: [PartialDate] = []
        for (position, claim) in claims.enumerated() {
            if claim.stance == .disputes { found.append([position]); continue }
            if byDate[claim.date] == nil { dates.append(claim.date) }
            byDate[claim.date, default: []].append(position)
        }
        for date in dates {
            let positions = byDate[date]!
            if Set(positions.map { claims[$0].status }).count > 1 { found.append(positions) }
        }
        return found.sorted { $0[0] < $1[0] }
    }
}

extension MeetingDetails {
    /// Whether the sources contradict each other on the meeting's status (see ``StatusClaim/contradictions(in:)``).
    public var isContested: Bool { !StatusClaim.contradictions(in: claims).isEmpty }

    /// Sets ``status`` and ``statusAsOf`` from ``claims`` (when there are any), by ``StatusClaim/current(of:)``.
    mutating func refreshStatusFromClaims() {
        guard !claims.isEmpty else { return }
        let current = StatusClaim.current(of: claims)
        status = current?.status ?? .announced
        statusAsOf = current?.date
    }
}

extension Array where Element == Evidence {
    /// Whether a source disputes the fact these records bear on.
    public var isDisputed: Bool { contains { $0.stance == .disputes } }
}
