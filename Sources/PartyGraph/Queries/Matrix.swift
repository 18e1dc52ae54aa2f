/// How many meetings each pair of actors shares, at one level (`partygraph matrix`).
///
/// `counts[i][j]` is the number of distinct admitted meetings in which actors `i` and `j` both take part at the
/// level (see ``Dataset/attendees(of:level:filter:)``); the diagonal `counts[i][i]` is the number of meetings actor
/// `i` takes part in. The matrix is symmetric. A summit series with no participants of its own adds nothing: its
/// parts are counted once each, never again through the series.
public struct CoMeetingMatrix: Codable, Hashable, Sendable {
    /// One off-diagonal cell that is not zero.
    public struct Pair: Codable, Hashable, Sendable {
        public var first: ActorRef
        public var second: ActorRef
        public var count: Int
        /// The meetings shared, chronologically.
        public var meetings: [String]
    }

    public var level: String
    public var filter: FilterEcho
    /// Every actor of the level taking part in at least one admitted meeting, by label.
    public var actors: [ActorRef]
    public var counts: [[Int]]
    /// The non-zero pairs, most meetings first, then by labels; `first` sorts before `second`.
    public var pairs: [Pair]

    /// Counts co-meetings in a dataset.
    /// - Complexity: O(M · (A · C + P²)) for M meetings, A attendances, C chain length, P actors per meeting.
    public init(dataset: Dataset, level: EncounterLevel = .party, filter: QueryFilter = .all) {
        var perMeeting: [(id: String, actors: [Int: Bool])] = []
        for meeting in dataset.meetings {
            guard let details = meeting.meeting, filter.admits(details), let index = dataset.index(of: meeting.id) else { continue }
            var actors: [Int: Bool] = [:]
            for attendance in dataset.attendances(ofMeeting: index, filter: filter) {
                for hit in dataset.levelHits(of: attendance, level: level, meeting: details, filter: filter) {
                    actors[hit.actor] = (actors[hit.actor] ?? false) || hit.holderNotNamed
                }
            }
            if !actors.isEmpty { perMeeting.append((meeting.id.rawValue, actors)) }
        }
        var refs: [Int: ActorRef] = [:]
        for (_, actors) in perMeeting {
            for (actor, holderNotNamed) in actors { refs[actor] = ActorRef(dataset.entities[actor], holderNotNamed: holderNotNamed) }
        }
        let ordered = refs.sorted { $0.value.label != $1.value.label ? $0.value.label < $1.value.label : $0.key < $1.key }
        let position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.key, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: ordered.count), count: ordered.count)
        var shared: [[Int]: [String]] = [:]
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
        self.level = level.rawValue
        self.filter = filter.echo
        actors = ordered.map(\.value)
        self.counts = counts
        pairs = shared.map { key, meetings in
            Pair(first: ordered[key[0]].value, second: ordered[key[1]].value, count: meetings.count, meetings: meetings)
        }.sorted { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            if lhs.first.label != rhs.first.label { return lhs.first.label < rhs.first.label }
            return lhs.second.label < rhs.second.label
        }
    }

    /// The number of meetings two actors share (by id), or 0 when either is not in the matrix.
    public func count(_ first: String, _ second: String) -> Int {
        guard let row = actors.firstIndex(where: { $0.id == first }), let column = actors.firstIndex(where: { $0.id == second }) else { return 0 }
        return counts[row][column]
    }
}

extension Dataset {
    /// Co-meeting counts at a level; see ``CoMeetingMatrix``.
    public func coMeetingMatrix(level: EncounterLevel = .party, filter: QueryFilter = .all) -> CoMeetingMatrix {
        CoMeetingMatrix(dataset: self, level: level, filter: filter)
    }
}
