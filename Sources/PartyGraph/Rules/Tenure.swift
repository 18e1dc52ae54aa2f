/// Tenures: when a holding (`holds`, `heads`, `member-of`) is in force, and how sure the sources make us of it.
///
/// The rule (also in docs/queries.md):
/// - A holding without attestations is in force over its stated `start`–`end`; an open bound extends without limit
///   (format version 1's meaning). That is **stated**.
/// - A holding with attestations is known from its stated `start`, else its first attestation, to its stated `end`,
///   else its last attestation: **stated** on those days.
/// - Holdings of one single seat — the `holds` of an office that is not ``OfficeSeats/multiple``, the `heads` of an
///   organ or party — are ordered by the first day they are known. Between one holder's last known day and the next
///   holder's first, the succession is **unknown**; the holders whose facing bound is not stated are the candidates.
///   After the last known holder, when its end is not stated, the holding continues: **inferred**, "no later holder
///   known". Before the first known holder, when its start is not stated, the holder is unknown.
/// - A stated bound always beats inference: it ends (or starts) the holding there, and no window opens on that side.
/// - A `member-of`, and the `holds` of a ``OfficeSeats/multiple`` office, are in force on their known days only.
/// - An unknown succession puts nobody in office: the office stands in for its holder, with the window and the
///   candidates, instead of a guess.
extension Dataset {
    /// Whether a relation is a holding, the relations a tenure is known for.
    static func isHolding(_ relation: Relation) -> Bool {
        relation == .holds || relation == .heads || relation == .memberOf
    }

    /// The days a relationship is in force, inference included, as day numbers (`Int.min`/`Int.max` when open).
    /// The one test of "in force" behind attendance, lifting, the co-meeting graph, reports and diagrams.
    func inForceDays(of relationship: Int32) -> (first: Int, last: Int) {
        if let known = tenureIndex.holdings[relationship] { return (known.first, known.inferredUntil) }
        let valid = relationships[Int(relationship)].valid
        return (valid.firstDay ?? Int.min, valid.lastDay ?? Int.max)
    }

    /// The days a relationship is in force on stated grounds only, without the inferred continuation: the days on which
    /// ``certainty(of:during:)`` says stated (`Int.min`/`Int.max` when open).
    func statedDays(of relationship: Int32) -> (first: Int, last: Int) {
        if let known = tenureIndex.holdings[relationship] { return (known.first, known.last) }
        return inForceDays(of: relationship)
    }

    /// Whether the relationship is in force on some day of `span` (every relationship is when `span` is `nil`).
    func isInForce(_ relationship: Int32, during span: DateSpan?) -> Bool {
        guard let span else { return true }
        let days = inForceDays(of: relationship)
        return days.first <= (span.lastDay ?? Int.max) && (span.firstDay ?? Int.min) <= days.last
    }

    /// How sure the sources make a relationship on the days of `span`: stated when the span meets its known days,
    /// inferred when it meets only the inferred continuation; `nil` for a relationship that is not in force then.
    func certainty(of relationship: Int32, during span: DateSpan?) -> TenureCertainty? {
        guard isInForce(relationship, during: span) else { return nil }
        guard let known = tenureIndex.holdings[relationship], let span else { return .stated }
        if (span.firstDay ?? Int.min) <= known.last { return .stated }
        return TenureCertainty(
            level: .inferred, reason: "no later holder known after \(known.lastDate.map(\.description) ?? "its last attestation")")
    }

    /// The unknown succession of a single-seat office or body on the days of `span`, if the span falls in one.
    func unknownSuccession(of target: Int, during span: DateSpan?) -> SuccessionWindow? {
        guard let span, let windows = tenureIndex.windows[Int32(target)] else { return nil }
        return windows.first { $0.first <= (span.lastDay ?? Int.max) && (span.firstDay ?? Int.min) <= $0.last }
    }

    /// The certainty of an office standing in for a holder the succession leaves unknown.
    func certainty(of window: SuccessionWindow) -> TenureCertainty {
        var reason = "succession"
        switch (window.after, window.before) {
        case let (after?, before?): reason += " between \(after) and \(before)"
        case let (nil, before?): reason = "no earlier holder known before \(before)"
        case let (after?, nil): reason += " after \(after)"
        case (nil, nil): break
        }
        return TenureCertainty(
            level: .unknown, reason: reason, after: window.after, before: window.before,
            candidates: window.candidates.map { ActorRef(entities[Int(fromIndices[Int($0)])]) })
    }

