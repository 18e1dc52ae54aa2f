/// A question for ``Dataset/timeline(_:)``: how often `actor` met others, period by period, and who hosted whom.
public struct TimelineQuery: Hashable, Sendable {
    /// The actor asked about.
    public var actor: NodeID
    /// Only meetings with this actor, when set.
    public var with: NodeID?
    /// Which meetings count (window, statuses, kinds) and the day for office holders outside meetings.
    public var filter: QueryFilter
    /// `nil` means the actor's own level, as for ``EncounterQuery/level``.
    public var level: EncounterLevel?
    /// The length of the periods.
    public var unit: PeriodUnit

    /// Creates a question.
    public init(actor: NodeID, with: NodeID? = nil, filter: QueryFilter = .all, level: EncounterLevel? = nil, unit: PeriodUnit = .year) {
        self.actor = actor
        self.with = with
        self.filter = filter
        self.level = level
        self.unit = unit
    }
}

/// Meetings counted with their direction: how many, how many the actor hosted, how many it visited.
///
/// For one counterpart, a meeting is **hosted** when the actor's side hosts it and the counterpart's does not, and
/// **visited** when the counterpart's side hosts it and the actor's does not; a meeting both host, or neither, is in
/// neither count. For all counterparts together, a meeting is hosted (visited) when it is hosted (visited) with at
/// least one counterpart. A side hosts when one of its participations has the role ``ParticipantRole/host``: a
/// `hosts` relationship, or a `participant-in` in the role host, mapped to the level by the encounter rules.
public struct DirectedCount: Codable, Hashable, Sendable {
    /// Distinct meetings.
    public var meetings: Int
    /// Meetings the actor hosted.
    public var hosted: Int
    /// Meetings the actor attended as the counterpart's guest.
    public var visited: Int
    /// Meetings only announced, not yet reported as held.
    public var announced: Int

    /// `min(hosted, visited) / max(hosted, visited)`: 1 when visits go both ways equally often, 0 when they go only
    /// one way; `nil` when there is no visit either way (0/0).
    public var reciprocity: Double? {
        let most = max(hosted, visited)
        return most == 0 ? nil : Double(min(hosted, visited)) / Double(most)
    }

    /// No meetings.
    public static let zero = DirectedCount(meetings: 0, hosted: 0, visited: 0, announced: 0)

    private enum CodingKeys: String, CodingKey { case meetings, hosted, visited, announced, reciprocity }

    public init(meetings: Int, hosted: Int, visited: Int, announced: Int) {
        self.meetings = meetings
        self.hosted = hosted
        self.visited = visited
        self.announced = announced
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        meetings = try container.decode(Int.self, forKey: .meetings)
        hosted = try container.decode(Int.self, forKey: .hosted)
        visited = try container.decode(Int.self, forKey: .visited)
        announced = try container.decode(Int.self, forKey: .announced)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(meetings, forKey: .meetings)
        try container.encode(hosted, forKey: .hosted)
        try container.encode(visited, forKey: .visited)
        try container.encode(announced, forKey: .announced)
        // 0/0 is written as null, never as 0 or NaN.
        try container.encode(reciprocity, forKey: .reciprocity)
    }

    mutating func add(_ mark: MeetingMark, hosted: Bool, visited: Bool) {
        meetings += 1
        if hosted { self.hosted += 1 }
        if visited { self.visited += 1 }
        if mark.announced { announced += 1 }
    }
}

/// A meeting as a timeline names it: id, name, dates and whether it is only announced.
public struct MeetingMark: Codable, Hashable, Sendable {
    /// The meeting's node id.
    public var id: NodeID
    /// The meeting's display name.
    public var name: String
    /// `2026-02-06/2026-02-07`, or one date.
    public var date: String
    /// The first date.
    public var start: PartialDate?
    /// `true` while the meeting is only announced.
    public var announced: Bool

    init(id: NodeID, name: String, date: String, start: PartialDate?, announced: Bool) {
        self.id = id
        self.name = name
        self.date = date
        self.start = start
        self.announced = announced
    }
}

