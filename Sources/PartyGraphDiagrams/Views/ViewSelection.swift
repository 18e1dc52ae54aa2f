import PartyGraph

/// The nodes a view shows, chosen from a dataset within a time window.
///
/// Relationships are not chosen here: a view draws every relationship of the
/// window between two chosen nodes (see ``DiagramComposer``).
struct ViewSelection {
    let dataset: ViewData
    let window: DateSpan
    /// When set, only meetings held in the place are shown (see ``/PartyGraph/Dataset/restricting(_:toPlace:)``).
    let place: PlaceScope?
    private(set) var ids: Set<NodeID> = []

    /// - Parameter work: counts the records the view reads (see ``ViewWork``).
    init(dataset: Dataset, window: DateSpan, place: PlaceScope? = nil, work: ViewWork = ViewWork()) {
        self.dataset = ViewData(dataset, work: work)
        self.window = window
        self.place = place
    }

    /// Whether a meeting overlaps the window and is held in the place, if one is set.
    func shows(_ meeting: MeetingDetails, id: NodeID) -> Bool {
        meeting.date.overlaps(window) && (place?.meetings.contains(id) ?? true)
    }

    /// Whether a relationship holds at some time in the window (its meeting too, if it ends at one).
    func isInWindow(_ relationship: Relationship) -> Bool {
        guard relationship.valid.overlaps(window) else { return false }
        for end in [relationship.from, relationship.to] {
            if let meeting = dataset.entity(end)?.meeting, !shows(meeting, id: end) { return false }
        }
        return true
    }

    /// Whether a node can be shown in the window: meetings must overlap it.
    func isInWindow(_ id: NodeID) -> Bool {
        guard let entity = dataset.entity(id) else { return false }
        return entity.meeting.map { shows($0, id: id) } ?? true
    }

    mutating func insert(_ id: NodeID) {
        if isInWindow(id) { ids.insert(id) }
    }

    /// Inserts the node whatever the window and place (the meeting a view is about).
    mutating func insertAlways(_ id: NodeID) {
        ids.insert(id)
    }

    mutating func remove(_ removed: Set<NodeID>) {
        ids.subtract(removed)
    }

    /// Meetings related to a meeting in the window: the events it is part of,
    /// its parts and the meetings held in parallel with it (either way).
    func relatedMeetings(of meeting: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        for relationship in dataset.relationships(from: meeting) where isInWindow(relationship) {
            if relationship.relation == .partOf || relationship.relation == .parallelWith { result.append(relationship.to) }
        }
        for relationship in dataset.relationships(to: meeting) where isInWindow(relationship) {
            if relationship.relation == .partOf || relationship.relation == .parallelWith { result.append(relationship.from) }
        }
        return result
    }

    /// Adds who takes part in, hosts or invites the meeting, who led a
    /// participating body there, and what a participant represented.
    mutating func insertActors(of meeting: NodeID) {
        for relationship in dataset.relationships(to: meeting) where isInWindow(relationship) {
            switch relationship.relation {
            case .participantIn, .hosts, .invites:
                insert(relationship.from)
                if let ledBy = relationship.ledBy { insert(ledBy) }
                if let capacity = relationship.capacity { insert(capacity) }
            default:
                break
            }
        }
    }

    /// Adds the context that makes the chosen nodes readable: the holders of
    /// chosen offices, the offices chosen persons hold, and the organs,
    /// parties and countries above every chosen organ and office.
    mutating func insertContext() {
        var pending = Array(ids).sorted()
        while let id = pending.popLast() {
            guard let kind = dataset.entity(id)?.kind else { continue }
            var found: [NodeID] = []
            switch kind {
            case .person:
                for relationship in dataset.relationships(from: id) where relationship.relation == .holds && isInWindow(relationship) {
                    found.append(relationship.to)
                }
            case .office:
                for relationship in dataset.relationships(to: id) where relationship.relation == .holds && isInWindow(relationship) {
                    found.append(relationship.from)
                }
                fallthrough
            case .organ:
                for relationship in dataset.relationships(from: id)
                where (relationship.relation == .partOf || relationship.relation == .officeOf) && isInWindow(relationship) {
                    found.append(relationship.to)
                }
            case .party, .country, .meeting, .place:
                break
            }
            for next in found where isInWindow(next) && ids.insert(next).inserted {
                pending.append(next)
            }
        }
    }

    /// The nodes reachable from `center` in at most `depth` steps over the
    /// relationships of the window, in either direction; a `led_by` counts as
    /// a step between the leader and the body led, and a meeting a node
    /// attends (``/PartyGraph/Dataset/attendances(of:filter:)``: directly, by
    /// delegation or by office) is one step from it, together with the body or
    /// office it attends through.
    mutating func insertNeighbourhood(of center: NodeID, depth: Int) {
        insert(center)
        var frontier: [NodeID] = [center]
        var seen: Set<NodeID> = [center]
        for _ in 0..<max(0, depth) {
            var next: [NodeID] = []
            for id in frontier {
                var neighbours: [NodeID] = []
                for relationship in dataset.relationships(from: id) where isInWindow(relationship) {
                    neighbours.append(relationship.to)
                    if let ledBy = relationship.ledBy { neighbours.append(ledBy) }
                }
                for relationship in dataset.relationships(to: id) where isInWindow(relationship) {
                    neighbours.append(relationship.from)
                }
                for relationship in dataset.relationships(ledBy: id) where isInWindow(relationship) {
                    neighbours.append(relationship.from)
                }
                for attendance in attendances(of: id) {
                    neighbours.append(attendance.participant)
                    neighbours.append(attendance.meeting)
                }
                for neighbour in neighbours where isInWindow(neighbour) && seen.insert(neighbour).inserted {
                    ids.insert(neighbour)
                    next.append(neighbour)
                }
            }
            frontier = next
        }
    }

    /// The meetings of the window a node attends and how, by the library's
    /// attendance rule; every status counts (a view draws what the dataset says).
    func attendances(of id: NodeID) -> [MeetingAttendance] {
        guard let filter = try? QueryFilter(
            from: window.start, to: window.end, statuses: Set(MeetingStatus.allCases)) else { return [] }
        return dataset.attendances(of: id, filter: filter).filter { place?.meetings.contains($0.meeting) ?? true }
    }
}