    /// What is known of one holding's tenure: its known days and whether it is inferred to continue.
    ///
    /// - Parameter relationship: a position in ``relationships``.
    /// - Returns: `nil` when the relationship is not a holding.
    public func tenure(of relationship: Int) -> Tenure? {
        guard relationships.indices.contains(relationship), Dataset.isHolding(relationships[relationship].relation) else { return nil }
        let holding = relationships[relationship]
        guard let known = tenureIndex.holdings[Int32(relationship)] else {
            return Tenure(knownFrom: holding.valid.start, knownTo: holding.valid.end, startStated: true, endStated: true,
                          attestations: [], continuesAfter: nil)
        }
        return Tenure(
            knownFrom: known.firstDate, knownTo: known.lastDate, startStated: holding.valid.start != nil,
            endStated: holding.valid.end != nil, attestations: holding.attestations.map(\.date).sorted { $0.firstDay < $1.firstDay },
            continuesAfter: known.inferredUntil > known.last ? known.lastDate : nil)
    }

    /// Who holds an office on the days of `span`, and how sure that is: every holder in force with its certainty, or,
    /// when none is and the days fall in an unknown succession, the window and its candidates.
    ///
    /// Hun Sen (attested prime minister on 2021-09-26) and Hun Manet (2024-10-09, 2025-02-22): on 2025-01-01 Hun Manet,
    /// stated; on 2026-02-06 Hun Manet, inferred ("no later holder known"); on 2022-06-01 unknown, succession between
    /// 2021-09-26 and 2024-10-09.
    /// - Throws: ``PartyGraphError/unknownName(_:suggestions:)`` when the id is not an office of the dataset.
    public func officeHolders(_ office: NodeID, during span: DateSpan) throws(PartyGraphError) -> OfficeHolderAnswer {
        guard let index = index(of: office), entities[index].kind == .office else {
            throw .unknownName(office.rawValue, suggestions: [])
        }
        let holders = holders(ofOffice: index, during: span).map { holder, holding in
            OfficeHolderAnswer.Holder(holder: ActorRef(entities[holder]), certainty: certainty(of: holding, during: span) ?? .stated,
                                      evidence: citations(relationships[Int(holding)].evidence + relationships[Int(holding)].attestations.map(\.evidence)))
        }
        let unknown = holders.isEmpty ? unknownSuccession(of: index, during: span).map(certainty(of:)) : nil
        return OfficeHolderAnswer(office: ActorRef(entities[index]), during: span.description, holders: holders, unknown: unknown)
    }

    /// ``tenure(of:)`` for a holding with attestations, `nil` otherwise (its stated dates say it all).
    func attestedTenure(of relationship: Int) -> Tenure? {
        relationships[relationship].attestations.isEmpty ? nil : tenure(of: relationship)
    }

    /// Every holding of an office with what is known of its tenure, and the unknown successions between them: the
    /// office's succession as the sources give it.
    /// - Throws: ``PartyGraphError/unknownName(_:suggestions:)`` when the id is not an office of the dataset.
    public func succession(ofOffice office: NodeID) throws(PartyGraphError) -> OfficeSuccession {
        guard let index = index(of: office), entities[index].kind == .office else {
            throw .unknownName(office.rawValue, suggestions: [])
        }
        var holdings: [OfficeSuccession.Holding] = []
        for relationship in incomingIndices(of: index) where relationships[Int(relationship)].relation == .holds {
            guard let tenure = tenure(of: Int(relationship)) else { continue }
            holdings.append(OfficeSuccession.Holding(
                holder: ActorRef(entities[Int(fromIndices[Int(relationship)])]), tenure: tenure,
                evidence: citations(relationships[Int(relationship)].evidence + relationships[Int(relationship)].attestations.map(\.evidence))))
        }
        holdings.sort { ($0.tenure.knownFrom?.firstDay ?? Int.min) < ($1.tenure.knownFrom?.firstDay ?? Int.min) }
        return OfficeSuccession(
            office: ActorRef(entities[index]), seats: entities[index].seats ?? .single, holdings: holdings,
            unknown: (tenureIndex.windows[Int32(index)] ?? []).map(certainty(of:)))
    }

    /// The tenures of attested holdings, computed once.
    var tenureIndex: TenureIndex { caches.tenure { TenureIndex(self) } }
}