/// The longest stretch without a meeting, and the two meetings around it.
///
/// Meetings are taken in order of their start dates; the gap before a meeting runs from the latest possible start of
/// the meetings before it to its own earliest possible start, so a partial date never makes a gap look longer than
/// the dates allow: ``days`` is the number of days the sources guarantee, **at least**; ``exact`` says whether both
/// starts are known to the day (then it is the gap itself, from start to start).
public struct MeetingGap: Codable, Hashable, Sendable {
    /// The meeting before the gap (the one with the latest possible start so far).
    public var after: MeetingMark
    /// The meeting after the gap.
    public var before: MeetingMark
    /// Days between the two starts, at least.
    public var days: Int
    /// `true` when both starts are known to the day.
    public var exact: Bool
}

/// Meetings with one counterpart over the whole timeline.
public struct TimelineCounterpart: Codable, Hashable, Sendable {
    /// The actor met.
    public var actor: ActorRef
    /// Meetings, hosted, visited and the reciprocity over the whole timeline.
    public var total: DirectedCount
    /// The first meeting with this counterpart.
    public var first: MeetingMark
    /// The last meeting with this counterpart.
    public var last: MeetingMark
    /// The longest gap between two meetings with this counterpart; `nil` with a single meeting.
    public var longestGap: MeetingGap?
}

/// One period of a timeline: the counts over all counterparts, and for each counterpart.
public struct TimelinePeriod: Codable, Hashable, Sendable {
    /// The period.
    public var period: Period
    /// All counterparts together.
    public var total: DirectedCount
    /// One count per counterpart, in the order of ``Timeline/counterparts``, zeros included.
    public var counterparts: [DirectedCount]
}

/// How often an actor met others, period by period, with the direction of visits (`partygraph timeline`).
///
/// Built on ``Dataset/encounters(_:)``: the same meetings, counterparts and levels as `who-met`. A meeting counts in
/// the period its start date falls in. A meeting whose start is known less precisely than the periods (only to its
/// year, with quarters or months) is not placed in any period: it is counted in ``coarser`` under its year.
public struct Timeline: Codable, Hashable, Sendable {
    /// The question, echoed.
    public struct Query: Codable, Hashable, Sendable {
        /// The actor asked about.
        public var actor: ActorRef
        /// The counterpart asked for, if any.
        public var with: ActorRef?
        /// The level asked (or the actor's own).
        public var level: EncounterLevel
        /// The length of the periods.
        public var unit: PeriodUnit
        /// The query actor at the level (see ``EncounterReport/Query/actorAtLevel``).
        public var actorAtLevel: [ActorRef]
        /// The window, statuses and meeting kinds.
        public var filter: FilterEcho
    }

    /// The question asked.
    public var query: Query
    /// Every period from the first to the last that holds a meeting (or from the window's bounds, when given),
    /// empty periods included with zero counts.
    public var periods: [TimelinePeriod]
    /// Meetings dated less precisely than the periods, by year (the year's ``Period``); empty with yearly periods.
    public var coarser: [TimelinePeriod]
    /// All meetings together: totals and reciprocity.
    public var total: DirectedCount
    /// The first meeting, by start date.
    public var first: MeetingMark?
    /// The last meeting, by start date.
    public var last: MeetingMark?
    /// The longest gap between two meetings; `nil` with fewer than two.
    public var longestGap: MeetingGap?
    /// Everyone met, most meetings first, then by name.
    public var counterparts: [TimelineCounterpart]
}

