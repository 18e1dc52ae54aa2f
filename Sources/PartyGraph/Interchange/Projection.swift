/// The who-meets-whom projection used by export: the ``CoMeetingGraph`` of the projection's level, so export,
/// `matrix`, `who-met` and `centrality` agree on who meets whom (see ``Dataset/attendees(of:level:filter:)`` and
/// docs/queries.md).
///
/// At person level the actors are persons, and offices whose holder the sources do not name (kind `office`,
/// labelled "— holder not named"), standing in for that person. Meetings count when they are announced or held
/// (the shared default) and overlap the window. Two actors of the same meeting are joined; the weight is the number
/// of distinct meetings they share, and the edge lists those meeting ids in id order. Nodes follow dataset order,
/// edges the order of their (first id, second id).
enum MeetingProjection {
    /// The projected graph: actors as nodes (dataset order), one undirected edge per pair that shares a meeting.
    /// - Precondition: `projection` is a meeting projection (not `full`).
    static func graph(_ dataset: Dataset, projection: GraphProjection, window: DateSpan?, place: PlaceScope? = nil) -> InterchangeGraph {
        var filter = window.map { try! QueryFilter(from: $0.start, to: $0.end) } ?? .all
        filter.place = place
        let coMeeting = dataset.coMeetingGraph(level: projection.level ?? .person, filter: filter)
        // Actors in dataset order, which is also the order nodes are written in.
        let actorEntities = coMeeting.entityOfVertex.indices.sorted { coMeeting.entityOfVertex[$0] < coMeeting.entityOfVertex[$1] }
        let nodes = actorEntities.map { vertex -> InterchangeGraph.Node in
            let entity = dataset.entities[Int(coMeeting.entityOfVertex[vertex])]
            var values: [String: InterchangeGraph.Value] = ["kind": .string(entity.kind.rawValue), "name": .string(entity.name)]
            if !entity.aliases.isEmpty { values["aliases"] = .list(entity.aliases) }
            return InterchangeGraph.Node(id: entity.id.rawValue, kind: entity.kind.rawValue, label: coMeeting.actors[vertex].label, values: values)
        }
        // Each vertex's rank in id order, so pairs sort by two integers instead of two strings.
        let byID = coMeeting.actors.indices.sorted { coMeeting.actors[$0].id < coMeeting.actors[$1].id }
        var rankOf = [Int32](repeating: 0, count: byID.count)
        for (rank, vertex) in byID.enumerated() { rankOf[vertex] = Int32(rank) }
        let idRank = rankOf
        // Pairs in the order of (first id, second id), sorted on one packed integer key per pair.
        let membership = coMeeting.coMembership
        var keyed = (0..<coMeeting.pairCount).map { pair -> (key: UInt64, pair: Int32) in
            let a = UInt64(idRank[Int(membership.pairFirst[pair])]), b = UInt64(idRank[Int(membership.pairSecond[pair])])
            return (min(a, b) << 32 | max(a, b), Int32(pair))
        }
        keyed.sort { $0.key < $1.key }
        let order = keyed
        // Each meeting's rank in id order, so a pair's meetings sort as integers.
        let meetingIDs = coMeeting.meetings.map(\.rawValue)
        var meetingRank = [Int32](repeating: 0, count: meetingIDs.count)
        for (rank, meeting) in meetingIDs.indices.sorted(by: { meetingIDs[$0] < meetingIDs[$1] }).enumerated() {
            meetingRank[meeting] = Int32(rank)
        }
        let rankOfMeeting = meetingRank
        let actorIDs = byID.map { coMeeting.actors[$0].id }
        let edges = InterchangeGraph.Edges(count: order.count) { index in
            let (key, pair) = order[index]
            let meetings = membership.groups(ofPair: Int(pair)).sorted { rankOfMeeting[Int($0)] < rankOfMeeting[Int($1)] }
                .map { meetingIDs[Int($0)] }
            return InterchangeGraph.Edge(
                id: "e\(index)", source: actorIDs[Int(key >> 32)].rawValue, target: actorIDs[Int(key & 0xFFFF_FFFF)].rawValue, relation: "meets",
                values: ["relation": .string("meets"), "weight": .integer(meetings.count), "meetings": .list(meetings)])
        }
        var graphValues: [(name: String, value: InterchangeGraph.Value)] = [
            ("title", .string(dataset.title)), ("projection", .string(projection.rawValue)),
        ]
        if let window { graphValues.append(("window", .string(window.description))) }
        if let place { graphValues.append(("place", .string(place.place.rawValue))) }
        return InterchangeGraph(
            directed: false, graphValues: graphValues,
            nodeColumns: [.init(name: "kind", type: .string), .init(name: "name", type: .string), .init(name: "aliases", type: .list)],
            edgeColumns: [.init(name: "relation", type: .string), .init(name: "weight", type: .integer), .init(name: "meetings", type: .list)],
            nodes: nodes, edges: edges)
    }
}