/// How sure an answer is of the holding it depends on.
public struct TenureCertainty: Codable, Hashable, Sendable {
    /// The three grades of certainty.
    public enum Level: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
        /// A stated bound, or the days between a holding's first and last attestation.
        case stated
        /// Beyond what the sources show, by the tenure rule (``reason`` says which part).
        case inferred
        /// The sources do not decide (``reason``, the window and the candidates say why).
        case unknown

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The grade.
    public var level: Level
    /// Why, for inferred and unknown answers: "no later holder known after 2025-02-22".
    public var reason: String?
    /// For an unknown succession: the last day known before the window.
    public var after: PartialDate?
    /// For an unknown succession: the first day known after the window.
    public var before: PartialDate?
    /// For an unknown succession: who may hold the office in the window.
    public var candidates: [ActorRef]?

    init(level: Level, reason: String? = nil, after: PartialDate? = nil, before: PartialDate? = nil,
         candidates: [ActorRef]? = nil) {
        self.level = level
        self.reason = reason
        self.after = after
        self.before = before
        self.candidates = candidates
    }

    /// A stated holding.
    public static let stated = TenureCertainty(level: .stated)

    /// Words for a table: "inferred: no later holder known after 2025-02-22",
    /// "unknown: Hun Sen or Hun Manet, succession between 2021-09-26 and 2024-10-09"; empty when stated.
    public var words: String {
        switch level {
        case .stated: return ""
        case .inferred: return "inferred" + (reason.map { ": " + $0 } ?? "")
        case .unknown:
            let who = (candidates ?? []).map(\.name)
            let names = who.count <= 2 ? who.joined(separator: " or ") : who.dropLast().joined(separator: ", ") + " or " + who.last!
            if after == nil, let before { return "unknown before \(before): \(names) or an earlier holder the dataset does not name" }
            return "unknown: " + [names, reason ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
        }
    }
}

/// What is known of one holding's tenure (see ``Dataset/tenure(of:)``).
public struct Tenure: Codable, Hashable, Sendable {
    /// The first day known: the stated start, else the first attestation (`nil`: open, no start known).
    public var knownFrom: PartialDate?
    /// The last day known: the stated end, else the last attestation (`nil`: open).
    public var knownTo: PartialDate?
    /// Whether the start is stated, not just the first attestation.
    public var startStated: Bool
    /// Whether the end is stated, not just the last attestation.
    public var endStated: Bool
    /// The attested dates, earliest first.
    public var attestations: [PartialDate]
    /// When set, the holding is inferred to continue after this date: no later holder of the seat is known.
    public var continuesAfter: PartialDate?
}

/// The answer to "who holds this office then?" (``Dataset/officeHolders(_:during:)``).
public struct OfficeHolderAnswer: Codable, Hashable, Sendable {
    /// A holder in force, how sure, and the evidence (the relation's, then its attestations').
    public struct Holder: Codable, Hashable, Sendable {
        /// The person.
        public var holder: ActorRef
        /// Stated or inferred.
        public var certainty: TenureCertainty
        /// The quotes behind the holding.
        public var evidence: [NodeReport.Citation]
    }

    /// The office asked about.
    public var office: ActorRef
    /// The days asked about, as text.
    public var during: String
    /// The holders in force, in file order; empty when none is.
    public var holders: [Holder]
    /// When no holder is in force and the days fall in an unknown succession: why, the window and the candidates.
    public var unknown: TenureCertainty?
}

/// An office's holders over time (``Dataset/succession(ofOffice:)``).
public struct OfficeSuccession: Codable, Hashable, Sendable {
    /// One holding and what is known of it.
    public struct Holding: Codable, Hashable, Sendable {
        /// The holder.
        public var holder: ActorRef
        /// Its known days, attestations and inferred continuation.
        public var tenure: Tenure
        /// The quotes behind the holding (the relation's, then its attestations').
        public var evidence: [NodeReport.Citation]
    }

