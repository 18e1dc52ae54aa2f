import GraphAlgorithms

/// Who meets whom at one level: the sparse co-meeting graph behind `matrix`, the centrality projections and the
/// projected exports.
///
/// One vertex per actor of the level taking part in at least one admitted meeting (see
/// ``Dataset/attendees(of:level:filter:)`` for who takes part); one undirected edge per pair of actors sharing a
/// meeting, weighted by the number of distinct meetings they share (a tie **strength**); and for every pair the
/// meetings themselves, so that an answer can cite them. A summit series with no participants of its own adds
/// nothing: its parts count once each.
///
/// Vertices are ordered by label, then by position in the dataset. Pairs are numbered `0..<pairCount` by first
/// vertex, then second, with `first < second`. Memory is O(actors + pairs + attendances): no structure grows with
/// the square of the actors.
public struct CoMeetingGraph: Sendable {
    /// One pair of actors that share at least one meeting.
    public struct Pair: Hashable, Sendable {
        /// The pair's number, `0..<pairCount`.
        public var index: Int
        /// The vertex of the first actor (the smaller).
        public var first: Int32
        /// The vertex of the second actor.
        public var second: Int32
        /// The number of distinct meetings shared.
        public var meetings: Int
    }

    /// The level the actors belong to.
    public let level: EncounterLevel
    /// The meetings that count (window, statuses, kinds).
    public let filter: QueryFilter
    /// Vertex `v` is `actors[v]`; an office at person level is shown "holder not named" as at its last meeting.
    public let actors: [ActorRef]
    /// The counted meetings that have actors at the level, chronologically (date, then id).
    public let meetings: [NodeID]
    /// The projection with its pairs and their shared meetings (as positions in ``meetings``).
    let coMembership: CoMembership
    /// The actors of meeting `i` of ``meetings`` are `attendance[attendanceOffsets[i]..<attendanceOffsets[i + 1]]`.
    let attendanceOffsets: [Int]
    let attendance: [Int32]
    /// Parallel to `attendance`: whether that actor's presence at the meeting rests only on inferred holdings.
    let attendanceInferred: [Bool]
    /// The entity index of each vertex.
    let entityOfVertex: [Int32]
    /// The vertex of each entity, `-1` for entities that are not actors here.
    let vertexOfEntity: [Int32]

    /// The undirected who-meets-whom graph on `0..<actors.count`; edge weights are shared meetings.
    public var graph: CompressedGraph { coMembership.graph }

    /// The number of pairs that share a meeting.
    public var pairCount: Int { coMembership.pairCount }

    /// Builds the graph from the attendance of every admitted meeting.
    /// - Complexity: O(M · A · C) to find each meeting's actors (M meetings, A attendances each, C upward chain
    ///   length), O(N log N) to order N actors, and O(Σ_m P_m²) for the pairs of P_m actors per meeting.
    public init(dataset: Dataset, level: EncounterLevel, filter: QueryFilter = .all) {
        self.init(perMeeting: dataset.meetingActors(level: level, filter: filter), dataset: dataset, level: level, filter: filter)
    }

    init(perMeeting: MeetingActors, dataset: Dataset, level: EncounterLevel, filter: QueryFilter) {
        // Each actor is shown as at its last meeting (only an office at person level is "holder not named").
        var lastFlag = [Int8](repeating: -1, count: dataset.entities.count)
        var present: [Int32] = []
        for slot in perMeeting.actors.indices {
            let actor = Int(perMeeting.actors[slot])
            if lastFlag[actor] < 0 { present.append(Int32(actor)) }
            lastFlag[actor] = perMeeting.holderNotNamed[slot] ? 1 : 0
        }
        let refs = present.map { ActorRef(dataset.entities[Int($0)], holderNotNamed: lastFlag[Int($0)] == 1) }
        let order = refs.indices.sorted { lhs, rhs in
            refs[lhs].label != refs[rhs].label ? refs[lhs].label < refs[rhs].label : present[lhs] < present[rhs]
        }
        var vertexOfEntity = [Int32](repeating: -1, count: dataset.entities.count)
        for (vertex, position) in order.enumerated() { vertexOfEntity[Int(present[position])] = Int32(vertex) }
        let members = perMeeting.actors.map { vertexOfEntity[Int($0)] }
        let offsets = perMeeting.offsets.map(Int.init)
        // Members are vertices, each once per meeting (MeetingActors adds an actor once), so this cannot throw.
        coMembership = try! CoMembership(memberCount: order.count, groupOffsets: offsets, groupMembers: members)
        attendanceOffsets = offsets
        attendance = members
        attendanceInferred = perMeeting.inferred
        self.level = level
        self.filter = filter
        actors = order.map { refs[$0] }
        entityOfVertex = order.map { present[$0] }
        self.vertexOfEntity = vertexOfEntity
        meetings = perMeeting.meetings.map { dataset.entities[Int($0)].id }
    }