extension Dataset {
    /// How often an actor met others per period, first and last meeting, the longest gap, and who hosted whom.
    ///
    /// The encounters are those of ``encounters(_:)`` (the attendance and level rules live there, walked once by the
    /// same code without building each encounter's evidence); this only groups them by meeting, counterpart and period. See ``Timeline``, ``DirectedCount`` and ``MeetingGap`` for
    /// the definitions.
    /// - Throws: what ``encounters(_:)`` throws.
    /// - Complexity: that of ``encounters(_:)``, plus O(P · C) for P periods and C counterparts.
    public func timeline(_ query: TimelineQuery) throws(PartyGraphError) -> Timeline {
        // The encounter rule's sides, meeting by meeting, without building the evidence of every encounter.
        struct Pair { var counterpart: Int; var actorHosts: Bool; var counterpartHosts: Bool }
        let rank = meetingRank
        let (walk, sides) = try directedSides(EncounterQuery(actor: query.actor, with: query.with, filter: query.filter, level: query.level))
        var visited: [(rank: Int32, mark: MeetingMark, pairs: [(entity: Int, ref: ActorRef, actorHosts: Bool, counterpartHosts: Bool)])] = []
        for side in sides where !side.counterparts.isEmpty {
            let mark = MeetingMark(id: entities[side.meeting].id, name: entities[side.meeting].name, date: side.details.date.description,
                                   start: side.details.date.start, announced: side.details.status == .announced)
            visited.append((rank[side.meeting], mark, side.counterparts.map { ($0.entity, $0.ref, side.actorHosts, $0.hosts) }))
        }
        visited.sort { $0.rank < $1.rank }
        var meetingOrder: [MeetingMark] = []
        var pairsOfMeeting: [[Pair]] = []
        var counterpartIndex: [Int: Int] = [:]
        var counterpartRefs: [ActorRef] = []
        for meeting in visited {
            meetingOrder.append(meeting.mark)
            pairsOfMeeting.append(meeting.pairs.map { pair in
                let counterpart: Int
                if let known = counterpartIndex[pair.entity] {
                    counterpart = known
                } else {
                    counterpart = counterpartRefs.count
                    counterpartIndex[pair.entity] = counterpart
                    // As who-met names it at its first meeting.
                    counterpartRefs.append(pair.ref)
                }
                return Pair(counterpart: counterpart, actorHosts: pair.actorHosts, counterpartHosts: pair.counterpartHosts)
            })
        }
        // Meetings by start date (earliest possible day), equal starts in meeting order.
        let order = meetingOrder.indices.sorted { lhs, rhs in
            let left = meetingOrder[lhs].start?.firstDay ?? Int.max, right = meetingOrder[rhs].start?.firstDay ?? Int.max
            return left != right ? left < right : lhs < rhs
        }

        var total = DirectedCount.zero
        var perCounterpart = [DirectedCount](repeating: .zero, count: counterpartRefs.count)
        var meetingsOfCounterpart = [[Int]](repeating: [], count: counterpartRefs.count)
        var placed: [Period: (total: DirectedCount, counterparts: [DirectedCount])] = [:]
        var coarser: [Period: (total: DirectedCount, counterparts: [DirectedCount])] = [:]
        let empty = [DirectedCount](repeating: .zero, count: counterpartRefs.count)
        for meeting in order {
            let mark = meetingOrder[meeting]
            var anyHosted = false, anyVisited = false
            var period: Period?
            var isCoarser = false
            if let start = mark.start {
                period = query.unit.period(containing: start)
                if period == nil { period = PeriodUnit.year.period(containing: start); isCoarser = true }
            }
            for pair in pairsOfMeeting[meeting] {
                let hosted = pair.actorHosts && !pair.counterpartHosts, visited = pair.counterpartHosts && !pair.actorHosts
                anyHosted = anyHosted || hosted
                anyVisited = anyVisited || visited
                perCounterpart[pair.counterpart].add(mark, hosted: hosted, visited: visited)
                meetingsOfCounterpart[pair.counterpart].append(meeting)
                if let period {
                    if isCoarser {
                        coarser[period, default: (.zero, empty)].counterparts[pair.counterpart].add(mark, hosted: hosted, visited: visited)
                    } else {
                        placed[period, default: (.zero, empty)].counterparts[pair.counterpart].add(mark, hosted: hosted, visited: visited)
                    }
                }
            }
            total.add(mark, hosted: anyHosted, visited: anyVisited)
            if let period {
                if isCoarser {
                    coarser[period, default: (.zero, empty)].total.add(mark, hosted: anyHosted, visited: anyVisited)
                } else {
                    placed[period, default: (.zero, empty)].total.add(mark, hosted: anyHosted, visited: anyVisited)
                }
            }
        }

        // The periods: from the window's first bound (or the first placed meeting) to its last (or the last one).
        var lowest = placed.keys.min(), highest = placed.keys.max()
        if let from = query.filter.from { lowest = query.unit.period(containingDay: from.firstDay) }
        if let to = query.filter.to { highest = query.unit.period(containingDay: to.lastDay) }
        var periods: [TimelinePeriod] = []
        if let lowest, let highest, lowest <= highest {
            for index in lowest.index...highest.index {
                let period = Period(unit: query.unit, index: index)
                let counts = placed[period]
                periods.append(TimelinePeriod(period: period, total: counts?.total ?? .zero, counterparts: counts?.counterparts ?? empty))
            }
        }
        let coarserPeriods = coarser.keys.sorted().map { TimelinePeriod(period: $0, total: coarser[$0]!.total, counterparts: coarser[$0]!.counterparts) }

        // Counterparts most meetings first, then by label and id; period columns follow the same order.
        let counterpartOrder = counterpartRefs.indices.sorted { lhs, rhs in
            if perCounterpart[lhs].meetings != perCounterpart[rhs].meetings { return perCounterpart[lhs].meetings > perCounterpart[rhs].meetings }
            let left = counterpartRefs[lhs], right = counterpartRefs[rhs]
            return left.label != right.label ? left.label < right.label : left.id < right.id
        }
        func reorder(_ periods: [TimelinePeriod]) -> [TimelinePeriod] {
            periods.map { period in
                TimelinePeriod(period: period.period, total: period.total, counterparts: counterpartOrder.map { period.counterparts[$0] })
            }
        }
        let counterparts = counterpartOrder.map { index in
            let meetings = meetingsOfCounterpart[index]
            return TimelineCounterpart(
                actor: counterpartRefs[index], total: perCounterpart[index], first: meetingOrder[meetings.first!],
                last: meetingOrder[meetings.last!], longestGap: Dataset.longestGap(of: meetings, in: meetingOrder))
        }
        let level = walk.level
        let echo = Timeline.Query(
            actor: ActorRef(entities[walk.actor]), with: walk.with.map { ActorRef(entities[$0]) }, level: level, unit: query.unit,
            actorAtLevel: walk.actorAtLevel.map { ActorRef(entities[$0], holderNotNamed: level == .person && entities[$0].kind == .office) },
            filter: query.filter.echo)
        return Timeline(query: echo, periods: reorder(periods), coarser: reorder(coarserPeriods), total: total,
                        first: order.first.map { meetingOrder[$0] }, last: order.last.map { meetingOrder[$0] }, longestGap: Dataset.longestGap(of: order, in: meetingOrder), counterparts: counterparts)
    }

    /// The longest gap of meetings in start order (see ``MeetingGap``): before each meeting, from the latest
    /// possible start so far to its earliest possible start; the longest wins, the earliest of equal ones.
    /// `meetings` are positions in `marks`, so that no mark is copied until the gap is known.
    static func longestGap(of meetings: [Int], in marks: [MeetingMark]) -> MeetingGap? {
        var best: (after: Int, before: Int, days: Int)?
        var latest: (day: Int, meeting: Int)?
        for meeting in meetings {
            guard let start = marks[meeting].start else { continue }
            if let latest {
                let days = max(0, start.firstDay - latest.day)
                if best == nil || days > best!.days { best = (latest.meeting, meeting, days) }
            }
            if latest == nil || start.lastDay > latest!.day { latest = (start.lastDay, meeting) }
        }
        return best.map { best in
            let exact = marks[best.before].start?.precision == .day && marks[best.after].start?.precision == .day
            return MeetingGap(after: marks[best.after], before: marks[best.before], days: best.days, exact: exact)
        }
    }
}