    /// The office.
    public var office: ActorRef
    /// How many hold it at once (``OfficeSeats/single`` unless the dataset says otherwise).
    public var seats: OfficeSeats
    /// Its holdings, earliest known first.
    public var holdings: [Holding]
    /// The windows in which the sources leave the holder unknown, earliest first.
    public var unknown: [TenureCertainty]
}

/// Days between two known holders of one seat when the sources do not say who held it.
struct SuccessionWindow: Sendable, Hashable {
    /// First and last day of the window (`Int.min` when it is open towards the past).
    var first: Int
    var last: Int
    /// The last known day before it and the first after it, as the sources give them.
    var after: PartialDate?
    var before: PartialDate?
    /// The holdings that may be in force in the window (their facing bound is not stated).
    var candidates: [Int32]
}

/// The tenures of holdings that carry attestations, and the unknown successions of their seats, computed once.
struct TenureIndex: Sendable {
    /// A holding known from attestations: known days `first...last`, in force until `inferredUntil` (`last`, or
    /// `Int.max` when it continues), and the dates behind the known days.
    struct Known: Sendable {
        var first: Int
        var last: Int
        var inferredUntil: Int
        var firstDate: PartialDate?
        var lastDate: PartialDate?
    }

    var holdings: [Int32: Known] = [:]
    /// Unknown successions by the seat's entity index (an office, or the organ or party a `heads` names).
    var windows: [Int32: [SuccessionWindow]] = [:]

    init(_ dataset: Dataset) {
        var seats = Set<Int32>()
        for (position, relationship) in dataset.relationships.enumerated() where !relationship.attestations.isEmpty {
            let target = dataset.toIndices[position]
            if TenureIndex.isSingleSeat(relationship.relation, target: dataset.entities[Int(target)]) {
                seats.insert(target)
            } else {
                holdings[Int32(position)] = TenureIndex.known(relationship)
            }
        }
        for seat in seats.sorted() { infer(seat: seat, in: dataset) }
    }

    /// One holder at a time: the `holds` of an office not declared multiple, the `heads` of a body.
    static func isSingleSeat(_ relation: Relation, target: Entity) -> Bool {
        switch relation {
        case .holds: return target.seats != .multiple
        case .heads: return true
        default: return false
        }
    }

    static func known(_ holding: Relationship) -> Known {
        let dates = holding.attestations.map(\.date)
        let firstDate = holding.valid.start ?? dates.min { $0.firstDay < $1.firstDay }
        let lastDate = holding.valid.end ?? dates.max { $0.lastDay < $1.lastDay }
        let last = lastDate?.lastDay ?? Int.max
        return Known(first: firstDate?.firstDay ?? Int.min, last: last, inferredUntil: last, firstDate: firstDate, lastDate: lastDate)
    }

    /// Orders the holders of one seat and fills in what the rule infers between and after them.
    private mutating func infer(seat: Int32, in dataset: Dataset) {
        let relation = dataset.entities[Int(seat)].kind == .office ? Relation.holds : .heads
        struct Holding { var index: Int32; var known: Known; var startStated: Bool; var endStated: Bool }
        var members: [Holding] = []
        for index in dataset.incomingIndices(of: Int(seat)) where dataset.relationships[Int(index)].relation == relation {
            let holding = dataset.relationships[Int(index)]
            let attested = !holding.attestations.isEmpty
            members.append(Holding(index: index, known: TenureIndex.known(holding),
                                   startStated: !attested || holding.valid.start != nil, endStated: !attested || holding.valid.end != nil))
        }
        members.sort { $0.known.first != $1.known.first ? $0.known.first < $1.known.first : $0.index < $1.index }
        var seatWindows: [SuccessionWindow] = []
        if let first = members.first, !first.startStated, first.known.first > Int.min {
            seatWindows.append(SuccessionWindow(first: Int.min, last: first.known.first - 1, after: nil,
                                                before: first.known.firstDate, candidates: [first.index]))
        }
        // `latest` is the holding known furthest into the future among those ordered so far.
        var latest = 0
        for position in members.indices.dropFirst() {
            let previous = members[latest], next = members[position]
            if previous.known.last < next.known.first {
                let candidates = (previous.endStated ? [] : [previous.index]) + (next.startStated ? [] : [next.index])
                if !candidates.isEmpty {
                    seatWindows.append(SuccessionWindow(first: previous.known.last + 1, last: next.known.first - 1,
                                                        after: previous.known.lastDate, before: next.known.firstDate, candidates: candidates))
                }
            }
            if next.known.last > previous.known.last { latest = position }
        }
        for var member in members where !dataset.relationships[Int(member.index)].attestations.isEmpty {
            if member.index == members[latest].index, !member.endStated { member.known.inferredUntil = Int.max }
            holdings[member.index] = member.known
        }
        if !seatWindows.isEmpty { windows[seat] = seatWindows }
    }
}
