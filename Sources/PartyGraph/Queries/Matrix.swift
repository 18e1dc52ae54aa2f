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
    /// The non-zero pairs, most meetings first, then by labels, then by position in ``actors``; `first` sorts before `second`.
    public var pairs: [Pair]

    /// Counts co-meetings in a dataset.
    ///
    /// Each admitted meeting's actors at the level are found once, from its `participant-in` and `hosts` edges
    /// (at organ, party and country level an attendance maps through its participant or capacity only, so the
    /// holders and `led_by` persons it adds change nothing there); the counts go into a flat grid and the shared
    /// meetings of each pair into one array, instead of a dictionary of arrays keyed by pair.
    /// - Complexity: O(M · (A · C + P²) + N²) for M meetings, A attendances, C chain length, P actors per meeting
    ///   and N actors.
    public init(dataset: Dataset, level: EncounterLevel = .party, filter: QueryFilter = .all) {
        let perMeeting = dataset.meetingActors(level: level, filter: filter)
        // Each actor is shown as at its last meeting (only an office at person level is "holder not named").
        var lastFlag: [Int: Bool] = [:]
        for meeting in 0..<perMeeting.meetings.count {
            for slot in perMeeting.range(meeting) { lastFlag[Int(perMeeting.actors[slot])] = perMeeting.holderNotNamed[slot] }
        }
        let ordered = lastFlag.map { ($0.key, ActorRef(dataset.entities[$0.key], holderNotNamed: $0.value)) }
            .sorted { $0.1.label != $1.1.label ? $0.1.label < $1.1.label : $0.0 < $1.0 }
        let size = ordered.count
        var position = [Int32](repeating: -1, count: dataset.entities.count)
        for (offset, entry) in ordered.enumerated() { position[entry.0] = Int32(offset) }

        // Counts in a flat grid (row-major); the pairs' meetings are filled in a second pass into one array.
        var grid = [Int32](repeating: 0, count: size * size)
        var cells: [Int] = []
        func cellsOf(_ meeting: Int) -> [Int] {
            cells.removeAll(keepingCapacity: true)
            for slot in perMeeting.range(meeting) { cells.append(Int(position[Int(perMeeting.actors[slot])])) }
            cells.sort()
            return cells
        }
        for meeting in 0..<perMeeting.meetings.count {
            let cells = cellsOf(meeting)
            for (offset, row) in cells.enumerated() {
                grid[row * size + row] += 1
                for column in cells[(offset + 1)...] { grid[row * size + column] += 1 }
            }
        }
        // Where each pair's meetings start in `shared` (upper triangle only, row-major).
        var start = [Int32](repeating: 0, count: size * size + 1)
        var pairCells: [Int] = []
        var total: Int32 = 0
        for row in 0..<size {
            for column in (row + 1)..<max(row + 1, size) {
                let count = grid[row * size + column]
                start[row * size + column] = total
                if count > 0 {
                    pairCells.append(row * size + column)
                    total += count
                }
            }
        }
        var shared = [Int32](repeating: 0, count: Int(total))
        var filled = start
        for meeting in 0..<perMeeting.meetings.count {
            let cells = cellsOf(meeting)
            for (offset, row) in cells.enumerated() {
                for column in cells[(offset + 1)...] {
                    shared[Int(filled[row * size + column])] = Int32(meeting)
                    filled[row * size + column] += 1
                }
            }
        }
        // Same-label groups, so pairs sort by integers: count, then labels, then position.
        var group = [Int](repeating: 0, count: size)
        for offset in ordered.indices.dropFirst() {
            group[offset] = group[offset - 1] + (ordered[offset].1.label == ordered[offset - 1].1.label ? 0 : 1)
        }
        pairCells.sort { lhs, rhs in
            let left = grid[lhs], right = grid[rhs]
            if left != right { return left > right }
            let (leftRow, leftColumn) = (lhs / size, lhs % size), (rightRow, rightColumn) = (rhs / size, rhs % size)
            if group[leftRow] != group[rightRow] { return group[leftRow] < group[rightRow] }
            if group[leftColumn] != group[rightColumn] { return group[leftColumn] < group[rightColumn] }
            return lhs < rhs
        }
        let meetingIDs = perMeeting.meetings.map { dataset.entities[Int($0)].id.rawValue }
        self.level = level.rawValue
        self.filter = filter.echo
        actors = ordered.map(\.1)
        counts = (0..<size).map { row in
            (0..<size).map { column in Int(row <= column ? grid[row * size + column] : grid[column * size + row]) }
        }
        pairs = pairCells.map { cell in
            let from = Int(start[cell])
            return Pair(first: ordered[cell / size].1, second: ordered[cell % size].1, count: Int(grid[cell]),
                        meetings: shared[from..<(from + Int(grid[cell]))].map { meetingIDs[Int($0)] })
        }
    }

    /// The matrix built from ``Dataset/attendances(ofMeeting:filter:)`` and ``Dataset/levelHits(of:level:meeting:filter:)``
    /// meeting by meeting, as the rules are written: the reference the fast ``init(dataset:level:filter:)`` is tested against.
    init(attendancesOf dataset: Dataset, level: EncounterLevel, filter: QueryFilter) {
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
            (key, Pair(first: ordered[key[0]].value, second: ordered[key[1]].value, count: meetings.count, meetings: meetings))
        }.sorted { lhs, rhs in
            if lhs.1.count != rhs.1.count { return lhs.1.count > rhs.1.count }
            if lhs.1.first.label != rhs.1.first.label { return lhs.1.first.label < rhs.1.first.label }
            if lhs.1.second.label != rhs.1.second.label { return lhs.1.second.label < rhs.1.second.label }
            return lhs.0.lexicographicallyPrecedes(rhs.0)
        }.map(\.1)
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