    /// The vertex of an actor, or `nil` when it takes part in no counted meeting at this level.
    public func vertex(of id: NodeID, in dataset: Dataset) -> Int32? {
        guard let index = dataset.index(of: id), index < vertexOfEntity.count else { return nil }
        let vertex = vertexOfEntity[index]
        return vertex >= 0 ? vertex : nil
    }

    /// The number of counted meetings an actor takes part in (the diagonal of the co-meeting matrix).
    public func meetingCount(of vertex: Int32) -> Int { Int(coMembership.groupCounts[Int(vertex)]) }

    /// The vertices of the actors at meeting `index` of ``meetings``, in the order the dataset lists them.
    public func actors(atMeeting index: Int) -> ArraySlice<Int32> {
        attendance[attendanceOffsets[index]..<attendanceOffsets[index + 1]]
    }

    /// For each vertex, whether any of its edges rests on an inferred holding: it shares a counted meeting with
    /// another actor where its own presence, or that actor's, rests only on a holding inferred to continue ("no later
    /// holder known", see `Rules/Tenure.swift`) — its office held, its membership or headship walked to the level.
    /// A presence is stated as soon as one way of taking part there is stated.
    /// - Complexity: O(attendances).
    public func edgesRestOnInference() -> [Bool] {
        var result = [Bool](repeating: false, count: actors.count)
        for meeting in meetings.indices {
            let range = attendanceOffsets[meeting]..<attendanceOffsets[meeting + 1]
            guard range.count >= 2, attendanceInferred[range].contains(true) else { continue }
            for slot in range { result[Int(attendance[slot])] = true }
        }
        return result
    }

    /// Pair number `index`.
    public func pair(_ index: Int) -> Pair {
        Pair(index: index, first: coMembership.pairFirst[index], second: coMembership.pairSecond[index],
             meetings: coMembership.strength(ofPair: index))
    }

    /// The meetings a pair shares, chronologically.
    public func sharedMeetings(ofPair index: Int) -> [NodeID] {
        coMembership.groups(ofPair: index).map { meetings[Int($0)] }
    }

    /// The number of meetings two vertices share (0 when they share none), by a binary search of a row.
    public func sharedMeetingCount(_ first: Int32, _ second: Int32) -> Int {
        if first == second { return meetingCount(of: first) }
        let row = graph.neighbours(of: first)
        var low = row.startIndex, high = row.endIndex
        while low < high {
            let middle = (low + high) / 2
            if row[middle] < second { low = middle + 1 } else { high = middle }
        }
        guard low < row.endIndex, row[low] == second else { return 0 }
        return Int(graph.outWeights![low])
    }

    /// Pair numbers, most meetings first, then by the first actor's label, then the second's, then pair number:
    /// the order in which `matrix` lists pairs.
    public func pairsByStrength() -> [Int] {
        // Vertices are ordered by label, so equal labels form runs; comparing run numbers compares labels.
        var run = [Int32](repeating: 0, count: actors.count)
        for vertex in actors.indices.dropFirst() {
            run[vertex] = run[vertex - 1] + (actors[vertex].label == actors[vertex - 1].label ? 0 : 1)
        }
        let membership = coMembership
        return (0..<pairCount).sorted { lhs, rhs in
            let left = membership.strength(ofPair: lhs), right = membership.strength(ofPair: rhs)
            if left != right { return left > right }
            let leftFirst = run[Int(membership.pairFirst[lhs])], rightFirst = run[Int(membership.pairFirst[rhs])]
            if leftFirst != rightFirst { return leftFirst < rightFirst }
            let leftSecond = run[Int(membership.pairSecond[lhs])], rightSecond = run[Int(membership.pairSecond[rhs])]
            if leftSecond != rightSecond { return leftSecond < rightSecond }
            return lhs < rhs
        }
    }
}

extension Dataset {
    /// The who-meets-whom graph at a level; see ``CoMeetingGraph``.
    public func coMeetingGraph(level: EncounterLevel = .party, filter: QueryFilter = .all) -> CoMeetingGraph {
        CoMeetingGraph(dataset: self, level: level, filter: filter)
    }
}
