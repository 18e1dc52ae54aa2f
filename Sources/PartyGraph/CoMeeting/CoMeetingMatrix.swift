/// How many meetings each pair of actors shares, at one level (`partygraph matrix`): a report of a
/// ``CoMeetingGraph``.
///
/// `counts[i][j]` is the number of distinct admitted meetings in which actors `i` and `j` both take part at the
/// level (see ``Dataset/attendees(of:level:filter:)``); the diagonal `counts[i][i]` is the number of meetings actor
/// `i` takes part in. The grid is symmetric and is only built for levels of at most a grid limit of actors, so that
/// nothing grows with the square of a large level; ``pairs`` (the long form) is always there. A summit series with
/// no participants of its own adds nothing: its parts are counted once each, never again through the series.
public struct CoMeetingMatrix: Codable, Hashable, Sendable {
    /// One off-diagonal cell that is not zero.
    public struct Pair: Codable, Hashable, Sendable {
        /// One actor of the pair.
        public var first: ActorRef
        /// The other actor of the pair.
        public var second: ActorRef
        /// The number of distinct meetings the two share.
        public var count: Int
        /// The meetings shared, chronologically.
        public var meetings: [NodeID]
    }

    /// The most actors for which ``init(graph:gridLimit:)`` builds the grid unless told otherwise.
    public static let defaultGridLimit = 200

    /// The ``EncounterLevel`` raw value.
    public var level: EncounterLevel
    /// The window, statuses and meeting kinds.
    public var filter: FilterEcho
    /// Every actor of the level taking part in at least one admitted meeting, by label.
    public var actors: [ActorRef]
    /// The grid, row by row in ``actors`` order; `nil` when there are more actors than the grid limit.
    public var counts: [[Int]]?
    /// Without the grid, the number of meetings each actor takes part in (the diagonal), in ``actors`` order;
    /// `nil` when ``counts`` holds it.
    public var meetingCounts: [Int]?
    /// The non-zero pairs, most meetings first, then by labels, then by position in ``actors``; `first` sorts before `second`.
    public var pairs: [Pair]

    /// The report of a co-meeting graph.
    /// - Parameter graph: the co-meeting graph to report.
    /// - Parameter gridLimit: build ``counts`` only for at most this many actors.
    /// - Complexity: O(N + P log P + S) for N actors, P pairs and S shared meetings, plus N² for the grid when built.
    public init(graph: CoMeetingGraph, gridLimit: Int = CoMeetingMatrix.defaultGridLimit) {
        level = graph.level
        filter = graph.filter.echo
        actors = graph.actors
        let meetingIDs = graph.meetings
        pairs = graph.pairsByStrength().map { index in
            let pair = graph.pair(index)
            return Pair(first: graph.actors[Int(pair.first)], second: graph.actors[Int(pair.second)], count: pair.meetings,
                        meetings: graph.coMembership.groups(ofPair: index).map { meetingIDs[Int($0)] })
        }
        guard graph.actors.count <= gridLimit else {
            counts = nil
            meetingCounts = graph.actors.indices.map { graph.meetingCount(of: Int32($0)) }
            return
        }
        meetingCounts = nil
        var grid = [[Int]](repeating: [Int](repeating: 0, count: graph.actors.count), count: graph.actors.count)
        for vertex in graph.actors.indices { grid[vertex][vertex] = graph.meetingCount(of: Int32(vertex)) }
        for index in 0..<graph.pairCount {
            let pair = graph.pair(index)
            grid[Int(pair.first)][Int(pair.second)] = pair.meetings
            grid[Int(pair.second)][Int(pair.first)] = pair.meetings
        }
        counts = grid
    }

    /// Counts co-meetings in a dataset; see ``CoMeetingGraph``.
    public init(dataset: Dataset, level: EncounterLevel = .party, filter: QueryFilter = .all,
                gridLimit: Int = CoMeetingMatrix.defaultGridLimit) {
        self.init(graph: CoMeetingGraph(dataset: dataset, level: level, filter: filter), gridLimit: gridLimit)
    }

    /// The matrix built from ``Dataset/attendances(ofMeeting:filter:)`` and ``Dataset/levelHits(of:level:meeting:filter:)``
    /// meeting by meeting, as the rules are written: the reference the fast ``init(dataset:level:filter:)`` is tested against.
    init(attendancesOf dataset: Dataset, level: EncounterLevel, filter: QueryFilter) {
        var perMeeting: [(id: NodeID, actors: [Int: Bool])] = []
        for meeting in dataset.meetings {
            guard let details = meeting.meeting, filter.admits(details, id: meeting.id), let index = dataset.index(of: meeting.id) else { continue }
            var actors: [Int: Bool] = [:]
            for attendance in dataset.attendances(ofMeeting: index, filter: filter) {
                for hit in dataset.levelHits(of: attendance, level: level, meeting: details, filter: filter) {
                    actors[hit.actor] = (actors[hit.actor] ?? false) || hit.holderNotNamed
                }
            }
            if !actors.isEmpty { perMeeting.append((meeting.id, actors)) }
        }
        var refs: [Int: ActorRef] = [:]
        for (_, actors) in perMeeting {
            for (actor, holderNotNamed) in actors { refs[actor] = ActorRef(dataset.entities[actor], holderNotNamed: holderNotNamed) }
        }
        let ordered = refs.sorted { $0.value.label != $1.value.label ? $0.value.label < $1.value.label : $0.key < $1.key }
        let position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.key, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: ordered.count), count: ordered.count)
        var shared: [[Int]: [NodeID]] = [:]
        for (meetingID, actors) in perMeeting {
            let cells = actors.keys.map { position[$0]! }.sorted()
            for (offset, row) in cells.enumerated() {
                counts[row][row] += 1
                for column in cells[(offset + 1)...] {
                    counts[row][column] += 1
                    counts[column][row] += 1
                    shared[[row, column], default: []].append(meetingID)
                }
            }
        }
        self.level = level
        self.filter = filter.echo
        actors = ordered.map(\.value)
        self.counts = counts
        meetingCounts = nil
        pairs = shared.map { key, meetings in
            (key, Pair(first: ordered[key[0]].value, second: ordered[key[1]].value, count: meetings.count, meetings: meetings))
        }.sorted { lhs, rhs in
            if lhs.1.count != rhs.1.count { return lhs.1.count > rhs.1.count }
            if lhs.1.first.label != rhs.1.first.label { return lhs.1.first.label < rhs.1.first.label }
            if lhs.1.second.label != rhs.1.second.label { return lhs.1.second.label < rhs.1.second.label }
            return lhs.0.lexicographicallyPrecedes(rhs.0)
        }.map(\.1)
    }

    /// The number of meetings two actors share (by id), or 0 when either is not in the matrix.
    public func count(_ first: NodeID, _ second: NodeID) -> Int {
        guard let row = actors.firstIndex(where: { $0.id == first }), let column = actors.firstIndex(where: { $0.id == second }) else { return 0 }
        if let counts { return counts[row][column] }
        if row == column { return meetingCounts?[row] ?? 0 }
        return pairs.first { ($0.first.id, $0.second.id) == (first, second) || ($0.first.id, $0.second.id) == (second, first) }?.count ?? 0
    }
}

extension Dataset {
    /// Co-meeting counts at a level; see ``CoMeetingMatrix``.
    public func coMeetingMatrix(level: EncounterLevel = .party, filter: QueryFilter = .all,
                                gridLimit: Int = CoMeetingMatrix.defaultGridLimit) -> CoMeetingMatrix {
        CoMeetingMatrix(dataset: self, level: level, filter: filter, gridLimit: gridLimit)
    }
}
