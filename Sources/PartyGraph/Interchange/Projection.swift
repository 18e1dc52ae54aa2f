/// Which graph an export writes.
public enum ExportProjection: String, CaseIterable, Sendable {
    /// Every node and relationship with every field (lossless).
    case full
    /// Who meets whom among persons: undirected, weighted by the number of distinct meetings shared.
    case persons
    /// Who meets whom among parties: undirected, weighted by the number of distinct meetings shared.
    case parties
}

/// The who-meets-whom projection used by export, derived from meeting attendance.
///
/// Attendance rules (documented in docs/interchange.md):
/// - **persons**: a person attends meeting M when it has `participant-in` → M; when it is named `led_by` on a
///   `participant-in` edge to M; or when it `holds` an office that has `participant-in` → M, with the `holds`
///   validity overlapping M's dates (an open bound counts as overlapping).
/// - **parties**: a party attends M when it has `participant-in` or `hosts` → M; when an organ or office taking part
///   belongs to it through `part-of` / `office-of` edges (followed upward, any depth); or when a person takes part in
///   a `capacity` that is the party or belongs to it.
/// Two attendees of the same meeting are joined; the weight is the number of distinct meetings they share, and the
/// edge lists those meeting ids in id order. Meetings outside the window are ignored.
enum MeetingProjection {
    /// The attendees of each meeting, by meeting id.
    static func attendance(_ dataset: Dataset, projection: ExportProjection, window: DateSpan?) -> [NodeID: Set<NodeID>] {
        var attendees: [NodeID: Set<NodeID>] = [:]
        func meetingDate(_ id: NodeID) -> DateSpan? { dataset.entity(id)?.meeting?.date }
        func inWindow(_ meeting: NodeID) -> Bool {
            guard let window else { return true }
            return meetingDate(meeting).map { $0.overlaps(window) } ?? false
        }
        for relationship in dataset.relationships {
            let meeting = relationship.to
            guard relationship.relation == .participantIn || relationship.relation == .hosts, inWindow(meeting) else { continue }
            guard let participant = dataset.entity(relationship.from) else { continue }
            var found = Set<NodeID>()
            switch projection {
            case .full:
                break
            case .persons:
                guard relationship.relation == .participantIn else { continue }
                if participant.kind == .person { found.insert(participant.id) }
                if let leader = relationship.ledBy { found.insert(leader) }
                if participant.kind == .office {
                    let date = meetingDate(meeting) ?? .unbounded
                    for holding in dataset.relationships(to: participant.id)
                    where holding.relation == .holds && holding.valid.overlaps(date) {
                        found.insert(holding.from)
                    }
                }
            case .parties:
                if participant.kind == .person {
                    if relationship.relation == .participantIn, let capacity = relationship.capacity {
                        found.formUnion(parties(of: capacity, in: dataset))
                    }
                } else {
                    found.formUnion(parties(of: participant.id, in: dataset))
                }
            }
            if !found.isEmpty { attendees[meeting, default: []].formUnion(found) }
        }
        return attendees
    }

    /// The parties a party, organ or office belongs to (itself for a party), following `part-of` and `office-of`.
    static func parties(of id: NodeID, in dataset: Dataset) -> Set<NodeID> {
        var result = Set<NodeID>(), seen: Set<NodeID> = [id], queue = [id]
        while let current = queue.popLast() {
            guard let entity = dataset.entity(current) else { continue }
            if entity.kind == .party { result.insert(current); continue }
            guard entity.kind == .organ || entity.kind == .office else { continue }
            for relationship in dataset.relationships(from: current)
            where relationship.relation == .partOf || relationship.relation == .officeOf {
                if seen.insert(relationship.to).inserted { queue.append(relationship.to) }
            }
        }
        return result
    }

    /// The projected graph: attendees as nodes (dataset order), one undirected edge per pair that shares a meeting.
    static func graph(_ dataset: Dataset, projection: ExportProjection, window: DateSpan?) -> InterchangeGraph {
        let attendance = attendance(dataset, projection: projection, window: window)
        var shared: [Pair: Set<NodeID>] = [:]
        for (meeting, attendees) in attendance {
            let ordered = attendees.sorted()
            for (offset, first) in ordered.enumerated() {
                for second in ordered[(offset + 1)...] { shared[Pair(first, second), default: []].insert(meeting) }
            }
        }
        let kind: NodeKind = projection == .parties ? .party : .person
        let present = Set(attendance.values.joined())
        let nodes = dataset.entities.filter { $0.kind == kind && present.contains($0.id) }.map { entity in
            var values: [String: InterchangeGraph.Value] = ["kind": .string(entity.kind.rawValue), "name": .string(entity.name)]
            if !entity.aliases.isEmpty { values["aliases"] = .list(entity.aliases) }
            return InterchangeGraph.Node(id: entity.id.rawValue, kind: entity.kind.rawValue, label: entity.name, values: values)
        }
        let edges = shared.keys.sorted().enumerated().map { index, pair in
            let meetings = shared[pair]!.map(\.rawValue).sorted()
            return InterchangeGraph.Edge(
                id: "e\(index)", source: pair.first.rawValue, target: pair.second.rawValue, relation: "meets",
                values: ["relation": .string("meets"), "weight": .integer(meetings.count), "meetings": .list(meetings)])
        }
        var graphValues: [(name: String, value: InterchangeGraph.Value)] = [
            ("title", .string(dataset.title)), ("projection", .string(projection.rawValue)),
        ]
        if let window { graphValues.append(("window", .string(window.description))) }
        return InterchangeGraph(
            directed: false, graphValues: graphValues,
            nodeColumns: [.init(name: "kind", type: .string), .init(name: "name", type: .string), .init(name: "aliases", type: .list)],
            edgeColumns: [.init(name: "relation", type: .string), .init(name: "weight", type: .integer), .init(name: "meetings", type: .list)],
            nodes: nodes, edges: edges)
    }

    /// An unordered pair of node ids, stored in id order.
    struct Pair: Hashable, Comparable {
        let first: NodeID, second: NodeID
        init(_ a: NodeID, _ b: NodeID) { (first, second) = a < b ? (a, b) : (b, a) }
        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }
    }
}
